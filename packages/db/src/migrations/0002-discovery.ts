/** Repository scans and their findings (discovery), and a per-organization key for secret fingerprints. */
export const sql = /* sql */ `
alter table organizations add column fingerprint_key text;

create table repositories (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  name text not null,
  last_scan_at timestamptz,
  created_at timestamptz not null,
  unique (org_id, id),
  unique (org_id, name)
);

create table scans (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  repository_id uuid not null,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  tool_version text not null,
  files_scanned integer not null,
  bytes_scanned bigint not null,
  files_skipped integer not null,
  finding_count integer not null,
  actor text not null,
  unique (org_id, id),
  foreign key (org_id, repository_id) references repositories(org_id, id) on delete cascade
);
create index scans_repository on scans(org_id, repository_id, finished_at desc);

create table findings (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  repository_id uuid not null,
  last_scan_id uuid not null,
  kind text not null,
  finding_key text not null,
  name text not null,
  provider text,
  ecosystem text,
  package_version text,
  packages jsonb,
  endpoint text,
  confidence text not null,
  scope text not null,
  secret_provider text,
  secret_key_kind text,
  secret_fingerprint text,
  evidence jsonb not null,
  occurrences integer not null,
  status text not null check (status in ('open','gone')),
  component_id uuid references components(id) on delete set null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  unique (org_id, repository_id, kind, finding_key, scope),
  foreign key (org_id, repository_id) references repositories(org_id, id) on delete cascade
);
create index findings_org_status on findings(org_id, status, scope);
`;
