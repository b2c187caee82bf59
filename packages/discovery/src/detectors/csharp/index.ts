import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { CSHARP_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { codeHits } from "../code/engine.js";
import { type Dependency, dependencyHits } from "../code/manifest.js";
import { sourceSignals } from "../code/signals.js";
import { msbuildPackages, packagesConfig } from "./manifests.js";
import { csharpFacts } from "./source.js";

function manifest(path: string): ((text: string) => Dependency[]) | undefined {
  const base = baseName(path);
  if (/\.(?:cs|fs|vb)proj$/i.test(base) || /^Directory\.(?:Packages|Build)\.props$/i.test(base)) return msbuildPackages;
  if (base.toLowerCase() === "packages.config") return packagesConfig;
  return undefined;
}

/** C#: csproj/Directory.Packages.props/packages.config; `using` namespaces, constructors, extension methods. */
export const csharpDetector: Detector = {
  id: "csharp",
  ecosystem: "csharp",
  matches: (path) => manifest(path) !== undefined || extension(path) === "cs",
  bypassesPrefilter: (path) => manifest(path) !== undefined,
  detect(file: SourceFile): Hit[] {
    const parse = manifest(file.path);
    const lines = new LineIndex(file.text);
    if (parse) return dependencyHits("nuget", parse(file.text), lines);
    const stripped = stripComments(file.text, CSHARP_SYNTAX);
    return [...codeHits(csharpFacts(stripped), stripped, lines), ...sourceSignals(stripped, lines)];
  },
};
