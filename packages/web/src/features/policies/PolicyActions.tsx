import { type PolicyVersionDetail, roleAtLeast } from "@caio/core";
import { Alert, Button, Code, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconPencil, IconRefresh, IconSend, IconX } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { describeError } from "../../api/api-error";
import { useOrg } from "../layout/org-context";
import { useApprovePolicy, useEditPolicy, useGeneratePolicies, useRejectPolicy, useSubmitPolicy } from "./policies-api";
import { generatedMessage } from "./policy-fields";

function ErrorAlert({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={title}>
      {describeError(error)}
    </Alert>
  );
}

/**
 * What the signed-in person may do with the version on screen: editors submit, edit or regenerate
 * the latest version; approvers approve or send back a version in review. Viewers see nothing here.
 */
export function PolicyActions({ v, onNewVersion }: { v: PolicyVersionDetail; onNewVersion: () => void }) {
  const { org, canEdit } = useOrg();
  const canApprove = roleAtLeast(org.role, "approver");
  const submit = useSubmitPolicy(org.slug);
  const generate = useGeneratePolicies(org.slug);
  const [editing, edit] = useDisclosure(false);
  const [approving, approve] = useDisclosure(false);
  const [rejecting, reject] = useDisclosure(false);

  if (!v.latest || (!canEdit && !canApprove)) return null;
  const name = `${v.title} version ${v.version}`;
  const buttons = [];
  if (v.status === "draft" && canEdit)
    buttons.push(
      <Button
        key="submit"
        leftSection={<IconSend size={16} aria-hidden />}
        loading={submit.isPending}
        onClick={() => submit.mutate(v.id, { onSuccess: () => notifications.show({ color: "green", message: `${name} is in review.` }) })}
      >
        Submit for review
      </Button>,
    );
  if (v.status === "in-review" && canApprove)
    buttons.push(
      <Button key="approve" color="green" leftSection={<IconCheck size={16} aria-hidden />} onClick={approve.open}>
        Approve
      </Button>,
      <Button key="reject" variant="light" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={reject.open}>
        Send back
      </Button>,
    );
  if ((v.status === "draft" || v.status === "approved") && canEdit)
    buttons.push(
      <Button key="edit" variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
        Edit text
      </Button>,
      <Button
        key="generate"
        variant="default"
        leftSection={<IconRefresh size={16} aria-hidden />}
        loading={generate.isPending}
        onClick={() =>
          generate.mutate([v.kind], {
            onSuccess: (r) => {
              notifications.show({ color: "green", message: generatedMessage(r.items) });
              if (r.items.some((i) => i.outcome === "created")) onNewVersion();
            },
          })
        }
      >
        Regenerate from facts
      </Button>,
    );

  return (
    <Stack gap="sm">
      <ErrorAlert error={submit.error} title="Not submitted" />
      <ErrorAlert error={generate.error} title="Not generated" />
      {buttons.length > 0 ? (
        <Group gap="sm" role="group" aria-label={`Actions on ${name}`}>
          {buttons}
        </Group>
      ) : v.status === "in-review" ? (
        <Text size="sm" c="dimmed">
          Waiting for an approver to approve it or send it back.
        </Text>
      ) : null}
      {editing && <EditModal v={v} onClose={edit.close} onSaved={onNewVersion} />}
      {approving && <ApproveModal v={v} onClose={approve.close} />}
      {rejecting && <RejectModal v={v} onClose={reject.close} />}
    </Stack>
  );
}

function EditModal({ v, onClose, onSaved }: { v: PolicyVersionDetail; onClose: () => void; onSaved: () => void }) {
  const { org } = useOrg();
  const save = useEditPolicy(org.slug);
  const [text, setText] = useState(v.markdown);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: v.id, markdown: text },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "green", message: `Saved as version ${saved.version}, a draft.` });
          onClose();
          onSaved();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Edit ${v.title}`} size="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {v.status === "approved"
              ? `Version ${v.version} is approved and stays as it is. Your text becomes version ${v.version + 1}, a draft that replaces it once approved.`
              : `Your text becomes version ${v.version + 1}, a draft; version ${v.version} is kept with a diff.`}
          </Text>
          <ErrorAlert error={save.error} title="Not saved" />
          <Textarea
            label="Policy text (Markdown)"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={14}
            maxRows={24}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={text === v.markdown}>
              Save as version {v.version + 1}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ApproveModal({ v, onClose }: { v: PolicyVersionDetail; onClose: () => void }) {
  const { org } = useOrg();
  const approve = useApprovePolicy(org.slug);
  const [note, setNote] = useState("");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate(
      { id: v.id, note: note.trim(), digest: v.digest },
      {
        onSuccess: (a) => {
          notifications.show({ color: "green", message: `${a.title} version ${a.version} is approved.` });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Approve ${v.title}, version ${v.version}`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            You approve exactly the text on screen. Its SHA-256 digest is recorded in the audit log with your name; the text can never change afterwards.
          </Text>
          <Code block style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
            {v.digest}
          </Code>
          <ErrorAlert error={approve.error} title="Not approved" />
          <Textarea
            label="Note"
            description="Optional: for example the board meeting that approved it."
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={approve.isPending}>
              Approve version {v.version}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RejectModal({ v, onClose }: { v: PolicyVersionDetail; onClose: () => void }) {
  const { org } = useOrg();
  const reject = useRejectPolicy(org.slug);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === "";
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (missing) return;
    reject.mutate(
      { id: v.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: `${v.title} version ${v.version} is back to draft.` });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Send back ${v.title}, version ${v.version}`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">The version goes back to draft. Say what must change; the reason is shown with it and recorded in the audit log.</Text>
          <ErrorAlert error={reject.error} title="Not sent back" />
          <Textarea
            label="Reason"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && missing ? "Say what must change" : undefined}
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              Send back to draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
