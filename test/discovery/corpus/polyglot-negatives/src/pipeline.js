// TODO: maybe migrate this to OpenAI one day.
/* import Anthropic from "@anthropic-ai/sdk"; */
export class OpenAIWrapperMock {
  complete(prompt) {
    return `echo: ${prompt}`;
  }
}

export function pipeline(...steps) {
  return steps.map((s) => s());
}

export const settings = { model: "linear-regression", engine: "v8" };
