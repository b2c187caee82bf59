import { describe, expect, it } from "vitest";
import { createTrigramKernel } from "./trigram-wasm.js";

describe("trigram WebAssembly kernel", () => {
  const shift = 7;
  const mask = (1 << 21) - 1;
  const hash = (text: string) => {
    let h = 0;
    for (const c of text) h = ((h << shift) ^ (c.charCodeAt(0) | 0x20)) & mask;
    return h;
  };

  it("returns the four-byte group holding the first marked trigram, or -1", () => {
    const kernel = createTrigramKernel(shift, mask);
    expect(kernel).not.toBeNull();
    if (!kernel) return;
    kernel.table[hash("xyz")] = 1;
    const text = Buffer.from("aaaaaaaXYZaaaaaa", "latin1");
    kernel.load(text);
    expect(kernel.find(0, text.length, 0)).toBe(8);
    expect(kernel.find(12, text.length, hash("aaa"))).toBe(-1);
    const none = Buffer.from("aaaaaaaaaaaaaaaa", "latin1");
    kernel.load(none);
    expect(kernel.find(0, none.length, 0)).toBe(-1);
  });

  it("grows its memory for large inputs", () => {
    const kernel = createTrigramKernel(shift, mask);
    if (!kernel) return;
    kernel.table[hash("end")] = 1;
    const big = Buffer.alloc(4 * 1024 * 1024, 0x2e);
    big.write("END", big.length - 4, "latin1");
    kernel.load(big);
    expect(kernel.find(0, big.length, 0)).toBe(big.length - 4);
  });
});
