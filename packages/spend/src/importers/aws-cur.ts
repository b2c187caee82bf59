/**
 * AWS Data Exports CUR 2.0 (CSV or Parquet): the Amazon Bedrock token lines of a Cost and Usage
 * Report, one record per line (see ../shared/reference/spend-data.md §1.5).
 *
 * Which lines count:
 * - `line_item_line_item_type` Usage, SavingsPlanCoveredUsage and DiscountedUsage. Every other type
 *   (Tax, Credit, Refund, Fee, RIFee, SavingsPlanNegation, SavingsPlan*Fee, *Discount, …) is
 *   skipped: credits and refunds are account-level adjustments, not usage, and are never netted
 *   into a record (no negative micros).
 * - Bedrock lines only: `line_item_product_code` AmazonBedrock*, `product_product_family` "Amazon
 *   Bedrock", or a Marketplace product named "… (Amazon Bedrock Edition)" (Anthropic and other
 *   third-party models bill as AWS Marketplace products with an opaque product code).
 * - Token usage types only (below). Other Bedrock lines (provisioned throughput, guardrails, image
 *   or video tokens, knowledge bases) are not token usage and are skipped, like EC2 or S3 lines.
 *
 * Usage types (the token bucket comes from the usage type alone):
 * | usage type (after the region prefix, e.g. `USE1-`)                 | bucket        |
 * |--------------------------------------------------------------------|---------------|
 * | `<Model>-[mantle-][text-]input-tokens[-<suffix>]`                  | uncachedInput |
 * | `<Model>-[mantle-][text-]output-tokens[-<suffix>]`                 | output        |
 * | `<Model>-cache-read-input-token-count[-<suffix>]`                  | cacheRead     |
 * | `<Model>-cache-write-input-token-count[-<suffix>]`                 | cacheWrite5m  |
 * | `<Model>-cache-write-1h-input-token-count[-<suffix>]`              | cacheWrite1h  |
 * | `MP:<REGION>_InputTokenCount[_Global][_Batch]-Units`               | uncachedInput |
 * | `MP:<REGION>_OutputTokenCount…-Units`                              | output        |
 * | `MP:<REGION>_CacheReadInputTokenCount…-Units`                      | cacheRead     |
 * | `MP:<REGION>_CacheWriteInputTokenCount…-Units`                     | cacheWrite5m  |
 * | `MP:<REGION>_CacheWrite1hInputTokenCount…-Units`                   | cacheWrite1h  |
 * `speech-`/`audio-` token lines also count as input/output audio. Suffixes and qualifiers:
 * `batch` → batch tier, `flex`/`priority` → that tier, `global` (`-cross-region-global`,
 * `_Global`) → global cross-region inference (tag `scope: global`, and the `global.` model id,
 * which the catalog prices ~10% below in-region). The cache-write TTL of Bedrock's
 * `cache-write-input-token-count` is 5 minutes (Bedrock's default prompt-cache TTL).
 *
 * Units: `line_item_usage_amount` is in `pricing_unit`: `tokens`, `1K tokens`, `1M tokens` (also
 * `Million tokens`, `1,000 tokens`…) are scaled to tokens exactly; a fractional token count is an
 * error. ASSUMPTION: Marketplace token lines report `pricing_unit` "Units" and are metered in
 * millions of tokens — the AWS Price List prices one unit of "Claude Sonnet 4.5 (Amazon Bedrock
 * Edition)" `USE1-MP:USE1_InputTokenCount-Units` at 3.30, the per-million-token price. "Units" on a
 * first-party line, or any other unit, is an error.
 *
 * Model (modelReported, a Bedrock model id the catalog knows where possible), first found of:
 * the `product` map's `model` (CUR product metadata since 2026-07, or a flattened `product_model`
 * column), the Marketplace product name (`product_name`/`servicename` ending in "(Amazon Bedrock
 * Edition)"), then the model part of the usage type. Names are mapped as follows:
 * | reported                                         | modelReported                                  |
 * |--------------------------------------------------|------------------------------------------------|
 * | `Claude4.6Sonnet`, `Claude Sonnet 4.6`            | `anthropic.claude-sonnet-4-6` (any ≥4 version without a dated id: `anthropic.claude-<family>-<major>-<minor>`) |
 * | `Claude Sonnet 4.5` / `4` / `Opus 4.5` / `4.1` / `4` / `Haiku 4.5` | the dated ids in {@link CLAUDE_IDS} |
 * | `Claude3.5Sonnet`, `Claude 3.5 Sonnet v2`, `Claude3Haiku`, …        | the dated 3.x ids in {@link CLAUDE_IDS} |
 * | `TitanTextG1-Lite`, `Titan Text G1 - Lite`, `NovaPro`, `Nova Pro`, … | {@link AMAZON_IDS} (`amazon.titan-text-lite-v1`, `amazon.nova-pro-v1:0`, …) |
 * | a mantle id such as `qwen.qwen3-32b`             | itself                                         |
 * | anything else (`Llama4-Maverick-17B`, `Llama 4 Maverick 17B`) | lower-cased, words joined by "-" (`llama4-maverick-17b`, `llama-4-maverick-17b`), unpriced |
 * Global cross-region lines get the `global.` prefix (`global.anthropic.claude-sonnet-4-6`).
 *
 * Cost: billedCostMicros = `line_item_net_unblended_cost` when present and non-empty, else
 * `line_item_unblended_cost` (currency `line_item_currency_code`). On SavingsPlanCoveredUsage and
 * DiscountedUsage lines the unblended cost is the on-demand cost, offset by a separate (skipped)
 * SavingsPlanNegation line or by the reservation, so their effective cost columns are used when
 * the export has them (`savings_plan_net_savings_plan_effective_cost`,
 * `savings_plan_savings_plan_effective_cost`, `reservation_net_effective_cost`,
 * `reservation_effective_cost`). A negative cost or usage amount on a counted line is an error.
 *
 * Identity: requestId = `identity_line_item_id` + "/" + `identity_time_interval` (AWS only promises
 * the line item id to be unique within a partition, so the interval is added). projectId = the
 * usage account (`line_item_usage_account_id`), userId and tag `iam_principal` = the IAM principal
 * reduced to `<type>/<name>`: `arn:aws:iam::123456789012:user/alice` → `user/alice`,
 * `arn:aws:sts::…:assumed-role/AppRole/session` → `assumed-role/AppRole` (the session name is
 * dropped: it is often an e-mail address or an instance id), a name containing "@" is replaced by a
 * pseudonym (`user/~3f2a…`), and a value that is not an IAM/STS ARN is stored only as a pseudonym
 * (never an access key). Tags: `region` (product_region_code), `line_item_type`, `usage_type`,
 * `resource` (line_item_resource_id), `scope`, and user cost-allocation tags as `tag:<key>` from
 * the `resource_tags` map (keys `user_<key>`) or flattened `resource_tags_user_<key>` columns.
 * Requests are not in the CUR: `requests` is 0.
 */
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import type { SourceRow } from "../input.js";
import type { ServiceTier, UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { mapCell, pseudonym, putUserTag, scaledTokens, tokensPerUnit } from "./meter-parse.js";
import { RowFields } from "./row-fields.js";

const REQUIRED = [
  "identity_line_item_id",
  "line_item_line_item_type",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_usage_amount",
  "line_item_unblended_cost",
  "line_item_usage_start_date",
  "line_item_usage_end_date",
  "line_item_currency_code",
  "pricing_unit",
] as const;

const COUNTED_TYPES = new Set(["Usage", "SavingsPlanCoveredUsage", "DiscountedUsage"]);

type Bucket = "uncachedInput" | "cacheRead" | "cacheWrite5m" | "cacheWrite1h" | "output";

interface TokenLine {
  bucket: Bucket;
  audio: boolean;
  marketplace: boolean;
  /** The model part of a first-party usage type (`Claude4.6Sonnet`), null for Marketplace lines. */
  slug: string | null;
  tier: ServiceTier;
  global: boolean;
  longContext: boolean;
}

const REGION_PREFIX = /^(?:[A-Z]{2,4}\d{0,2}-)?/;
const MP_USAGE =
  /^MP:[A-Z0-9]+_(InputTokenCount|OutputTokenCount|CacheReadInputTokenCount|CacheWriteInputTokenCount|CacheWrite1hInputTokenCount)((?:_[A-Za-z0-9]+)*)-Units$/i;
const FP_USAGE =
  /^(.+?)-(?:mantle-)?(?:(text|speech|audio)-)?(input-tokens|output-tokens|cache-read-input-token-count|cache-write-input-token-count|cache-write-1h-input-token-count)(?:-(.+))?$/i;

const MP_BUCKETS: Record<string, Bucket> = {
  inputtokencount: "uncachedInput",
  outputtokencount: "output",
  cachereadinputtokencount: "cacheRead",
  cachewriteinputtokencount: "cacheWrite5m",
  cachewrite1hinputtokencount: "cacheWrite1h",
};
const FP_BUCKETS: Record<string, Bucket> = {
  "input-tokens": "uncachedInput",
  "output-tokens": "output",
  "cache-read-input-token-count": "cacheRead",
  "cache-write-input-token-count": "cacheWrite5m",
  "cache-write-1h-input-token-count": "cacheWrite1h",
};

function tierOf(words: string[]): ServiceTier {
  if (words.includes("batch")) return "batch";
  if (words.includes("flex")) return "flex";
  if (words.includes("priority")) return "priority";
  return "standard";
}

/** The token line a usage type describes, or undefined when it is not a token line. */
export function parseBedrockUsageType(usageType: string): TokenLine | undefined {
  const rest = usageType.trim().replace(REGION_PREFIX, "");
  const mp = MP_USAGE.exec(rest);
  if (mp) {
    const words = (mp[2] ?? "")
      .split("_")
      .filter(Boolean)
      .map((w) => w.toLowerCase());
    return {
      bucket: MP_BUCKETS[(mp[1] ?? "").toLowerCase()] ?? "uncachedInput",
      audio: false,
      marketplace: true,
      slug: null,
      tier: tierOf(words),
      global: words.includes("global"),
      longContext: words.some((w) => w.startsWith("long")),
    };
  }
  if (rest.startsWith("MP:")) return undefined;
  const fp = FP_USAGE.exec(rest);
  if (!fp) return undefined;
  const words = (fp[4] ?? "").toLowerCase().split("-").filter(Boolean);
  const modality = (fp[2] ?? "").toLowerCase();
  return {
    bucket: FP_BUCKETS[(fp[3] ?? "").toLowerCase()] ?? "uncachedInput",
    audio: modality === "speech" || modality === "audio",
    marketplace: false,
    slug: fp[1] ?? null,
    tier: tierOf(words),
    global: words.includes("global"),
    longContext: words.includes("long"),
  };
}

/** Dated Bedrock ids of Claude models, keyed by `<family> <version>[ v2]`. */
export const CLAUDE_IDS: Readonly<Record<string, string>> = {
  "instant 1": "anthropic.claude-instant-v1",
  "2": "anthropic.claude-v2",
  "2.0": "anthropic.claude-v2",
  "2.1": "anthropic.claude-v2:1",
  "sonnet 3": "anthropic.claude-3-sonnet-20240229-v1:0",
  "haiku 3": "anthropic.claude-3-haiku-20240307-v1:0",
  "opus 3": "anthropic.claude-3-opus-20240229-v1:0",
  "sonnet 3.5": "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "sonnet 3.5 v2": "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "haiku 3.5": "anthropic.claude-3-5-haiku-20241022-v1:0",
  "sonnet 3.7": "anthropic.claude-3-7-sonnet-20250219-v1:0",
  "sonnet 4": "anthropic.claude-sonnet-4-20250514-v1:0",
  "opus 4": "anthropic.claude-opus-4-20250514-v1:0",
  "opus 4.1": "anthropic.claude-opus-4-1-20250805-v1:0",
  "sonnet 4.5": "anthropic.claude-sonnet-4-5-20250929-v1:0",
  "haiku 4.5": "anthropic.claude-haiku-4-5-20251001-v1:0",
  "opus 4.5": "anthropic.claude-opus-4-5-20251101-v1:0",
};

/** Bedrock ids of Amazon models, keyed by the lower-cased usage-type slug (names are compacted to it). */
export const AMAZON_IDS: Readonly<Record<string, string>> = {
  "titantextg1-lite": "amazon.titan-text-lite-v1",
  "titantextg1-express": "amazon.titan-text-express-v1",
  "titantextg1-premier": "amazon.titan-text-premier-v1:0",
  "titanembeddingsg1-text": "amazon.titan-embed-text-v1",
  "titanembeddingv2-text": "amazon.titan-embed-text-v2:0",
  novamicro: "amazon.nova-micro-v1:0",
  novalite: "amazon.nova-lite-v1:0",
  novapro: "amazon.nova-pro-v1:0",
  novapremier: "amazon.nova-premier-v1:0",
  novasonic: "amazon.nova-sonic-v1:0",
  "nova2.0lite": "amazon.nova-2-lite-v1:0",
  "nova2.0sonic": "amazon.nova-2-sonic-v1:0",
};

const FAMILIES = "sonnet|haiku|opus|instant";
const CLAUDE_SLUG = new RegExp(`^claude(?:(\\d+(?:\\.\\d+)?)(${FAMILIES})?|(${FAMILIES})(\\d+(?:\\.\\d+)?)?)(v2)?$`, "i");
const CLAUDE_NAME = new RegExp(`^claude\\s+(?:(\\d+(?:\\.\\d+)?)(?:\\s+(${FAMILIES}))?|(${FAMILIES})(?:\\s+(\\d+(?:\\.\\d+)?))?)(?:\\s+(v2))?$`, "i");

function claudeId(m: RegExpExecArray): string {
  const version = m[1] ?? m[4] ?? (m[3]?.toLowerCase() === "instant" ? "1" : "");
  const family = (m[2] ?? m[3] ?? "").toLowerCase();
  const v2 = m[5] ? " v2" : "";
  const key = `${family}${family && version ? " " : ""}${version}${v2}`;
  const known = CLAUDE_IDS[key];
  if (known) return known;
  const ver = version.replace(".", "-");
  if (!family) return `anthropic.claude-v${ver}`;
  if (!version) return `anthropic.claude-${family}`;
  return Number.parseFloat(version) >= 4 ? `anthropic.claude-${family}-${ver}` : `anthropic.claude-${ver}-${family}`;
}

function fromSlug(slug: string): string {
  const s = slug.trim();
  const claude = CLAUDE_SLUG.exec(s);
  if (claude) return claudeId(claude);
  const lower = s.toLowerCase();
  return AMAZON_IDS[lower] ?? lower;
}

function fromName(name: string): string {
  const s = name.trim().replace(/\s+/g, " ");
  const claude = CLAUDE_NAME.exec(s);
  if (claude) return claudeId(claude);
  // "Titan Text G1 - Lite" → "TitanTextG1-Lite", "Nova Pro" → "NovaPro": the usage-type slug form.
  const known =
    AMAZON_IDS[
      s
        .replace(/\s*-\s*/g, "-")
        .replace(/\s+/g, "")
        .toLowerCase()
    ];
  if (known) return known;
  // Otherwise a readable id: "Llama 4 Maverick 17B" → "llama-4-maverick-17b".
  return s
    .toLowerCase()
    .replace(/\s*-\s*/g, " ")
    .split(" ")
    .filter(Boolean)
    .join("-");
}

const EDITION = /\s*\(Amazon Bedrock Edition\)\s*$/i;

interface ProductInfo {
  model: string | null;
  editionName: string | null;
  family: string | null;
}

function productInfo(f: RowFields): ProductInfo {
  const map = f.has("product") ? mapCell(f, "product") : {};
  const attr = (key: string): string | null => {
    const v = map[key] ?? f.str(`product_${key}`);
    return v === undefined || v === null || v.trim() === "" ? null : v.trim();
  };
  const names = [attr("product_name"), attr("servicename")];
  const edition = names.find((n) => n !== null && EDITION.test(n)) ?? null;
  return { model: attr("model"), editionName: edition, family: attr("product_family") };
}

function isBedrock(productCode: string, info: ProductInfo): boolean {
  return productCode.startsWith("AmazonBedrock") || info.family?.toLowerCase() === "amazon bedrock" || info.editionName !== null;
}

function modelOf(info: ProductInfo, line: TokenLine): string | null {
  let id: string | null = null;
  if (info.model) id = fromName(info.model);
  else if (info.editionName) id = fromName(info.editionName.replace(EDITION, ""));
  else if (line.slug) id = fromSlug(line.slug);
  if (id && line.global && id.includes(".") && !id.startsWith("global.")) id = `global.${id}`;
  return id;
}

const ARN = /^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:(.+)$/;

/** The IAM principal as `<type>/<name>`, without session names, e-mail addresses or keys. */
export function principalLabel(raw: string): string {
  const value = raw.trim();
  const m = ARN.exec(value);
  if (!m) return pseudonym("aws-principal", value);
  const parts = (m[1] ?? "").split("/").filter(Boolean);
  const kind = parts[0] ?? "principal";
  if (parts.length < 2) return kind;
  // Users and roles may have a path (user/division/alice): the name is the last segment. An
  // assumed role is assumed-role/<role>/<session>: keep the role, drop the session.
  const name = kind === "assumed-role" ? (parts[1] ?? "") : (parts[parts.length - 1] ?? "");
  return `${kind}/${name.includes("@") ? pseudonym("aws-principal", name) : name}`;
}

function userTags(f: RowFields, tags: Record<string, string>): void {
  if (f.has("resource_tags")) {
    const map = mapCell(f, "resource_tags");
    for (const k of Object.keys(map).sort()) {
      if (k.startsWith("user_")) putUserTag(tags, k.slice(5), map[k] ?? "");
    }
  }
  for (const col of Object.keys(f.row.values).sort()) {
    if (col.startsWith("resource_tags_user_")) {
      const v = f.str(col);
      if (v !== null) putUserTag(tags, col.slice("resource_tags_user_".length), v);
    }
  }
}

const COST_COLUMNS: Record<string, readonly string[]> = {
  SavingsPlanCoveredUsage: [
    "savings_plan_net_savings_plan_effective_cost",
    "savings_plan_savings_plan_effective_cost",
    "line_item_net_unblended_cost",
    "line_item_unblended_cost",
  ],
  DiscountedUsage: ["reservation_net_effective_cost", "reservation_effective_cost", "line_item_net_unblended_cost", "line_item_unblended_cost"],
  Usage: ["line_item_net_unblended_cost", "line_item_unblended_cost"],
};

function billedCost(f: RowFields, lineType: string): bigint {
  const cols = COST_COLUMNS[lineType] ?? COST_COLUMNS.Usage ?? [];
  const col = cols.find((c) => f.has(c)) ?? "line_item_unblended_cost";
  const micros = f.money(col);
  if (micros === null) f.fail(col, "is required");
  if (micros < 0n) f.fail(col, "must not be negative on a usage line (credits and refunds are separate line types)");
  return micros;
}

function tokensOf(f: RowFields, line: TokenLine): number {
  const unit = f.reqStr("pricing_unit");
  const per = unit.trim().toLowerCase() === "units" && line.marketplace ? 1_000_000n : tokensPerUnit(unit);
  if (per === undefined) {
    f.fail("pricing_unit", `cannot convert "${unit}" to tokens (expected tokens, 1K tokens or 1M tokens${line.marketplace ? ", or Units" : ""})`);
  }
  return scaledTokens(f, "line_item_usage_amount", per, unit);
}

function toRecord(f: RowFields, lineType: string, line: TokenLine, info: ProductInfo, ctx: ImportContext): UsageRecord {
  const periodStart = f.instant("line_item_usage_start_date", { naiveIsUtc: true }) ?? "";
  const periodEnd = f.instant("line_item_usage_end_date", { naiveIsUtc: true }) ?? "";
  if (Date.parse(periodEnd) <= Date.parse(periodStart)) f.fail("line_item_usage_end_date", "must be after line_item_usage_start_date");
  const tokens = tokensOf(f, line);
  const billedCostMicros = billedCost(f, lineType);
  const currency = f.reqStr("line_item_currency_code").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) f.fail("line_item_currency_code", "must be a three-letter ISO 4217 currency code");
  const lineItemId = f.reqStr("identity_line_item_id", 200);
  const interval = f.str("identity_time_interval", 90) ?? `${periodStart}/${periodEnd}`;
  const usageType = f.reqStr("line_item_usage_type");

  const tags: Record<string, string> = { line_item_type: lineType, usage_type: usageType };
  const region = f.str("product_region_code");
  if (region) tags.region = region;
  const resource = f.str("line_item_resource_id", 2000);
  if (resource) tags.resource = resource.slice(0, 300);
  if (line.global) tags.scope = "global";
  const principalRaw = f.str("line_item_iam_principal", 2000);
  const principal = principalRaw ? principalLabel(principalRaw) : null;
  if (principal) tags.iam_principal = principal;
  userTags(f, tags);

  const counts = { uncachedInput: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0 };
  counts[line.bucket] = tokens;
  const isOutput = line.bucket === "output";
  return buildRecord(
    {
      source: "aws-cur",
      periodStart,
      periodEnd,
      provider: "aws",
      modelReported: modelOf(info, line),
      projectId: f.str("line_item_usage_account_id"),
      workspaceId: null,
      apiKeyHash: null,
      userId: principal,
      team: null,
      requestId: `${lineItemId}/${interval}`,
      tags,
      ...counts,
      reasoning: 0,
      inputAudio: line.audio && !isOutput ? tokens : 0,
      outputAudio: line.audio && isOutput ? tokens : 0,
      webSearches: 0,
      requests: 0,
      batch: line.tier === "batch",
      serviceTier: line.tier,
      longContext: line.longContext,
      billedCostMicros,
      currency,
    },
    ctx,
  );
}

function checkColumns(file: string, row: SourceRow): void {
  const missing = REQUIRED.filter((c) => !(c in row.values));
  if (missing.length > 0) {
    throw new SpendImportError(
      { file, line: row.line === undefined ? undefined : 1, field: missing[0] },
      `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (is this an AWS Data Exports CUR 2.0 export?)`,
    );
  }
}

/**
 * AWS Data Exports CUR 2.0 (CSV or Parquet, snake_case columns): Amazon Bedrock token lines, one
 * record per line; everything else on the bill is skipped. Streams (`buffersFile: false`).
 */
export const awsCurImporter: Importer = {
  source: "aws-cur",
  buffersFile: false,
  detect: ({ columns }) => columns.includes("identity_line_item_id") && columns.includes("line_item_usage_type") && columns.includes("line_item_usage_amount"),
  async *parse(input, ctx) {
    let first = true;
    for await (const row of input.rows()) {
      if (first) {
        checkColumns(ctx.fileName, row);
        first = false;
      }
      const f = new RowFields(ctx.fileName, row);
      const lineType = f.str("line_item_line_item_type") ?? "";
      if (!COUNTED_TYPES.has(lineType)) continue;
      const line = parseBedrockUsageType(f.str("line_item_usage_type") ?? "");
      if (!line) continue;
      const info = productInfo(f);
      if (!isBedrock(f.str("line_item_product_code") ?? "", info)) continue;
      yield toRecord(f, lineType, line, info, ctx);
    }
  },
};
