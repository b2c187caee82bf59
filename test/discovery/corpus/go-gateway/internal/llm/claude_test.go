package llm

import (
	"testing"

	"github.com/anthropics/anthropic-sdk-go"
)

func TestModelConstant(t *testing.T) {
	client := anthropic.NewClient()
	if client == nil || anthropic.ModelClaude3_5HaikuLatest == "" {
		t.Fatal("no client")
	}
}
