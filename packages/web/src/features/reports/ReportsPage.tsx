import { Alert, Select, Stack } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../shared/PageHeader";
import { useOrg } from "../layout/org-context";
import { KeyFigures } from "./KeyFigures";
import { PastReportsSection } from "./PastReportsSection";
import { ReportPreview } from "./ReportPreview";
import { currentQuarter, quarterFromUrl, quarterOptions } from "./report-fields";

/**
 * `/o/:org/reports`: the quarterly board pack. The key figures and a preview of the selected
 * quarter from live data, generating a pack as HTML, PDF or Markdown (editors and above), and the
 * packs stored so far, each with its SHA-256 checked against the stored bytes and the audit ledger.
 */
export function ReportsPage() {
  const { org, canEdit } = useOrg();
  const [sp, setSp] = useSearchParams();
  const current = useMemo(() => currentQuarter(), []);
  const options = useMemo(() => quarterOptions(current), [current]);
  const quarter = quarterFromUrl(sp.get("quarter"), current);

  const setQuarter = (next: string) =>
    setSp(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === current) p.delete("quarter");
        else p.set("quarter", next);
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="Board reports"
        description="The quarterly board pack: AI spend and its trend, capability progress, risk posture and the decisions the board is asked to make, from the organization's live data. Every generated pack is stored unchanged, with its SHA-256 in the audit log."
        actions={<Select label="Quarter" data={options} value={quarter} onChange={(v) => v && setQuarter(v)} allowDeselect={false} w={200} />}
      />
      <Stack gap="lg">
        <KeyFigures quarter={quarter} />
        <PastReportsSection quarter={quarter} />
        {!canEdit && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="note">
            Your role in {org.name} can preview board packs and download the stored ones. Editors and admins generate them.
          </Alert>
        )}
        <ReportPreview quarter={quarter} />
      </Stack>
    </>
  );
}
