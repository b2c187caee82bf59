import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, createToken, critical, gone, noOverflow, openPage, signIn, snap, useServerAndBrowser, visible } from "./support.js";

const REPOSITORY = "route-planner";
/** A secret's fingerprint (an HMAC of the key, never the key): the page may show its first 8 characters only. */
const FINGERPRINT = "3f9a1c7e5b2d4f60a8e1c3b5d7f9a2c4";

type Evidence = { file: string; line: number; detector: string; signal: string; detail: string };

function finding(f: { kind: string; id: string; name: string; scope: string; confidence: string; evidence: Evidence[] } & Record<string, unknown>) {
  return { provider: null, ecosystem: null, version: null, endpoint: null, secret: null, occurrences: f.evidence.length, ...f };
}

/** What `caio scan` would upload for the route planner: GPT-4o (registered), Mistral and Qdrant (shadow AI), a test-only GPT-4o, and a key. */
const SCAN = {
  tool: { name: "caio", version: "0.1.0" },
  startedAt: "2026-11-20T09:00:00.000Z",
  finishedAt: "2026-11-20T09:00:02.000Z",
  repositories: [
    {
      name: REPOSITORY,
      filesScanned: 14,
      bytesScanned: 18_200,
      filesSkipped: 1,
      findings: [
        finding({
          kind: "model",
          id: "gpt-4o",
          name: "GPT-4o",
          provider: "openai",
          ecosystem: "javascript",
          confidence: "referenced",
          scope: "runtime",
          evidence: [{ file: "src/reroute.ts", line: 4, detector: "javascript", signal: "model-literal", detail: 'model: "gpt-4o"' }],
        }),
        finding({
          kind: "provider",
          id: "mistral",
          name: "Mistral AI",
          provider: "mistral",
          ecosystem: "javascript",
          version: "1.3.4",
          confidence: "used",
          scope: "runtime",
          evidence: [
            { file: "package.json", line: 8, detector: "javascript", signal: "manifest", detail: '"@mistralai/mistralai": "1.3.4"' },
            { file: "src/summaries.ts", line: 1, detector: "javascript", signal: "import", detail: 'import { Mistral } from "@mistralai/mistralai"' },
            { file: "src/summaries.ts", line: 4, detector: "javascript", signal: "call", detail: "new Mistral()" },
          ],
        }),
        finding({
          kind: "vector-store",
          id: "qdrant",
          name: "Qdrant",
          provider: "qdrant",
          ecosystem: "config",
          confidence: "declared",
          scope: "runtime",
          evidence: [{ file: "docker-compose.yml", line: 12, detector: "config:docker-compose", signal: "infra", detail: "image: qdrant/qdrant" }],
        }),
        finding({
          kind: "model",
          id: "gpt-4o",
          name: "GPT-4o",
          provider: "openai",
          ecosystem: "javascript",
          confidence: "referenced",
          scope: "test",
          evidence: [{ file: "test/reroute.test.ts", line: 9, detector: "javascript", signal: "model-literal", detail: 'model: "gpt-4o"' }],
        }),
        finding({
          kind: "secret",
          id: `secret:openai:${FINGERPRINT}`,
          name: "OpenAI API key",
          provider: "openai",
          confidence: "referenced",
          scope: "runtime",
          secret: { provider: "openai", keyKind: "project-key", fingerprint: FINGERPRINT },
          evidence: [{ file: ".env", line: 2, detector: "secrets", signal: "secret", detail: "" }],
        }),
      ],
    },
  ],
};

interface StoredFinding {
  kind: string;
  id: string;
  scope: string;
  shadow: boolean;
  systems: string[];
}

async function openDiscovery(page: Page, org: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Discovery" }).click();
  await page.waitForURL(`**/o/${org}/discovery`);
  await visible(page.getByRole("heading", { level: 1, name: "Discovery" }));
}

describe("discovery", () => {
  const ctx = useServerAndBrowser();
  let token = "";
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${ctx.server.url}/api/v1/orgs/${ctx.server.demo.org}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });

  it("explains how to run caio scan before anything was scanned", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openDiscovery(page, org);
      const empty = page.getByRole("region", { name: "Nothing scanned yet" });
      await visible(empty);
      expect(await empty.locator("pre").allTextContents()).toEqual([
        "npx caio scan PATH",
        `CAIO_TOKEN=<your API token> npx caio --server ${ctx.server.url} --org ${org} scan PATH`,
      ]);
      await visible(empty.getByRole("button", { name: "Copy scan command" }));
      await visible(empty.getByRole("button", { name: "Copy command for this server" }));
      expect(await page.getByRole("table").count()).toBe(0);
      expect(critical(await axeViolations(page)), "empty discovery page").toEqual([]);
      await snap(page, "discovery-empty");
    } finally {
      await context.close();
    }
  });

  it("uploads a scan through the API with an API token", async () => {
    token = await createToken(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org, "e2e scanner");
    const res = await api("/scans", { method: "POST", body: JSON.stringify(SCAN) });
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { repositories: { name: string; findings: number; shadow: number }[] };
    expect(stored.repositories).toEqual([expect.objectContaining({ name: REPOSITORY, findings: 5, shadow: 2 })]);
  });

  it("shows an admin the repository, its shadow AI and secret, and registers shadow AI as a system", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      const listed = (await (await api(`/findings?repository=${REPOSITORY}`)).json()) as { items: StoredFinding[] };
      const gpt4o = listed.items.find((f) => f.id === "gpt-4o" && f.scope === "runtime");
      expect(gpt4o?.shadow).toBe(false);
      const gpt4oSystem = gpt4o?.systems[0] as string;
      expect(gpt4oSystem).toBeTruthy();

      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openDiscovery(page, org);

      // The summary: two findings of shadow AI, in the route planner.
      const summary = page.getByRole("region", { name: "2 shadow AI findings" });
      await visible(summary);
      expect(await summary.textContent()).toContain(`${REPOSITORY}: Mistral AI, Qdrant`);
      const repos = page.getByRole("table", { name: "Scanned repositories" });
      const repoRow = repos.getByRole("row").filter({ hasText: REPOSITORY });
      await visible(repoRow);
      // Repository, last scan, files, open, runtime, shadow AI, secrets.
      const cells = await repoRow.getByRole("cell").allTextContents();
      expect(cells.slice(2)).toEqual(["14", "5", "4", "2", "1"]);
      await snap(page, "discovery-overview");

      // Open the repository: its runtime findings.
      await repos.getByRole("link", { name: REPOSITORY }).click();
      await page.waitForURL(`**/o/${org}/discovery/${REPOSITORY}`);
      const heading = page.getByRole("heading", { level: 2, name: `Findings in ${REPOSITORY}` });
      await visible(heading);
      // The keyboard focus follows to the findings.
      expect(await page.evaluate("document.activeElement && document.activeElement.textContent")).toBe(`Findings in ${REPOSITORY}`);
      const findings = page.getByRole("table", { name: "Findings" });
      const row = (text: string) => findings.getByRole("row").filter({ hasText: text });
      await visible(row("Mistral AI"));
      expect(await row("Mistral AI").textContent()).toContain("Shadow AI");
      expect(await row("Qdrant").textContent()).toContain("Shadow AI");
      expect(await row("src/reroute.ts:4").textContent()).not.toContain("Shadow AI");
      expect(await row("src/reroute.ts:4").textContent()).toContain(gpt4oSystem);
      // Runtime only by default: the test-only GPT-4o is not listed.
      expect(await findings.getByText("test/reroute.test.ts:9").count()).toBe(0);

      // The secret: provider, kind of key and a fingerprint prefix, never more.
      const secretRow = row("Secret: openai project-key");
      await visible(secretRow);
      expect(await secretRow.textContent()).toContain(`fingerprint ${FINGERPRINT.slice(0, 8)}…`);
      expect(await secretRow.textContent()).toMatch(/Rotate this key/);
      expect(await page.content()).not.toContain(FINGERPRINT);

      // The evidence of Mistral: its first location, then all of them with detector and signal.
      const mistral = row("Mistral AI");
      expect(await mistral.textContent()).toContain("package.json:8");
      const more = mistral.getByRole("button", { name: /^\+2 more/ });
      expect(await more.getAttribute("aria-expanded")).toBe("false");
      await more.click();
      expect(await more.getAttribute("aria-expanded")).toBe("true");
      const evidence = page.locator(`[id="${await more.getAttribute("aria-controls")}"]`);
      await visible(evidence.getByText("src/summaries.ts:4"));
      expect(await evidence.textContent()).toContain("javascript · call");
      expect(await evidence.textContent()).toContain("new Mistral()");
      await snap(page, "discovery-repository");

      // Every scope: the GPT-4o of the tests appears too.
      await page.getByRole("textbox", { name: "Scope", exact: true }).click();
      await page.getByRole("option", { name: "All scopes", exact: true }).click();
      await visible(findings.getByText("test/reroute.test.ts:9"));
      expect(await row("test/reroute.test.ts:9").textContent()).toContain("Tests");
      expect(new URL(page.url()).searchParams.get("scope")).toBe("any");

      // Shadow AI only.
      // Mantine draws its own switch over a visually hidden checkbox: toggle it with the keyboard.
      const shadowOnly = page.getByRole("switch", { name: "Shadow AI only" });
      await shadowOnly.focus();
      await page.keyboard.press("Space");
      await expect.poll(() => shadowOnly.isChecked()).toBe(true);
      await visible(page.getByRole("heading", { level: 2, name: `Shadow AI in ${REPOSITORY}` }));
      await expect.poll(() => findings.getByRole("row").filter({ hasText: "Shadow AI" }).count()).toBe(2);
      await gone(row("Secret: openai project-key"));

      // Register Qdrant: a component is created from the finding, then the system form opens pre-filled.
      await row("Qdrant").getByRole("button", { name: "Register as system" }).click();
      await page.waitForURL(`**/o/${org}/systems/new`);
      await visible(page.getByRole("heading", { level: 1, name: "New AI system" }));
      await visible(page.getByText("Component “Qdrant” added to the inventory."));
      const name = page.getByRole("textbox", { name: "Name", exact: true });
      expect(await name.inputValue()).toBe(`Qdrant in ${REPOSITORY}`);
      expect(await page.getByRole("textbox", { name: "Purpose", exact: true }).inputValue()).toBe(
        `Found by caio scan in ${REPOSITORY} (docker-compose.yml:12).`,
      );
      expect(await page.getByRole("textbox", { name: "Stage", exact: true }).inputValue()).toBe("In production");
      const form = page.getByRole("form", { name: "AI system" });
      await visible(form.getByText("Qdrant (Vector store)"));
      await visible(form.getByText("discovered", { exact: true }));
      await visible(page.getByRole("link", { name: "Discovery" }).first());
      await snap(page, "discovery-register-form");

      await page.getByRole("button", { name: "Create system" }).click();
      // Back on Discovery, where the user came from: Qdrant now belongs to the new system.
      await page.waitForURL(new RegExp(`/o/${org}/discovery/${REPOSITORY}(\\?|$)`));
      await visible(page.getByText(`“Qdrant in ${REPOSITORY}” added to the inventory.`));
      await visible(page.getByRole("region", { name: "1 shadow AI finding" }));
      await expect.poll(() => findings.getByRole("row").filter({ hasText: "Shadow AI" }).count()).toBe(1);
      await shadowOnly.focus();
      await page.keyboard.press("Space");
      await visible(row("Qdrant").getByText(`Qdrant in ${REPOSITORY}`));
      expect(await row("Qdrant").textContent()).not.toContain("Shadow AI");
      expect(await row("Qdrant").getByRole("button", { name: "Register as system" }).count()).toBe(0);
      await snap(page, "discovery-after-register");

      // The server agrees.
      const shadow = (await (await api("/shadow")).json()) as { items: StoredFinding[] };
      expect(shadow.items.map((f) => f.id)).toEqual(["mistral"]);
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the findings without the register action", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await openDiscovery(page, org);
      await page.getByRole("table", { name: "Scanned repositories" }).getByRole("link", { name: REPOSITORY }).click();
      const findings = page.getByRole("table", { name: "Findings" });
      const mistral = findings.getByRole("row").filter({ hasText: "Mistral AI" });
      await visible(mistral);
      expect(await mistral.textContent()).toContain("Shadow AI");
      await visible(findings.getByRole("row").filter({ hasText: "Secret: openai project-key" }));
      expect(await page.getByRole("button", { name: /Register as system/ }).count()).toBe(0);
      expect(await findings.getByRole("columnheader", { name: "Action" }).count()).toBe(0);
      await snap(page, "discovery-viewer");
    } finally {
      await context.close();
    }
  });

  it("has no critical axe-core violations, one h1, and fits a tablet screen", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/discovery/${REPOSITORY}`);
      const findings = page.getByRole("table", { name: "Findings" });
      await visible(findings.getByRole("row").filter({ hasText: "Mistral AI" }));
      await findings.getByRole("button", { name: /^\+2 more/ }).click();
      expect(critical(await axeViolations(page)), "discovery page").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);

      // Tablet width: the tables scroll inside their cards, the page itself does not overflow.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.reload();
      await visible(page.getByRole("button", { name: "Open navigation" }));
      await visible(findings.getByRole("row").filter({ hasText: "Mistral AI" }));
      expect(await noOverflow(page)).toBe(0);
      await snap(page, "discovery-768");
    } finally {
      await context.close();
    }
  });
});
