#!/usr/bin/env node
// Entry point of the `caio` command; the compiled CLI lives in ../dist.
import { existsSync } from "node:fs";

const entry = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("caio is not built yet: run `npm run build` in the repository root (npm ci does it for you).\n");
  process.exit(1);
}
await import(entry.href);
