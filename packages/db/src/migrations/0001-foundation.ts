/** Organizations, users, roles, sessions, tokens, the inventory, per-entity history and the audit ledger. */
export const sql = /* sql */ `
create table organizations (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  created_at timestamptz not null,
  audit_seq bigint not null default 0,
  audit_head text not null default ''
);

create table users (
  id uuid primary key,
  email text not null unique check (email = lower(email)),
  name text not null default '',
  password_hash text,
  created_at timestamptz not null
);

create table memberships (
  org_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('viewer','editor','approver','admin')),
  created_at timestamptz not null,
  primary key (org_id, user_id)
);
create index memberships_user on memberships(user_id);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions(user_id);

create table api_tokens (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  user_id uuid references users(id) on delete cascade,
  name text not null,
  prefix text not null,
  token_hash text not null unique,
  role text not null check (role in ('viewer','editor','approver','admin')),
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_org on api_tokens(org_id);

create table vendors (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  name text not null,
  services text[] not null default '{}',
  website text not null default '',
  notes text not null default '',
  contract_start date,
  contract_end date,
  renewal_notice_date date,
  commitment_micros bigint check (commitment_micros >= 0),
  commitment_currency text not null default 'USD',
  trains_on_customer_data text not null default 'unknown' check (trains_on_customer_data in ('yes','no','unknown')),
  retention_days integer,
  dpa_signed boolean not null default false,
  data_region text not null default '',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, id)
);
create unique index vendors_org_name on vendors(org_id, lower(name));

create table components (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  kind text not null check (kind in ('model','sdk','vendor-service','vector-store','dataset','prompt-surface','gateway','mcp-server','agent')),
  name text not null,
  provider text not null default '',
  identifier text not null default '',
  software_version text not null default '',
  hosting text not null check (hosting in ('vendor-api','cloud-platform','self-hosted')),
  vendor_id uuid,
  notes text not null default '',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, id),
  foreign key (org_id, vendor_id) references vendors(org_id, id)
);
create index components_org on components(org_id);

create table systems (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  name text not null,
  purpose text not null default '',
  business_owner text not null default '',
  technical_owner text not null default '',
  department text not null default '',
  stage text not null check (stage in ('idea','pilot','production','retired')),
  customer_facing boolean not null default false,
  decisions_affecting_people text not null check (decisions_affecting_people in ('none','informs','decides')),
  personal_data text[] not null default '{}',
  affected_people text not null default 'unknown',
  eu_nexus text[] not null default '{}',
  notes text not null default '',
  tags text[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (org_id, id)
);
create unique index systems_org_name on systems(org_id, lower(name));

create table system_components (
  org_id uuid not null,
  system_id uuid not null,
  component_id uuid not null,
  primary key (system_id, component_id),
  foreign key (org_id, system_id) references systems(org_id, id) on delete cascade,
  foreign key (org_id, component_id) references components(org_id, id) on delete cascade
);
create index system_components_component on system_components(component_id);

create table entity_versions (
  org_id uuid not null references organizations(id) on delete cascade,
  entity_type text not null,
  entity_id uuid not null,
  version integer not null,
  action text not null,
  actor text not null,
  at timestamptz not null,
  data jsonb,
  primary key (org_id, entity_type, entity_id, version)
);

create table audit_entries (
  org_id uuid not null references organizations(id) on delete cascade,
  seq bigint not null,
  at timestamptz not null,
  actor text not null,
  entity_type text not null,
  entity_id text not null,
  entity_label text not null,
  action text not null,
  before_digest text,
  after_digest text,
  prev_hash text not null,
  hash text not null,
  primary key (org_id, seq)
);
`;
