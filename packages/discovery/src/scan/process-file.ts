import type { Ecosystem } from "@caio/core";
import { scopeOf } from "../scope.js";
import type { DetectContext, Detector, Hit } from "../types.js";
import type { FileReader } from "./read-file.js";
import { scanBytes } from "./scan-file.js";

/** A file to process. */
export interface FileTask {
  absolute: string;
  /** Repository-relative path. */
  path: string;
  /** Size limit for this file. */
  limit: number;
}

/** The hits of one detector, in a form that crosses thread boundaries. */
export interface HitGroup {
  detector: string;
  ecosystem: Ecosystem;
  hits: Hit[];
}

/** What processing one file produced. */
export interface FileOutcome {
  path: string;
  /** False when the file was too large, binary or unreadable. */
  scanned: boolean;
  bytes: number;
  scope: ReturnType<typeof scopeOf>;
  groups: HitGroup[];
}

/** Reads one file and runs the detectors on it. Holds the file only for the duration of the call. */
export function processFile(task: FileTask, reader: FileReader, context: DetectContext, detectors?: readonly Detector[]): FileOutcome {
  const outcome = reader.read(task.absolute, task.limit);
  if (outcome.kind !== "text") return { path: task.path, scanned: false, bytes: 0, scope: "runtime", groups: [] };
  const groups: HitGroup[] = [];
  for (const { detector, hits } of scanBytes(task.path, outcome.bytes, context, detectors)) {
    if (hits.length > 0) groups.push({ detector: detector.id, ecosystem: detector.ecosystem, hits });
  }
  return { path: task.path, scanned: true, bytes: outcome.bytes.length, scope: groups.length > 0 ? scopeOf(task.path) : "runtime", groups };
}
