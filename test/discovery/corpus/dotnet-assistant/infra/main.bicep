param location string = resourceGroup().location

resource openai 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'contoso-ai'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {}
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {
  parent: openai
  name: 'gpt-4o'
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o'
      version: '2024-08-06'
    }
  }
}
