import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ValidationError, zodIssues } from "@caio/core";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { authenticate } from "./auth.js";
import { type AppDeps, type AppEnv, silentLogger } from "./env.js";
import { errorBody, onError } from "./errors.js";
import { authRoutes } from "./routes/auth.js";
import { discoveryRoutes } from "./routes/discovery.js";
import { governanceRoutes } from "./routes/governance.js";
import { componentRoutes, systemRoutes, vendorRoutes } from "./routes/inventory.js";
import { orgRoutes } from "./routes/orgs.js";
import { policyRoutes } from "./routes/policies.js";
import { portfolioRoutes } from "./routes/portfolio.js";
import { reportRoutes } from "./routes/reports.js";
import { incidentRoutes, riskRoutes } from "./routes/risks.js";
import { savingsRoutes } from "./routes/savings.js";
import { spendRoutes } from "./routes/spend.js";
import { strategyRoutes } from "./routes/strategy.js";

export const API_BASE = "/api/v1";
export const VERSION = "0.1.0";

/** Turns request-validation failures into a 400 listing each field path and reason. */
const validationHook = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] }; target: string }) => {
  if (!result.success && result.error) {
    const where = result.target === "json" ? "request body" : result.target === "query" ? "query string" : result.target === "param" ? "path" : result.target;
    throw new ValidationError(`${where} is invalid`, zodIssues(result.error.issues));
  }
};

/** Builds the HTTP application: API under /api/v1 and, when given, the web app. */
export function createApp(deps: AppDeps) {
  const full = { logger: silentLogger, ...deps };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.onError(onError);
  app.use("*", async (c, next) => {
    c.set("deps", full);
    await next();
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  const limit = deps.bodyLimit ?? 1024 * 1024;
  app.use(`${API_BASE}/*`, async (c, next) => {
    const big =
      c.req.path === `${API_BASE}/restore` ||
      (c.req.method === "POST" && (c.req.path.endsWith("/scans") || c.req.path.endsWith("/imports") || c.req.path.endsWith("/records")));
    const max = big ? 256 * 1024 * 1024 : limit;
    return bodyLimit({ maxSize: max, onError: (cc) => cc.json(errorBody("validation", `request body is larger than ${max} bytes`), 413) })(c, next);
  });
  app.use(`${API_BASE}/*`, authenticate());
  app.use(`${API_BASE}/*`, async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  api.route("/", authRoutes());
  api.route("/", orgRoutes());
  api.route("/", systemRoutes());
  api.route("/", componentRoutes());
  api.route("/", vendorRoutes());
  api.route("/", discoveryRoutes());
  api.route("/", spendRoutes());
  api.route("/", savingsRoutes());
  api.route("/", governanceRoutes());
  api.route("/", policyRoutes());
  api.route("/", riskRoutes());
  api.route("/", incidentRoutes());
  api.route("/", portfolioRoutes());
  api.route("/", strategyRoutes());
  api.route("/", reportRoutes());
  api.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "caio_session" });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "API token from `caio init`, `caio tokens create` or the web app",
  });
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "caio API",
      version: VERSION,
      description:
        "The AI office as software: inventory of AI systems, components and vendors, with a tamper-evident audit ledger. State-changing requests made with the session cookie must send the X-CSRF-Token header from GET /me.",
    },
    servers: [{ url: API_BASE }],
  });
  app.route(API_BASE, api);
  app.all(`${API_BASE}/*`, (c) => c.json(errorBody("not_found", "no such API route"), 404));

  if (deps.webDir && existsSync(join(deps.webDir, "index.html"))) {
    const root = resolve(deps.webDir);
    const indexHtml = readFileSync(join(root, "index.html"), "utf8");
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("*", serveStatic({ root }));
    app.get("*", (c) => c.html(indexHtml));
  } else {
    app.get("/", (c) => c.text("caio API is running at /api/v1 (web app not built: run `npm run build`)."));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
