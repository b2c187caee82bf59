import { notifications } from "@mantine/notifications";
import { useNavigate, useParams } from "react-router";
import { ForbiddenAlert } from "../../shared/ForbiddenAlert";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { VendorForm } from "./VendorForm";
import { EMPTY_VENDOR, vendorToForm } from "./vendor-fields";
import { useCreateVendor, useUpdateVendor, useVendor } from "./vendors-api";

export function NewVendorPage() {
  const { org, canEdit } = useOrg();
  const navigate = useNavigate();
  const create = useCreateVendor(org.slug);
  const listPath = `/o/${org.slug}/vendors`;
  return (
    <>
      <PageHeader title="New vendor" back={{ to: listPath, label: "Vendors" }} description="Only the name is required." />
      {canEdit ? (
        <VendorForm
          initial={EMPTY_VENDOR}
          submitLabel="Create vendor"
          cancelTo={listPath}
          save={(body) => create.mutateAsync(body)}
          onSaved={(v) => {
            notifications.show({ color: "green", message: `Vendor “${v.name}” added.` });
            navigate(`${listPath}/${v.id}`);
          }}
        />
      ) : (
        <ForbiddenAlert org={org} back={{ to: listPath, label: "Back to vendors" }} />
      )}
    </>
  );
}

export function EditVendorPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const vendor = useVendor(org.slug, id);
  const update = useUpdateVendor(org.slug, id);
  const detailPath = `/o/${org.slug}/vendors/${id}`;
  return (
    <>
      <PageHeader title={vendor.data ? `Edit ${vendor.data.name}` : "Edit vendor"} back={{ to: detailPath, label: vendor.data?.name ?? "Vendor" }} />
      {!canEdit ? (
        <ForbiddenAlert org={org} back={{ to: detailPath, label: "Back to the vendor" }} />
      ) : (
        <QueryState query={vendor} label="Loading vendor">
          {(v) => (
            <VendorForm
              key={`${v.id}-${v.version}`}
              initial={vendorToForm(v)}
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
