import { lazy, Suspense } from 'react';
import { AppShell, Center, Group, Loader, NavLink, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconBuildingFactory2, IconHome, IconRoute, IconSettings, IconTrain, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Language } from '../../shared/domain/records';
import { updateSettings } from '../db';
import { HomePage } from '../features/home/HomePage';
import { EnterprisesPage } from '../features/enterprises/EnterprisesPage';
import { EnterpriseDetailPage } from '../features/enterprises/EnterpriseDetailPage';
import { SettingsPage } from '../features/settings/SettingsPage';

// The workers pages bring the roster readers, pinyin and the region table: loaded when first opened,
// so the first screen does not wait for them.
const WorkersPage = lazy(() => import('../features/workers/WorkersPage').then((m) => ({ default: m.WorkersPage })));
const WorkerDetailPage = lazy(() =>
  import('../features/workers/WorkerDetailPage').then((m) => ({ default: m.WorkerDetailPage })),
);
const ImportPage = lazy(() => import('../features/workers/import/ImportPage').then((m) => ({ default: m.ImportPage })));
// The routes and batches pages bring the seating, the gate and the planner.
const RoutesPage = lazy(() => import('../features/routes/RoutesPage').then((m) => ({ default: m.RoutesPage })));
const RouteDetailPage = lazy(() =>
  import('../features/routes/RouteDetailPage').then((m) => ({ default: m.RouteDetailPage })),
);
const BatchesPage = lazy(() => import('../features/batches/BatchesPage').then((m) => ({ default: m.BatchesPage })));
const BatchDetailPage = lazy(() =>
  import('../features/batches/BatchDetailPage').then((m) => ({ default: m.BatchDetailPage })),
);
const HealthStationPage = lazy(() =>
  import('../features/health/HealthStationPage').then((m) => ({ default: m.HealthStationPage })),
);
const PlanBatchesPage = lazy(() =>
  import('../features/batches/planning/PlanBatchesPage').then((m) => ({ default: m.PlanBatchesPage })),
);
import { ErrorBoundary } from '../components/ErrorBoundary';

const NAVIGATION = [
  { to: '/', key: 'home', icon: IconHome },
  { to: '/workers', key: 'workers', icon: IconUsers },
  { to: '/enterprises', key: 'enterprises', icon: IconBuildingFactory2 },
  { to: '/routes', key: 'routes', icon: IconRoute },
  { to: '/batches', key: 'batches', icon: IconTrain },
  { to: '/settings', key: 'settings', icon: IconSettings },
] as const;

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('app.language')}
      size="xs"
      value={i18n.language}
      onChange={(value) => void updateSettings({ language: value as Language })}
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
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 0 }} padding="md" data-ready="true">
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
          {NAVIGATION.map(({ to, key, icon: Icon }) => (
            <NavLink
              key={key}
              component={Link}
              to={to}
              label={t(`app.nav.${key}`)}
              leftSection={<Icon size={18} stroke={1.6} />}
              active={isActive(to)}
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
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
