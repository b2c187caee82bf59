package com.example.bot;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import org.junit.jupiter.api.Test;

class ChatServiceTest {
    @Test
    void buildsClient() {
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey("test").build();
        String model = "gpt-3.5-turbo";
        assert client != null && !model.isEmpty();
    }
}
