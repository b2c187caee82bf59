import { quarterOfDate, quartersEndingWith } from "@caio/core";
import type { Store } from "@caio/db";
import { renderReport } from "@caio/report";
import { buildBoardReport } from "@caio/server";

/**
 * Generates and stores the demo organization's board pack for the previous quarter (HTML), as
 * the officer would with `caio report`, so the Reports page and `caio reports list` show one.
 */
export async function seedDemoReport(store: Store, orgId: string, actorLabel: string): Promise<{ reports: number; quarter: string }> {
  const org = await store.orgs.byId(orgId);
  if (!org) throw new Error("the demo organization vanished");
  const today = store.now().slice(0, 10);
  const quarter = quartersEndingWith(quarterOfDate(today), 2)[0] ?? quarterOfDate(today);
  const model = await buildBoardReport(store, org, quarter, today);
  const rendered = await renderReport(model, "html");
  await store.reports.create(
    orgId,
    { quarter, format: "html", title: rendered.title, mediaType: rendered.mediaType, content: rendered.content, model },
    { label: actorLabel },
  );
  return { reports: 1, quarter };
}
