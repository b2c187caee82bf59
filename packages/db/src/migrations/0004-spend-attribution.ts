/**
 * Spend, part two: per-request records (request id), overlap detection across bucket widths
 * (series key), staged imports for files larger than one request, attribution rules and
 * negotiated rates.
 */
export const sql = /* sql */ `
alter table usage_records add column request_id text;
-- Hash of the record's identity without its period (null for per-request records): two buckets of
-- one series whose periods overlap describe the same usage, e.g. a daily and an hourly export.
alter table usage_records add column series_key text;
create index usage_records_series on usage_records(org_id, series_key, period_start) where series_key is not null;
create index usage_records_provider_day on usage_records(org_id, provider, day);

create table usage_import_sessions (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  source text not null,
  file_name text not null,
  actor text not null,
  records_staged integer not null default 0,
  created_at timestamptz not null,
  unique (org_id, id)
);

create table usage_staged (
  org_id uuid not null,
  session_id uuid not null,
  seq bigint not null,
  record_key text not null,
  source text not null,
  day date not null,
  hour smallint,
  period_start timestamptz not null,
  period_end timestamptz not null,
  provider text not null,
  model text not null,
  model_reported text,
  project_id text,
  workspace_id text,
  api_key_hash text,
  user_id text,
  team text,
  tags jsonb not null,
  uncached_input bigint not null,
  cache_read bigint not null,
  cache_write_5m bigint not null,
  cache_write_1h bigint not null,
  output bigint not null,
  reasoning bigint not null,
  input_audio bigint not null,
  output_audio bigint not null,
  web_searches bigint not null,
  requests bigint not null,
  batch boolean not null,
  service_tier text not null,
  long_context boolean not null,
  billed_cost_micros bigint,
  list_cost_micros bigint,
  currency text not null,
  request_id text,
  series_key text,
  foreign key (org_id, session_id) references usage_import_sessions(org_id, id) on delete cascade
);
create index usage_staged_session on usage_staged(org_id, session_id, seq);

create table spend_rules (
  org_id uuid not null references organizations(id) on delete cascade,
  id uuid not null,
  position integer not null,
  match_field text not null,
  match_key text,
  match_value text not null,
  match_hint text,
  system_id uuid,
  team text,
  note text not null default '',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, system_id) references systems(org_id, id) on delete set null (system_id)
);

create table spend_rates (
  org_id uuid not null references organizations(id) on delete cascade,
  id uuid not null,
  provider text not null,
  model text,
  multiplier text,
  prices jsonb,
  note text not null default '',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id)
);
create unique index spend_rates_scope on spend_rates(org_id, provider, coalesce(model, ''));
`;
