import { targetHit } from "../../signals/hit.js";
import type { LineIndex } from "../../text/line-index.js";
import type { Hit } from "../../types.js";

/** pgvector in SQL and schemas: `CREATE EXTENSION vector`, Prisma `extensions = [vector]` / `Unsupported("vector(…)")`, `vector_cosine_ops` indexes. */
const PGVECTOR =
  /\bcreate[ \t]+extension[ \t]+(?:if[ \t]+not[ \t]+exists[ \t]+)?["']?vector["']?|\bextensions[ \t]*=[ \t]*\[[^\]\n]*\bvector\b|Unsupported\(\s*"vector\(|\bvector_(?:cosine|l2|ip)_ops\b|\benable_extension[ \t(]+["']vector["']/gi;

/** pgvector schema signals → declared vector store (one hit per file, at the first signal). */
export function pgvectorHits(text: string, lines: LineIndex): Hit[] {
  PGVECTOR.lastIndex = 0;
  const m = PGVECTOR.exec(text);
  if (!m) return [];
  const at = lines.position(m.index);
  return [
    targetHit(
      { kind: "vector-store", id: "pgvector" },
      { confidence: "declared", signal: "config", line: at.line, column: at.column, detail: "schema uses the vector extension" },
    ),
  ];
}
