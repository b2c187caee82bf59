package main

import (
	"context"
	"fmt"
	"os"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

func main() {
	// Local models through Ollama's OpenAI-compatible endpoint.
	host := os.Getenv("OLLAMA_HOST")
	fmt.Println("ollama at", host)
	client := openai.NewClient(option.WithBaseURL("http://localhost:11434/v1"))
	completion, err := client.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{
		Model:    openai.F("llama3.2"),
		Messages: openai.F([]openai.ChatCompletionMessageParamUnion{openai.UserMessage("ping")}),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(completion.Choices[0].Message.Content)
}
