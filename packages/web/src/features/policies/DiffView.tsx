import { diffHunks, type PolicyDiff } from "@caio/core";
import { Box, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { plural } from "../../lib/format";

const LINE_STYLE = {
  add: { background: "var(--mantine-color-green-0)", color: "var(--mantine-color-green-9)" },
  del: { background: "var(--mantine-color-red-0)", color: "var(--mantine-color-red-9)" },
  same: { color: "var(--mantine-color-gray-8)" },
} as const;

/** The changes from the previous version, in hunks with three lines of context; added lines green, removed lines red. */
export function DiffView({ diff, version }: { diff: PolicyDiff; version: number }) {
  const hunks = diffHunks(diff.lines);
  return (
    <Stack gap="sm">
      <Text size="sm" aria-live="polite">
        Version {version} against version {diff.against}: {plural(diff.added, "line")} added, {plural(diff.removed, "line")} removed.
      </Text>
      {hunks.length === 0 && (
        <Text size="sm" c="dimmed">
          The text is the same as version {diff.against}.
        </Text>
      )}
      {hunks.map((h) => (
        <Paper key={`${h.oldStart}:${h.newStart}`} withBorder radius="sm" style={{ overflow: "hidden" }}>
          <Text size="xs" c="dimmed" px="sm" py={4} bg="gray.1">
            Version {diff.against} from line {h.oldStart}, version {version} from line {h.newStart}
          </Text>
          <Box component="div" ff="monospace" fz="xs" role="list" aria-label={`Changes from line ${h.newStart}`}>
            {h.lines.map((l) => (
              <Box
                key={`${l.op}:${l.oldLine ?? ""}:${l.newLine ?? ""}`}
                role="listitem"
                px="sm"
                style={{ ...LINE_STYLE[l.op], whiteSpace: "pre-wrap", overflowWrap: "anywhere", display: "flex", gap: 8 }}
              >
                <span aria-hidden style={{ flex: "0 0 auto", userSelect: "none" }}>
                  {l.op === "add" ? "+" : l.op === "del" ? "−" : " "}
                </span>
                {l.op !== "same" && <VisuallyHidden>{l.op === "add" ? "Added: " : "Removed: "}</VisuallyHidden>}
                <span style={{ minWidth: 0 }}>{l.text === "" ? "\u00a0" : l.text}</span>
              </Box>
            ))}
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}
