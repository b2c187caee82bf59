import { classifyModel, MENTION_PATTERN, providerForMention } from "../catalog/index.js";
import { isDocumentFile } from "../scope.js";
import { targetHit } from "../signals/hit.js";
import { LineIndex } from "../text/line-index.js";
import type { Detector, Hit, SourceFile } from "../types.js";

/** Model-id-shaped words in prose (checked against unambiguous families only). */
const PROSE_MODEL = /(?<![\w/.-])((?:gpt|claude|gemini|gemma|llama|mistral|mixtral|codestral|command|grok|deepseek|qwen|phi)-[\w.-]*\w)/gi;

/**
 * Prose (Markdown, reStructuredText, AsciiDoc, text, READMEs): provider names and model ids are
 * `mentioned` with scope docs, wherever the file lives. Never runtime findings.
 */
export const proseDetector: Detector = {
  id: "prose",
  ecosystem: "generic",
  matches: (path) => isDocumentFile(path),
  detect(file: SourceFile): Hit[] {
    const lines = new LineIndex(file.text);
    const hits: Hit[] = [];
    for (const m of file.text.matchAll(MENTION_PATTERN)) {
      const provider = providerForMention(m[1] ?? "");
      if (!provider) continue;
      const at = lines.position(m.index);
      hits.push({
        ...targetHit(
          { kind: "provider", id: provider },
          { confidence: "mentioned", signal: "prose", line: at.line, column: at.column, detail: `mentions ${provider}` },
        ),
        scope: "docs",
      });
    }
    for (const m of file.text.matchAll(PROSE_MODEL)) {
      const match = classifyModel(m[1] ?? "", { prose: true });
      if (!match) continue;
      const at = lines.position(m.index);
      hits.push({
        kind: "model",
        id: match.id,
        name: match.id,
        provider: match.vendor,
        confidence: "mentioned",
        signal: "prose",
        line: at.line,
        column: at.column,
        detail: `mentions ${match.id}`,
        version: match.version,
        scope: "docs",
      });
    }
    return hits;
  },
};
