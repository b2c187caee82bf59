import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AuditLogPage } from "./features/audit/AuditLogPage";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireAuth } from "./features/auth/RequireAuth";
import { ComponentDetailPage } from "./features/components/ComponentDetailPage";
import { EditComponentPage, NewComponentPage } from "./features/components/ComponentFormPage";
import { ComponentsListPage } from "./features/components/ComponentsListPage";
import { DiscoveryPage } from "./features/discovery/DiscoveryPage";
import { AppLayout } from "./features/layout/AppLayout";
import { HomeRedirect } from "./features/layout/HomeRedirect";
import { NotFoundPage } from "./features/layout/NotFoundPage";
import { SettingsPage } from "./features/settings/SettingsPage";
import { SystemDetailPage } from "./features/systems/SystemDetailPage";
import { EditSystemPage, NewSystemPage } from "./features/systems/SystemFormPage";
import { SystemsListPage } from "./features/systems/SystemsListPage";
import { VendorDetailPage } from "./features/vendors/VendorDetailPage";
import { EditVendorPage, NewVendorPage } from "./features/vendors/VendorFormPage";
import { VendorsListPage } from "./features/vendors/VendorsListPage";
import { Loading } from "./shared/QueryState";

// The Spend page brings the charting library; it loads when first opened, like Savings and Reconciliation.
const SpendPage = lazy(() => import("./features/spend/SpendPage").then((m) => ({ default: m.SpendPage })));
const SavingsPage = lazy(() => import("./features/savings/SavingsPage").then((m) => ({ default: m.SavingsPage })));
const ReconciliationPage = lazy(() => import("./features/reconciliation/ReconciliationPage").then((m) => ({ default: m.ReconciliationPage })));
const PoliciesPage = lazy(() => import("./features/policies/PoliciesPage").then((m) => ({ default: m.PoliciesPage })));
const PolicyPage = lazy(() => import("./features/policies/PolicyPage").then((m) => ({ default: m.PolicyPage })));
const ClassificationWizardPage = lazy(() => import("./features/governance/ClassificationWizardPage").then((m) => ({ default: m.ClassificationWizardPage })));
const ObligationsPage = lazy(() => import("./features/governance/ObligationsPage").then((m) => ({ default: m.ObligationsPage })));
const RisksPage = lazy(() => import("./features/risks/RisksPage").then((m) => ({ default: m.RisksPage })));
const IncidentsPage = lazy(() => import("./features/risks/IncidentsPage").then((m) => ({ default: m.IncidentsPage })));
const PortfolioPage = lazy(() => import("./features/portfolio/PortfolioPage").then((m) => ({ default: m.PortfolioPage })));
const AssessmentPage = lazy(() => import("./features/strategy/AssessmentPage").then((m) => ({ default: m.AssessmentPage })));
const PlanPage = lazy(() => import("./features/strategy/PlanPage").then((m) => ({ default: m.PlanPage })));
const ReportsPage = lazy(() => import("./features/reports/ReportsPage").then((m) => ({ default: m.ReportsPage })));

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<RequireAuth>{(me) => <HomeRedirect me={me} />}</RequireAuth>} />
      <Route path="/o/:org" element={<RequireAuth>{(me) => <AppLayout me={me} />}</RequireAuth>}>
        <Route index element={<Navigate to="systems" replace />} />
        <Route path="systems" element={<SystemsListPage />} />
        <Route path="systems/new" element={<NewSystemPage />} />
        <Route path="systems/:id" element={<SystemDetailPage />} />
        <Route path="systems/:id/edit" element={<EditSystemPage />} />
        <Route
          path="systems/:id/classify"
          element={
            <Suspense fallback={<Loading label="Loading the classification" />}>
              <ClassificationWizardPage />
            </Suspense>
          }
        />
        <Route
          path="obligations"
          element={
            <Suspense fallback={<Loading label="Loading obligations" />}>
              <ObligationsPage />
            </Suspense>
          }
        />
        <Route path="discovery" element={<DiscoveryPage />} />
        <Route path="discovery/:repository" element={<DiscoveryPage />} />
        <Route
          path="spend"
          element={
            <Suspense fallback={<Loading label="Loading spend" />}>
              <SpendPage />
            </Suspense>
          }
        />
        <Route
          path="savings"
          element={
            <Suspense fallback={<Loading label="Loading savings" />}>
              <SavingsPage />
            </Suspense>
          }
        />
        <Route
          path="reconciliation"
          element={
            <Suspense fallback={<Loading label="Loading reconciliation" />}>
              <ReconciliationPage />
            </Suspense>
          }
        />
        <Route
          path="policies"
          element={
            <Suspense fallback={<Loading label="Loading policies" />}>
              <PoliciesPage />
            </Suspense>
          }
        />
        <Route
          path="policies/:kind"
          element={
            <Suspense fallback={<Loading label="Loading the policy" />}>
              <PolicyPage />
            </Suspense>
          }
        />
        <Route
          path="risks"
          element={
            <Suspense fallback={<Loading label="Loading risks" />}>
              <RisksPage />
            </Suspense>
          }
        />
        <Route
          path="incidents"
          element={
            <Suspense fallback={<Loading label="Loading incidents" />}>
              <IncidentsPage />
            </Suspense>
          }
        />
        <Route
          path="portfolio"
          element={
            <Suspense fallback={<Loading label="Loading the portfolio" />}>
              <PortfolioPage />
            </Suspense>
          }
        />
        <Route
          path="assessment"
          element={
            <Suspense fallback={<Loading label="Loading the assessment" />}>
              <AssessmentPage />
            </Suspense>
          }
        />
        <Route
          path="plan"
          element={
            <Suspense fallback={<Loading label="Loading the plan" />}>
              <PlanPage />
            </Suspense>
          }
        />
        <Route
          path="reports"
          element={
            <Suspense fallback={<Loading label="Loading board reports" />}>
              <ReportsPage />
            </Suspense>
          }
        />
        <Route path="components" element={<ComponentsListPage />} />
        <Route path="components/new" element={<NewComponentPage />} />
        <Route path="components/:id" element={<ComponentDetailPage />} />
        <Route path="components/:id/edit" element={<EditComponentPage />} />
        <Route path="vendors" element={<VendorsListPage />} />
        <Route path="vendors/new" element={<NewVendorPage />} />
        <Route path="vendors/:id" element={<VendorDetailPage />} />
        <Route path="vendors/:id/edit" element={<EditVendorPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="systems" replace />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
