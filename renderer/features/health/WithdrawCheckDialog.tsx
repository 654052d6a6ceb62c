import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { HealthCheck } from '@shared/domain/records';
import { RecordRejectedError } from '@shared/domain/problems';
import { withdrawHealthCheck } from '../../db';
import { notifyWriteFailure } from '../../components/write-failure';
import { useLanguage } from '../../i18n/use-language';
import { healthProblemMessage } from './station-text';

interface WithdrawCheckDialogProps {
  /** The check to withdraw (the passenger's latest live one); null keeps the dialog closed. */
  check: HealthCheck | null;
  /** The passenger's name, for the title and the notice. */
  workerName: string;
  /** Called when the dialog closes, withdrawn or not. */
  onClose: () => void;
}

/**
 * Asks why a check is withdrawn (recorded for the wrong person, say) and withdraws it: the check
 * stays in the history with the reason, and the passenger is back to the checks before it.
 */
export function WithdrawCheckDialog({ check, workerName, onClose }: WithdrawCheckDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setProblem(null);
    onClose();
  };
  const withdraw = async () => {
    if (!check) return;
    setBusy(true);
    try {
      await withdrawHealthCheck(check.id, reason);
      notifications.show({ color: 'teal', message: t('health.history.withdrawDone', { name: workerName }) });
      close();
    } catch (error) {
      if (error instanceof RecordRejectedError) {
        setProblem(error.problems.map((found) => healthProblemMessage(found, t, language)).join(' '));
      } else {
        notifyWriteFailure(error, t, 'withdrawing a health check', (found) => healthProblemMessage(found, t, language));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={check !== null} onClose={close} title={t('health.history.withdrawTitle', { name: workerName })}>
      <Stack>
        <Text size="sm">{t('health.history.withdrawText')}</Text>
        <Textarea
          label={t('health.history.withdrawReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={problem}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void withdraw()}>
            {t('health.history.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
