require "openai"

class ChatService
  def initialize
    @client = OpenAI::Client.new(access_token: ENV.fetch("OPENAI_API_KEY"))
  end

  def reply(text)
    response = @client.chat(parameters: { model: "gpt-4o-mini", messages: [{ role: "user", content: text }] })
    response.dig("choices", 0, "message", "content")
  end
end
