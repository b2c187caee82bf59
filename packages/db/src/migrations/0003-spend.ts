/** The spend ledger: normalized usage records (idempotent by record key) and the imports that brought them. */
export const sql = /* sql */ `
create table usage_imports (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  source text not null,
  file_name text not null,
  file_sha256 text not null,
  records_read integer not null,
  records_imported integer not null,
  records_duplicate integer not null,
  day_from date,
  day_to date,
  cost_micros bigint not null,
  actor text not null,
  imported_at timestamptz not null,
  unique (org_id, id)
);

create table usage_records (
  org_id uuid not null references organizations(id) on delete cascade,
  record_key text not null,
  import_id uuid not null,
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
  primary key (org_id, record_key),
  foreign key (org_id, import_id) references usage_imports(org_id, id) on delete cascade
);
create index usage_records_day on usage_records(org_id, day);
`;
