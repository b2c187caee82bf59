import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconArrowLeft } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";

interface Props {
  title: ReactNode;
  /** The browser tab title, when `title` is not plain text. */
  documentTitle?: string;
  description?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
  badges?: ReactNode;
}

/** The page's one h1, an optional back link, a description and the page's main actions. */
export function PageHeader({ title, documentTitle, description, back, actions, badges }: Props) {
  useDocumentTitle(`${documentTitle ?? (typeof title === "string" ? title : "")} · caio`);
  return (
    <Stack gap={6} mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" w="fit-content">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center" style={{ minWidth: 0 }}>
          <Title order={1} fz={{ base: 24, sm: 28 }} style={{ overflowWrap: "anywhere" }}>
            {title}
          </Title>
          {badges}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && (
        <Text c="dimmed" size="sm" maw={720}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
