// @ts-nocheck
import OpenAI from "openai";
import { expect, it } from "vitest";

it("builds a client", () => {
  const client = new OpenAI({ apiKey: "test" });
  expect(client).toBeTruthy();
  expect({ model: "gpt-4o-mini" }.model).toBe("gpt-4o-mini");
});
