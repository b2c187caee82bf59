resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  agent_resource_role_arn = aws_iam_role.agent.arn
}

resource "aws_iam_role" "agent" {
  name = "bedrock-agent"
}
