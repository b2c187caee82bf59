import type { Me } from "@caio/core";
import { Box, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Navigate } from "react-router";
import { NewOrganizationForm } from "./NewOrganizationModal";

/** `/`: opens the first organization, or offers to create one. */
export function HomeRedirect({ me }: { me: Me }) {
  useDocumentTitle("Welcome · caio");
  const first = me.organizations[0];
  if (first) return <Navigate to={`/o/${first.slug}/systems`} replace />;
  return (
    <Box component="main" bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Paper withBorder radius="md" p="xl" w="100%" maw={480}>
          <Stack gap="xs" mb="md">
            <Title order={1} fz="xl">
              Create your first organization
            </Title>
            <Text size="sm" c="dimmed">
              You are not a member of any organization yet. Create one to start your AI inventory, or ask an administrator to add you to theirs.
            </Text>
          </Stack>
          <NewOrganizationForm />
        </Paper>
      </Center>
    </Box>
  );
}
