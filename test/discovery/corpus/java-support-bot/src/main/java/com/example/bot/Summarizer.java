package com.example.bot;

import dev.langchain4j.model.openai.OpenAiChatModel;

/** Summarizes tickets with LangChain4j. */
public class Summarizer {
    private final OpenAiChatModel model = OpenAiChatModel.builder()
            .apiKey(System.getenv("OPENAI_API_KEY"))
            .modelName("gpt-4o")
            .build();

    public String summarize(String ticket) {
        return model.generate("Summarize: " + ticket);
    }
}
