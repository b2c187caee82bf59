import type { Scope } from "@caio/core";
import { bytesHavePrefilterLiteral } from "../catalog/index.js";
import { DETECTORS } from "../detectors/index.js";
import { scopeOf } from "../scope.js";
import type { DetectContext, Detector, Hit } from "../types.js";

/** The hits one detector produced for one file. */
export interface DetectorHits {
  detector: Detector;
  hits: Hit[];
}

/** The detectors that read a path, split by whether they need the prefilter to pass. */
export function detectorsFor(path: string, detectors: readonly Detector[] = DETECTORS): { always: Detector[]; gated: Detector[] } {
  const always: Detector[] = [];
  const gated: Detector[] = [];
  for (const detector of detectors) {
    if (!detector.matches(path)) continue;
    if (detector.bypassesPrefilter?.(path)) always.push(detector);
    else gated.push(detector);
  }
  return { always, gated };
}

/** Runs one detector, turning an unexpected exception into no hits (one bad file never stops a scan). */
function runDetector(detector: Detector, path: string, text: string, scope: Scope, context: DetectContext): Hit[] {
  try {
    return detector.detect({ path, text, scope }, context);
  } catch {
    return [];
  }
}

/**
 * Scans one file's bytes: runs path-identified detectors always, and content detectors only when the
 * file contains a prefilter literal. Returns the hits per detector (empty when nothing ran).
 */
export function scanBytes(path: string, bytes: Buffer, context: DetectContext, detectors: readonly Detector[] = DETECTORS): DetectorHits[] {
  const { always, gated } = detectorsFor(path, detectors);
  const run = gated.length > 0 && bytesHavePrefilterLiteral(bytes) ? [...always, ...gated] : always;
  if (run.length === 0) return [];
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Windows line endings: detectors see "\n" only (line numbers and columns are unchanged).
  if (text.includes("\r\n")) text = text.replace(/\r\n/g, "\n");
  const scope = scopeOf(path);
  return run.map((detector) => ({ detector, hits: runDetector(detector, path, text, scope, context) }));
}

/** Scans one file's text (tests and callers that already hold text). Same rules as {@link scanBytes}. */
export function scanText(path: string, text: string, context: DetectContext, detectors: readonly Detector[] = DETECTORS): DetectorHits[] {
  return scanBytes(path, Buffer.from(text, "utf8"), context, detectors);
}
