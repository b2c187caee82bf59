package llm

import (
	"context"
	"os"

	openai "github.com/sashabaranov/go-openai"
)

// Classify uses the older community client.
func Classify(ctx context.Context, text string) (string, error) {
	cfg := openai.DefaultConfig(os.Getenv("OPENAI_API_KEY"))
	client := openai.NewClientWithConfig(cfg)
	resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    openai.GPT4oMini,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: text}},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}
