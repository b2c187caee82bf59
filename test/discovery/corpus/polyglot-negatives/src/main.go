package main

import "fmt"

// Client talks to the billing API.
type Client struct{ Model string }

// NewClient returns a billing client.
func NewClient() *Client { return &Client{Model: "flat-rate"} }

func main() {
	agent := NewClient()
	fmt.Println(agent.Model)
}
