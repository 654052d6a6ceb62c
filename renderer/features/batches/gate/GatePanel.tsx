import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  RecordNotFoundError,
  batchGate,
  getBatch,
  getRoute,
  getSettings,
  isBatchLocked,
  useRepositoryQuery,
} from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';
import type { ReasonContext } from './gate-text';
import { OverridesNotice } from './OverridesNotice';
import { StatusControl } from './StatusControl';
import { UnificationCard } from './UnificationCard';

interface GatePanelProps {
  /** The batch whose gate and status are shown. */
  batchId: string;
}

/**
 * The five unifications of a batch with their lights and items, and the batch's status steps: the
 * next step (refused with the reasons and the open items when the gate says no, then forceable
 * with a written reason), the overrides recorded so far, ticks and their withdrawal.
 */
export function GatePanel({ batchId }: GatePanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const batch = useRepositoryQuery(async () => (await getBatch(batchId)) ?? null, [batchId]);
  const report = useRepositoryQuery(
    () =>
      batchGate(batchId).catch((error: unknown) => {
        // A deleted batch has no gate; its page says it was deleted.
        if (error instanceof RecordNotFoundError) return null;
        throw error;
      }),
    [batchId],
  );
  const routeId = batch?.routeId;
  const route = useRepositoryQuery(async () => (routeId ? ((await getRoute(routeId)) ?? null) : null), [routeId]);
  const settings = useRepositoryQuery(getSettings, []);
  if (!batch || !report) return null;

  const locked = isBatchLocked(batch.status) || Boolean(batch.deletedAt);
  const context: ReasonContext = { t, language, batch, route: route ?? null };
  const green = report.unifications.filter((unification) => unification.light === 'green').length;

  return (
    <Stack gap="md" data-testid="gate-panel" data-all-green={green === report.unifications.length}>
      <StatusControl batch={batch} report={report} language={language} />
      {batch.overrides.length > 0 && <OverridesNotice overrides={batch.overrides} language={language} />}
      {settings && settings.operatorName.trim() === '' && !locked && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="operator-missing">
          <Group gap="xs">
            <Text size="sm">{t('gate.operator.missing')}</Text>
            <Anchor component={Link} to="/settings" size="sm">
              {t('gate.operator.settings')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <Group justify="space-between">
        <Title order={3}>{t('gate.title')}</Title>
        <Text c="dimmed" size="sm" data-testid="gate-summary">
          {t('gate.summary', { green, total: report.unifications.length })}
        </Text>
      </Group>
      {locked && !batch.deletedAt && (
        <Text c="dimmed" size="sm">
          {t('gate.tick.locked')}
        </Text>
      )}
      {report.unifications.map((unification) => (
        <UnificationCard
          key={unification.unification}
          batchId={batch.id}
          routeId={batch.routeId}
          unification={unification}
          context={context}
          locked={locked}
        />
      ))}
    </Stack>
  );
}
