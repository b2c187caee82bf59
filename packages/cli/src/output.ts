import Table from "cli-table3";

const useColor = () => process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";

export const style = {
  bold: (s: string) => (useColor() ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (useColor() ? `\x1b[2m${s}\x1b[22m` : s),
  red: (s: string) => (useColor() ? `\x1b[31m${s}\x1b[39m` : s),
  green: (s: string) => (useColor() ? `\x1b[32m${s}\x1b[39m` : s),
};

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(head: string[], rows: (string | number | boolean | null | undefined)[][]): void {
  if (rows.length === 0) {
    process.stdout.write(`${style.dim("(none)")}\n`);
    return;
  }
  const table = new Table({
    head: head.map((h) => style.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    wordWrap: true,
    colWidths: head.map(() => null),
  });
  for (const r of rows) table.push(r.map((v) => (v === null || v === undefined ? "" : String(v))));
  process.stdout.write(`${table.toString()}\n`);
}

/** Key/value block for `show` commands. */
export function printFields(fields: [string, unknown][]): void {
  const width = Math.max(...fields.map(([k]) => k.length));
  for (const [k, v] of fields) {
    const text = Array.isArray(v) ? v.join(", ") : v === null || v === undefined || v === "" ? style.dim("—") : String(v);
    process.stdout.write(`${style.bold(k.padEnd(width))}  ${text}\n`);
  }
}

export function info(msg: string): void {
  process.stderr.write(`${msg}\n`);
}
