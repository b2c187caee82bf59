/**
 * The policy frame: every version of the four policies (AI acceptable use, data sent to
 * third-party models, AI-generated content, AI in customer-facing workflows), with its Markdown,
 * its SHA-256 digest, and who submitted, approved, rejected or superseded it.
 *
 * The database itself keeps the promises the store makes:
 * - a version's text never changes, and its digest is always the SHA-256 of its text;
 * - an approved version can only become superseded; a superseded one cannot change at all;
 * - neither can be deleted, except with its whole organization;
 * - at most one version of a policy is approved, and at most one is in review.
 */
export const sql = /* sql */ `
create table policy_versions (
  id uuid primary key,
  org_id uuid not null references organizations(id) on delete cascade,
  kind text not null check (kind in ('acceptable-use', 'third-party-data', 'generated-content', 'customer-facing')),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'in-review', 'approved', 'superseded')),
  source text not null check (source in ('generated', 'edited')),
  markdown text not null,
  digest text not null,
  created_by text not null,
  created_at timestamptz not null,
  submitted_by text,
  submitted_at timestamptz,
  approved_by text,
  approved_at timestamptz,
  approval_note text not null default '',
  rejected_by text,
  rejected_at timestamptz,
  rejection_reason text not null default '',
  superseded_by integer,
  superseded_at timestamptz,
  unique (org_id, id),
  unique (org_id, kind, version),
  constraint policy_digest_matches check (digest = encode(sha256(convert_to(markdown, 'UTF8')), 'hex')),
  constraint policy_approval_recorded check ((status in ('approved', 'superseded')) = (approved_by is not null and approved_at is not null)),
  constraint policy_supersession_recorded check ((status = 'superseded') = (superseded_by is not null and superseded_at is not null))
);
create unique index policy_versions_one_approved on policy_versions(org_id, kind) where status = 'approved';
create unique index policy_versions_one_in_review on policy_versions(org_id, kind) where status = 'in-review';

create function policy_versions_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status in ('approved', 'superseded') and exists (select 1 from organizations where id = old.org_id) then
      raise exception 'policy % version % is %: it cannot be deleted', old.kind, old.version, old.status using errcode = 'P0001';
    end if;
    return old;
  end if;
  if new.id <> old.id or new.org_id <> old.org_id or new.kind <> old.kind or new.version <> old.version
     or new.markdown <> old.markdown or new.digest <> old.digest or new.source <> old.source
     or new.created_by <> old.created_by or new.created_at <> old.created_at then
    raise exception 'policy % version %: the text of a version never changes (save a new version instead)', old.kind, old.version using errcode = 'P0001';
  end if;
  if old.status = 'superseded' then
    raise exception 'policy % version % is superseded: it cannot change', old.kind, old.version using errcode = 'P0001';
  end if;
  if old.status = 'approved' then
    if new.status <> 'superseded'
       or new.approved_by is distinct from old.approved_by or new.approved_at is distinct from old.approved_at
       or new.approval_note is distinct from old.approval_note
       or new.submitted_by is distinct from old.submitted_by or new.submitted_at is distinct from old.submitted_at
       or new.rejected_by is distinct from old.rejected_by or new.rejected_at is distinct from old.rejected_at
       or new.rejection_reason is distinct from old.rejection_reason then
      raise exception 'policy % version % is approved: it cannot change, only be superseded by a later approved version', old.kind, old.version using errcode = 'P0001';
    end if;
  end if;
  return new;
end
$$;

create trigger policy_versions_guard before update or delete on policy_versions
  for each row execute function policy_versions_guard();
`;
