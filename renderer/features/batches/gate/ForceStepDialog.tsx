import { Alert, Box, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type SubmitEvent } from 'react';
import type { BatchStatus, Language } from '@shared/domain/records';
import { OVERRIDE_REASON_MIN_LENGTH } from '@shared/gate';
import { changeBatchStatus } from '@renderer/db';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { stepMessage, unmetLines } from './gate-text';

export interface ForceStepRequest {
  /** Texts in the user's language. */
  t: TFunction;
  /** The user's language, for item labels. */
  language: Language;
  /** The batch to move. */
  batchId: string;
  /** The status the batch is in; the step is refused if it changed meanwhile. */
  from: BatchStatus;
  /** The next status, the one the gate refused. */
  to: BatchStatus;
  /** Item keys not met when the step was refused, listed in the dialog. */
  unmet: readonly string[];
}

/** Opens the dialog that forces a refused step past the gate with a written reason. */
export function openForceStep(request: ForceStepRequest): void {
  const { t } = request;
  const id = modals.open({
    title: t('gate.force.title', {
      from: t(`batches.status.${request.from}`),
      to: t(`batches.status.${request.to}`),
    }),
    size: 'lg',
    closeOnClickOutside: false,
    children: <ForceStepForm request={request} onDone={() => modals.close(id)} />,
  });
}

interface ForceStepFormProps {
  /** The step to force and what was open when it was refused. */
  request: ForceStepRequest;
  /** Closes the dialog. */
  onDone: () => void;
}

/** The written reason for forcing a step past the gate, checked for length before it is sent. */
function ForceStepForm({ request, onDone }: ForceStepFormProps) {
  const { t, language, batchId, from, to, unmet } = request;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const tooShort = (text: string) =>
    t('gate.force.tooShort', { length: Array.from(text.trim()).length, min: OVERRIDE_REASON_MIN_LENGTH });

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (Array.from(reason.trim()).length < OVERRIDE_REASON_MIN_LENGTH) {
      setReasonError(tooShort(reason));
      return;
    }
    setBusy(true);
    try {
      const result = await changeBatchStatus(batchId, to, { reason });
      if (result.allowed) {
        notifications.show({
          color: 'orange',
          message: t('gate.force.done', { status: t(`batches.status.${to}`) }),
        });
        onDone();
        return;
      }
      if (result.reasons.includes('override-reason-too-short')) setReasonError(tooShort(reason));
      setProblems(
        result.reasons
          .filter((code) => code !== 'gate-not-green' && code !== 'override-reason-too-short')
          .map((code) => stepMessage(code, from, to, t)),
      );
    } catch (error) {
      notifyWriteFailure(error, t, 'forcing a status step');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{t('gate.force.text')}</Text>
        {unmet.length > 0 && (
          <Box>
            <Text size="sm" fw={600}>
              {t('gate.status.unmetTitle')}
            </Text>
            <List size="sm">
              {unmetLines(unmet, t, language).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Box>
        )}
        {problems.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="force-problems">
            {problems.map((text) => (
              <Text size="sm" key={text}>
                {text}
              </Text>
            ))}
          </Alert>
        )}
        <Textarea
          label={t('gate.force.reasonLabel')}
          description={t('gate.force.reasonHint', { min: OVERRIDE_REASON_MIN_LENGTH })}
          withAsterisk
          autosize
          minRows={3}
          data-autofocus
          value={reason}
          error={reasonError}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={busy}>
            {t('gate.force.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
