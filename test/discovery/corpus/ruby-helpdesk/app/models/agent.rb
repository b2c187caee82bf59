# A support agent (a person) and their client list. Nothing to do with AI.
class Agent < ApplicationRecord
  has_many :clients

  def pipeline
    Client.new(name: "Claude Monet", model: "standard")
  end
end
