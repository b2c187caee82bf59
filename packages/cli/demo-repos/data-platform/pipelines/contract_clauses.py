"""Flags unusual liability clauses for the legal team (contract review assistant)."""
import anthropic

client = anthropic.Anthropic()


def review(contract_text: str) -> str:
    message = client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=1024,
        messages=[{"role": "user", "content": f"List unusual liability or penalty clauses:\n{contract_text}"}],
    )
    return message.content[0].text
