import { notifications } from "@mantine/notifications";
import { useNavigate, useParams } from "react-router";
import { ForbiddenAlert } from "../../shared/ForbiddenAlert";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { ComponentForm } from "./ComponentForm";
import { componentToForm, EMPTY_COMPONENT } from "./component-fields";
import { useComponent, useCreateComponent, useUpdateComponent } from "./components-api";

export function NewComponentPage() {
  const { org, canEdit } = useOrg();
  const navigate = useNavigate();
  const create = useCreateComponent(org.slug);
  const listPath = `/o/${org.slug}/components`;
  return (
    <>
      <PageHeader
        title="New component"
        back={{ to: listPath, label: "Components" }}
        description="A building block of your AI systems: a model, SDK, vendor service, dataset, agent…"
      />
      {canEdit ? (
        <ComponentForm
          org={org.slug}
          initial={EMPTY_COMPONENT}
          submitLabel="Create component"
          cancelTo={listPath}
          save={(body) => create.mutateAsync(body)}
          onSaved={(c) => {
            notifications.show({ color: "green", message: `Component “${c.name}” added.` });
            navigate(`${listPath}/${c.id}`);
          }}
        />
      ) : (
        <ForbiddenAlert org={org} back={{ to: listPath, label: "Back to components" }} />
      )}
    </>
  );
}

export function EditComponentPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const component = useComponent(org.slug, id);
  const update = useUpdateComponent(org.slug, id);
  const detailPath = `/o/${org.slug}/components/${id}`;
  return (
    <>
      <PageHeader
        title={component.data ? `Edit ${component.data.name}` : "Edit component"}
        back={{ to: detailPath, label: component.data?.name ?? "Component" }}
      />
      {!canEdit ? (
        <ForbiddenAlert org={org} back={{ to: detailPath, label: "Back to the component" }} />
      ) : (
        <QueryState query={component} label="Loading component">
          {(c) => (
            <ComponentForm
              key={`${c.id}-${c.entityVersion}`}
              org={org.slug}
              initial={componentToForm(c)}
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
