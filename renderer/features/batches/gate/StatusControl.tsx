import { Alert, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconBolt, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BATCH_STATUSES } from '@shared/domain/records';
import type { Batch, BatchStatus, Language } from '@shared/domain/records';
import { FACT_STATUSES, checkStatusStep } from '@shared/gate';
import type { GateReport } from '@shared/gate';
import { changeBatchStatus } from '@renderer/db';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { openForceStep } from './ForceStepDialog';
import { stepMessage, unmetLines } from './gate-text';

interface StatusControlProps {
  /** The batch whose status is shown and moved. */
  batch: Batch;
  /** The batch's gate as it stands. */
  report: GateReport;
  /** The user's language, for item labels. */
  language: Language;
}

/** The current status among all of them, the one button forward, and why it was refused. */
export function StatusControl({ batch, report, language }: StatusControlProps) {
  const { t } = useTranslation();
  // The step the user asked for; its refusal is worked out again from the live gate, so it
  // clears itself once the items are fixed and never shows a step from an older status.
  const [asked, setAsked] = useState<{ from: BatchStatus; to: BatchStatus } | null>(null);
  const [busy, setBusy] = useState(false);
  const index = BATCH_STATUSES.indexOf(batch.status);
  const next = BATCH_STATUSES[index + 1] ?? null;
  const status = (value: BatchStatus) => t(`batches.status.${value}`);
  const step = asked && asked.from === batch.status ? checkStatusStep(asked.from, asked.to, report) : null;
  const refusal = step && !step.allowed ? step : null;

  const moveOn = async (to: BatchStatus) => {
    setBusy(true);
    try {
      const result = await changeBatchStatus(batch.id, to);
      if (result.allowed) {
        setAsked(null);
        notifications.show({ color: 'teal', message: t('gate.status.moved', { status: status(to) }) });
      } else {
        setAsked({ from: batch.status, to });
      }
    } catch (error) {
      notifyWriteFailure(error, t, 'moving the batch status');
    } finally {
      setBusy(false);
    }
  };

  // A status only moves forward: a step the gate allows is asked about first, since it cannot be
  // taken back. A step the gate refuses goes straight on, to show why.
  const askToMoveOn = (to: BatchStatus) => {
    if (!checkStatusStep(batch.status, to, report).allowed) {
      void moveOn(to);
      return;
    }
    modals.openConfirmModal({
      title: t('gate.status.confirmTitle', { status: status(to) }),
      children: (
        <Text size="sm">{t('gate.status.confirmText', { from: status(batch.status), status: status(to) })}</Text>
      ),
      labels: { confirm: t('gate.status.confirm'), cancel: t('common.cancel') },
      onConfirm: () => void moveOn(to),
    });
  };

  return (
    <Card withBorder data-testid="batch-status" data-status={batch.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              {t('gate.status.current')}
            </Text>
            <Group gap={6} aria-label={t('gate.status.steps')} role="list">
              {BATCH_STATUSES.map((value, position) => (
                <Group gap={6} key={value} role="listitem" wrap="nowrap">
                  {position > 0 && <IconArrowRight size={14} color="var(--mantine-color-dimmed)" aria-hidden />}
                  <Badge
                    variant={value === batch.status ? 'filled' : 'outline'}
                    color={position <= index ? 'blue' : 'gray'}
                    size={value === batch.status ? 'lg' : 'md'}
                    data-current={value === batch.status}
                    aria-current={value === batch.status ? 'step' : undefined}
                  >
                    {status(value)}
                  </Badge>
                </Group>
              ))}
            </Group>
          </Stack>
          {next && FACT_STATUSES.includes(next) ? (
            // Arrived and handed over follow from the facts recorded (issue 17): no button says otherwise.
            <Text c="dimmed" size="sm" maw={360} data-testid="next-by-facts">
              {t(`gate.followUp.byFacts.${next}`)}
            </Text>
          ) : next ? (
            <Button
              leftSection={<IconArrowRight size={16} />}
              loading={busy}
              onClick={() => askToMoveOn(next)}
              data-testid="next-status"
            >
              {t('gate.status.next', { status: status(next) })}
            </Button>
          ) : (
            <Text c="dimmed" size="sm">
              {t('gate.status.last')}
            </Text>
          )}
        </Group>
        {refusal && asked && (
          <Alert
            color="red"
            icon={<IconCircleX size={18} />}
            title={t('gate.status.refusedTitle', { status: status(asked.to) })}
            data-testid="status-refused"
          >
            <Stack gap="xs">
              <List size="sm">
                {refusal.reasons.map((code) => (
                  <List.Item key={code}>{stepMessage(code, asked.from, asked.to, t)}</List.Item>
                ))}
              </List>
              {refusal.unmet.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('gate.status.unmetTitle')}
                  </Text>
                  <List size="sm" data-testid="status-unmet">
                    {unmetLines(refusal.unmet, t, language).map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {refusal.canOverride && (
                <Group>
                  <Button
                    color="orange"
                    leftSection={<IconBolt size={16} />}
                    onClick={() =>
                      openForceStep({
                        t,
                        language,
                        batchId: batch.id,
                        from: asked.from,
                        to: asked.to,
                        unmet: refusal.unmet,
                      })
                    }
                  >
                    {t('gate.force.button')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
