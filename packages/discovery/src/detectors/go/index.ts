import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { GO_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { codeHits } from "../code/engine.js";
import { dependencyHits } from "../code/manifest.js";
import { sourceSignals } from "../code/signals.js";
import { goMod, goSum } from "./manifests.js";
import { goFacts } from "./source.js";

function manifest(path: string): ((text: string) => ReturnType<typeof goMod>) | undefined {
  const base = baseName(path);
  return base === "go.mod" ? goMod : base === "go.sum" ? goSum : undefined;
}

/** Go: go.mod/go.sum, imports, calls and composite literals, SDK model constants, model ids, env vars, endpoints. */
export const goDetector: Detector = {
  id: "go",
  ecosystem: "go",
  matches: (path) => extension(path) === "go" || manifest(path) !== undefined,
  bypassesPrefilter: (path) => manifest(path) !== undefined,
  detect(file: SourceFile): Hit[] {
    const parse = manifest(file.path);
    if (parse) return dependencyHits("go", parse(file.text), new LineIndex(file.text));
    const stripped = stripComments(file.text, GO_SYNTAX);
    const lines = new LineIndex(stripped);
    return [...codeHits(goFacts(stripped), stripped, lines), ...sourceSignals(stripped, lines)];
  },
};
