package llm

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go"
)

// Summarize asks Claude for a summary.
func Summarize(ctx context.Context, text string) (string, error) {
	client := anthropic.NewClient()
	msg, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.F(anthropic.ModelClaude3_5HaikuLatest),
		MaxTokens: anthropic.F(int64(256)),
		Messages:  anthropic.F([]anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(text))}),
	})
	if err != nil {
		return "", err
	}
	return msg.Content[0].Text, nil
}
