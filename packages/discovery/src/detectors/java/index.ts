import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { C_LIKE, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { codeHits } from "../code/engine.js";
import { type Dependency, dependencyHits } from "../code/manifest.js";
import { sourceSignals } from "../code/signals.js";
import { gradleBuild, pomXml, versionCatalog } from "./manifests.js";
import { javaFacts } from "./source.js";

const SOURCE_EXTENSIONS = new Set(["java", "kt", "kts", "scala", "groovy"]);

function manifest(path: string): ((text: string) => Dependency[]) | undefined {
  const base = baseName(path);
  if (base === "pom.xml") return pomXml;
  if (/^(?:build|settings)\.gradle(?:\.kts)?$/.test(base) || /\.gradle(?:\.kts)?$/.test(base)) return gradleBuild;
  if (base.endsWith(".versions.toml")) return versionCatalog;
  return undefined;
}

/** Java and other JVM languages: Maven, Gradle and version catalogs; imports, calls, builder chains, model constants. */
export const javaDetector: Detector = {
  id: "java",
  ecosystem: "java",
  matches: (path) => manifest(path) !== undefined || SOURCE_EXTENSIONS.has(extension(path)),
  bypassesPrefilter: (path) => manifest(path) !== undefined,
  detect(file: SourceFile): Hit[] {
    const parse = manifest(file.path);
    const lines = new LineIndex(file.text);
    if (parse) return dependencyHits("maven", parse(file.text), lines);
    const stripped = stripComments(file.text, C_LIKE);
    return [...codeHits(javaFacts(stripped), stripped, lines), ...sourceSignals(stripped, lines)];
  },
};
