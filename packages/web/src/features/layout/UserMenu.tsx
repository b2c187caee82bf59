import type { Me } from "@caio/core";
import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLogout, IconPlus } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { useLogout } from "../auth/auth-api";
import { NewOrganizationModal } from "./NewOrganizationModal";

function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s@._-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export function UserMenu({ me }: { me: Me }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const [newOrgOpened, newOrg] = useDisclosure(false);
  const who = me.user ? me.user.name || me.user.email : "Local mode";

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton style={{ borderRadius: "50%" }}>
            <Avatar color="indigo" variant="filled" radius="xl" size={36} aria-hidden>
              {initials(who)}
            </Avatar>
            <VisuallyHidden>User menu: {who}</VisuallyHidden>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as</Menu.Label>
          <Text size="sm" px="sm" pb="xs" fw={500} truncate>
            {me.user ? me.user.email : "Local mode (no sign-in)"}
          </Text>
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={newOrg.open}>
            New organization…
          </Menu.Item>
          {me.principal === "session" && (
            <Menu.Item
              color="red"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
            >
              Sign out
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <NewOrganizationModal opened={newOrgOpened} onClose={newOrg.close} />
    </>
  );
}
