import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from "yaml";

/** A scalar leaf of a YAML document with its key path and 1-based position. */
export interface YamlLeaf {
  path: readonly (string | number)[];
  value: string;
  line: number;
  column: number;
  /** Position of the key of the pair holding the value (or of the value inside sequences). */
  keyLine: number;
}

/**
 * Every scalar of every document in a YAML text, with its path (`["model_list", 0, "litellm_params",
 * "model"]`). Invalid YAML yields what parsed before the error; never throws.
 */
export function yamlLeaves(text: string, limit = 20_000): YamlLeaf[] {
  const lineCounter = new LineCounter();
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, strict: false });
  } catch {
    return [];
  }
  const out: YamlLeaf[] = [];
  const pos = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const visit = (node: unknown, path: (string | number)[], keyOffset: number | undefined) => {
    if (out.length >= limit || !node) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        visit(pair.value, [...path, key], (pair.key as Node | null)?.range?.[0]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        visit(item, [...path, i], (item as Node | null)?.range?.[0]);
      });
    } else if (isScalar(node) && node.value !== null && node.value !== undefined) {
      const at = pos(node.range?.[0]);
      out.push({ path, value: String(node.value), line: at.line, column: at.col, keyLine: pos(keyOffset ?? node.range?.[0]).line });
    }
  };
  const docList = Array.isArray(docs) ? docs : [docs];
  for (const doc of docList) {
    if ("contents" in doc) visit(doc.contents, [], undefined);
  }
  return out;
}
