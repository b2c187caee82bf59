import { SlugSchema } from "@caio/core";
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(["validation", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "unavailable", "internal"]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

/** The error responses every authenticated route can give. */
export const errors = {
  400: err("Invalid input: each field path and reason in `error.issues`"),
  401: err("Not signed in and no valid API token"),
  403: err("Your role does not allow this, or the CSRF token is missing"),
  404: err("No such record in this organization"),
  409: err("Conflicts with existing data (for example a duplicate name)"),
};

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const OrgParams = z.object({ org: SlugSchema });
export const OrgIdParams = z.object({ org: SlugSchema, id: z.uuid({ message: "must be a UUID" }) });

export const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
