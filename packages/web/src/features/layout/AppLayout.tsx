import type { Me } from "@caio/core";
import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAlarm,
  IconAlertTriangle,
  IconArrowsDiff,
  IconBuildingStore,
  IconCalendarStats,
  IconCoin,
  IconFileCertificate,
  IconListCheck,
  IconListDetails,
  IconPigMoney,
  IconPresentationAnalytics,
  IconPuzzle,
  IconRadar,
  IconSettings,
  IconShieldCheck,
  IconSitemap,
  IconTargetArrow,
} from "@tabler/icons-react";
import { useEffect } from "react";
import { Link, Outlet, useLocation, useParams } from "react-router";
import { OrgNotFound } from "./NotFoundPage";
import { OrgSwitcher } from "./OrgSwitcher";
import { OrgContext, orgContextValue } from "./org-context";
import { UserMenu } from "./UserMenu";

const NAV = [
  { section: "systems", label: "Inventory", icon: IconListDetails },
  { section: "discovery", label: "Discovery", icon: IconRadar },
  { section: "spend", label: "Spend", icon: IconCoin },
  { section: "savings", label: "Savings", icon: IconPigMoney },
  { section: "reconciliation", label: "Reconciliation", icon: IconArrowsDiff },
  { section: "obligations", label: "Obligations", icon: IconListCheck },
  { section: "policies", label: "Policies", icon: IconFileCertificate },
  { section: "risks", label: "Risks", icon: IconAlertTriangle },
  { section: "incidents", label: "Incidents", icon: IconAlarm },
  { section: "portfolio", label: "Portfolio", icon: IconTargetArrow },
  { section: "assessment", label: "Leadership", icon: IconSitemap },
  { section: "plan", label: "30/60/90 plan", icon: IconCalendarStats },
  { section: "reports", label: "Board reports", icon: IconPresentationAnalytics },
  { section: "components", label: "Components", icon: IconPuzzle },
  { section: "vendors", label: "Vendors", icon: IconBuildingStore },
  { section: "audit", label: "Audit log", icon: IconShieldCheck },
  { section: "settings", label: "Settings", icon: IconSettings },
] as const;

/** The app shell of an organization: header (product, organization switcher, user menu), navigation and the page. */
export function AppLayout({ me }: { me: Me }) {
  const { org: slug = "" } = useParams();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const org = me.organizations.find((o) => o.slug === slug);
  const section = location.pathname.split("/")[3] ?? "systems";

  // Close the mobile navigation after moving to another page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the page changes
  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: "md", collapsed: { mobile: !opened } }} padding={{ base: "sm", sm: "lg" }}>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to={org ? `/o/${org.slug}/systems` : "/"} underline="never" c="indigo.7" fw={800} fz={22}>
              caio
            </Anchor>
            <Text size="sm" c="gray.7" visibleFrom="lg">
              AI inventory
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrgSwitcher organizations={me.organizations} current={org} section={section} />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="main-navigation" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          {org &&
            NAV.map((item) => (
              <NavLink
                key={item.section}
                component={Link}
                to={`/o/${org.slug}/${item.section}`}
                label={item.label}
                leftSection={<item.icon size={18} aria-hidden />}
                active={section === item.section}
                aria-current={section === item.section ? "page" : undefined}
                fw={500}
                style={{ borderRadius: 6 }}
              />
            ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0" style={{ outline: "none" }}>
        <div style={{ maxWidth: 1280, margin: "0 auto", minWidth: 0 }}>
          {org ? (
            <OrgContext.Provider value={orgContextValue(org)}>
              <Outlet />
            </OrgContext.Provider>
          ) : (
            <OrgNotFound slug={slug} />
          )}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
