import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStore, DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, openDatabase, seedDemo } from "@caio/db";
import { argon2Hasher, startServer } from "@caio/server";

export const WEB_DIST = fileURLToPath(new URL("../../packages/web/dist", import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
  demo: { org: string; adminEmail: string; viewerEmail: string; editorEmail: string; password: string };
}

/**
 * Starts the real server on a free port: embedded database in a temporary directory, demo
 * organization seeded, built web app served (run `npm run build` first).
 */
export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "caio-e2e-"));
  const db = await openDatabase({ dataDir: dir });
  const store = createStore({ db, hasher: argon2Hasher });
  await seedDemo(store);
  const server = await startServer({ store, webDir: WEB_DIST }, { port: 0, host: "127.0.0.1" });
  return {
    url: server.url.replace("localhost", "127.0.0.1"),
    async close() {
      await server.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
    demo: {
      org: DEMO_ORG.slug,
      adminEmail: DEMO_USERS[0].email,
      editorEmail: DEMO_USERS[1].email,
      viewerEmail: DEMO_USERS[3].email,
      password: DEMO_PASSWORD,
    },
  };
}
