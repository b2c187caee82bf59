class ClaudeService
  def initialize
    @client = Anthropic::Client.new(api_key: ENV["ANTHROPIC_API_KEY"])
  end

  def triage(ticket)
    @client.messages.create(model: "claude-3-5-haiku-latest", max_tokens: 200, messages: [{ role: "user", content: ticket }])
  end
end
