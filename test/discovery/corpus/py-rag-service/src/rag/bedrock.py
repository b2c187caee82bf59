import json

import boto3

runtime = boto3.client("bedrock-runtime", region_name="us-east-1")


def classify(text: str) -> dict:
    body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100, "messages": [{"role": "user", "content": text}]})
    response = runtime.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=body)
    return json.loads(response["body"].read())
