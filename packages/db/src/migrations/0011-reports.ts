/**
 * Board packs: every generated report, stored as the exact bytes the reader got (HTML, Markdown
 * or PDF) with their SHA-256 and the model they were rendered from.
 *
 * The database itself keeps the promises the store makes:
 * - a snapshot never changes: any UPDATE is rejected;
 * - it cannot be deleted either, except with its whole organization;
 * - its digest and size are always those of its bytes.
 * The SHA-256 is also written to the audit ledger when the snapshot is made, so a snapshot
 * changed behind the database's back (trigger disabled) no longer matches the ledger.
 */
export const sql = /* sql */ `
create table report_snapshots (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  format text not null check (format in ('html', 'md', 'pdf')),
  title text not null,
  media_type text not null,
  content bytea not null,
  sha256 text not null,
  bytes integer not null,
  model jsonb not null,
  created_by text not null,
  created_at timestamptz not null,
  unique (org_id, id),
  constraint report_snapshot_size_matches check (bytes = octet_length(content)),
  constraint report_snapshot_digest_matches check (sha256 = encode(sha256(content), 'hex'))
);
create index report_snapshots_org_created on report_snapshots(org_id, created_at desc);

create function report_snapshots_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if exists (select 1 from organizations where id = old.org_id) then
      raise exception 'board pack % (%) is an immutable snapshot: it cannot be deleted', old.id, old.quarter using errcode = 'P0001';
    end if;
    return old;
  end if;
  raise exception 'board pack % (%) is an immutable snapshot: it cannot change (generate a new one instead)', old.id, old.quarter using errcode = 'P0001';
end
$$;

create trigger report_snapshots_guard before update or delete on report_snapshots
  for each row execute function report_snapshots_guard();
`;
