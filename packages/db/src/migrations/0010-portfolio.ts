/**
 * The use-case portfolio: candidate AI use cases with their KPI (type, baseline, target), value
 * and costs in micro-units, data readiness, dependencies, the linked system, free risk labels,
 * market signals, stage with its dates and the funding decision; and KPI actuals over time.
 * `recommendation` keeps the latest computed build / buy / wait / stop (null until first
 * computed) so other features can read it without the rules.
 */
export const sql = /* sql */ `
create table use_cases (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  name text not null,
  problem text not null default '',
  owner text not null default '',
  kpi_type text not null check (kpi_type in ('revenue', 'cost', 'risk')),
  kpi_name text not null default '',
  kpi_unit text not null default '',
  kpi_baseline numeric,
  kpi_target numeric,
  annual_value_micros bigint not null default 0 check (annual_value_micros >= 0),
  build_cost_micros bigint not null default 0 check (build_cost_micros >= 0),
  run_cost_micros bigint not null default 0 check (run_cost_micros >= 0),
  data_readiness text not null check (data_readiness in ('none', 'partial', 'ready')),
  dependencies text[] not null default '{}',
  system_id uuid,
  labels text[] not null default '{}',
  differentiating boolean not null default false,
  vendor_trend text not null check (vendor_trend in ('rising', 'flat', 'none')),
  commoditizing boolean not null default false,
  stage text not null check (stage in ('idea', 'pilot', 'production', 'stopped')),
  pilot_started_on date,
  production_on date,
  funded boolean not null default false,
  funded_on date,
  recommendation text check (recommendation in ('build', 'buy', 'wait', 'stop')),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, id),
  foreign key (org_id, system_id) references systems(org_id, id) on delete set null (system_id)
);
create unique index use_cases_name on use_cases(org_id, lower(name));

create table kpi_actuals (
  id uuid primary key,
  org_id uuid not null,
  use_case_id uuid not null,
  measured_on date not null,
  value numeric not null,
  note text not null default '',
  recorded_by text not null,
  created_at timestamptz not null,
  foreign key (org_id, use_case_id) references use_cases(org_id, id) on delete cascade
);
create index kpi_actuals_use_case on kpi_actuals(org_id, use_case_id, measured_on);
`;
