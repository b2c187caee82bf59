module example.com/gateway

go 1.22

require (
	github.com/anthropics/anthropic-sdk-go v0.2.0-alpha.8
	github.com/google/uuid v1.6.0
	github.com/openai/openai-go v0.1.0-alpha.40
	github.com/qdrant/go-client v1.12.0
	github.com/sashabaranov/go-openai v1.32.0
)

require golang.org/x/net v0.30.0 // indirect
