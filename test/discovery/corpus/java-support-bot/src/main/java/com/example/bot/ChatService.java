package com.example.bot;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatCompletionCreateParams;
import com.openai.models.ChatModel;

/** Answers support questions. */
public class ChatService {
    private final OpenAIClient client = OpenAIOkHttpClient.fromEnv();

    public String answer(String question) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage(question)
                .build();
        return client.chat().completions().create(params).choices().get(0).message().content().orElse("");
    }
}
