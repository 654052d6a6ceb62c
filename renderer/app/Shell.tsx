import { lazy, Suspense, useEffect } from 'react';
import { modals } from '@mantine/modals';
import { AppShell, Center, Group, Loader, NavLink, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import {
  IconBuildingFactory2,
  IconBuildingStore,
  IconHistory,
  IconHome,
  IconPhoneCall,
  IconReceiptYuan,
  IconRoute,
  IconSettings,
  IconTrain,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { languageOf, useLanguage } from '../i18n/use-language';
import { prefetchRecentWorkers, RECENT_WORKERS_SHOWN, updateSettings } from '../db';
import { HomePage } from '../features/home/HomePage';
import { DashboardListPage } from '../features/home/DashboardListPage';
import { EnterprisesPage } from '../features/enterprises/EnterprisesPage';
import { EnterpriseDetailPage } from '../features/enterprises/EnterpriseDetailPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ImportNotices } from '../features/workers/import/ImportNotices';

import { ErrorBoundary } from '../components/ErrorBoundary';
import { useShellCommands } from './shell-commands';

// The workers, routes, batches and station pages bring the roster readers, pinyin, the region table,
// the seating, the gate and the planner: loaded when first opened, so the first screen does not wait.
const loadWorkersPage = () => import('../features/workers/WorkersPage');
const loadWorkerDetailPage = () => import('../features/workers/WorkerDetailPage');
const loadImportPage = () => import('../features/workers/import/ImportPage');
const loadRoutesPage = () => import('../features/routes/RoutesPage');
const loadRouteDetailPage = () => import('../features/routes/RouteDetailPage');
const loadBatchesPage = () => import('../features/batches/BatchesPage');
const loadBatchDetailPage = () => import('../features/batches/BatchDetailPage');
const loadHealthStationPage = () => import('../features/health/HealthStationPage');
const loadPlanBatchesPage = () => import('../features/batches/planning/PlanBatchesPage');
const loadAuditPage = () => import('../features/audit/AuditPage');
const loadFollowUpPage = () => import('../features/followup/FollowUpPage');
const loadSubsidiesPage = () => import('../features/subsidies/SubsidiesPage');
const loadSubsidyReportPage = () => import('../features/subsidies/report/SubsidyReportPage');
const loadAgenciesPage = () => import('../features/agencies/AgenciesPage');
const loadAgencyDetailPage = () => import('../features/agencies/AgencyDetailPage');

const WorkersPage = lazy(() => loadWorkersPage().then((m) => ({ default: m.WorkersPage })));
const WorkerDetailPage = lazy(() => loadWorkerDetailPage().then((m) => ({ default: m.WorkerDetailPage })));
const ImportPage = lazy(() => loadImportPage().then((m) => ({ default: m.ImportPage })));
const RoutesPage = lazy(() => loadRoutesPage().then((m) => ({ default: m.RoutesPage })));
const RouteDetailPage = lazy(() => loadRouteDetailPage().then((m) => ({ default: m.RouteDetailPage })));
const BatchesPage = lazy(() => loadBatchesPage().then((m) => ({ default: m.BatchesPage })));
const BatchDetailPage = lazy(() => loadBatchDetailPage().then((m) => ({ default: m.BatchDetailPage })));
const HealthStationPage = lazy(() => loadHealthStationPage().then((m) => ({ default: m.HealthStationPage })));
const PlanBatchesPage = lazy(() => loadPlanBatchesPage().then((m) => ({ default: m.PlanBatchesPage })));
const AuditPage = lazy(() => loadAuditPage().then((m) => ({ default: m.AuditPage })));
const FollowUpPage = lazy(() => loadFollowUpPage().then((m) => ({ default: m.FollowUpPage })));
const SubsidiesPage = lazy(() => loadSubsidiesPage().then((m) => ({ default: m.SubsidiesPage })));
const SubsidyReportPage = lazy(() => loadSubsidyReportPage().then((m) => ({ default: m.SubsidyReportPage })));
const AgenciesPage = lazy(() => loadAgenciesPage().then((m) => ({ default: m.AgenciesPage })));
const AgencyDetailPage = lazy(() => loadAgencyDetailPage().then((m) => ({ default: m.AgencyDetailPage })));

/** The page chunk a hash route needs, most specific first. */
const ROUTE_CHUNKS: readonly [RegExp, () => Promise<unknown>][] = [
  [/^#\/workers\/import/, loadImportPage],
  [/^#\/workers\/[^/]+/, loadWorkerDetailPage],
  [
    /^#\/workers/,
    () => {
      prefetchRecentWorkers(RECENT_WORKERS_SHOWN);
      return loadWorkersPage();
    },
  ],
  [/^#\/routes\/[^/]+/, loadRouteDetailPage],
  [/^#\/routes/, loadRoutesPage],
  [/^#\/batches\/plan/, loadPlanBatchesPage],
  [/^#\/batches\/[^/]+\/health/, loadHealthStationPage],
  [/^#\/batches\/[^/]+/, loadBatchDetailPage],
  [/^#\/batches/, loadBatchesPage],
  [/^#\/audit/, loadAuditPage],
  [/^#\/followup/, loadFollowUpPage],
  [/^#\/subsidies\/report/, loadSubsidyReportPage],
  [/^#\/subsidies/, loadSubsidiesPage],
  [/^#\/agencies\/[^/]+/, loadAgencyDetailPage],
  [/^#\/agencies/, loadAgenciesPage],
];

/**
 * Starts loading the chunk of the page the app opens on (a link or a reload straight to the workers
 * list), while the app still reads its settings: the list's first rows then come a few hundred ms sooner.
 */
export function preloadPageOf(hash: string): void {
  const chunk = ROUTE_CHUNKS.find(([pattern]) => pattern.test(hash));
  if (chunk) void chunk[1]().catch(() => undefined);
}

/** The navigation's width: notices stand in its empty lower end (App.tsx), where they cover no page's buttons. */
export const NAVBAR_WIDTH = 210;

const NAVIGATION = [
  { to: '/', key: 'home', icon: IconHome },
  { to: '/workers', key: 'workers', icon: IconUsers },
  { to: '/enterprises', key: 'enterprises', icon: IconBuildingFactory2 },
  { to: '/routes', key: 'routes', icon: IconRoute },
  { to: '/batches', key: 'batches', icon: IconTrain },
  { to: '/followup', key: 'followup', label: 'followup.desk.nav', icon: IconPhoneCall },
  { to: '/subsidies', key: 'subsidies', label: 'subsidy.page.nav', icon: IconReceiptYuan },
  { to: '/agencies', key: 'agencies', label: 'agencies.nav', icon: IconBuildingStore },
  { to: '/audit', key: 'audit', label: 'audit.nav', icon: IconHistory },
  { to: '/settings', key: 'settings', icon: IconSettings },
] as const;

function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      aria-label={t('app.language')}
      size="xs"
      value={language}
      onChange={(value) => void updateSettings({ language: languageOf(value) })}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  useShellCommands();
  // A dialog belongs to the page it was opened on: the browser's Back (or any change of page)
  // closes it, rather than leaving it open over another page.
  useEffect(() => {
    modals.closeAll();
  }, [location.pathname]);
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: NAVBAR_WIDTH, breakpoint: 0 }} padding="md" data-ready="true">
      <ImportNotices />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm" align="baseline">
            <Title order={3}>{t('app.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('app.subtitle')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2} component="nav">
          {NAVIGATION.map((entry) => (
            <NavLink
              key={entry.key}
              component={Link}
              to={entry.to}
              label={t('label' in entry ? entry.label : `app.nav.${entry.key}`)}
              leftSection={<entry.icon size={18} stroke={1.6} />}
              active={isActive(entry.to)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Keyed by the page, so leaving a page that failed clears the error. */}
        <ErrorBoundary key={location.pathname}>
          <Suspense
            fallback={
              <Center p="xl">
                <Loader />
              </Center>
            }
          >
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/dashboard/:list" element={<DashboardListPage />} />
              <Route path="/workers" element={<WorkersPage />} />
              <Route path="/workers/import" element={<ImportPage />} />
              <Route path="/workers/:id" element={<WorkerDetailPage />} />
              <Route path="/enterprises" element={<EnterprisesPage />} />
              <Route path="/enterprises/:id" element={<EnterpriseDetailPage />} />
              <Route path="/routes" element={<RoutesPage />} />
              <Route path="/routes/:id" element={<RouteDetailPage />} />
              <Route path="/batches" element={<BatchesPage />} />
              <Route path="/batches/plan" element={<PlanBatchesPage />} />
              <Route path="/batches/:id" element={<BatchDetailPage />} />
              <Route path="/batches/:id/health" element={<HealthStationPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/followup" element={<FollowUpPage />} />
              <Route path="/subsidies" element={<SubsidiesPage />} />
              <Route path="/subsidies/report" element={<SubsidyReportPage />} />
              <Route path="/agencies" element={<AgenciesPage />} />
              <Route path="/agencies/:id" element={<AgencyDetailPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
