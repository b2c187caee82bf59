/**
 * The risk register (likelihood × severity, owner, mitigation, status, review date, linked
 * systems and obligations) and incidents with the facts their AI Act Art 73 reporting clock is
 * computed from (awareness date and severity; the deadline itself is computed when read).
 */
export const sql = /* sql */ `
create table risks (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  title text not null,
  description text not null default '',
  likelihood smallint not null check (likelihood between 1 and 5),
  severity smallint not null check (severity between 1 and 5),
  owner text not null default '',
  mitigation text not null default '',
  status text not null check (status in ('open', 'mitigating', 'accepted', 'closed')),
  review_date date,
  obligation_ids text[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, id)
);
create index risks_org on risks(org_id, status);

create table risk_systems (
  org_id uuid not null,
  risk_id uuid not null,
  system_id uuid not null,
  primary key (risk_id, system_id),
  foreign key (org_id, risk_id) references risks(org_id, id) on delete cascade,
  foreign key (org_id, system_id) references systems(org_id, id) on delete cascade
);
create index risk_systems_system on risk_systems(org_id, system_id);

create table incidents (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  title text not null,
  description text not null default '',
  system_id uuid,
  occurred_at timestamptz,
  aware_on date not null,
  severity text not null check (severity in ('serious', 'death', 'widespread-or-critical-infrastructure', 'not-serious')),
  status text not null check (status in ('open', 'reported', 'closed')),
  reported_on date,
  notes text not null default '',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, id),
  foreign key (org_id, system_id) references systems(org_id, id) on delete set null (system_id)
);
create index incidents_org on incidents(org_id, status, aware_on);
`;
