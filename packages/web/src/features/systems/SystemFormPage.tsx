import { notifications } from "@mantine/notifications";
import { useLocation, useNavigate, useParams } from "react-router";
import { ForbiddenAlert } from "../../shared/ForbiddenAlert";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { SystemForm } from "./SystemForm";
import { EMPTY_SYSTEM, readNewSystemState, systemToForm } from "./system-fields";
import { useCreateSystem, useSystem, useUpdateSystem } from "./systems-api";

export function NewSystemPage() {
  const { org, canEdit } = useOrg();
  const navigate = useNavigate();
  // Another page (Discovery) may start the form with suggested values and expect the user back afterwards.
  const from = readNewSystemState(useLocation().state);
  const create = useCreateSystem(org.slug);
  const listPath = `/o/${org.slug}/systems`;
  const back = from?.returnTo ?? { to: listPath, label: "Inventory" };
  return (
    <>
      <PageHeader
        title="New AI system"
        back={back}
        description={
          from
            ? `${from.source} Check the suggested values, add what you know, then create the system.`
            : "Only the name is required; fill in what you know now and complete the rest later."
        }
      />
      {canEdit ? (
        <SystemForm
          org={org.slug}
          initial={{ ...EMPTY_SYSTEM, ...from?.prefill }}
          submitLabel="Create system"
          cancelTo={back.to}
          save={(body) => create.mutateAsync(body)}
          onSaved={(s) => {
            notifications.show({ color: "green", message: `“${s.name}” added to the inventory.` });
            if (from) navigate(from.returnTo.to, { state: from.returnTo.state });
            else navigate(`/o/${org.slug}/systems/${s.id}`);
          }}
        />
      ) : (
        <ForbiddenAlert org={org} back={{ to: back.to, label: from ? `Back to ${from.returnTo.label}` : "Back to the inventory" }} />
      )}
    </>
  );
}

export function EditSystemPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const system = useSystem(org.slug, id);
  const update = useUpdateSystem(org.slug, id);
  const detailPath = `/o/${org.slug}/systems/${id}`;
  return (
    <>
      <PageHeader title={system.data ? `Edit ${system.data.name}` : "Edit system"} back={{ to: detailPath, label: system.data?.name ?? "System" }} />
      {!canEdit ? (
        <ForbiddenAlert org={org} back={{ to: detailPath, label: "Back to the system" }} />
      ) : (
        <QueryState query={system} label="Loading system">
          {(s) => (
            <SystemForm
              key={`${s.id}-${s.version}`}
              org={org.slug}
              initial={systemToForm(s)}
              submitLabel="Save changes"
              cancelTo={detailPath}
              save={(body) => update.mutateAsync(body)}
              onSaved={(saved) => {
                notifications.show({ color: "green", message: `Changes to “${saved.name}” saved.` });
                navigate(detailPath);
              }}
            />
          )}
        </QueryState>
      )}
    </>
  );
}
