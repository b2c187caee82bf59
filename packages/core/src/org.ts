import { z } from "zod";
import { IdSchema, SlugSchema, shortText, TimestampSchema } from "./common.js";
import { RoleSchema } from "./enums.js";

export const OrganizationCreateSchema = z
  .object({
    name: shortText(120).pipe(z.string().min(1, "is required")),
    slug: SlugSchema,
  })
  .strict();
export type OrganizationCreate = z.infer<typeof OrganizationCreateSchema>;

export const OrganizationSchema = z.object({
  id: IdSchema,
  slug: z.string(),
  name: z.string(),
  createdAt: TimestampSchema,
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** An organization as seen by the caller, with the caller's role in it. */
export const OrganizationWithRoleSchema = OrganizationSchema.extend({ role: RoleSchema });
export type OrganizationWithRole = z.infer<typeof OrganizationWithRoleSchema>;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an email address" }));

/** Passwords: 10 to 200 characters. Length beats composition rules (NIST SP 800-63B). */
export const PasswordSchema = z.string().min(10, "must be at least 10 characters").max(200, "must be at most 200 characters");

export const LoginSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1, "is required").max(200),
  })
  .strict();
export type Login = z.infer<typeof LoginSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const MeSchema = z.object({
  user: UserSchema.nullable(),
  principal: z.enum(["session", "token", "local"]),
  csrfToken: z.string().nullable(),
  organizations: z.array(OrganizationWithRoleSchema),
});
export type Me = z.infer<typeof MeSchema>;

export const MemberSchema = z.object({
  userId: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: TimestampSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberAddSchema = z
  .object({
    email: EmailSchema,
    name: shortText(120).default(""),
    role: RoleSchema,
    /** Required when the user does not exist yet in this installation. */
    password: PasswordSchema.optional(),
  })
  .strict();
export type MemberAdd = z.infer<typeof MemberAddSchema>;

export const MemberPatchSchema = z.object({ role: RoleSchema }).strict();

export const ApiTokenCreateSchema = z
  .object({
    name: shortText(80).pipe(z.string().min(1, "is required")),
    role: RoleSchema.optional(),
  })
  .strict();
export type ApiTokenCreate = z.infer<typeof ApiTokenCreateSchema>;

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string(),
  role: RoleSchema,
  userId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** The one response that carries a token's secret: shown once, never again. */
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;
