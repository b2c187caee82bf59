import anthropic

claude = anthropic.Anthropic()


def review(text: str) -> str:
    message = claude.messages.create(
        model="claude-3-5-sonnet-20241022",
        max_tokens=512,
        messages=[{"role": "user", "content": text}],
    )
    return message.content[0].text
