// @ts-nocheck
import OpenAI from "openai";

// OpenRouter speaks the OpenAI protocol; the SDK is not the provider.
const router = new OpenAI({
  baseURL: "https://openrouter.ai/api/v1",
  apiKey: process.env.OPENROUTER_API_KEY,
});

export async function summarize(text: string): Promise<string> {
  const completion = await router.chat.completions.create({
    model: "anthropic/claude-3.5-sonnet",
    messages: [{ role: "user", content: text }],
  });
  return completion.choices[0].message.content ?? "";
}
