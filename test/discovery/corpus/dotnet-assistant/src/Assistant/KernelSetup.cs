using Microsoft.SemanticKernel;

namespace Assistant;

public static class KernelSetup
{
    public static Kernel Build(string endpoint, string key)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddAzureOpenAIChatCompletion(deploymentName: "gpt-4o-mini", endpoint: endpoint, apiKey: key);
        return builder.Build();
    }
}
