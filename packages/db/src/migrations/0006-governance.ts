/**
 * Governance: each classification of a system (its answers with who and when, the result and the
 * rule-set version that produced it; kept as history) and the tracking of each obligation that
 * follows (owner, status, evidence).
 */
export const sql = /* sql */ `
create table classifications (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  system_id uuid not null,
  ruleset_version text not null,
  law text not null check (law in ('original', 'omnibus')),
  as_of date not null,
  answers jsonb not null,
  result jsonb not null,
  created_by text not null,
  created_at timestamptz not null,
  foreign key (org_id, system_id) references systems(org_id, id) on delete cascade
);
create index classifications_system on classifications(org_id, system_id, created_at desc);

create table obligation_tracking (
  org_id uuid not null references organizations(id) on delete cascade,
  system_id uuid not null,
  obligation_id text not null,
  owner text not null default '',
  status text not null check (status in ('open', 'in-progress', 'done', 'not-applicable')),
  evidence text not null default '',
  updated_by text not null,
  updated_at timestamptz not null,
  primary key (org_id, system_id, obligation_id),
  foreign key (org_id, system_id) references systems(org_id, id) on delete cascade
);
`;
