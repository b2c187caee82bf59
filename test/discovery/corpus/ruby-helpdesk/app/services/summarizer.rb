class Summarizer
  def call(text)
    chat = RubyLLM.chat(model: "gemini-2.0-flash")
    chat.ask("Summarize: #{text}").content
  end
end
