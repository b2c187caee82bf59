/**
 * Cost report pages for the `caio pull` tests (unit and CLI), in the documented shapes, with their
 * hand-computed totals.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON fixtures
type Json = any;

/**
 * OpenAI Costs API buckets (amount in dollars, lowercase currency). Hand total:
 * 0.165 + 0.18 + 2.5 + 0.013856 + 0.009872 = $2.868728 = 2,868,728 micros, 5 results.
 */
export const OPENAI_COST_BUCKETS: Json[] = [
  {
    object: "bucket",
    start_time: 1761955200,
    end_time: 1762041600,
    results: [
      { object: "organization.costs.result", amount: { value: 0.165, currency: "usd" }, line_item: "gpt-4o-mini-2024-07-18, input", project_id: "proj_abc" },
      { object: "organization.costs.result", amount: { value: 0.18, currency: "usd" }, line_item: "gpt-4o-mini-2024-07-18, output", project_id: "proj_abc" },
      { object: "organization.costs.result", amount: { value: 2.5, currency: "usd" }, line_item: "gpt-4o-2024-08-06, input", project_id: "proj_abc" },
    ],
  },
  {
    object: "bucket",
    start_time: 1762041600,
    end_time: 1762128000,
    results: [
      { object: "organization.costs.result", amount: { value: 0.013856, currency: "usd" }, line_item: "gpt-4.1-2025-04-14, input", project_id: "proj_xyz" },
      { object: "organization.costs.result", amount: { value: 0.009872, currency: "usd" }, line_item: "gpt-4.1-2025-04-14, output", project_id: "proj_xyz" },
    ],
  },
];
export const OPENAI_COST_MICROS = 2_868_728n;

const anthropicCost = (amount: string, cost_type: string, description: string, extra: Json = {}): Json => ({
  currency: "USD",
  amount,
  workspace_id: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
  description,
  cost_type,
  context_window: "0-200k",
  model: "claude-sonnet-4-20250514",
  service_tier: "standard",
  token_type: null,
  inference_geo: null,
  ...extra,
});

/**
 * Anthropic cost report buckets (amount: a decimal string in cents). Hand total:
 * 0.45 + 0.75 + 10.0 + 100.0 + 5.0 + 2.5 = 118.7 cents = $1.187 = 1,187,000 micros, 6 results.
 */
export const ANTHROPIC_COST_BUCKETS: Json[] = [
  {
    starting_at: "2025-11-01T00:00:00Z",
    ending_at: "2025-11-02T00:00:00Z",
    results: [
      anthropicCost("0.45", "tokens", "Claude Sonnet 4 Usage - Input Tokens", { token_type: "uncached_input_tokens" }),
      anthropicCost("0.75", "tokens", "Claude Sonnet 4 Usage - Output Tokens", { token_type: "output_tokens" }),
      anthropicCost("10.0", "web_search", "Web Search Usage"),
      anthropicCost("100.0", "tokens", "Claude Haiku 4.5 Batch Usage - Input Tokens", {
        model: "claude-haiku-4-5-20251001",
        service_tier: "batch",
        token_type: "uncached_input_tokens",
      }),
    ],
  },
  {
    starting_at: "2025-11-02T00:00:00Z",
    ending_at: "2025-11-03T00:00:00Z",
    results: [
      anthropicCost("5.0", "tokens", "Claude Opus 4.5 Usage - Output Tokens", { model: "claude-opus-4-5-20251101", token_type: "output_tokens" }),
      anthropicCost("2.5", "code_execution", "Code Execution Usage", { model: null, context_window: null, service_tier: null }),
    ],
  },
];
export const ANTHROPIC_COST_MICROS = 1_187_000n;
