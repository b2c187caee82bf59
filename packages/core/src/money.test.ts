import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MoneyAmountSchema } from "./common.js";
import { decimalToMicros, microsToDecimal } from "./money.js";

describe("money", () => {
  it("converts decimal strings to micro-units exactly", () => {
    expect(decimalToMicros("0")).toBe(0n);
    expect(decimalToMicros("0.000001")).toBe(1n);
    expect(decimalToMicros("120000.50")).toBe(120_000_500_000n);
    expect(decimalToMicros("999999999999.999999")).toBe(999_999_999_999_999_999n);
    expect(() => decimalToMicros("1.0000001")).toThrow();
    expect(() => decimalToMicros("-1")).toThrow();
  });

  it("formats micro-units with at least two decimals", () => {
    expect(microsToDecimal(0n)).toBe("0.00");
    expect(microsToDecimal(1n)).toBe("0.000001");
    expect(microsToDecimal(120_000_500_000n)).toBe("120000.50");
    expect(microsToDecimal(-1_500_000n)).toBe("-1.50");
  });

  it("round-trips every valid amount (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999_999n }), (micros) => {
        const text = microsToDecimal(micros);
        expect(MoneyAmountSchema.safeParse(text).success).toBe(true);
        expect(decimalToMicros(text)).toBe(micros);
      }),
    );
  });

  it("sums without float drift (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10_000_000_000n }), { maxLength: 200 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0n);
        const viaText = parts.map((p) => decimalToMicros(microsToDecimal(p))).reduce((a, b) => a + b, 0n);
        expect(viaText).toBe(total);
      }),
    );
  });
});
