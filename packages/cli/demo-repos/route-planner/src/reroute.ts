import { ChatOpenAI } from "@langchain/openai";

/** Suggests a new route when traffic or weather disrupts a tour; a dispatcher accepts or rejects it. */
const model = new ChatOpenAI({ model: "gpt-4o", temperature: 0 });

export async function suggestReroute(tour: string, disruption: string): Promise<string> {
  const reply = await model.invoke([
    ["system", "You are a dispatch assistant. Propose the smallest change to the tour."],
    ["user", `Tour: ${tour}\nDisruption: ${disruption}`],
  ]);
  return String(reply.content);
}
