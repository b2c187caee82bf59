/**
 * Savings and reconciliation: the status of each savings recommendation (recommendations are
 * computed when read; only decisions about them are stored) and the organization's model policy.
 */
export const sql = /* sql */ `
create table savings_decisions (
  org_id uuid not null references organizations(id) on delete cascade,
  rec_id text not null,
  rec_type text not null,
  title text not null,
  status text not null check (status in ('open', 'accepted', 'dismissed', 'done')),
  note text not null default '',
  monthly_saving_micros bigint not null,
  decided_by text not null,
  decided_at timestamptz not null,
  primary key (org_id, rec_id)
);

create table model_policies (
  org_id uuid primary key references organizations(id) on delete cascade,
  policy jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null
);
`;
