using OpenAI.Chat;
using Xunit;

public class ChatTests
{
    [Fact]
    public void CreatesClient()
    {
        var chat = new ChatClient("gpt-4o", "test-key");
        Assert.NotNull(chat);
    }
}
