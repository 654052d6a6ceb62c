import { useRef, useState } from 'react';
import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { FieldProblem } from '@shared/domain/problems';
import {
  ProposalPartlySavedError,
  RecordRejectedError,
  saveProposal,
  type BatchPlanningResult,
  type SaveProposalProgress,
} from '@renderer/db';
import { writeFailureMessage } from '@renderer/components/write-failure';
import { logger } from '@renderer/logger';

interface ProposalSaveProps {
  result: BatchPlanningResult;
  /** The batches' names, by index in the proposal. */
  names: readonly string[];
  /** The proposal no longer matches the choices, or a new one is being made. */
  disabled: boolean;
  describe: (problem: FieldProblem) => string;
  /** Passengers a chunk holds at least (see `saveProposal`); the repository's default when absent. */
  chunkPassengers?: number;
  /** Hears when a save starts and ends: no new proposal is made meanwhile. */
  onSavingChange?: (saving: boolean) => void;
}

/** How the save ended short of all batches: cancelled, or failed after some chunks. */
type Stopped =
  | { kind: 'cancelled'; saved: number; passengers: number; rest: number }
  | { kind: 'partly'; saved: number; passengers: number; rest: number; message: string };

/**
 * Saves the proposal in chunks of whole batches (see `saveProposal`), with a progress bar and
 * Cancel: a cancel stops once the chunk being stored is stored, and says how many batches were
 * saved and that the rest were not. A complete save goes on to the batches list.
 */
export function ProposalSave({
  result,
  names,
  disabled,
  describe,
  chunkPassengers,
  onSavingChange,
}: ProposalSaveProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const batchCount = result.proposal.batches.length;
  const [progress, setProgress] = useState<SaveProposalProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [stopped, setStopped] = useState<Stopped | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const saving = progress !== null;

  const save = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const totalPassengers = result.proposal.batches.reduce((sum, batch) => sum + batch.passengerIds.length, 0);
    setProgress({ savedBatches: 0, savedPassengers: 0, totalBatches: batchCount, totalPassengers });
    setCancelling(false);
    setSaveError(null);
    onSavingChange?.(true);
    try {
      const saved = await saveProposal(
        result.proposal,
        { names, coachLabelPrefix: t('planning.coachLabelPrefix') },
        { onProgress: setProgress, signal: controller.signal, ...(chunkPassengers ? { chunkPassengers } : {}) },
      );
      if (saved.complete) {
        notifications.show({
          color: 'teal',
          message: t('planning.saved', { count: saved.ids.length, passengers: saved.passengers }),
        });
        void navigate('/batches');
        return;
      }
      setStopped({
        kind: 'cancelled',
        saved: saved.ids.length,
        passengers: saved.passengers,
        rest: batchCount - saved.ids.length,
      });
    } catch (error) {
      const reason = error instanceof ProposalPartlySavedError ? error.reason : error;
      if (!(reason instanceof RecordRejectedError)) logger.error('saving the proposal failed', error);
      const message = writeFailureMessage(reason, t, describe);
      if (error instanceof ProposalPartlySavedError) {
        setStopped({
          kind: 'partly',
          saved: error.saved.ids.length,
          passengers: error.saved.passengers,
          rest: batchCount - error.saved.ids.length,
          message,
        });
      } else {
        // Shown beside the save button rather than as a notice: the proposal stays to be saved again.
        setSaveError(t('planning.saveFailed', { message }));
      }
    } finally {
      abort.current = null;
      setProgress(null);
      onSavingChange?.(false);
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  const percent =
    progress && progress.totalPassengers > 0 ? (progress.savedPassengers / progress.totalPassengers) * 100 : 0;
  return (
    <Stack>
      {saveError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="save-error">
          {saveError}
        </Alert>
      )}
      {stopped && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="save-stopped">
          {stopped.kind === 'cancelled'
            ? t('planning.saving.cancelled', stopped)
            : t('planning.saving.partly', { ...stopped })}
        </Alert>
      )}
      {progress && (
        <Card
          withBorder
          bg="var(--mantine-color-gray-light)"
          data-testid="save-progress"
          data-saved={progress.savedBatches}
        >
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={4} style={{ flex: 1 }}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t('planning.saving.label')}
                </Text>
                <Text size="sm" c="dimmed">
                  {cancelling
                    ? t('planning.saving.cancelling')
                    : t('planning.saving.progress', {
                        saved: progress.savedBatches,
                        total: progress.totalBatches,
                        passengers: progress.savedPassengers,
                        totalPassengers: progress.totalPassengers,
                      })}
                </Text>
              </Group>
              <Progress value={percent} animated aria-label={t('planning.saving.label')} />
            </Stack>
            <Button variant="default" leftSection={<IconX size={16} />} onClick={cancel} disabled={cancelling}>
              {t('planning.saving.cancel')}
            </Button>
          </Group>
        </Card>
      )}
      {!stopped && (
        <Group>
          <Button
            leftSection={<IconDeviceFloppy size={18} />}
            disabled={disabled || batchCount === 0}
            loading={saving}
            onClick={() => void save()}
          >
            {t('planning.save', { count: batchCount })}
          </Button>
          <Text size="sm" c="dimmed">
            {t('planning.saveHint')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
