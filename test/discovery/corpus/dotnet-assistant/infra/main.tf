resource "azurerm_cognitive_deployment" "mini" {
  name                 = "gpt-4o-mini"
  cognitive_account_id = azurerm_cognitive_account.contoso.id

  model {
    format  = "OpenAI"
    name    = "gpt-4o-mini"
    version = "2024-07-18"
  }

  sku {
    name = "Standard"
  }
}
