import type { Answer, ClassificationView, ObligationRow, StoredClassificationView, System } from "@caio/core";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, chooseOption, critical, demoOrgApi, noOverflow, openPage, signIn, snap, useFullDemoServerAndBrowser, visible } from "./support.js";

/** The demo system the tests classify (an Annex III recruitment use in the demo), and one they only preview. */
const SYSTEM = "Driver CV screening";
const OTHER = "Sales email drafting";

const ANSWER_TEXT: Record<Answer, string> = { yes: "Yes", no: "No", unknown: "Unknown" };

/** How the tests answer a question the inventory does not pre-fill: recruitment is what the system does, the rest is "no". */
function defaultAnswer(question: string): Answer {
  return /recruit|selection of (natural )?persons|candidates|job applica|employment/i.test(question) ? "yes" : "no";
}

/** The board's order, worked out independently: overdue first, then by date, then those without a date. */
function boardOrder(rows: ObligationRow[]): ObligationRow[] {
  const rank = (r: ObligationRow) => (r.overdue ? 0 : r.obligation.dueDate ? 1 : 2);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.obligation.dueDate ?? "").localeCompare(b.obligation.dueDate ?? "") ||
      a.systemName.localeCompare(b.systemName, "en") ||
      a.obligation.title.localeCompare(b.obligation.title, "en"),
  );
}

/** "Overdue by 3 days", "Due in 12 days", … as the board says it. */
function dueWords(r: ObligationRow): string {
  const d = r.daysLeft;
  const days = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "day" : "days"}`;
  if (d === null) return "On event";
  if (r.overdue) return `Overdue by ${days(-d)}`;
  if (d === 0) return "Due today";
  return d > 0 ? `Due in ${days(d)}` : `Was due ${days(-d)} ago`;
}

interface Walk {
  /** Question texts in the order they were asked. */
  asked: string[];
  /** Questions whose suggestion from the inventory was pre-selected. */
  prefilled: string[];
  /** Section headings in the order they were shown. */
  sections: string[];
}

/** The wizard's current step: the region with the Next button. */
function stepCard(page: Page): Locator {
  return page.getByRole("region").filter({ has: page.getByRole("button", { name: "Next", exact: true }) });
}

/**
 * Answers the wizard's questions section by section until the review step: the inventory's
 * suggestion where there is one (it must be pre-selected), otherwise `choose`'s answer or
 * {@link defaultAnswer}. Questions that appear while answering are answered too.
 */
async function walkWizard(page: Page, choose: (question: string, position: number) => Answer | undefined = () => undefined): Promise<Walk> {
  const review = page.getByRole("heading", { level: 2, name: "Review and save" });
  const card = stepCard(page);
  const next = card.getByRole("button", { name: "Next", exact: true });
  const walk: Walk = { asked: [], prefilled: [], sections: [] };
  const seen = new Set<string>();
  for (let step = 0; step < 40; step++) {
    await expect.poll(async () => (await review.isVisible()) || (await card.isVisible()), { timeout: 15_000 }).toBe(true);
    if (await review.isVisible()) return walk;
    const heading = ((await card.getByRole("heading", { level: 2 }).textContent()) ?? "").trim();
    walk.sections.push(heading);
    for (let round = 0; round < 20; round++) {
      const items = card.getByRole("list", { name: "Questions" }).locator(":scope > li");
      let fresh = 0;
      for (const item of await items.all()) {
        const group = item.getByRole("radiogroup");
        const text = (await group.evaluate((el) => document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.textContent ?? "")).trim();
        if (seen.has(text)) continue;
        seen.add(text);
        fresh++;
        walk.asked.push(text);
        const note = item.getByRole("note").filter({ hasText: "Suggested from the inventory" });
        let answer = choose(text, walk.asked.length - 1);
        if ((await note.count()) > 0) {
          const suggested = /Suggested from the inventory\s*(Yes|No|Unknown):/.exec((await note.textContent()) ?? "")?.[1];
          expect(suggested, `the suggestion of “${text}” names an answer`).toBeTruthy();
          await expect
            .poll(() => group.getByRole("radio", { name: suggested, exact: true }).isChecked(), { message: `“${text}” pre-selects ${suggested}` })
            .toBe(true);
          walk.prefilled.push(text);
        } else {
          answer ??= defaultAnswer(text);
        }
        if (answer) await group.getByRole("radio", { name: ANSWER_TEXT[answer], exact: true }).check();
      }
      // The preview has caught up with the answers when Next is enabled again; then no new question may have appeared.
      await expect.poll(() => next.isEnabled()).toBe(true);
      if (fresh === 0) break;
    }
    await next.click();
    await expect
      .poll(
        async () =>
          (await review.isVisible()) || ((await card.isVisible()) && (await card.getByRole("heading", { level: 2 }).textContent())?.trim() !== heading),
      )
      .toBe(true);
  }
  throw new Error(`the wizard did not reach the review after 40 sections: ${walk.sections.join(" | ")}`);
}

async function openNav(page: Page, org: string, label: string, section: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL(`**/o/${org}/${section}`);
  await visible(page.getByRole("heading", { level: 1, name: label }));
}

/** The rows of the board's table, without its header. */
function boardRows(page: Page): Locator {
  return page.getByRole("table", { name: "Obligations" }).locator("tbody").getByRole("row");
}

describe("classification wizard and obligations board", () => {
  const ctx = useFullDemoServerAndBrowser();
  let systemId = "";
  /** The obligation whose status the tests change, and the owner they set. */
  let changed: ObligationRow | undefined;
  const owner = "Head of Talent Acquisition (oversight lead)";

  const api = demoOrgApi(ctx, "e2e governance");
  const systemByName = async (name: string): Promise<System> => {
    const found = (await api<{ items: System[] }>(`/systems?q=${encodeURIComponent(name)}`)).items.find((s) => s.name === name);
    if (!found) throw new Error(`no demo system ${name}`);
    return found;
  };

  it("walks the wizard with the inventory's suggestions, shows labels with citations, saves, and shows the classification on the system page", async () => {
    const system = await systemByName(SYSTEM);
    systemId = system.id;
    const before = await api<ClassificationView>(`/systems/${systemId}/classification`);
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.editorEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/systems/${systemId}`);
      const section = page.getByRole("region", { name: "Classification", exact: true });
      await visible(section);
      await section.getByRole("link", { name: before.classification ? "Re-classify" : "Classify", exact: true }).click();
      await page.waitForURL(`**/o/${org}/systems/${systemId}/classify`);
      await visible(page.getByRole("heading", { level: 1, name: `Classify “${SYSTEM}”` }));
      if (before.classification) await page.getByRole("button", { name: "Start over" }).click();

      // The first section: its questions with help and citations; the law version and date are there to choose.
      const first = stepCard(page);
      await visible(first.getByRole("list", { name: "Questions" }));
      await visible(first.getByText(/^Cites /).first());
      await visible(first.getByText("Step 1 of", { exact: false }));
      await expect.poll(() => page.getByRole("radio", { name: "Original text" }).isChecked()).toBe(true);
      await visible(page.getByLabel("As of", { exact: true }));
      expect(critical(await axeViolations(page)), "wizard, first question").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      await snap(page, "classify-question");

      const walk = await walkWizard(page);
      expect(walk.asked.length, "questions asked").toBeGreaterThan(1);
      expect(walk.prefilled.length, "questions the inventory pre-filled").toBeGreaterThan(0);

      // The review lists every answer, and the result so far has labels with their citations.
      const result = page.getByRole("region", { name: "Result so far", exact: true });
      const labels = result.getByRole("list", { name: "Labels" }).getByRole("listitem");
      await expect.poll(() => labels.count()).toBeGreaterThan(0);
      for (const item of await labels.all()) await visible(item.getByText(/^Cites /));
      expect(
        await page
          .getByRole("list", { name: /^Answers: / })
          .getByRole("listitem")
          .count(),
      ).toBe(walk.asked.length);
      expect(await page.getByText("Not answered", { exact: true }).count(), "every question answered").toBe(0);
      expect(critical(await axeViolations(page)), "wizard, review").toEqual([]);
      await snap(page, "classify-review");

      await page.getByRole("button", { name: "Save classification" }).click();
      await visible(page.getByRole("heading", { level: 2, name: "Classification saved" }));
      await visible(page.getByText(`Classification of “${SYSTEM}” saved.`));
      const stored = await api<ClassificationView>(`/systems/${systemId}/classification`);
      const c = stored.classification;
      expect(c).not.toBeNull();
      if (!c) return;
      expect(c.createdBy).toBe(`user:${ctx.server.demo.editorEmail}`);
      expect(Object.keys(c.answers).length).toBeGreaterThanOrEqual(walk.asked.length);
      expect(c.result.labels.length).toBeGreaterThan(0);
      expect(c.result.obligations.length, "a recruitment system has obligations").toBeGreaterThan(0);
      if (before.classification) await visible(page.getByText(/Nothing changed against the previous classification|What changed/).first());
      else await visible(page.getByText("This is the system's first classification."));

      // The system page: status, who and when, the rule-set version, each label with its basis and citations, and the history.
      await page.getByRole("link", { name: "Open the system page" }).click();
      await page.waitForURL(`**/o/${org}/systems/${systemId}`);
      await visible(section.getByRole("link", { name: "Re-classify", exact: true }));
      await visible(section.getByText(`by ${ctx.server.demo.editorEmail},`, { exact: false }));
      await visible(section.getByText(c.rulesetVersion, { exact: true }));
      const statusWord = { complete: "Complete", "needs-review": "Needs review", incomplete: "Incomplete" }[c.result.status];
      await visible(section.getByText(statusWord, { exact: true }).first());
      const shown = section.getByRole("list", { name: "Labels" }).getByRole("listitem");
      expect(await shown.count()).toBe(c.result.labels.length);
      for (const [i, label] of c.result.labels.entries()) {
        const item = shown.nth(i);
        await visible(item.getByText(label.basis, { exact: true }));
        for (const cite of label.cite) await visible(item.locator("cite").filter({ hasText: cite }).first());
      }
      for (const role of c.result.roles) await visible(section.getByRole("list", { name: "Roles" }).getByText(role.reason, { exact: true }));
      await visible(section.getByRole("link", { name: new RegExp(`^${c.result.obligations.length} obligations? on the obligations board`) }));
      const history = await api<{ items: StoredClassificationView[] }>(`/systems/${systemId}/classifications`);
      expect(await section.getByRole("heading", { level: 3, name: "Past classifications" }).count()).toBe(1);
      await expect.poll(() => section.locator(".mantine-Timeline-item").count()).toBe(history.items.length);
      await visible(section.getByText("Latest", { exact: true }));
      expect(critical(await axeViolations(page)), "system page with its classification").toEqual([]);
      await snap(page, "system-classification");

      // Tablet width: neither the wizard's question nor its review overflows.
      await page.setViewportSize({ width: 768, height: 1024 });
      await section.getByRole("link", { name: "Re-classify", exact: true }).click();
      await visible(page.getByRole("heading", { level: 2, name: "Review and save" }));
      expect(await noOverflow(page), "wizard review at 768 px").toBe(0);
      await page.getByRole("button", { name: "Back", exact: true }).click();
      await visible(stepCard(page).getByRole("list", { name: "Questions" }));
      expect(await noOverflow(page), "wizard questions at 768 px").toBe(0);
      await snap(page, "classify-768");
    } finally {
      await context.close();
    }
  });

  it("answering “unknown” makes the result need review", async () => {
    const other = await systemByName(OTHER);
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/systems/${other.id}/classify`);
      await visible(page.getByRole("heading", { level: 1, name: `Classify “${OTHER}”` }));
      if (await page.getByRole("button", { name: "Start over" }).isVisible()) await page.getByRole("button", { name: "Start over" }).click();
      const walk = await walkWizard(page, (_q, i) => (i === 0 ? "unknown" : undefined));
      expect(walk.asked.length).toBeGreaterThan(0);
      const result = page.getByRole("region", { name: "Result so far", exact: true });
      await visible(result.getByText("Needs review", { exact: true }).first());
      await visible(result.getByText(/An unknown answer never counts as “no”/));
      await visible(result.getByText("Answered “unknown”:"));
      await visible(result.getByText(walk.asked[0] ?? "", { exact: true }));
      // Nothing was stored by walking through.
      expect((await api<ClassificationView>(`/systems/${other.id}/classification`)).classification).toBeNull();
    } finally {
      await context.close();
    }
  });

  it("lists the system's obligations on the board as the API does, and an editor's status change persists", async () => {
    expect(systemId).not.toBe("");
    const all = (await api<{ items: ObligationRow[] }>("/obligations")).items;
    const mine = (await api<{ items: ObligationRow[] }>(`/obligations?system=${systemId}`)).items;
    expect(mine.length).toBeGreaterThan(0);
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.editorEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Obligations", "obligations");

      // The summary counts are the API's.
      const count = (title: string) => page.getByRole("region", { name: title, exact: true });
      await visible(count("Overdue").getByText(String(all.filter((r) => r.overdue).length), { exact: true }));
      await visible(count("Done").getByText(String(all.filter((r) => r.status === "done").length), { exact: true }));
      await expect.poll(() => boardRows(page).count()).toBe(all.length);

      // Filtered to the system: the rows are the API's, overdue first, then by date, then on event.
      await chooseOption(page, "System", SYSTEM);
      await expect.poll(() => new URL(page.url()).searchParams.get("system")).toBe(systemId);
      await expect.poll(() => boardRows(page).count()).toBe(mine.length);
      const expected = boardOrder(mine);
      const rows = await boardRows(page).all();
      for (const [i, r] of expected.entries()) {
        const cells = rows[i]?.getByRole("cell");
        expect(cells, `row ${i + 1}`).toBeDefined();
        if (!cells) continue;
        expect(await cells.nth(0).textContent(), `row ${i + 1} due`).toContain(dueWords(r));
        expect(await cells.nth(1).textContent(), `row ${i + 1} title`).toContain(r.obligation.title);
        for (const cite of r.obligation.cite) expect(await cells.nth(1).textContent()).toContain(cite);
        expect(await cells.nth(2).textContent()).toBe(SYSTEM);
        expect(await cells.nth(3).textContent()).toBe(r.owner || "No owner");
      }
      const overdue = expected.filter((r) => r.overdue).length;
      for (let i = 0; i < overdue; i++) await visible(rows[i]?.getByText(/^Overdue by /) ?? page.getByText("never"));

      // Due within 90 days: the API's rows for that filter (overdue ones included).
      await chooseOption(page, "Due within", "90 days (and overdue)");
      const within = (await api<{ items: ObligationRow[] }>(`/obligations?system=${systemId}&dueWithin=90`)).items;
      await expect.poll(() => new URL(page.url()).searchParams.get("dueWithin")).toBe("90");
      if (within.length === 0) await visible(page.getByText("No obligation matches the filters"));
      else await expect.poll(() => boardRows(page).count()).toBe(within.length);
      expect(critical(await axeViolations(page)), "obligations board").toEqual([]);
      // Clearing shows every obligation again. The select must show the cleared value before the
      // system is chosen again: choosing the value a select still holds changes nothing.
      await page.getByRole("button", { name: "Clear filters" }).first().click();
      await expect.poll(() => page.getByRole("textbox", { name: "System", exact: true }).inputValue()).toBe("All systems");
      await expect.poll(() => boardRows(page).count()).toBe(all.length);
      await chooseOption(page, "System", SYSTEM);
      await expect.poll(() => new URL(page.url()).searchParams.get("system")).toBe(systemId);
      await expect.poll(() => boardRows(page).count()).toBe(mine.length);

      // An editor sets owner, status and evidence on one obligation.
      changed = expected.find((r) => r.status === "open") ?? expected[0];
      if (!changed) return;
      await page.getByRole("button", { name: `Update “${changed.obligation.title}” for ${SYSTEM}`, exact: true }).click();
      const dialog = page.getByRole("dialog");
      await visible(dialog.getByRole("heading", { name: changed.obligation.title }));
      for (const e of changed.obligation.evidence) await visible(dialog.getByText(e, { exact: true }));
      await dialog.getByRole("textbox", { name: "Owner" }).fill(owner);
      await dialog.getByRole("textbox", { name: "Status", exact: true }).click();
      await page.getByRole("option", { name: "In progress", exact: true }).click();
      await dialog.getByRole("textbox", { name: "Evidence" }).fill("Oversight plan v1 in the HR wiki");
      expect(critical(await axeViolations(page)), "obligation dialog").toEqual([]);
      await dialog.getByRole("button", { name: "Save", exact: true }).click();
      await visible(page.getByText(`“${changed.obligation.title}” for ${SYSTEM} is now in progress.`));
      const row = boardRows(page).filter({ hasText: changed.obligation.title });
      await visible(row.getByText("In progress", { exact: true }));
      await visible(row.getByText(owner, { exact: true }));

      const after = (await api<{ items: ObligationRow[] }>(`/obligations?system=${systemId}`)).items.find((r) => r.obligation.id === changed?.obligation.id);
      expect(after).toMatchObject({
        status: "in-progress",
        owner,
        evidence: "Oversight plan v1 in the HR wiki",
        updatedBy: `user:${ctx.server.demo.editorEmail}`,
      });

      // A reload reads it back from the server.
      await page.reload();
      await visible(boardRows(page).filter({ hasText: changed.obligation.title }).getByText("In progress", { exact: true }));
      await snap(page, "obligations");

      // Tablet width: the board does not overflow.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.goto(`/o/${org}/obligations`);
      await visible(page.getByRole("button", { name: "Open navigation" }));
      await visible(boardRows(page).first());
      expect(await noOverflow(page), "obligations board at 768 px").toBe(0);
      await snap(page, "obligations-768");
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the classification and the board without a Classify button or editing", async () => {
    expect(systemId).not.toBe("");
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/systems/${systemId}`);
      const section = page.getByRole("region", { name: "Classification", exact: true });
      await visible(section.getByRole("list", { name: "Labels" }));
      expect(await page.getByRole("link", { name: /^(Classify|Re-classify|Re-classify now)$/ }).count()).toBe(0);

      // The wizard itself refuses.
      await page.goto(`/o/${org}/systems/${systemId}/classify`);
      await visible(page.getByText("Not allowed: you cannot make changes here"));
      expect(await page.getByRole("list", { name: "Questions" }).count()).toBe(0);

      await page.goto(`/o/${org}/obligations?system=${systemId}`);
      await visible(boardRows(page).first());
      expect(await page.getByRole("button", { name: /^Update “/ }).count()).toBe(0);
      const title = changed?.obligation.title ?? "";
      await page.getByRole("button", { name: `Details of “${title}” for ${SYSTEM}`, exact: true }).click();
      const dialog = page.getByRole("dialog");
      await visible(dialog.getByText(owner, { exact: true }));
      await visible(dialog.getByText("In progress", { exact: true }));
      expect(await dialog.getByRole("textbox").count()).toBe(0);
      expect(await dialog.getByRole("button", { name: "Save" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
