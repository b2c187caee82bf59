import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";

interface Props {
  children: ReactNode;
  active: boolean;
  order: "asc" | "desc";
  onSort: () => void;
}

/** A column header that sorts the table; announces the current order through aria-sort. */
export function SortableTh({ children, active, order, onSort }: Props) {
  const Icon = active ? (order === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} style={{ whiteSpace: "nowrap" }}>
      <UnstyledButton onClick={onSort} fw={600} fz="sm" className="sort-button">
        <Group gap={4} wrap="nowrap" component="span">
          {children}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
