const Anthropic = require("@anthropic-ai/sdk");

const anthropic = new Anthropic();

async function critique(draft) {
  const message = await anthropic.messages.create({
    model: "claude-sonnet-4-20250514",
    max_tokens: 1024,
    messages: [{ role: "user", content: draft }],
  });
  return message.content[0].text;
}

module.exports = { critique };
