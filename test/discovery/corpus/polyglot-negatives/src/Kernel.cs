namespace Billing;

public class Kernel
{
    public ChatClient Chat { get; } = new ChatClient();
}

public class ChatClient { }

public class OpenAIClient { }
