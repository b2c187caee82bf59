resource "azurerm_cognitive_account" "openai" {
  name                = "contoso-openai"
  kind                = "OpenAI"
  sku_name            = "S0"
  location            = "westeurope"
  resource_group_name = "ai"
}

# Vision is not a model provider of interest here.
resource "azurerm_cognitive_account" "vision" {
  name     = "contoso-vision"
  kind     = "ComputerVision"
  sku_name = "S1"
}
