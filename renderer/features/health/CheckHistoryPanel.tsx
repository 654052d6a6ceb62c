import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HealthCheck } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import { checkHistory, useRepositoryQuery } from '../../db';
import { VERDICT_LOOK } from './VerdictPanel';
import { checkLine } from './station-text';
import { useLanguage } from '../../i18n/use-language';
import { WithdrawCheckDialog } from './WithdrawCheckDialog';

interface CheckHistoryPanelProps {
  /** The batch the checks were taken for. */
  batchId: string;
  /** The passenger. */
  workerId: string;
  /** The passenger's name, for the withdrawal dialog. */
  workerName: string;
  /** The passenger's latest live check: the only one that can be corrected. */
  latest: HealthCheck | null;
  /** False while correcting already, or once the batch has departed. */
  canCorrect: boolean;
  /** Called with the latest check when the examiner asks to correct it. */
  onCorrect: (check: HealthCheck) => void;
}

/**
 * Every check of the passenger on this batch, corrected ones included (struck through), each with
 * its audit rows: who recorded or corrected it, when, and why. Corrections are never silent.
 */
export function CheckHistoryPanel({
  batchId,
  workerId,
  workerName,
  latest,
  canCorrect,
  onCorrect,
}: CheckHistoryPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [withdrawing, setWithdrawing] = useState<HealthCheck | null>(null);
  const history = useRepositoryQuery(() => checkHistory(batchId, workerId), [batchId, workerId]);
  if (!history) return null;
  return (
    <Card withBorder data-testid="check-history">
      <Title order={4} mb="xs">
        {t('health.history.title')}
      </Title>
      {history.checks.length === 0 && <Text c="dimmed">{t('health.history.empty')}</Text>}
      <Stack gap="sm">
        {history.checks.map((check) => {
          const withdrawn = Boolean(check.withdrawnReason);
          const superseded = Boolean(check.supersededById) || withdrawn;
          const { color } = VERDICT_LOOK[check.result];
          return (
            <Stack
              key={check.id}
              gap={2}
              data-testid="history-check"
              data-superseded={superseded}
              data-withdrawn={withdrawn}
              data-result={check.result}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs">
                  <Badge color={color} variant={superseded ? 'outline' : 'filled'} size="lg" tt="none">
                    {t(`health.verdict.${check.result}`)}
                  </Badge>
                  <Text fz={16} td={superseded ? 'line-through' : undefined} c={superseded ? 'dimmed' : undefined}>
                    {checkLine(check, t, language)}
                  </Text>
                  {superseded && (
                    <Badge color="gray" variant="light">
                      {t(withdrawn ? 'health.history.withdrawn' : 'health.history.superseded')}
                    </Badge>
                  )}
                </Group>
                {canCorrect && latest?.id === check.id && (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="sm"
                      variant="light"
                      leftSection={<IconPencil size={16} />}
                      aria-label={t('health.history.correctLabel', { at: formatTimestamp(check.checkedAt, language) })}
                      onClick={() => onCorrect(check)}
                    >
                      {t('health.history.correct')}
                    </Button>
                    <Button
                      size="sm"
                      variant="light"
                      color="red"
                      leftSection={<IconArrowBackUp size={16} />}
                      aria-label={t('health.history.withdrawLabel', { at: formatTimestamp(check.checkedAt, language) })}
                      onClick={() => setWithdrawing(check)}
                    >
                      {t('health.history.withdraw')}
                    </Button>
                  </Group>
                )}
              </Group>
              {check.withdrawnReason && (
                <Text fz={14} c="red.9">
                  {t('health.history.withdrawal', { reason: check.withdrawnReason })}
                </Text>
              )}
              {check.correctionReason && (
                <Text fz={14} c="orange.9">
                  {t('health.history.correction', { reason: check.correctionReason })}
                </Text>
              )}
              {check.note && (
                <Text fz={14} c="dimmed">
                  {check.note}
                </Text>
              )}
              {history.audit
                .filter((entry) => entry.recordId === check.id)
                .map((entry) => (
                  <Text key={entry.id} fz={13} c="dimmed" pl="md" data-testid="history-audit">
                    {t('health.history.audit', {
                      at: formatTimestamp(entry.at, language),
                      operator: entry.operator || t('health.history.noOperator'),
                      action: t(
                        entry.action === 'create' ? 'health.history.actions.create' : 'health.history.actions.update',
                      ),
                    })}
                    {entry.reason ? ` · ${t('health.history.reason', { reason: entry.reason })}` : ''}
                  </Text>
                ))}
            </Stack>
          );
        })}
      </Stack>
      <WithdrawCheckDialog check={withdrawing} workerName={workerName} onClose={() => setWithdrawing(null)} />
    </Card>
  );
}
