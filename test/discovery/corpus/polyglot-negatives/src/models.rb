class Painting < ApplicationRecord
  def artist
    Client.new(name: "Claude Monet", model: "impressionism")
  end
end
