import { useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Group, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBuildingFactory2, IconDatabasePlus, IconFileImport, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { makeDemoData } from '@shared/demo';
import { todayCalendarDate } from '@shared/dates';
import {
  clearDemoData,
  countRecords,
  hasDemoData,
  loadDemoData,
  useRepositoryQuery,
  type DemoProgress,
} from '../../db';
import { RetentionNotice } from '../privacy/RetentionNotice';
import { KeyFiguresPanel } from './KeyFigures';
import { openEnterpriseForm } from '../enterprises/EnterpriseForm';
import { notifyWriteFailure } from '../../components/write-failure';

/** The one-click demo: enough people to try everything, small enough to load in a blink. */
export const DEMO_OPTIONS = { seed: 20200218, workers: 2000 } as const;

const COUNTED = ['workers', 'enterprises', 'openings', 'routes', 'batches', 'assignments'] as const;

function DemoLoader() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const load = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 1 });
    try {
      // Dated from today, so that the demo batches leave in the coming days and checks taken now count.
      const data = makeDemoData({ ...DEMO_OPTIONS, today: todayCalendarDate() });
      await loadDemoData(data, { onProgress: setProgress, signal: controller.signal });
      notifications.show({ color: 'teal', message: t('home.demoLoaded') });
    } catch (error) {
      if (controller.signal.aborted) {
        notifications.show({ message: t('home.demoCancelled') });
      } else {
        notifyWriteFailure(error, t, 'loading demo data');
      }
    } finally {
      setProgress(null);
    }
  };

  if (progress) {
    return (
      <Stack gap="xs">
        <Text size="sm">{t('home.loadingDemo', { done: progress.done, total: progress.total })}</Text>
        <Progress value={(100 * progress.done) / progress.total} animated />
        <Group>
          <Button variant="default" onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group>
      <Button leftSection={<IconDatabasePlus size={18} />} onClick={() => void load()}>
        {t('home.loadDemo')}
      </Button>
    </Group>
  );
}

function Step({ number, title, text, children }: { number: number; title: string; text: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon radius="xl" size="md" variant="light">
              {number}
            </ThemeIcon>
            <Title order={4}>{title}</Title>
          </Group>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

/** An empty database: what to do first (try the demo, import a roster, add an enterprise), not empty charts. */
function FirstSteps() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack data-testid="first-steps">
      <Title order={2}>{t('home.welcomeTitle')}</Title>
      <Text>{t('home.welcomeText')}</Text>
      <Title order={3}>{t('home.firstSteps.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Step number={1} title={t('home.firstSteps.demo')} text={t('home.firstSteps.demoText')}>
          <DemoLoader />
        </Step>
        <Step number={2} title={t('home.firstSteps.import')} text={t('home.firstSteps.importText')}>
          <Group>
            <Button component={Link} to="/workers/import" variant="light" leftSection={<IconFileImport size={18} />}>
              {t('home.firstSteps.importAction')}
            </Button>
          </Group>
        </Step>
        <Step number={3} title={t('home.firstSteps.enterprise')} text={t('home.firstSteps.enterpriseText')}>
          <Group>
            <Button
              variant="light"
              leftSection={<IconBuildingFactory2 size={18} />}
              onClick={() =>
                openEnterpriseForm({ t, onSaved: (enterprise) => void navigate(`/enterprises/${enterprise.id}`) })
              }
            >
              {t('home.firstSteps.enterpriseAction')}
            </Button>
          </Group>
        </Step>
      </SimpleGrid>
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const counts = useRepositoryQuery(countRecords, []);
  const demoPresent = useRepositoryQuery(hasDemoData, []);
  if (!counts || demoPresent === undefined) return null;
  const empty = Object.values(counts).every((n) => n === 0);

  const confirmClear = () =>
    modals.openConfirmModal({
      title: t('home.clearDemoTitle'),
      children: <Text size="sm">{t('home.clearDemoText')}</Text>,
      labels: { confirm: t('home.clearDemo'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        void clearDemoData().then((count) => notifications.show({ message: t('home.demoCleared', { count }) }));
      },
    });

  return (
    <Stack maw={1100}>
      {empty ? (
        <FirstSteps />
      ) : (
        <>
          <Title order={2}>{t('home.overview')}</Title>
          <RetentionNotice />
          <KeyFiguresPanel />
          <Title order={3}>{t('dashboard.records')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {COUNTED.map((table) => (
              <Card key={table} withBorder data-testid={`count-${table}`}>
                <Text size="sm" c="dimmed">
                  {t(`home.counts.${table}`)}
                </Text>
                <Text fz={28} fw={700}>
                  {counts[table].toLocaleString()}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {demoPresent && (
            <Alert color="blue" variant="light">
              <Group justify="space-between">
                <Text size="sm">{t('home.demoPresent')}</Text>
                <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={confirmClear}>
                  {t('home.clearDemo')}
                </Button>
              </Group>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
