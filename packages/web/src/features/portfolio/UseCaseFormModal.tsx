import {
  DATA_READINESS,
  KPI_TYPES,
  USE_CASE_STAGES,
  type UseCaseCreate,
  UseCaseCreateSchema,
  type UseCasePatch,
  UseCasePatchSchema,
  type UseCaseView,
  VENDOR_TRENDS,
} from "@caio/core";
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { options } from "../../lib/labels";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useCreateUseCase, useSystemOptions, useUpdateUseCase } from "./portfolio-api";
import { DATA_READINESS_LABELS, KPI_TYPE_LABELS, RECOMMENDATION_LABELS, USE_CASE_STAGE_LABELS, VENDOR_TREND_LABELS } from "./portfolio-fields";

interface Values {
  name: string;
  problem: string;
  owner: string;
  kpiType: string;
  kpiName: string;
  kpiUnit: string;
  kpiBaseline: string;
  kpiTarget: string;
  annualValue: string;
  buildCost: string;
  annualRunCost: string;
  dataReadiness: string;
  dependencies: string[];
  systemId: string | null;
  labels: string[];
  differentiating: boolean;
  vendorTrend: string;
  commoditizing: boolean;
  stage: string;
  pilotStartedOn: string;
  productionOn: string;
  funded: boolean;
}

const EMPTY: Values = {
  name: "",
  problem: "",
  owner: "",
  kpiType: "cost",
  kpiName: "",
  kpiUnit: "",
  kpiBaseline: "",
  kpiTarget: "",
  annualValue: "",
  buildCost: "",
  annualRunCost: "",
  dataReadiness: "partial",
  dependencies: [],
  systemId: null,
  labels: [],
  differentiating: false,
  vendorTrend: "none",
  commoditizing: false,
  stage: "idea",
  pilotStartedOn: "",
  productionOn: "",
  funded: false,
};

const whole = (amount: string) => amount.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1");

function toForm(u: UseCaseView): Values {
  return {
    name: u.name,
    problem: u.problem,
    owner: u.owner,
    kpiType: u.kpiType,
    kpiName: u.kpiName,
    kpiUnit: u.kpiUnit,
    kpiBaseline: u.kpiBaseline === null ? "" : String(u.kpiBaseline),
    kpiTarget: u.kpiTarget === null ? "" : String(u.kpiTarget),
    annualValue: whole(u.annualValue),
    buildCost: whole(u.buildCost),
    annualRunCost: whole(u.annualRunCost),
    dataReadiness: u.dataReadiness,
    dependencies: u.dependencies,
    systemId: u.systemId,
    labels: u.labels,
    differentiating: u.differentiating,
    vendorTrend: u.vendorTrend,
    commoditizing: u.commoditizing,
    stage: u.stage,
    pilotStartedOn: u.pilotStartedOn ?? "",
    productionOn: u.productionOn ?? "",
    funded: u.funded,
  };
}

export const USE_CASE_FIELD_LABELS: Record<string, string> = {
  name: "Name",
  problem: "Problem",
  owner: "Owner",
  kpiType: "KPI type",
  kpiName: "KPI",
  kpiUnit: "Unit",
  kpiBaseline: "Baseline",
  kpiTarget: "Target",
  annualValue: "Value per year",
  buildCost: "Build cost",
  annualRunCost: "Run cost per year",
  dataReadiness: "Data readiness",
  dependencies: "Dependencies",
  systemId: "AI system",
  labels: "Risk labels",
  vendorTrend: "Vendor trend",
  stage: "Stage",
  pilotStartedOn: "Pilot started",
  productionOn: "In production since",
  funded: "Funded",
};

function toInput(v: Values): Record<string, unknown> {
  const num = (s: string) => (s.trim() === "" ? null : Number(s));
  const money = (s: string) => s.trim().replace(/[$,\s]/g, "") || "0";
  return {
    ...v,
    kpiBaseline: num(v.kpiBaseline),
    kpiTarget: num(v.kpiTarget),
    annualValue: money(v.annualValue),
    buildCost: money(v.buildCost),
    annualRunCost: money(v.annualRunCost),
    pilotStartedOn: v.pilotStartedOn || null,
    productionOn: v.productionOn || null,
  };
}

interface Props {
  org: string;
  /** The use case to change, "new" to add one, null while closed. */
  useCase: UseCaseView | "new" | null;
  onClose: () => void;
}

/** Adds or changes a use case; validated with the server's schema, server issues land on their fields. */
export function UseCaseFormModal({ org, useCase, onClose }: Props) {
  const editing = useCase !== null && useCase !== "new" ? useCase : null;
  return (
    <Modal opened={useCase !== null} onClose={onClose} title={editing ? "Edit use case" : "Add use case"} centered size="xl">
      {useCase !== null && <UseCaseForm key={editing?.id ?? "new"} org={org} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function UseCaseForm({ org, editing, onDone }: { org: string; editing: UseCaseView | null; onDone: () => void }) {
  const [values, setValues] = useState<Values>(editing ? toForm(editing) : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const create = useCreateUseCase(org);
  const update = useUpdateUseCase(org);
  const systems = useSystemOptions(org);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = (editing ? UseCasePatchSchema : UseCaseCreateSchema).safeParse(toInput(values));
    if (!parsed.success) {
      const mapped = zodFieldErrors(parsed.error, USE_CASE_FIELD_LABELS);
      setErrors(mapped.fields);
      setAlert(mapped.other.length ? mapped.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    const onError = (err: unknown) => {
      const mapped = serverFormError(err, USE_CASE_FIELD_LABELS, "name");
      setErrors(mapped.fields);
      setAlert(mapped.alert);
      focusFirstError();
    };
    const onSuccess = (saved: UseCaseView) => {
      notifications.show({
        color: "green",
        message: `Use case “${saved.name}” ${editing ? "saved" : "added"}: ${RECOMMENDATION_LABELS[saved.assessment.recommendation]}, priority ${saved.assessment.scores.priority.toFixed(1)}.`,
      });
      onDone();
    };
    if (editing) update.mutate({ id: editing.id, body: parsed.data as UseCasePatch }, { onSuccess, onError });
    else create.mutate(parsed.data as UseCaseCreate, { onSuccess, onError });
  };

  const text = (key: keyof Values, label: string, props: Record<string, unknown> = {}) => (
    <TextInput label={label} value={values[key] as string} onChange={(e) => set(key, e.currentTarget.value as never)} error={errors[key]} {...props} />
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={editing ? "Edit use case" : "Add use case"}>
      <Stack>
        <FormAlert message={alert} />
        {text("name", "Name", { required: true, "data-autofocus": true, description: "The use case in a few words." })}
        <Textarea
          label="Problem"
          description="The business problem it solves."
          autosize
          minRows={2}
          maxRows={5}
          value={values.problem}
          onChange={(e) => set("problem", e.currentTarget.value)}
          error={errors.problem}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text("owner", "Owner")}
          <Select
            label="KPI type"
            data={options(KPI_TYPES, KPI_TYPE_LABELS)}
            value={values.kpiType}
            onChange={(v) => v && set("kpiType", v)}
            allowDeselect={false}
            error={errors.kpiType}
          />
          {text("kpiName", "KPI", { description: "e.g. minutes per invoice" })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text("kpiUnit", "Unit", { description: "e.g. min, %, h" })}
          {text("kpiBaseline", "Baseline", { inputMode: "decimal", description: "The KPI today." })}
          {text("kpiTarget", "Target", { inputMode: "decimal", description: "The KPI when it works." })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text("annualValue", "Value per year (USD)", { inputMode: "decimal", description: "At the KPI target." })}
          {text("buildCost", "Build cost (USD)", { inputMode: "decimal", description: "One-off, build or buy." })}
          {text("annualRunCost", "Run cost per year (USD)", { inputMode: "decimal" })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Data readiness"
            data={options(DATA_READINESS, DATA_READINESS_LABELS)}
            value={values.dataReadiness}
            onChange={(v) => v && set("dataReadiness", v)}
            allowDeselect={false}
            error={errors.dataReadiness}
          />
          <Select
            label="Vendor trend"
            data={options(VENDOR_TRENDS, VENDOR_TREND_LABELS)}
            value={values.vendorTrend}
            onChange={(v) => v && set("vendorTrend", v)}
            allowDeselect={false}
            error={errors.vendorTrend}
          />
          <Select
            label="AI system"
            description="Its classification's labels apply."
            data={systems.data ?? []}
            value={values.systemId}
            onChange={(v) => set("systemId", v)}
            searchable
            clearable
            placeholder="None"
            error={errors.systemId}
          />
        </SimpleGrid>
        <Group gap="xl">
          <Switch label="Differentiating" checked={values.differentiating} onChange={(e) => set("differentiating", e.currentTarget.checked)} />
          <Switch label="Commoditizing within 12 months" checked={values.commoditizing} onChange={(e) => set("commoditizing", e.currentTarget.checked)} />
          <Switch label="Funded" checked={values.funded} onChange={(e) => set("funded", e.currentTarget.checked)} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label="Dependencies"
            description="Other use cases by name, or anything in words. Press Enter after each."
            value={values.dependencies}
            onChange={(v) => set("dependencies", v)}
            clearable
            error={errors.dependencies}
          />
          <TagsInput
            label="Risk labels"
            description="Beyond the system's classification, e.g. personal-data."
            value={values.labels}
            onChange={(v) => set("labels", v)}
            clearable
            error={errors.labels}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Stage"
            data={options(USE_CASE_STAGES, USE_CASE_STAGE_LABELS)}
            value={values.stage}
            onChange={(v) => v && set("stage", v)}
            allowDeselect={false}
            error={errors.stage}
          />
          {text("pilotStartedOn", "Pilot started", { type: "date" })}
          {text("productionOn", "In production since", { type: "date" })}
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? "Save use case" : "Add use case"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
