package agent

// Agent runs steps; the name has nothing to do with AI.
type Agent struct {
	Model string
}

// Client is a plain HTTP client wrapper.
type Client struct{}

// NewClient returns a client.
func NewClient() *Client { return &Client{} }

func pipeline(steps ...func()) {
	for _, step := range steps {
		step()
	}
}

var defaultAgent = Agent{Model: "standard"}
