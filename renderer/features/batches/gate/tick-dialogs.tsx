import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type SubmitEvent } from 'react';
import type { Language } from '@shared/domain/records';
import type { TickedChecklistItem } from '@shared/gate';
import { RecordRejectedError, tickItem, untickItem } from '@renderer/db';
import { problemMessage } from '@renderer/components/field-problems';
import { notifyWriteFailure } from '@renderer/components/write-failure';

export interface TickRequest {
  /** Texts in the user's language. */
  t: TFunction;
  /** The user's language, for the item's label and note prompt. */
  language: Language;
  /** The batch the tick belongs to. */
  batchId: string;
  /** The ticked item's row in the checklist table. */
  item: TickedChecklistItem;
}

/** Ticks at once, or asks for the note first when the item has one (a charter sign number, say). */
export function startTick(request: TickRequest): void {
  const { t, language, batchId, item } = request;
  const label = item.label[language];
  if (item.note) {
    const id = modals.open({
      title: t('gate.tick.title', { item: label }),
      children: <TickNoteForm request={request} onDone={() => modals.close(id)} />,
    });
    return;
  }
  tickItem(batchId, item.key, '')
    .then(() => notifications.show({ color: 'teal', message: t('gate.tick.done', { item: label }) }))
    .catch((error: unknown) => notifyWriteFailure(error, t, 'ticking an item'));
}

interface TickNoteFormProps {
  /** The item to tick, with what the tick needs. */
  request: TickRequest;
  /** Closes the dialog. */
  onDone: () => void;
}

/** The note of a tick (its prompt from the checklist table), then the tick. */
function TickNoteForm({ request, onDone }: TickNoteFormProps) {
  const { t, language, batchId, item } = request;
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prompt = item.note?.prompt[language] ?? '';
  const label = item.label[language];

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (item.note?.required && note.trim() === '') {
      setNoteError(t('gate.tick.noteRequired', { prompt }));
      return;
    }
    setBusy(true);
    try {
      await tickItem(batchId, item.key, note);
      notifications.show({ color: 'teal', message: t('gate.tick.done', { item: label }) });
      onDone();
    } catch (error) {
      // A missing note is shown under the note; any other refusal above the form, every problem said.
      if (error instanceof RecordRejectedError) {
        if (error.problems.some((found) => found.field === 'note'))
          setNoteError(t('gate.tick.noteRequired', { prompt }));
        const others = error.problems.filter((found) => found.field !== 'note');
        if (others.length > 0) setProblem(others.map((found) => problemMessage(found, t)).join(' '));
      } else {
        notifyWriteFailure(error, t, 'ticking an item');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {problem && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />}>
            {problem}
          </Alert>
        )}
        <TextInput
          label={prompt}
          withAsterisk={item.note?.required ?? false}
          data-autofocus
          value={note}
          error={noteError}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('gate.tick.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks before withdrawing a tick: the item goes back to open, the tick stays in the history. */
export function confirmUntick(request: TickRequest): void {
  const { t, language, batchId, item } = request;
  const label = item.label[language];
  modals.openConfirmModal({
    title: t('gate.untick.title', { item: label }),
    children: <Text size="sm">{t('gate.untick.text')}</Text>,
    labels: { confirm: t('gate.tick.untick'), cancel: t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      untickItem(batchId, item.key)
        .then(() => notifications.show({ message: t('gate.untick.done', { item: label }) }))
        .catch((error: unknown) => notifyWriteFailure(error, t, 'withdrawing a tick'));
    },
  });
}
