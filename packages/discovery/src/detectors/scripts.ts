import { endpointHits } from "../signals/endpoints.js";
import { envVarHits } from "../signals/env-vars.js";
import { modelLiteralHits } from "../signals/models.js";
import { LineIndex } from "../text/line-index.js";
import { baseName, extension } from "../text/paths.js";
import { HASH_SYNTAX, stripComments } from "../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../types.js";

const SCRIPT_EXTENSIONS = new Set(["sh", "bash", "zsh", "fish", "ps1", "psm1", "bat", "cmd"]);
const SCRIPT_NAMES = /^(?:Makefile|GNUmakefile|Justfile|justfile|Procfile|Taskfile)$/;

/** Shell scripts, Makefiles and Procfiles: env-var names, provider endpoints (`curl https://api.openai.com/…`), `--model` flags. */
export const scriptsDetector: Detector = {
  id: "scripts",
  ecosystem: "generic",
  matches: (path) => SCRIPT_EXTENSIONS.has(extension(path)) || SCRIPT_NAMES.test(baseName(path)),
  detect(file: SourceFile): Hit[] {
    const text = stripComments(file.text, HASH_SYNTAX);
    const lines = new LineIndex(text);
    return [...envVarHits(text, lines), ...endpointHits(text, lines), ...modelLiteralHits(text, lines, { commands: true })];
  },
};
