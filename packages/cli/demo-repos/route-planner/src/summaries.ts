import { Mistral } from "@mistralai/mistralai";

// Added during the Lyon depot hackathon to summarise driver notes in French.
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? "" });

export async function summariseDriverNotes(notes: string): Promise<string> {
  const res = await mistral.chat.complete({
    model: "mistral-large-latest",
    messages: [{ role: "user", content: `Résume ces notes de chauffeur : ${notes}` }],
  });
  return String(res.choices?.[0]?.message?.content ?? "");
}
