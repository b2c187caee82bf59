import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import type { AppDeps } from "./env.js";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the HTTP server; resolves once it is listening. */
export function startServer(deps: AppDeps, opts: { port: number; host: string }): Promise<RunningServer> {
  if (deps.localOperator) throw new Error("a listening server must not run as the local operator");
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = opts.host === "0.0.0.0" || opts.host === "127.0.0.1" || opts.host === "::" ? "localhost" : opts.host;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((res) => {
            server.close(() => res());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once("error", reject);
  });
}
