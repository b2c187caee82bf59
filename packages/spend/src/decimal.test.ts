import { describe, expect, it } from "vitest";
import { divRoundHalfEven, toScaled } from "./decimal.js";

describe("decimal", () => {
  it("rounds half to even", () => {
    expect(divRoundHalfEven(5n, 2n)).toBe(2n);
    expect(divRoundHalfEven(7n, 2n)).toBe(4n);
    expect(divRoundHalfEven(6n, 4n)).toBe(2n);
    expect(divRoundHalfEven(-5n, 2n)).toBe(-2n);
    expect(divRoundHalfEven(-7n, 2n)).toBe(-4n);
    expect(divRoundHalfEven(1n, 3n)).toBe(0n);
    expect(divRoundHalfEven(2n, 3n)).toBe(1n);
  });
  it("scales numbers and strings exactly", () => {
    expect(toScaled(0.075, 9)).toBe(75_000_000n);
    expect(toScaled(3.75, 9)).toBe(3_750_000_000n);
    expect(toScaled(1e-7, 9)).toBe(100n);
    expect(toScaled("123.45", 2)).toBe(12345n);
    expect(toScaled(15, 9)).toBe(15_000_000_000n);
    expect(() => toScaled(0.1234567891, 9)).toThrow(RangeError);
    expect(() => toScaled(-1, 9)).toThrow(RangeError);
    expect(() => toScaled("abc", 9)).toThrow(RangeError);
  });
});
