import type { Store } from "@caio/db";
import {
  anthropicUsageImporter,
  createPricer,
  csvImporter,
  type Importer,
  inputFromText,
  negotiatedHook,
  openaiUsageImporter,
  type UsageRecord,
} from "@caio/spend";

const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32), so the demo data is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Workload {
  /** OpenAI project or Anthropic workspace (null: the default workspace). */
  scope: string | null;
  model: string;
  /** Requests on a weekday at the start of the period. */
  requests: number;
  /** Average uncached input, cached input and output tokens per request. */
  input: number;
  cached: number;
  output: number;
  /** Monthly growth factor. */
  growth: number;
  batch?: boolean;
  weekend?: number;
  /** OpenAI `service_tier`. */
  tier?: "default" | "priority";
  /** API key id (OpenAI) the traffic is sent with. */
  apiKey?: string;
  /** The traffic stops this many months after the start of the period. */
  until?: number;
  /** Anthropic `context_window` of the traffic. */
  contextWindow?: "0-200k" | "200k-1M";
  /** Hourly buckets: the day's requests arrive in these UTC hours (an hourly export). */
  hours?: number[];
}

// Meridian's traffic: what its systems send to OpenAI and Anthropic, by project and workspace.
const OPENAI: Workload[] = [
  { scope: "proj_support", model: "gpt-4o-2024-08-06", requests: 5200, input: 1800, cached: 1400, output: 420, growth: 1.09, weekend: 0.6 },
  { scope: "proj_support", model: "gpt-4o-mini-2024-07-18", requests: 9000, input: 600, cached: 0, output: 40, growth: 1.05, weekend: 0.6 },
  { scope: "proj_docs", model: "gpt-4o-2024-08-06", requests: 3800, input: 2600, cached: 0, output: 350, growth: 1.04, batch: true, weekend: 0.1 },
  { scope: "proj_docs", model: "gpt-4o-2024-08-06", requests: 900, input: 2600, cached: 0, output: 350, growth: 1.02, weekend: 0.2 },
  { scope: "proj_sales", model: "gpt-4o-mini-2024-07-18", requests: 1400, input: 900, cached: 0, output: 380, growth: 1.12, weekend: 0.05 },
  { scope: "proj_knowledge", model: "text-embedding-3-large", requests: 7000, input: 700, cached: 0, output: 0, growth: 1.03, weekend: 0.3 },
  { scope: "proj_knowledge", model: "gpt-4o-mini-2024-07-18", requests: 2400, input: 3200, cached: 800, output: 260, growth: 1.06, weekend: 0.3 },
  { scope: "proj_sandbox", model: "o3-2025-04-16", requests: 120, input: 4000, cached: 0, output: 2600, growth: 1.2, weekend: 0.4 },
  // A hackathon key and project nobody switched off: traffic stopped in the second month.
  {
    scope: "proj_hackathon",
    model: "gpt-4o-mini-2024-07-18",
    requests: 300,
    input: 800,
    cached: 0,
    output: 200,
    growth: 1,
    apiKey: "key_hackathon_2026",
    until: 2,
  },
  // Sales drafts sent at the priority tier since a latency scare; nobody outside waits on them.
  { scope: "proj_sales", model: "gpt-4o-2024-08-06", requests: 260, input: 1200, cached: 0, output: 450, growth: 1.05, weekend: 0.05, tier: "priority" },
  // The customs pilot classifies the day's shipments in a nightly job (hourly export).
  { scope: "proj_customs", model: "gpt-4o-2024-08-06", requests: 2400, input: 1500, cached: 0, output: 25, growth: 1.04, weekend: 0.3, hours: [1, 2, 3] },
];
const ANTHROPIC: Workload[] = [
  { scope: "wrkspc_legal", model: "claude-sonnet-4-5-20250929", requests: 700, input: 900, cached: 14_000, output: 900, growth: 1.07, weekend: 0.05 },
  { scope: "wrkspc_routing", model: "claude-sonnet-4-5-20250929", requests: 2100, input: 2400, cached: 3000, output: 520, growth: 1.1, weekend: 0.7 },
  { scope: "wrkspc_routing", model: "claude-haiku-4-5-20251001", requests: 6000, input: 800, cached: 0, output: 90, growth: 1.05, weekend: 0.7 },
  { scope: null, model: "claude-opus-4-1-20250805", requests: 60, input: 6000, cached: 0, output: 1500, growth: 1.15, weekend: 0.2 },
  // Whole contract bundles pasted in one prompt: billed at the long-context rate.
  {
    scope: "wrkspc_legal",
    model: "claude-sonnet-4-5-20250929",
    requests: 14,
    input: 260_000,
    cached: 0,
    output: 1800,
    growth: 1.08,
    weekend: 0.05,
    contextWindow: "200k-1M",
  },
];

/** A route-planner side project calling Mistral through the team's gateway (generic CSV export); no vendor on record. */
const MISTRAL: Workload = {
  scope: "route-planner",
  model: "mistral-large-latest",
  requests: 400,
  input: 1800,
  cached: 0,
  output: 300,
  growth: 1.25,
  weekend: 0.4,
};

/** Which project or workspace belongs to which demo system and team. */
const RULES: { field: "project" | "workspace"; value: string; system: string; team: string }[] = [
  { field: "project", value: "proj_support", system: "Ask Meridian support assistant", team: "Customer Support" },
  { field: "project", value: "proj_docs", system: "Invoice and bill-of-lading extraction", team: "Finance Operations" },
  { field: "project", value: "proj_sales", system: "Sales email drafting", team: "Sales" },
  { field: "project", value: "proj_knowledge", system: "Internal knowledge search", team: "Platform" },
  { field: "workspace", value: "wrkspc_legal", system: "Contract review assistant", team: "Legal" },
  { field: "workspace", value: "wrkspc_routing", system: "Route optimization copilot", team: "Operations" },
  { field: "project", value: "proj_customs", system: "Customs HS-code classification", team: "Customs" },
];

function volume(w: Workload, day: Date, start: Date, rand: () => number): number {
  const months = (day.getTime() - start.getTime()) / (30 * DAY);
  if (w.until !== undefined && months >= w.until) return 0;
  const weekday = day.getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? (w.weekend ?? 0.5) : 1;
  return Math.max(0, Math.round(w.requests * w.growth ** months * weekend * (0.85 + rand() * 0.3)));
}

/** OpenAI usage API pages, one daily bucket per page, exactly as `GET /v1/organization/usage/completions` returns them. */
function openaiResult(w: Workload, n: number) {
  const cached = n * w.cached;
  return {
    object: "organization.usage.completions.result",
    input_tokens: n * w.input + cached,
    output_tokens: n * w.output,
    input_cached_tokens: cached,
    input_audio_tokens: 0,
    output_audio_tokens: 0,
    num_model_requests: n,
    project_id: w.scope,
    user_id: null,
    api_key_id: w.apiKey ?? null,
    model: w.model,
    batch: w.batch ?? false,
    service_tier: w.tier ?? "default",
  };
}

/**
 * OpenAI usage API pages, one per day, exactly as `GET /v1/organization/usage/completions`
 * returns them: a daily bucket, or with `hourly`, that day's 24 hourly buckets (`bucket_width=1h`).
 */
function openaiPages(days: Date[], start: Date, rand: () => number, hourly: boolean): string {
  const workloads = OPENAI.filter((w) => (w.hours !== undefined) === hourly);
  return days
    .map((d) => {
      const t = d.getTime() / 1000;
      if (!hourly) {
        const results = workloads.map((w) => openaiResult(w, volume(w, d, start, rand))).filter((r) => r.num_model_requests > 0);
        return JSON.stringify({ object: "page", data: [{ object: "bucket", start_time: t, end_time: t + 86_400, results }], has_more: false, next_page: null });
      }
      const perHour = workloads.map((w) => ({ w, n: volume(w, d, start, rand) }));
      const data = Array.from({ length: 24 }, (_, h) => ({
        object: "bucket",
        start_time: t + h * 3600,
        end_time: t + (h + 1) * 3600,
        results: perHour.filter(({ w, n }) => n > 0 && w.hours?.includes(h)).map(({ w, n }) => openaiResult(w, Math.round(n / (w.hours?.length ?? 1)))),
      }));
      return JSON.stringify({ object: "page", data, has_more: false, next_page: null });
    })
    .join("\n");
}

/** Anthropic usage report pages (`GET /v1/organizations/usage_report/messages`), one daily bucket per page. */
function anthropicPages(days: Date[], start: Date, rand: () => number): string {
  return days
    .map((d) => {
      const results = ANTHROPIC.map((w) => {
        const n = volume(w, d, start, rand);
        return {
          uncached_input_tokens: n * w.input,
          cache_read_input_tokens: n * w.cached,
          cache_creation: { ephemeral_5m_input_tokens: Math.round(n * w.cached * 0.04), ephemeral_1h_input_tokens: 0 },
          output_tokens: n * w.output,
          server_tool_use: { web_search_requests: 0 },
          model: w.model,
          workspace_id: w.scope,
          api_key_id: null,
          service_tier: "standard",
          context_window: w.contextWindow ?? "0-200k",
        };
      });
      return JSON.stringify({
        data: [{ starting_at: d.toISOString().replace(".000Z", "Z"), ending_at: new Date(d.getTime() + DAY).toISOString().replace(".000Z", "Z"), results }],
        has_more: false,
        next_page: null,
      });
    })
    .join("\n");
}

/** The gateway's daily export in caio's generic CSV format (docs/spend-csv-format.md). */
function mistralCsv(days: Date[], start: Date, rand: () => number): string {
  const rows = ["date,provider,model,project,input_tokens,output_tokens,requests"];
  // The side project started three months ago.
  const from = days.length - 90;
  days.forEach((d, i) => {
    if (i < from) return;
    const n = volume(MISTRAL, d, start, rand);
    if (n > 0) rows.push(`${d.toISOString().slice(0, 10)},mistral,${MISTRAL.model},${MISTRAL.scope},${n * MISTRAL.input},${n * MISTRAL.output},${n}`);
  });
  return `${rows.join("\n")}\n`;
}

async function parse(
  importer: Importer,
  text: string,
  fileName: string,
  rates: Parameters<typeof negotiatedHook>[0],
  container: "jsonl" | "csv" = "jsonl",
): Promise<UsageRecord[]> {
  const pricer = createPricer({ negotiated: negotiatedHook(rates) });
  const out: UsageRecord[] = [];
  for await (const r of importer.parse(inputFromText(text, { fileName, container }), { fileName, pricer })) out.push(r);
  return out;
}

/**
 * Seeds the demo organization's spend: about six months of OpenAI and Anthropic usage exports
 * (in the providers' documented page formats, read by the real importers), a negotiated OpenAI
 * rate, and attribution rules mapping projects and workspaces to the demo systems and teams. An
 * OpenAI sandbox project and Anthropic's default workspace stay unattributed, as in real life.
 */
export async function seedDemoSpend(store: Store, orgId: string, actorLabel: string, today = new Date()): Promise<{ records: number; rules: number }> {
  const actor = { label: actorLabel };
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 6, 1));
  const days: Date[] = [];
  for (let t = start.getTime(); t < end; t += DAY) days.push(new Date(t));
  const rate = await store.spendRules.setRate(
    orgId,
    { provider: "openai", multiplier: "0.9", note: "Enterprise agreement 2026: 10% off list on all models" },
    actor,
  );
  const rates = [rate];
  const rand = prng(20_260_501);
  const openai = await parse(openaiUsageImporter, openaiPages(days, start, rand, false), "openai-usage-demo.jsonl", rates);
  const openaiHourly = await parse(openaiUsageImporter, openaiPages(days, start, rand, true), "openai-usage-hourly-demo.jsonl", rates);
  const anthropic = await parse(anthropicUsageImporter, anthropicPages(days, start, rand), "anthropic-usage-demo.jsonl", rates);
  const mistral = await parse(csvImporter, mistralCsv(days, start, rand), "gateway-mistral-demo.csv", rates, "csv");
  const sha = (s: string) => s.padEnd(64, "0").slice(0, 64);
  await store.spend.importRecords(orgId, { source: "openai-usage", fileName: "openai-usage-demo.jsonl", fileSha256: sha("a1") }, openai, actor);
  await store.spend.importRecords(orgId, { source: "openai-usage", fileName: "openai-usage-hourly-demo.jsonl", fileSha256: sha("a2") }, openaiHourly, actor);
  await store.spend.importRecords(orgId, { source: "anthropic-usage", fileName: "anthropic-usage-demo.jsonl", fileSha256: sha("b2") }, anthropic, actor);
  await store.spend.importRecords(orgId, { source: "csv", fileName: "gateway-mistral-demo.csv", fileSha256: sha("c3") }, mistral, actor);
  const systems = (await store.db.query<{ id: string; name: string }>("select id, name from systems where org_id = $1", [orgId])).rows;
  let rules = 0;
  for (const r of RULES) {
    const system = systems.find((s) => s.name === r.system);
    await store.spendRules.createRule(orgId, { field: r.field, value: r.value, systemId: system?.id ?? null, team: r.team }, actor);
    rules++;
  }
  // The officer's model policy: the vendors under contract, and not the superseded, expensive Opus 4.1.
  await store.savings.setModelPolicy(
    orgId,
    { providers: { allow: ["openai", "anthropic", "aws", "azure*", "in-house", "sentence-transformers"] }, models: { deny: ["claude-opus-4-1*", "o1*"] } },
    actor,
  );
  return { records: openai.length + openaiHourly.length + anthropic.length + mistral.length, rules };
}
