import { Box } from "@mantine/core";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { quarterLabel } from "./report-fields";
import { useReportPreview } from "./reports-api";

/**
 * The selected quarter's board pack as HTML, rendered from live data and not stored. It runs in a
 * sandboxed frame with no scripts, no same-origin access and no forms.
 */
export function ReportPreview({ quarter }: { quarter: string }) {
  const { org } = useOrg();
  const preview = useReportPreview(org.slug, quarter);
  return (
    <Section title="Preview" description={`The ${quarterLabel(quarter)} board pack as it would be generated now. Generating stores it.`}>
      <QueryState query={preview} label="Rendering the preview">
        {(html) => (
          <Box
            component="iframe"
            srcDoc={html}
            sandbox=""
            title={`Board pack preview, ${quarterLabel(quarter)}`}
            aria-busy={preview.isPlaceholderData}
            w="100%"
            bd="1px solid var(--mantine-color-gray-3)"
            bg="white"
            style={{ display: "block", height: "75vh", minHeight: 480, borderRadius: 6, opacity: preview.isPlaceholderData ? 0.6 : 1 }}
          />
        )}
      </QueryState>
    </Section>
  );
}
