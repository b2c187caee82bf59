import os

from openai import OpenAI

GROQ_BASE_URL = "https://api.groq.com/openai/v1"

groq = OpenAI(base_url=GROQ_BASE_URL, api_key=os.environ["GROQ_API_KEY"])


def fast_answer(question: str) -> str:
    reply = groq.chat.completions.create(model="llama-3.3-70b-versatile", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content
