/**
 * The policy frame: the four policies an AI officer owes in the first 90 days, generated from the
 * organization's facts, kept as immutable versions with a SHA-256 digest, reviewed and approved
 * (the API contract), and the line diff between two versions (pure logic, browser-safe).
 */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common.js";

/** The four policies, in the order the officer delivers them. */
export const POLICY_KINDS = ["acceptable-use", "third-party-data", "generated-content", "customer-facing"] as const;
export const PolicyKindSchema = z.enum(POLICY_KINDS, { message: `must be one of ${POLICY_KINDS.join(", ")}` });
export type PolicyKind = z.infer<typeof PolicyKindSchema>;

export const POLICY_TITLES: Record<PolicyKind, string> = {
  "acceptable-use": "AI acceptable use",
  "third-party-data": "Data sent to third-party models",
  "generated-content": "AI-generated content",
  "customer-facing": "AI in customer-facing workflows",
};

/** What each policy is for, in one sentence. */
export const POLICY_SUMMARIES: Record<PolicyKind, string> = {
  "acceptable-use": "How people may use AI at work: approved tools, registration, prohibited uses and AI literacy.",
  "third-party-data": "Which data may go to models run by vendors, under which contract terms.",
  "generated-content": "Review, disclosure and marking of text, images, audio, video and code made with AI.",
  "customer-facing": "Disclosure, human oversight and recourse where AI meets customers or decides about people.",
};

/**
 * draft → in-review (an editor submits) → approved (an approver signs off) → superseded (a later
 * version was approved). Rejecting a version in review sends it back to draft.
 */
export const POLICY_STATUSES = ["draft", "in-review", "approved", "superseded"] as const;
export const PolicyStatusSchema = z.enum(POLICY_STATUSES);
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

/** Where a version's text came from: generated from the facts, or an edit of the previous version. */
export const POLICY_SOURCES = ["generated", "edited"] as const;
export const PolicySourceSchema = z.enum(POLICY_SOURCES);
export type PolicySource = z.infer<typeof PolicySourceSchema>;

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 digest (64 lowercase hex characters)");

/** The largest policy text accepted, in characters. */
export const POLICY_MAX_CHARS = 100_000;

/**
 * The canonical form of a policy text: LF line ends, no trailing spaces or blank lines at the end,
 * one final newline. The digest is the SHA-256 of this text in UTF-8, so the file `caio policies
 * show KIND --out FILE.md` writes hashes to the same digest.
 */
export function normalizeMarkdown(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  while (lines.length > 0 && lines[0] === "") lines.shift();
  return `${lines.join("\n")}\n`;
}

/** A version without its text. */
export const PolicyVersionSummarySchema = z.object({
  id: IdSchema,
  kind: PolicyKindSchema,
  title: z.string(),
  version: z.number().int().min(1),
  status: PolicyStatusSchema,
  source: PolicySourceSchema,
  /** SHA-256 of the Markdown (UTF-8): identifies exactly which text was approved. */
  digest: Sha256Schema,
  createdBy: z.string(),
  createdAt: TimestampSchema,
  submittedBy: z.string().nullable(),
  submittedAt: TimestampSchema.nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: TimestampSchema.nullable(),
  approvalNote: z.string(),
  /** The last rejection (the version went back to draft), if any. */
  rejectedBy: z.string().nullable(),
  rejectedAt: TimestampSchema.nullable(),
  rejectionReason: z.string(),
  /** The version number whose approval superseded this one. */
  supersededBy: z.number().int().nullable(),
  supersededAt: TimestampSchema.nullable(),
});
export type PolicyVersionSummary = z.infer<typeof PolicyVersionSummarySchema>;

/** One of the four policies: its latest version, the approved (effective) one, and every version, newest first. */
export const PolicyOverviewSchema = z.object({
  kind: PolicyKindSchema,
  title: z.string(),
  summary: z.string(),
  latest: PolicyVersionSummarySchema.nullable(),
  approved: PolicyVersionSummarySchema.nullable(),
  versions: z.array(PolicyVersionSummarySchema),
});
export type PolicyOverview = z.infer<typeof PolicyOverviewSchema>;

export const PolicyListSchema = z.object({ items: z.array(PolicyOverviewSchema) });
export type PolicyList = z.infer<typeof PolicyListSchema>;

export const DIFF_OPS = ["same", "add", "del"] as const;

/** One line of a diff: unchanged, added (only in the newer text) or deleted (only in the older one). */
export const DiffLineSchema = z.object({
  op: z.enum(DIFF_OPS),
  text: z.string(),
  /** 1-based line number in the older text (null for added lines). */
  oldLine: z.number().int().nullable(),
  /** 1-based line number in the newer text (null for deleted lines). */
  newLine: z.number().int().nullable(),
});
export type DiffLine = z.infer<typeof DiffLineSchema>;

export const PolicyDiffSchema = z.object({
  /** The version compared against (the previous one). */
  against: z.number().int(),
  againstDigest: Sha256Schema,
  added: z.number().int(),
  removed: z.number().int(),
  lines: z.array(DiffLineSchema),
});
export type PolicyDiff = z.infer<typeof PolicyDiffSchema>;

/** A version with its Markdown and the diff against the previous version (null for version 1). */
export const PolicyVersionDetailSchema = PolicyVersionSummarySchema.extend({
  markdown: z.string(),
  /** True when this is the policy's newest version (only the newest can be edited or submitted). */
  latest: z.boolean(),
  diff: PolicyDiffSchema.nullable(),
});
export type PolicyVersionDetail = z.infer<typeof PolicyVersionDetailSchema>;

export const PolicyGenerateSchema = z
  .object({
    kinds: z
      .array(PolicyKindSchema)
      .min(1, "must name at least one policy")
      .max(POLICY_KINDS.length)
      .refine((v) => new Set(v).size === v.length, "must not repeat a policy")
      .default([...POLICY_KINDS]),
  })
  .strict();
export type PolicyGenerate = z.infer<typeof PolicyGenerateSchema>;

/** What generating did for one policy: a new draft, nothing (same text as the latest version), or skipped (a version is in review). */
export const PolicyGenerateOutcomeSchema = z.object({
  kind: PolicyKindSchema,
  outcome: z.enum(["created", "unchanged", "skipped"]),
  reason: z.string(),
  version: PolicyVersionSummarySchema.nullable(),
});
export type PolicyGenerateOutcome = z.infer<typeof PolicyGenerateOutcomeSchema>;

export const PolicyGenerateResultSchema = z.object({ items: z.array(PolicyGenerateOutcomeSchema) });
export type PolicyGenerateResult = z.infer<typeof PolicyGenerateResultSchema>;

/** An editor's new text for a policy: saved as the next version (a draft). */
export const PolicyEditSchema = z
  .object({
    markdown: z
      .string()
      .max(POLICY_MAX_CHARS, `must be at most ${POLICY_MAX_CHARS} characters`)
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "must not contain control characters")
      .transform(normalizeMarkdown)
      .refine((s) => s.trim().length > 0, "must not be empty"),
  })
  .strict();
export type PolicyEdit = z.infer<typeof PolicyEditSchema>;

export const PolicyApproveSchema = z
  .object({
    note: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
    /** The digest the approver read; when given, approval fails unless it is the version's digest. */
    digest: Sha256Schema.optional(),
  })
  .strict();
export type PolicyApprove = z.infer<typeof PolicyApproveSchema>;

export const PolicyRejectSchema = z
  .object({
    reason: z.string().trim().min(1, "is required: say what must change").max(2000, "must be at most 2000 characters"),
  })
  .strict();
export type PolicyReject = z.infer<typeof PolicyRejectSchema>;

/** Every version of every policy, for export and restore. */
export const PoliciesExportSchema = z
  .object({
    versions: z.array(
      PolicyVersionSummarySchema.omit({ title: true }).extend({
        markdown: z.string(),
      }),
    ),
  })
  .strict();
export type PoliciesExport = z.infer<typeof PoliciesExportSchema>;

// ---- line diff ----

/** Above this many cells the diff stops looking for a longest common subsequence in the changed middle. */
const MAX_LCS_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The line diff from `before` to `after`: a longest common subsequence over lines (after trimming
 * the common start and end), with deletions before additions in each changed run. Very large
 * changed middles (over 4 million line pairs) are shown as all deleted then all added.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ op: "same", text: a[i] as string, oldLine: i + 1, newLine: i + 1 });
  const n = endA - start;
  const m = endB - start;
  const middle: { op: "same" | "add" | "del"; i: number; j: number }[] = [];
  if (n > 0 && m > 0 && n * m <= MAX_LCS_CELLS) {
    // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB), row-major.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          a[start + i] === b[start + j] ? (lcs[(i + 1) * w + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        middle.push({ op: "same", i, j });
        i++;
        j++;
      } else if (j >= m || (i < n && (lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number))) {
        middle.push({ op: "del", i, j });
        i++;
      } else {
        middle.push({ op: "add", i, j });
        j++;
      }
    }
  } else {
    for (let i = 0; i < n; i++) middle.push({ op: "del", i, j: 0 });
    for (let j = 0; j < m; j++) middle.push({ op: "add", i: 0, j });
  }
  // Within each changed run, deletions first, then additions: reads like a replacement.
  let k = 0;
  while (k < middle.length) {
    const step = middle[k] as (typeof middle)[number];
    if (step.op === "same") {
      out.push({ op: "same", text: a[start + step.i] as string, oldLine: start + step.i + 1, newLine: start + step.j + 1 });
      k++;
      continue;
    }
    const run: typeof middle = [];
    while (k < middle.length && (middle[k] as (typeof middle)[number]).op !== "same") run.push(middle[k++] as (typeof middle)[number]);
    for (const s of run) if (s.op === "del") out.push({ op: "del", text: a[start + s.i] as string, oldLine: start + s.i + 1, newLine: null });
    for (const s of run) if (s.op === "add") out.push({ op: "add", text: b[start + s.j] as string, oldLine: null, newLine: start + s.j + 1 });
  }
  for (let i = endA; i < a.length; i++) out.push({ op: "same", text: a[i] as string, oldLine: i + 1, newLine: endB + (i - endA) + 1 });
  return out;
}

/** A run of changed lines with up to `context` unchanged lines around it. */
export interface DiffHunk {
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

/** Groups a diff into hunks of changes with `context` unchanged lines on each side; empty when nothing changed. */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const changed = lines.map((l, i) => (l.op === "same" ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return [];
  const hunks: DiffHunk[] = [];
  let from = Math.max(0, (changed[0] as number) - context);
  let to = Math.min(lines.length - 1, (changed[0] as number) + context);
  const close = () => {
    const slice = lines.slice(from, to + 1);
    const first = slice[0] as DiffLine;
    const oldStart = first.oldLine ?? slice.find((l) => l.oldLine !== null)?.oldLine ?? 1;
    const newStart = first.newLine ?? slice.find((l) => l.newLine !== null)?.newLine ?? 1;
    hunks.push({ oldStart, newStart, lines: slice });
  };
  for (const c of changed.slice(1)) {
    if (c - context <= to + 1) to = Math.min(lines.length - 1, c + context);
    else {
      close();
      from = c - context;
      to = Math.min(lines.length - 1, c + context);
    }
  }
  close();
  return hunks;
}

/** Counts of added and removed lines. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === "add") added++;
    else if (l.op === "del") removed++;
  }
  return { added, removed };
}
