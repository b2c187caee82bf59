/** A JSON string element on its own line, as Jupyter writes cell sources: `    "import openai\n",`. */
const SOURCE_LINE = /^\s*"((?:[^"\\]|\\.)*)",?\s*$/;

/**
 * The code of a Jupyter notebook with its line numbers kept: every line that is a JSON string
 * element becomes its decoded text, every other line becomes empty.
 */
export function notebookCode(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const m = SOURCE_LINE.exec(line);
      if (!m) return "";
      try {
        return (JSON.parse(`"${m[1] ?? ""}"`) as string).replace(/\n/g, " ");
      } catch {
        return "";
      }
    })
    .join("\n");
}
