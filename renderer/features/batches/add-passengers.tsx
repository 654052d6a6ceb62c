import { useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { addPassengers, isBatchLocked, listBatches, movePassengers, useRepositoryQuery } from '../../db';
import type { AddOutcome } from '../../db';
import { notifyWriteFailure } from '../../components/write-failure';

/** Tells the coordinator what became of each worker asked for: added, on the batch already, refused and why. */
export function announceOutcome(outcome: AddOutcome, t: TFunction, key: 'added' | 'moved'): void {
  const lines = [t(`batches.outcome.${key}`, { count: outcome.added.length })];
  if (outcome.already.length > 0) lines.push(t('batches.outcome.already', { count: outcome.already.length }));
  if (outcome.unknown.length > 0) lines.push(t('batches.outcome.unknown', { count: outcome.unknown.length }));
  if (outcome.conflicts.length > 0) {
    lines.push(
      t('batches.outcome.conflicts', {
        count: outcome.conflicts.length,
        names: outcome.conflicts
          .slice(0, 5)
          .map((conflict) => t('batches.outcome.conflict', { name: conflict.name, batch: conflict.batchName }))
          .join(t('batches.outcome.separator')),
      }),
    );
  }
  notifications.show({
    color: outcome.conflicts.length > 0 ? 'orange' : 'teal',
    message: lines.join(' '),
    autoClose: outcome.conflicts.length > 0 ? false : 5000,
  });
}

interface ChooseBatchProps {
  /** Workers to add or move. */
  workerIds: readonly string[];
  /** The batch they leave when moving; null when adding. */
  fromBatchId: string | null;
  /** Closes the dialog. */
  onDone: () => void;
}

/** Picks the batch that workers join (from the workers list) or move to (from a batch). */
function ChooseBatch({ workerIds, fromBatchId, onDone }: ChooseBatchProps) {
  const { t } = useTranslation();
  const rows = useRepositoryQuery(listBatches, []) ?? [];
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = rows
    .filter(({ batch }) => batch.id !== fromBatchId && !isBatchLocked(batch.status))
    .map(({ batch }) => ({ value: batch.id, label: `${batch.name}（${batch.date}）` }));
  const go = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const outcome = fromBatchId
        ? await movePassengers(fromBatchId, target, workerIds)
        : await addPassengers(target, workerIds);
      announceOutcome(outcome, t, fromBatchId ? 'moved' : 'added');
      onDone();
    } catch (error) {
      notifyWriteFailure(error, t, 'changing passengers');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">{t(fromBatchId ? 'batches.moveText' : 'batches.addText', { count: workerIds.length })}</Text>
      <Select
        label={t('batches.targetBatch')}
        data={choices}
        value={target}
        onChange={setTarget}
        nothingFoundMessage={t('batches.noOtherBatch')}
        searchable
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!target} loading={busy} onClick={() => void go()}>
          {t(fromBatchId ? 'batches.moveConfirm' : 'batches.addConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Opens the dialog that adds workers to a batch (from the workers list) or moves passengers to another. */
export function openChooseBatch({
  t,
  workerIds,
  fromBatchId = null,
  onDone,
}: {
  t: TFunction;
  workerIds: readonly string[];
  fromBatchId?: string | null;
  onDone?: () => void;
}): void {
  const id = modals.open({
    title: t(fromBatchId ? 'batches.moveTitle' : 'batches.addTitle'),
    children: (
      <ChooseBatch
        workerIds={workerIds}
        fromBatchId={fromBatchId}
        onDone={() => {
          modals.close(id);
          onDone?.();
        }}
      />
    ),
  });
}
