import {
  BoardReportSchema,
  NotFoundError,
  QuarterSchema,
  quarterOfDate,
  ReportCreateSchema,
  ReportSnapshotDetailSchema,
  ReportSnapshotSchema,
  reportPeriod,
} from "@caio/core";
import { findChromium, renderReport } from "@caio/report";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, ErrorSchema, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";
import { buildBoardReport } from "../services/report.js";

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const QuarterQuerySchema = z.object({ quarter: QuarterSchema.optional() }).strict();
const unavailable = {
  description: "A tool the format needs is not installed on the server (PDF needs Chromium); the message names it",
  content: { "application/json": { schema: ErrorSchema } },
};
const EXTENSIONS = { html: "html", md: "md", pdf: "pdf" } as const;

/**
 * The quarterly board pack: its model from live data, an HTML preview, and generated packs stored
 * as immutable snapshots whose SHA-256 is written to the audit ledger.
 */
export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["reports"];
  const today = (c: { var: AppEnv["Variables"] }) => c.var.deps.store.now().slice(0, 10);

  // The fixed paths come before /reports/{id}.
  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/reports/model",
      tags,
      security,
      summary: "The board pack's model for a quarter (default: the current one) from live data: spend, savings, capability, risk posture, decisions, inventory",
      request: { params: OrgParams, query: QuarterQuerySchema },
      responses: { 200: json(BoardReportSchema, "Board pack model"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const day = today(c);
      return c.json(await buildBoardReport(c.var.deps.store, org, c.req.valid("query").quarter ?? quarterOfDate(day), day), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/reports/preview",
      tags,
      security,
      summary: "The board pack for a quarter (default: the current one) rendered as one self-contained HTML document; nothing is stored",
      request: { params: OrgParams, query: QuarterQuerySchema },
      responses: { 200: { description: "HTML", content: { "text/html": { schema: z.string() } } }, ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const day = today(c);
      const model = await buildBoardReport(c.var.deps.store, org, c.req.valid("query").quarter ?? quarterOfDate(day), day);
      const rendered = await renderReport(model, "html");
      return c.body(rendered.content as Uint8Array<ArrayBuffer>, 200, { "content-type": rendered.mediaType });
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/reports",
      tags,
      security,
      summary:
        "Generate the board pack for a quarter as HTML, Markdown or PDF and store the bytes as an immutable snapshot; its SHA-256 goes to the audit ledger",
      request: { params: OrgParams, body: body(ReportCreateSchema) },
      responses: { 201: json(ReportSnapshotSchema, "Stored snapshot"), ...errors, 503: unavailable },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      const store = c.var.deps.store;
      const { quarter, format } = c.req.valid("json");
      // Fail fast, before the model is built: a bad quarter, then a PDF that cannot be printed here.
      reportPeriod(quarter, today(c));
      if (format === "pdf") findChromium();
      const model = await buildBoardReport(store, org, quarter, today(c));
      const rendered = await renderReport(model, format);
      const snapshot = await store.reports.create(
        org.id,
        { quarter, format, title: rendered.title, mediaType: rendered.mediaType, content: rendered.content, model },
        actor,
      );
      return c.json(snapshot, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/reports",
      tags,
      security,
      summary: "Stored board packs, newest first",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(ReportSnapshotSchema) }), "Snapshots"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.reports.list(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/reports/{id}",
      tags,
      security,
      summary:
        "One stored board pack; verified when the SHA-256 of its stored bytes equals its digest and the one the audit ledger recorded when it was generated",
      request: { params: OrgIdParams },
      responses: { 200: json(ReportSnapshotDetailSchema, "Snapshot"), ...readErrors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      const found = await c.var.deps.store.reports.get(org.id, id);
      if (!found) throw new NotFoundError("board pack");
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/reports/{id}/content",
      tags,
      security,
      summary: "The exact stored bytes of a board pack, as a download; X-Content-SHA256 carries the snapshot's digest",
      request: { params: OrgIdParams },
      responses: {
        200: {
          description: "The stored bytes (text/html, text/markdown or application/pdf)",
          headers: z.object({ "X-Content-SHA256": z.string().openapi({ description: "SHA-256 of the snapshot (hex)" }) }),
          content: {
            "text/html": { schema: z.string() },
            "text/markdown": { schema: z.string() },
            "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      const found = await c.var.deps.store.reports.getContent(org.id, id);
      if (!found) throw new NotFoundError("board pack");
      const { snapshot, content } = found;
      const file = `caio-board-pack-${org.slug}-${snapshot.quarter}.${EXTENSIONS[snapshot.format]}`;
      return c.body(content as Uint8Array<ArrayBuffer>, 200, {
        "content-type": snapshot.mediaType,
        "content-disposition": `attachment; filename="${file}"`,
        "x-content-sha256": snapshot.sha256,
      });
    },
  );

  return app;
}
