/**
 * Exact decimal arithmetic for prices and costs. Catalog prices arrive as JS numbers; they are
 * turned into scaled integers through their shortest decimal representation (`String(n)`), so
 * `0.075` becomes exactly 75/1000 and no binary-float error enters a cost.
 */

/** Divides `n` by `d` (d > 0) and rounds half to even. Works for negative `n`. */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const r = abs % d;
  const twice = r * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * A finite non-negative decimal (number or decimal string, exponent allowed) as an integer scaled
 * by 10^scale. Throws when the value has more than `scale` decimals, so nothing is rounded here.
 */
export function toScaled(value: number | string, scale: number): bigint {
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = typeof value === "number" ? String(value) : value.trim();
  const m = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a non-negative decimal: ${JSON.stringify(text)}`);
  const whole = m[1] ?? "0";
  const frac = m[2] ?? "";
  const exp = Number(m[3] ?? "0");
  const digits = BigInt(`${whole}${frac}`);
  const shift = scale + exp - frac.length;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  if (digits % div !== 0n) throw new RangeError(`${text} has more than ${scale} decimals`);
  return digits / div;
}
