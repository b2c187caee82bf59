import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { RUBY_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { codeHits } from "../code/engine.js";
import { type Dependency, dependencyHits } from "../code/manifest.js";
import { sourceSignals } from "../code/signals.js";
import { gemfile, gemfileLock } from "./manifests.js";
import { rubyFacts } from "./source.js";

function manifest(path: string): ((text: string) => Dependency[]) | undefined {
  const base = baseName(path);
  if (base === "Gemfile" || base.endsWith(".gemspec") || base === "gems.rb") return gemfile;
  if (base === "Gemfile.lock" || base === "gems.locked") return gemfileLock;
  return undefined;
}

/** Ruby: Gemfile/Gemfile.lock/gemspecs; requires, qualified constant calls (`OpenAI::Client.new`), model ids, env vars. */
export const rubyDetector: Detector = {
  id: "ruby",
  ecosystem: "ruby",
  matches: (path) => manifest(path) !== undefined || extension(path) === "rb" || extension(path) === "rake",
  bypassesPrefilter: (path) => manifest(path) !== undefined,
  detect(file: SourceFile): Hit[] {
    const parse = manifest(file.path);
    const lines = new LineIndex(file.text);
    if (parse) return dependencyHits("gem", parse(file.text), lines);
    const stripped = stripComments(file.text, RUBY_SYNTAX);
    return [...codeHits(rubyFacts(stripped), stripped, lines), ...sourceSignals(stripped, lines)];
  },
};
