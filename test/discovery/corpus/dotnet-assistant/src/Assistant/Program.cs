using Azure;
using Azure.AI.OpenAI;
using OpenAI.Chat;

var key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? "";
var client = new AzureOpenAIClient(new Uri("https://contoso-ai.openai.azure.com/"), new AzureKeyCredential(key));
ChatClient chat = client.GetChatClient("gpt-4o");
ChatCompletion completion = chat.CompleteChat("Say hello");
Console.WriteLine(completion.Content[0].Text);
