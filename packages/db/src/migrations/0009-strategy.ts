/**
 * Strategy: every leadership-need assessment (the answers, the result the rules gave, who and
 * when; the latest is the current one, the rest is history) and the 30/60/90-day plan's start
 * date when an admin set one (otherwise the plan starts on the organization's creation day).
 */
export const sql = /* sql */ `
create table assessments (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  answers jsonb not null,
  result jsonb not null,
  recommendation text not null,
  created_by text not null,
  created_at timestamptz not null,
  unique (org_id, id)
);
create index assessments_org on assessments(org_id, created_at desc);

create table plan_settings (
  org_id uuid primary key references organizations(id) on delete cascade,
  start_on date not null,
  updated_by text not null,
  updated_at timestamptz not null
);
`;
