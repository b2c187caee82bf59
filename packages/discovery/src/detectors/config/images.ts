import { lookupImage } from "../../catalog/index.js";
import { targetHit } from "../../signals/hit.js";
import type { LineIndex } from "../../text/line-index.js";
import type { Hit } from "../../types.js";

/** `FROM [--platform=…] image[:tag] [AS name]`. Group 1: image. */
const DOCKER_FROM = /^[ \t]*FROM[ \t]+(?:--[\w-]+=\S+[ \t]+)*([^\s$]+)/gim;
/** YAML `image: repo:tag` and Helm `repository: repo`. Group 2: image. */
const YAML_IMAGE = /^[ \t-]*(image|repository)[ \t]*:[ \t]*["']?([^\s"'#$]+)/gm;

function imageHits(pattern: RegExp, group: number, text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(pattern)) {
    const reference = m[group] ?? "";
    const entry = lookupImage(reference);
    if (!entry) continue;
    const at = lines.position(m.index + m[0].indexOf(reference));
    const hit = targetHit(entry.target, { confidence: "declared", signal: "config", line: at.line, column: at.column, detail: `image ${reference}` });
    hits.push({ ...hit, name: entry.name });
  }
  return hits;
}

/** Catalogue images in a Dockerfile's `FROM` lines → declared services and vector stores. */
export function dockerfileImageHits(text: string, lines: LineIndex): Hit[] {
  return imageHits(DOCKER_FROM, 1, text, lines);
}

/** Catalogue images in YAML (`image:` in compose files and Kubernetes manifests, Helm `repository:`). */
export function yamlImageHits(text: string, lines: LineIndex): Hit[] {
  return imageHits(YAML_IMAGE, 2, text, lines);
}
