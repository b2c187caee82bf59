from openai import OpenAI


def test_answer_uses_model():
    client = OpenAI(api_key="test")
    assert client is not None
    params = dict(model="gpt-4o", temperature=0)
    assert params["model"]
