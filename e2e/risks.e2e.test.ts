import type { Incident, Risk } from "@caio/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiPost,
  apiSignIn,
  axeViolations,
  chooseOption,
  critical,
  gone,
  noOverflow,
  openPage,
  signIn,
  snap,
  useServerAndBrowser,
  visible,
} from "./support.js";

/** "2026-11-27" as the page shows it ("27 Nov 2026"), formatted by the browser itself. */
function shown(page: Page, date: string): Promise<string> {
  return page.evaluate(
    (d) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)),
    date,
  );
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

async function openNav(page: Page, org: string, label: string, section: string, heading: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL(`**/o/${org}/${section}`);
  await visible(page.getByRole("heading", { level: 1, name: heading }));
}

/** The number in each heat-map cell, keyed "likelihood×severity". */
async function heatMap(page: Page): Promise<Record<string, number>> {
  const table = page.getByRole("table", { name: /Risk heat map/ });
  await visible(table);
  const out: Record<string, number> = {};
  for (let l = 1; l <= 5; l++)
    for (let s = 1; s <= 5; s++) out[`${l}×${s}`] = Number((await table.locator(`td[data-likelihood="${l}"][data-severity="${s}"]`).textContent())?.trim());
  return out;
}

function expectedHeatMap(risks: Risk[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let l = 1; l <= 5; l++) for (let s = 1; s <= 5; s++) out[`${l}×${s}`] = 0;
  for (const r of risks) if (r.status !== "closed") out[`${r.likelihood}×${r.severity}`] = (out[`${r.likelihood}×${r.severity}`] ?? 0) + 1;
  return out;
}

describe("risk register and incidents", () => {
  const ctx = useServerAndBrowser();
  let session: ApiSession | undefined;

  const api = async <T>(path: string): Promise<T> => {
    session ??= await apiSignIn(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password);
    const res = await fetch(`${ctx.server.url}/api/v1/orgs/${ctx.server.demo.org}${path}`, { headers: { cookie: session.cookie } });
    expect(res.ok, `GET ${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };

  it("shows the register by score with a heat map whose counts are the API's, and lets an editor add and delete a risk", async () => {
    const before = (await api<{ items: Risk[] }>("/risks")).items;
    expect(before.length).toBeGreaterThan(0);
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Risks", "risks", "Risk register");
      expect(await heatMap(page)).toEqual(expectedHeatMap(before));

      // The register lists every risk, highest score first, with its score and band.
      const rows = page.getByRole("table", { name: "Risks, highest score first" }).getByRole("row");
      await expect.poll(() => rows.count()).toBe(before.length + 1);
      for (const [i, r] of before.entries()) {
        const row = rows.nth(i + 1);
        expect(await row.textContent()).toContain(r.title);
        expect(await row.textContent()).toContain(`${r.score} · ${r.rating[0]?.toUpperCase()}${r.rating.slice(1)}`);
      }
      expect(critical(await axeViolations(page))).toEqual([]);

      // A heat-map cell narrows the register to its risks.
      const top = before[0] as Risk;
      await page.getByRole("button", { name: new RegExp(`with likelihood ${top.likelihood} and severity ${top.severity} .*show only these`) }).click();
      const inCell = before.filter((r) => r.likelihood === top.likelihood && r.severity === top.severity && r.status !== "closed");
      await expect.poll(() => rows.count()).toBe(inCell.length + 1);
      await page.getByRole("button", { name: "Show all risks" }).first().click();
      await expect.poll(() => rows.count()).toBe(before.length + 1);

      // Add a risk through the form: it lands in its cell and in the API.
      await page.getByRole("button", { name: "Add risk" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Add risk" });
      await visible(dialog);
      await dialog.getByRole("button", { name: "Add risk" }).click();
      await visible(dialog.getByText("Title is required"));
      await dialog.getByRole("textbox", { name: "Title", exact: true }).fill("Dispatch voice agent misunderstands hazardous-goods codes");
      await chooseOption(page, "Likelihood", "2 · Unlikely");
      await chooseOption(page, "Severity", "4 · Major");
      await visible(dialog.getByText("8 · Medium"));
      await dialog.getByRole("textbox", { name: "Owner", exact: true }).fill("Head of Dispatch");
      await dialog.getByRole("textbox", { name: "Obligations", exact: true }).fill("aia.art26.oversight");
      await dialog.getByRole("textbox", { name: "Obligations", exact: true }).press("Enter");
      await dialog.getByRole("button", { name: "Add risk" }).click();
      await gone(dialog);
      const after = (await api<{ items: Risk[] }>("/risks")).items;
      const added = after.find((r) => r.title === "Dispatch voice agent misunderstands hazardous-goods codes");
      expect(added).toMatchObject({
        likelihood: 2,
        severity: 4,
        score: 8,
        rating: "medium",
        owner: "Head of Dispatch",
        obligationIds: ["aia.art26.oversight"],
      });
      await expect.poll(() => heatMap(page)).toEqual(expectedHeatMap(after));

      // Delete it again.
      await page.getByRole("button", { name: "Delete risk Dispatch voice agent misunderstands hazardous-goods codes" }).click();
      await page.getByRole("dialog", { name: "Delete risk?" }).getByRole("button", { name: "Delete risk" }).click();
      await expect.poll(async () => (await api<{ items: Risk[] }>("/risks")).items.length).toBe(before.length);
      await expect.poll(() => heatMap(page)).toEqual(expectedHeatMap(before));
    } catch (e) {
      await snap(page, "risks-register");
      throw e;
    } finally {
      await context.close();
    }
  });

  it("counts each open incident down to its Art 73 deadline and marks one reported", async () => {
    const { org } = ctx.server.demo;
    session ??= await apiSignIn(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password);
    const today = new Date().toISOString().slice(0, 10);
    const awareOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await apiPost(ctx.server.url, session, `/orgs/${org}/incidents`, {
      title: "Voice agent confirmed a pickup at the wrong depot",
      awareOn,
      severity: "death",
    });
    expect(res.status).toBe(201);
    const recorded = (await res.json()) as Incident;
    const { items } = await api<{ items: Incident[] }>("/incidents");
    const open = items.filter((i) => i.status !== "closed" && i.deadline && i.state === "due");
    expect(open.length).toBeGreaterThanOrEqual(2);

    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Incidents", "incidents", "Incidents");
      for (const i of open) {
        const card = page.getByRole("article", { name: i.title });
        await visible(card);
        const left = i.daysLeft === 0 ? "Last day today" : `${days(i.daysLeft ?? 0)} left`;
        await visible(card.getByText(left, { exact: true }));
        await visible(card.getByText(await shown(page, i.deadline?.dueDate ?? ""), { exact: true }));
        // The live countdown ticks.
        const timer = card.getByRole("timer");
        const first = await timer.textContent();
        await expect.poll(() => timer.textContent(), { timeout: 5000 }).not.toBe(first);
      }
      const closed = items.find((i) => i.status === "closed");
      if (closed?.reportedOn) {
        const row = page.getByRole("table", { name: "Closed incidents" }).getByRole("row").filter({ hasText: closed.title });
        await visible(row.getByText(`Reported ${await shown(page, closed.reportedOn)}, on time`, { exact: false }));
      }
      expect(critical(await axeViolations(page))).toEqual([]);

      // Mark the new incident reported today: the card says it was on time.
      const card = page.getByRole("article", { name: recorded.title });
      await card.getByRole("button", { name: /^Mark reported/ }).click();
      const dialog = page.getByRole("dialog", { name: "Mark incident reported" });
      await visible(dialog);
      expect(await dialog.getByRole("textbox", { name: "Reported on" }).inputValue()).toBe(today);
      await dialog.getByRole("textbox", { name: "Note" }).fill("Reference MSA-77");
      await dialog.getByRole("button", { name: "Mark reported" }).click();
      await gone(dialog);
      await visible(card.getByText("Reported on time", { exact: true }));
      const saved = await api<Incident>(`/incidents/${recorded.id}`);
      expect(saved).toMatchObject({ status: "reported", reportedOn: today, state: "reported-on-time" });
      expect(saved.notes).toContain("MSA-77");
    } catch (e) {
      await snap(page, "risks-incidents");
      throw e;
    } finally {
      await context.close();
    }
  });

  it("shows a viewer both pages without write actions, and fits a 768 px screen", async () => {
    const { org } = ctx.server.demo;
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { viewport: { width: 768, height: 1024 }, bypassCSP: true });
    try {
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/risks`);
      await visible(page.getByRole("heading", { level: 1, name: "Risk register" }));
      await visible(page.getByRole("table", { name: /Risk heat map/ }));
      await visible(page.getByRole("note").filter({ hasText: "can read the register" }));
      expect(await page.getByRole("button", { name: "Add risk" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
      expect(await noOverflow(page)).toBe(0);
      expect(critical(await axeViolations(page))).toEqual([]);

      await page.goto(`/o/${org}/incidents`);
      await visible(page.getByRole("heading", { level: 1, name: "Incidents" }));
      await visible(page.getByRole("article").first());
      await visible(page.getByRole("note").filter({ hasText: "can read incidents" }));
      expect(await page.getByRole("button", { name: "Record incident" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Mark reported/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
      expect(await noOverflow(page)).toBe(0);
      expect(critical(await axeViolations(page))).toEqual([]);

      // The server refuses the viewer's writes too.
      const viewer = await apiSignIn(ctx.server.url, ctx.server.demo.viewerEmail, ctx.server.demo.password);
      expect((await apiPost(ctx.server.url, viewer, `/orgs/${org}/risks`, { title: "x", likelihood: 1, severity: 1 })).status).toBe(403);
    } catch (e) {
      await snap(page, "risks-viewer");
      throw e;
    } finally {
      await context.close();
    }
  });
});
