import { useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/domain/records';
import { formatCalendarDate } from '@shared/dates';
import { laterBatches, movePassengers, unseatFailedPassengers, useRepositoryQuery } from '../../db';
import { notifyWriteFailure } from '../../components/write-failure';
import { useLanguage } from '../../i18n/use-language';
import { announceOutcome } from '../batches/add-passengers';
import { healthProblemMessage } from './station-text';
import type { StationRow } from './use-station';

/** Names for a message: the first ten, then how many in all. */
function namesOf(rows: readonly StationRow[], language: Language): string {
  const names = rows.slice(0, 10).map((row) => row.worker.name);
  const list = names.join(language === 'en' ? ', ' : '、');
  return rows.length > names.length ? `${list} …` : list;
}

/** Asks before taking the failed passengers off the seat plan, then does it in one step. */
export function openUnseatFailed({
  t,
  language,
  batchId,
  rows,
}: {
  t: TFunction;
  language: Language;
  batchId: string;
  rows: readonly StationRow[];
}) {
  modals.openConfirmModal({
    title: t('health.lists.unseatTitle'),
    children: (
      <Text fz={18}>{t('health.lists.unseatText', { count: rows.length, names: namesOf(rows, language) })}</Text>
    ),
    labels: { confirm: t('health.lists.unseatConfirm'), cancel: t('common.cancel') },
    confirmProps: { color: 'red', size: 'md' },
    cancelProps: { size: 'md' },
    onConfirm: () =>
      void unseatFailedPassengers(
        batchId,
        rows.map((row) => row.worker.id),
      )
        .then((outcome) =>
          notifications.show({
            color: 'teal',
            message: t('health.lists.unseated', { count: outcome.unseated.length }),
          }),
        )
        .catch((error: unknown) =>
          notifyWriteFailure(error, t, 'taking failed passengers off the seat plan', (problem) =>
            healthProblemMessage(problem, t, language),
          ),
        ),
  });
}

interface MoveFailedProps {
  /** The batch they leave. */
  batchId: string;
  /** The failed passengers. */
  rows: readonly StationRow[];
  /** Closes the dialog. */
  onDone: () => void;
}

/** Picks a later batch for the failed passengers and moves them there. */
function MoveFailed({ batchId, rows, onDone }: MoveFailedProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const later = useRepositoryQuery(() => laterBatches(batchId), [batchId]) ?? [];
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const move = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const outcome = await movePassengers(
        batchId,
        target,
        rows.map((row) => row.worker.id),
      );
      announceOutcome(outcome, t, 'moved');
      onDone();
    } catch (error) {
      notifyWriteFailure(error, t, 'moving failed passengers', (problem) => healthProblemMessage(problem, t, language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text fz={18}>{t('health.lists.moveText', { count: rows.length })}</Text>
      <Text fz={16}>{namesOf(rows, language)}</Text>
      <Select
        label={t('health.lists.moveTarget')}
        data={later.map((batch) => ({
          value: batch.id,
          label: `${batch.name} · ${formatCalendarDate(batch.date, language)}`,
        }))}
        value={target}
        onChange={setTarget}
        nothingFoundMessage={t('health.lists.noLaterBatch')}
        placeholder={later.length === 0 ? t('health.lists.noLaterBatch') : undefined}
        size="md"
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" size="md" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="md" disabled={!target} loading={busy} onClick={() => void move()}>
          {t('health.lists.moveConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Opens the dialog that moves the failed passengers to a later batch (their checks stay with this one). */
export function openMoveFailed({ t, batchId, rows }: { t: TFunction; batchId: string; rows: readonly StationRow[] }) {
  const id = modals.open({
    title: t('health.lists.moveTitle'),
    size: 'lg',
    children: <MoveFailed batchId={batchId} rows={rows} onDone={() => modals.close(id)} />,
  });
}
