import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconPencil } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTimestamp } from '@shared/dates';
import { HANDOVER_EXCEPTION_REASONS } from '@shared/domain/records';
import type { Batch, Enterprise, Handover, Language, Timestamp } from '@shared/domain/records';
import { recordHandover, type Passenger } from '@renderer/db';
import { saveFromForm } from '@renderer/components/save-from-form';
import {
  choiceProblem,
  exceptionsOf,
  initialChoices,
  instantOf,
  wallTimeOf,
  wallTimeProblems,
  type PassengerChoice,
} from './arrival-values';
import { showProblemsIn } from './form-problems';
import { WallTimeFields } from './WallTimeFields';

interface HandoverCardProps {
  batch: Batch;
  enterprise: Enterprise;
  /** The batch's passengers placed with the enterprise. */
  passengers: readonly Passenger[];
  /** The handover recorded, if any. */
  handover: Handover | null;
  /** When the batch's last leg arrived, if recorded: a new handover's time starts there. */
  lastArrivalAt: Timestamp | null;
  /** True when nothing may change any more (the batch is closed). */
  readOnly: boolean;
  language: Language;
}

/** One receiving enterprise: its handover as recorded, or the form to record it (again). */
export function HandoverCard({
  batch,
  enterprise,
  passengers,
  handover,
  lastArrivalAt,
  readOnly,
  language,
}: HandoverCardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const open = !readOnly && (editing || !handover);
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-label={enterprise.name}
      data-testid="handover-card"
      data-enterprise-id={enterprise.id}
      data-recorded={Boolean(handover)}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Anchor component={Link} to={`/enterprises/${enterprise.id}`} fw={600}>
              {enterprise.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('arrival.handover.passengers', { count: passengers.length })}
            </Text>
            <Badge
              variant="light"
              color={handover ? 'teal' : 'gray'}
              leftSection={handover ? <IconCircleCheck size={14} /> : <IconClock size={14} />}
            >
              {t(handover ? 'arrival.handover.signed' : 'arrival.handover.waiting')}
            </Badge>
          </Group>
          {handover && !open && !readOnly && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
              aria-label={t('arrival.handover.againLabel', { enterprise: enterprise.name })}
            >
              {t('arrival.again')}
            </Button>
          )}
        </Group>
        {handover && !open && <HandoverSummary handover={handover} passengers={passengers} language={language} />}
        {open && (
          <HandoverForm
            batch={batch}
            enterprise={enterprise}
            passengers={passengers}
            handover={handover}
            lastArrivalAt={lastArrivalAt}
            onDone={() => setEditing(false)}
          />
        )}
      </Stack>
    </Paper>
  );
}

interface HandoverSummaryProps {
  handover: Handover;
  passengers: readonly Passenger[];
  language: Language;
}

/** Who received the passengers, when and where, how many, and who was not handed over and why. */
function HandoverSummary({ handover, passengers, language }: HandoverSummaryProps) {
  const { t } = useTranslation();
  const nameOf = (workerId: string) =>
    passengers.find((passenger) => passenger.worker.id === workerId)?.worker.name ?? workerId;
  return (
    <Stack gap={4} data-testid="handover-summary">
      <Text>
        {t('arrival.handover.summary', {
          receiver: handover.receiverName,
          phone: handover.receiverPhone,
          at: formatTimestamp(handover.handedOverAt, language),
        })}
        {handover.place !== '' && ` · ${handover.place}`}
      </Text>
      <Text fw={500} data-testid="handed-count">
        {t('arrival.handover.handedCount', { count: handover.workerIds.length })}
      </Text>
      {handover.exceptions.length > 0 && (
        <Stack gap={2} data-testid="handover-exceptions">
          <Text size="sm" c="orange.9">
            {t('arrival.handover.exceptionsTitle', { count: handover.exceptions.length })}
          </Text>
          {handover.exceptions.map((exception) => (
            <Text size="sm" key={exception.workerId} data-testid="handover-exception">
              {t(exception.note !== '' ? 'arrival.handover.exceptionWithNote' : 'arrival.handover.exception', {
                name: nameOf(exception.workerId),
                reason: t(`followup.exceptionReason.${exception.reason}`),
                note: exception.note,
              })}
            </Text>
          ))}
        </Stack>
      )}
      {handover.note !== '' && <Text size="sm">{t('arrival.noteShown', { note: handover.note })}</Text>}
      <Text size="sm" c="dimmed">
        {t('arrival.recordedBy', { by: handover.recordedBy, at: formatTimestamp(handover.updatedAt, language) })}
      </Text>
    </Stack>
  );
}

interface HandoverValues {
  receiverName: string;
  receiverPhone: string;
  date: string;
  time: string;
  place: string;
  note: string;
  people: Record<string, PassengerChoice>;
}

const FIELDS = ['receiverName', 'receiverPhone', 'date', 'time', 'place', 'note', 'exceptions'];

interface HandoverFormProps {
  batch: Batch;
  enterprise: Enterprise;
  passengers: readonly Passenger[];
  handover: Handover | null;
  lastArrivalAt: Timestamp | null;
  onDone: () => void;
}

function HandoverForm({ batch, enterprise, passengers, handover, lastArrivalAt, onDone }: HandoverFormProps) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const lines = passengers.map((passenger) => ({
    workerId: passenger.worker.id,
    boarding: passenger.assignment.boarding,
  }));
  const when = handover ? wallTimeOf(handover.handedOverAt) : lastArrivalAt ? wallTimeOf(lastArrivalAt) : null;
  const form = useForm<HandoverValues>({
    mode: 'controlled',
    initialValues: {
      receiverName: handover?.receiverName ?? enterprise.contactName,
      receiverPhone: handover?.receiverPhone ?? enterprise.contactPhone,
      date: when?.date ?? '',
      time: when?.time ?? '',
      place: handover?.place ?? enterprise.handoverPoint,
      note: handover?.note ?? '',
      people: initialChoices(lines, handover),
    },
  });
  // The last leg's arrival recorded while this form is open gives the handover's time, unless
  // the user has typed one. Once per arrival time: the form's functions change at every render.
  const { isDirty, setValues } = form;
  const applied = useRef(lastArrivalAt);
  useEffect(() => {
    if (handover || !lastArrivalAt || applied.current === lastArrivalAt) return;
    applied.current = lastArrivalAt;
    if (!isDirty('date') && !isDirty('time')) setValues(wallTimeOf(lastArrivalAt));
  }, [handover, lastArrivalAt, isDirty, setValues]);
  const people = form.values.people;
  const handedCount = lines.filter((line) => people[line.workerId]?.handed).length;

  const submit = form.onSubmit(async (values) => {
    const errors: Record<string, string> = {};
    const typed = wallTimeProblems(values);
    if (typed.date) errors.date = t(typed.date);
    if (typed.time) errors.time = t(typed.time);
    for (const line of lines) {
      const choice = values.people[line.workerId];
      const problem = choice ? choiceProblem(choice) : null;
      if (problem) errors[`people.${line.workerId}`] = t(problem);
    }
    const at = instantOf(values);
    if (Object.keys(errors).length > 0 || at === null) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    const saved = await saveFromForm(
      () =>
        recordHandover(batch.id, enterprise.id, {
          receiverName: values.receiverName,
          receiverPhone: values.receiverPhone,
          handedOverAt: at,
          place: values.place,
          note: values.note,
          exceptions: exceptionsOf(lines, values.people),
        }),
      showProblemsIn(form.setErrors, FIELDS, { handedOverAt: 'time' }),
      t,
    );
    setSaving(false);
    if (!saved) return;
    notifications.show({ color: 'teal', message: t('arrival.handover.saved', { enterprise: enterprise.name }) });
    onDone();
  });

  const setChoice = (workerId: string, patch: Partial<PassengerChoice>) => {
    const current = form.values.people[workerId] ?? { handed: true, reason: '', note: '' };
    form.setFieldValue(`people.${workerId}`, { ...current, ...patch });
    form.clearFieldError(`people.${workerId}`);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('arrival.handover.formLabel', { enterprise: enterprise.name })}>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('arrival.fields.receiverName')}
            withAsterisk
            w={160}
            {...form.getInputProps('receiverName')}
          />
          <TextInput
            label={t('arrival.fields.receiverPhone')}
            withAsterisk
            w={180}
            {...form.getInputProps('receiverPhone')}
          />
          <WallTimeFields
            dateLabel={t('arrival.fields.handoverDate')}
            timeLabel={t('arrival.fields.handoverTime')}
            date={form.values.date}
            time={form.values.time}
            onDateChange={(date) => form.setFieldValue('date', date)}
            onTimeChange={(time) => form.setFieldValue('time', time)}
            dateError={form.errors.date as string | undefined}
            timeError={form.errors.time as string | undefined}
          />
        </Group>
        <Group align="flex-start" gap="sm">
          <TextInput label={t('arrival.fields.place')} w={340} {...form.getInputProps('place')} />
          <TextInput
            label={t('arrival.fields.note')}
            style={{ flex: 1, minWidth: 180 }}
            {...form.getInputProps('note')}
          />
        </Group>
        <Text size="sm" fw={500} data-testid="handover-ticked">
          {t('arrival.handover.ticked', { ticked: handedCount, count: lines.length })}
        </Text>
        {form.errors.exceptions && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} py="xs">
            {form.errors.exceptions}
          </Alert>
        )}
        <Table withRowBorders verticalSpacing={4}>
          <Table.Tbody>
            {passengers.map(({ worker, assignment }) => {
              const choice = people[worker.id] ?? { handed: true, reason: '', note: '' };
              const error = form.errors[`people.${worker.id}`] as string | undefined;
              return (
                <Table.Tr key={worker.id} data-testid="handover-passenger" data-handed={choice.handed}>
                  <Table.Td w={200}>
                    <Checkbox
                      label={worker.name}
                      checked={choice.handed}
                      onChange={(event) =>
                        setChoice(worker.id, {
                          handed: event.currentTarget.checked,
                          reason: event.currentTarget.checked ? '' : choice.reason,
                        })
                      }
                    />
                    {assignment.boarding === 'absent' && (
                      <Text size="xs" c="orange.9" ml={28}>
                        {t('arrival.handover.absentAtBoarding')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!choice.handed && (
                      <Group gap="xs" align="flex-start" wrap="nowrap">
                        <Select
                          aria-label={t('arrival.handover.reasonLabel', { name: worker.name })}
                          placeholder={t('arrival.handover.reasonPlaceholder')}
                          w={170}
                          size="xs"
                          data={HANDOVER_EXCEPTION_REASONS.map((reason) => ({
                            value: reason,
                            label: t(`followup.exceptionReason.${reason}`),
                          }))}
                          value={choice.reason === '' ? null : choice.reason}
                          onChange={(value) => setChoice(worker.id, { reason: value ?? '' })}
                          allowDeselect={false}
                          error={error && choice.reason === '' ? error : undefined}
                        />
                        <TextInput
                          aria-label={t('arrival.handover.noteLabel', { name: worker.name })}
                          placeholder={t(
                            choice.reason === 'other'
                              ? 'arrival.handover.notePlaceholderRequired'
                              : 'arrival.handover.notePlaceholder',
                          )}
                          size="xs"
                          style={{ flex: 1 }}
                          value={choice.note}
                          onChange={(event) => setChoice(worker.id, { note: event.currentTarget.value })}
                          error={error && choice.reason !== '' ? error : undefined}
                        />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" gap="xs">
          {handover && (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {t('arrival.handover.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
