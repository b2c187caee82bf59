import { Blockquote, Box, Code, Divider, List, Table, Text, Title } from "@mantine/core";
import { Fragment, type ReactNode, useMemo } from "react";
import { type Inline, type MdBlock, parseMarkdown } from "./markdown";

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    // Inline runs of a fixed text: their position is their identity.
    const key = i;
    switch (n.t) {
      case "text":
        return <Fragment key={key}>{n.v}</Fragment>;
      case "strong":
        return <strong key={key}>{inline(n.c)}</strong>;
      case "em":
        return <em key={key}>{inline(n.c)}</em>;
      case "code":
        return <Code key={key}>{n.v}</Code>;
    }
    return null;
  });
}

type TitleOrder = 2 | 3 | 4 | 5 | 6;

function block(b: MdBlock, key: number, offset: number, label: string): ReactNode {
  switch (b.t) {
    case "h":
      return (
        <Title key={key} order={Math.min(6, b.level + offset) as TitleOrder} fz={b.level === 1 ? "xl" : b.level === 2 ? "lg" : "md"} mt="md" mb={4}>
          {inline(b.c)}
        </Title>
      );
    case "p":
      return (
        <Text key={key} size="sm" my="xs" style={{ overflowWrap: "anywhere" }}>
          {inline(b.c)}
        </Text>
      );
    case "ul":
    case "ol":
      return (
        <List key={key} type={b.t === "ol" ? "ordered" : "unordered"} start={b.t === "ol" ? b.start : undefined} size="sm" spacing={4} my="xs" withPadding>
          {b.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items of a fixed document
            <List.Item key={i} style={{ overflowWrap: "anywhere" }}>
              {inline(item)}
            </List.Item>
          ))}
        </List>
      );
    case "table":
      return (
        // A wide table scrolls inside its own box, reachable by keyboard, instead of widening the page.
        <Box key={key} my="sm" tabIndex={0} role="region" aria-label={`${label}: table ${key + 1}`} style={{ overflowX: "auto", maxWidth: "100%" }}>
          <Table withTableBorder withColumnBorders striped fz="xs" verticalSpacing={4} style={{ minWidth: 480 }}>
            <Table.Thead>
              <Table.Tr>
                {b.head.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns of a fixed document
                  <Table.Th key={i}>{inline(c)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed document
                <Table.Tr key={i}>
                  {b.head.map((_, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed document
                    <Table.Td key={j} style={{ overflowWrap: "break-word" }}>
                      {inline(r[j] ?? [])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      );
    case "quote":
      return (
        <Blockquote key={key} color="indigo" p="sm" my="sm" fz="sm" style={{ overflowWrap: "anywhere" }}>
          {inline(b.c)}
        </Blockquote>
      );
    case "pre":
      return (
        <Code key={key} block my="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {b.v}
        </Code>
      );
    case "hr":
      return <Divider key={key} my="md" />;
  }
  return null;
}

/**
 * A policy document rendered from its Markdown as React elements: never as HTML, so the text
 * cannot inject markup. Its headings start at `firstHeading` (h3 under a section's h2).
 */
export function MarkdownView({ markdown, label, firstHeading = 3 }: { markdown: string; label: string; firstHeading?: number }) {
  const blocks = useMemo(() => parseMarkdown(markdown), [markdown]);
  return <Box style={{ minWidth: 0 }}>{blocks.map((b, i) => block(b, i, firstHeading - 1, label))}</Box>;
}
