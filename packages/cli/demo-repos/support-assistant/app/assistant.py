"""Ask Meridian: answers shipment-status and billing questions, hands over to an agent when unsure."""
import os

from openai import OpenAI

# All model traffic goes through the company's LiteLLM gateway.
client = OpenAI(
    base_url=os.environ.get("LLM_GATEWAY_URL", "http://litellm.internal:4000/v1"),
    api_key=os.environ["OPENAI_API_KEY"],
)

SYSTEM_PROMPT = (
    "You are Meridian's support assistant. Answer from the shipment context only; "
    "if you are not sure, say so and offer to connect the customer with an agent."
)


def answer(question: str, shipment_context: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"{shipment_context}\n\n{question}"},
        ],
        temperature=0.2,
    )
    return response.choices[0].message.content or ""


def classify_intent(message: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Classify the intent of: {message}"}],
        max_tokens=5,
    )
    return response.choices[0].message.content or "other"
