/** Returns text with the contents of string literals replaced by spaces (quotes and offsets kept). */
export function blankStrings(text: string): string {
  let out = "";
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < text.length) {
        const c = text.charAt(j);
        if (c === "\\") {
          j += 2;
          continue;
        }
        if (c === ch || (c === "\n" && ch !== "`")) break;
        j++;
      }
      const end = Math.min(j, text.length);
      out += text.slice(last, i + 1) + " ".repeat(Math.max(0, end - i - 1));
      last = end;
      i = end + 1;
      continue;
    }
    i++;
  }
  return out + text.slice(last);
}
