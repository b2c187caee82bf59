import { Stack } from "@mantine/core";
import { PageHeader } from "../../shared/PageHeader";
import { useOrg } from "../layout/org-context";
import { MembersSection } from "./MembersSection";
import { TokensSection } from "./TokensSection";

/** `/o/:org/settings`: the organization's members and API tokens. Everyone may look; what they may change depends on their role. */
export function SettingsPage() {
  const { org } = useOrg();
  return (
    <>
      <PageHeader title="Settings" description={`Who can use caio in ${org.name}, with which role, and the API tokens of scripts and the command line.`} />
      <Stack gap="lg">
        <MembersSection />
        <TokensSection />
      </Stack>
    </>
  );
}
