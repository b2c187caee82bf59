import type { OrganizationWithRole } from "@caio/core";
import { Alert, Button, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link } from "react-router";
import { ROLE_LABELS } from "../lib/labels";

/** Shown instead of a form when the user's role cannot change the inventory. */
export function ForbiddenAlert({ org, back }: { org: OrganizationWithRole; back: { to: string; label: string } }) {
  return (
    <Alert color="orange" variant="light" title="Not allowed: you cannot make changes here" icon={<IconLock aria-hidden />} role="alert">
      <Text size="sm">
        Your role in {org.name} is {ROLE_LABELS[org.role]}, which can read the inventory but not change it (forbidden). Ask an administrator of the organization
        for editor access.
      </Text>
      <Button component={Link} to={back.to} mt="sm" size="xs" variant="default">
        {back.label}
      </Button>
    </Alert>
  );
}
