package vec

import "github.com/qdrant/go-client/qdrant"

// Open connects to the vector store.
func Open() (*qdrant.Client, error) {
	return qdrant.NewClient(&qdrant.Config{Host: "localhost", Port: 6334})
}
