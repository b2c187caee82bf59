require "rails_helper"

RSpec.describe ChatService do
  it "builds a client" do
    client = OpenAI::Client.new(access_token: "test")
    expect(client).to be_present
    expect({ model: "gpt-4o" }[:model]).to eq("gpt-4o")
  end
end
