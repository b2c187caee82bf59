import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScanStored } from "@caio/core";
import type { Store } from "@caio/db";
import { scanPaths } from "@caio/discovery";

/** The demo company's code, scanned by `caio demo` (see demo-repos/README.md). */
export const DEMO_REPOS = fileURLToPath(new URL("../demo-repos", import.meta.url));
const REPOS = ["support-assistant", "route-planner", "data-platform", "customs-classifier"];

/** A key-shaped value generated on the spot, in OpenAI's project-key format; it opens nothing. */
function plantedKey(): string {
  const part = () => randomBytes(56).toString("base64url").slice(0, 74);
  return `sk-proj-${part()}T3BlbkFJ${part()}`;
}

/**
 * Scans the demo repositories with the real scanner and stores the findings in the demo
 * organization: registered AI, shadow AI (Mistral, Qdrant, a Hugging Face model) and one leaked key.
 */
export async function seedDemoScans(store: Store, orgId: string, actorLabel: string): Promise<ScanStored> {
  const dir = mkdtempSync(join(tmpdir(), "caio-demo-repos-"));
  try {
    for (const r of REPOS) cpSync(join(DEMO_REPOS, r), join(dir, r), { recursive: true });
    // A developer committed a .env file: the scanner must report it without ever storing the value.
    writeFileSync(join(dir, "data-platform", ".env"), `QDRANT_URL=http://qdrant.data.internal:6333\nOPENAI_API_KEY=${plantedKey()}\n`);
    const secretKey = await store.discovery.fingerprintKey(orgId);
    const result = await scanPaths(
      REPOS.map((r) => join(dir, r)),
      { secretKey },
    );
    return await store.discovery.recordScan(orgId, result, { label: actorLabel });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
