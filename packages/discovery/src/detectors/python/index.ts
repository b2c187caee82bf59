import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { PYTHON_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { codeHits } from "../code/engine.js";
import { type Dependency, dependencyHits } from "../code/manifest.js";
import { sourceSignals } from "../code/signals.js";
import { condaEnvironment, pipfileLock, pyprojectToml, pythonLockfile, requirementsTxt, setupFiles } from "./manifests.js";
import { notebookCode } from "./notebook.js";
import { pythonFacts } from "./source.js";

const SOURCE_EXTENSIONS = new Set(["py", "pyi", "ipynb"]);
const REQUIREMENTS = /^(?:requirements|constraints|dev-requirements|test-requirements)[\w.-]*\.(?:txt|in)$/i;
const MANIFESTS: readonly [test: (base: string, path: string) => boolean, parse: (text: string, path: string) => Dependency[]][] = [
  [(base, path) => REQUIREMENTS.test(base) || /(^|\/)requirements\/[\w.-]+\.(?:txt|in)$/.test(path), requirementsTxt],
  [(base) => base === "pyproject.toml" || base === "Pipfile", pyprojectToml],
  [(base) => base === "setup.py" || base === "setup.cfg", setupFiles],
  [(base) => base === "poetry.lock" || base === "uv.lock" || base === "pdm.lock", pythonLockfile],
  [(base) => base === "Pipfile.lock", pipfileLock],
  [(base) => /^(?:environment|conda[\w.-]*)\.ya?ml$/.test(base), condaEnvironment],
];

/** Cheap first check: every Python manifest name contains one of these. */
const MANIFEST_HINT = /requirements|constraints|pyproject|Pipfile|setup\.|\.lock$|environment|conda/;

function manifestParser(path: string): ((text: string, path: string) => Dependency[]) | undefined {
  const base = baseName(path);
  if (!MANIFEST_HINT.test(path)) return undefined;
  return MANIFESTS.find(([test]) => test(base, path))?.[1];
}

/** Python: requirements/pyproject/Pipfile/setup/lockfiles, and imports, calls, model ids, env vars and endpoints in `.py`/`.ipynb`. */
export const pythonDetector: Detector = {
  id: "python",
  ecosystem: "python",
  matches: (path) => SOURCE_EXTENSIONS.has(extension(path)) || manifestParser(path) !== undefined,
  bypassesPrefilter: (path) => manifestParser(path) !== undefined,
  detect(file: SourceFile): Hit[] {
    const parser = manifestParser(file.path);
    if (parser) return dependencyHits("pypi", parser(file.text, file.path), new LineIndex(file.text));
    const code = extension(file.path) === "ipynb" ? notebookCode(file.text) : file.text;
    const stripped = stripComments(code, PYTHON_SYNTAX);
    const lines = new LineIndex(stripped);
    return [...codeHits(pythonFacts(stripped), stripped, lines), ...sourceSignals(stripped, lines)];
  },
};
