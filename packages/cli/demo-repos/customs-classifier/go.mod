module github.com/meridian-freight/customs-classifier

go 1.23

require (
	github.com/aws/aws-sdk-go-v2 v1.32.5
	github.com/aws/aws-sdk-go-v2/config v1.28.5
	github.com/aws/aws-sdk-go-v2/service/bedrockruntime v1.23.0
)
