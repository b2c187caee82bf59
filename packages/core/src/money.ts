/** Money helpers: amounts travel as decimal strings and are stored as integer micro-units (1e-6). */

const MICRO_DIGITS = 6;

/** "120000.5" -> 120000500000n. Throws on malformed input (validate with MoneyAmountSchema first). */
export function decimalToMicros(amount: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(amount);
  if (!m) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const whole = m[1] ?? "0";
  const frac = (m[2] ?? "").padEnd(MICRO_DIGITS, "0");
  return BigInt(whole) * 1_000_000n + BigInt(frac);
}

/** 120000500000n -> "120000.5"; whole amounts keep two decimals ("120000.00"). */
export function microsToDecimal(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  let frac = (abs % 1_000_000n).toString().padStart(MICRO_DIGITS, "0").replace(/0+$/, "");
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  return `${negative ? "-" : ""}${whole}.${frac}`;
}
