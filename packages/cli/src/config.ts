import { z } from "zod";
import { UsageError } from "./errors.js";

/** Environment variables caio reads, validated once. */
export const EnvSchema = z.object({
  /** Where the embedded database lives (default ./.caio). */
  CAIO_DATA_DIR: z.string().min(1).optional(),
  /** postgres://… to use a PostgreSQL server instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Default organization slug. */
  CAIO_ORG: z.string().optional(),
  /** Talk to a running caio server instead of the local database. */
  CAIO_SERVER: z.url({ message: "must be an http(s) URL" }).optional(),
  /** API token for --server. */
  CAIO_TOKEN: z.string().optional(),
  /** Port for `caio serve` (default 4319). */
  CAIO_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const picked = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const r = EnvSchema.safeParse(picked);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UsageError(`environment variable ${String(i?.path[0])} ${i?.message ?? "is invalid"}`);
  }
  return r.data;
}

/** Global options every command accepts. */
export interface GlobalOptions {
  org?: string;
  server?: string;
  dataDir?: string;
  json?: boolean;
}
