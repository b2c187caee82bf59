import com.anthropic.client.okhttp.AnthropicOkHttpClient
import com.anthropic.models.messages.MessageCreateParams
import com.anthropic.models.messages.Model

fun weeklyReport(data: String): String {
    val client = AnthropicOkHttpClient.fromEnv()
    val params = MessageCreateParams.builder()
        .model(Model.CLAUDE_3_5_SONNET_LATEST)
        .maxTokens(1024)
        .addUserMessage(data)
        .build()
    return client.messages().create(params).content().toString()
}
