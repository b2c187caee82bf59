import type { OrganizationWithRole } from "@caio/core";
import { Badge, Group, Select, Text } from "@mantine/core";
import { useNavigate } from "react-router";
import { ROLE_LABELS } from "../../lib/labels";

interface Props {
  organizations: OrganizationWithRole[];
  current: OrganizationWithRole | undefined;
  /** The section to open in the other organization: "systems", "vendors"… */
  section: string;
}

/** Picks the organization to work in; each option shows the user's role there. */
export function OrgSwitcher({ organizations, current, section }: Props) {
  const navigate = useNavigate();
  const roles = new Map(organizations.map((o) => [o.slug, o.role]));
  const target = ["systems", "components", "vendors", "audit", "settings"].includes(section) ? section : "systems";
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label="Organization"
        placeholder="Choose an organization"
        data={organizations.map((o) => ({ value: o.slug, label: o.name }))}
        value={current?.slug ?? null}
        onChange={(slug) => {
          if (slug && slug !== current?.slug) navigate(`/o/${slug}/${target}`);
        }}
        allowDeselect={false}
        checkIconPosition="right"
        w={{ base: 150, sm: 220, lg: 280 }}
        comboboxProps={{ width: 280, position: "bottom-end" }}
        renderOption={({ option }) => {
          const role = roles.get(option.value);
          return (
            <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
              <Text size="sm" truncate>
                {option.label}
              </Text>
              {role && (
                <Badge size="xs" variant="default">
                  {ROLE_LABELS[role]}
                </Badge>
              )}
            </Group>
          );
        }}
      />
      {current && (
        <Badge variant="default" size="lg" visibleFrom="sm" title="Your role in this organization">
          {ROLE_LABELS[current.role]}
        </Badge>
      )}
    </Group>
  );
}
