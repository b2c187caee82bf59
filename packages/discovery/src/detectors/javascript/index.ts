import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { JS_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { codeHits } from "../code/engine.js";
import { type Dependency, dependencyHits } from "../code/manifest.js";
import { sourceSignals } from "../code/signals.js";
import { packageJson, packageLock, pnpmLock, yarnLock } from "./manifests.js";
import { javascriptFacts } from "./source.js";

const SOURCE_EXTENSIONS = new Set(["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte", "astro"]);
const MANIFESTS: Readonly<Record<string, (text: string) => Dependency[]>> = {
  "package.json": packageJson,
  "package-lock.json": packageLock,
  "npm-shrinkwrap.json": packageLock,
  "yarn.lock": yarnLock,
  "pnpm-lock.yaml": pnpmLock,
};

function isSource(path: string): boolean {
  return SOURCE_EXTENSIONS.has(extension(path)) && !/\.min\.[cm]?js$/.test(path);
}

/** JavaScript and TypeScript: package.json and lockfiles, imports/requires, calls, model ids, env vars, endpoints. */
export const javascriptDetector: Detector = {
  id: "javascript",
  ecosystem: "javascript",
  matches: (path) => isSource(path) || Object.hasOwn(MANIFESTS, baseName(path)),
  bypassesPrefilter: (path) => Object.hasOwn(MANIFESTS, baseName(path)),
  detect(file: SourceFile): Hit[] {
    const manifest = Object.hasOwn(MANIFESTS, baseName(file.path)) ? MANIFESTS[baseName(file.path)] : undefined;
    if (manifest) return dependencyHits("npm", manifest(file.text), new LineIndex(file.text));
    const stripped = stripComments(file.text, JS_SYNTAX);
    const lines = new LineIndex(stripped);
    return [...codeHits(javascriptFacts(stripped), stripped, lines), ...sourceSignals(stripped, lines)];
  },
};
