import { Box, Button, Center, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link } from "react-router";

export function NotFoundPage() {
  useDocumentTitle("Page not found · caio");
  return (
    <Box component="main">
      <Center mih="70vh" p="md">
        <Stack align="center" gap="sm">
          <Title order={1}>Page not found</Title>
          <Text c="dimmed">There is nothing at this address.</Text>
          <Button component={Link} to="/">
            Go to the inventory
          </Button>
        </Stack>
      </Center>
    </Box>
  );
}

export function OrgNotFound({ slug }: { slug: string }) {
  useDocumentTitle("Organization not found · caio");
  return (
    <Stack gap="sm" py="xl">
      <Title order={1}>Organization not found</Title>
      <Text c="dimmed">There is no organization “{slug}”, or you are not a member of it. Pick one of your organizations in the header.</Text>
    </Stack>
  );
}
