import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconClock, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '@shared/dates';
import type { Arrival, Batch, Language, Leg } from '@shared/domain/records';
import { recordArrival } from '@renderer/db';
import { saveFromForm } from '@renderer/components/save-from-form';
import { instantOf, plannedArrivalAt, suggestedArrival, wallTimeOf, wallTimeProblems } from './arrival-values';
import { showProblemsIn } from './form-problems';
import { WallTimeFields } from './WallTimeFields';

interface LegArrivalProps {
  batch: Batch;
  /** The route's leg. */
  leg: Leg;
  /** Its place in the route, from 0. */
  index: number;
  /** The arrival recorded, if any. */
  arrival: Arrival | null;
  /** True when nothing may change any more (the batch is closed). */
  readOnly: boolean;
  language: Language;
}

interface ArrivalValues {
  date: string;
  time: string;
  place: string;
  note: string;
}

const FIELDS = ['date', 'time', 'place', 'note'];

/** One leg: when it arrived (recorded, by whom), or the form to record it, again if need be. */
export function LegArrival({ batch, leg, index, arrival, readOnly, language }: LegArrivalProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const planned = plannedArrivalAt(batch, leg);
  const name = t('arrival.legs.leg', { n: index + 1, from: leg.from, to: leg.to });
  const open = !readOnly && (editing || !arrival);
  return (
    <Paper withBorder p="sm" data-testid="leg-arrival" data-leg-id={leg.id} data-recorded={Boolean(arrival)}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{name}</Text>
            <Badge
              variant="light"
              color={arrival ? 'teal' : 'gray'}
              leftSection={arrival ? <IconCircleCheck size={14} /> : <IconClock size={14} />}
            >
              {t(arrival ? 'arrival.legs.arrived' : 'arrival.legs.waiting')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('arrival.legs.planned', { at: formatTimestamp(planned, language) })}
          </Text>
        </Group>
        {arrival && !open && (
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Text data-testid="arrival-at">
                {t('arrival.legs.arrivedAt', { at: formatTimestamp(arrival.arrivedAt, language) })}
                {arrival.place !== '' && ` · ${arrival.place}`}
              </Text>
              {arrival.note !== '' && <Text size="sm">{t('arrival.noteShown', { note: arrival.note })}</Text>}
              <Text size="sm" c="dimmed">
                {t('arrival.recordedBy', { by: arrival.recordedBy, at: formatTimestamp(arrival.updatedAt, language) })}
              </Text>
            </Stack>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(true)}
                aria-label={t('arrival.legs.againLabel', { leg: name })}
              >
                {t('arrival.again')}
              </Button>
            )}
          </Group>
        )}
        {open && (
          <ArrivalForm
            batch={batch}
            leg={leg}
            legName={name}
            arrival={arrival}
            initial={arrival ? wallTimeOf(arrival.arrivedAt) : suggestedArrival(planned, new Date().toISOString())}
            onDone={() => setEditing(false)}
          />
        )}
      </Stack>
    </Paper>
  );
}

interface ArrivalFormProps {
  batch: Batch;
  leg: Leg;
  legName: string;
  arrival: Arrival | null;
  initial: { date: string; time: string };
  onDone: () => void;
}

function ArrivalForm({ batch, leg, legName, arrival, initial, onDone }: ArrivalFormProps) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const form = useForm<ArrivalValues>({
    mode: 'controlled',
    initialValues: {
      date: initial.date,
      time: initial.time,
      place: arrival ? arrival.place : leg.to,
      note: arrival?.note ?? '',
    },
  });
  const submit = form.onSubmit(async (values) => {
    const typed = wallTimeProblems(values);
    const at = instantOf(values);
    if (at === null) {
      form.setErrors({
        ...(typed.date ? { date: t(typed.date) } : {}),
        ...(typed.time ? { time: t(typed.time) } : {}),
      });
      return;
    }
    setSaving(true);
    const saved = await saveFromForm(
      () => recordArrival(batch.id, leg.id, { arrivedAt: at, place: values.place, note: values.note }),
      showProblemsIn(form.setErrors, FIELDS, { arrivedAt: 'time' }),
      t,
    );
    setSaving(false);
    if (!saved) return;
    notifications.show({ color: 'teal', message: t('arrival.legs.saved', { leg: legName }) });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('arrival.legs.formLabel', { leg: legName })}>
      <Group align="flex-start" gap="sm">
        <WallTimeFields
          dateLabel={t('arrival.fields.arrivalDate')}
          timeLabel={t('arrival.fields.arrivalTime')}
          date={form.values.date}
          time={form.values.time}
          onDateChange={(date) => form.setFieldValue('date', date)}
          onTimeChange={(time) => form.setFieldValue('time', time)}
          dateError={form.errors.date as string | undefined}
          timeError={form.errors.time as string | undefined}
        />
        <TextInput label={t('arrival.fields.place')} w={220} {...form.getInputProps('place')} />
        <TextInput
          label={t('arrival.fields.note')}
          style={{ flex: 1, minWidth: 180 }}
          {...form.getInputProps('note')}
        />
      </Group>
      <Group justify="flex-end" gap="xs" mt="xs">
        {arrival && (
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" loading={saving}>
          {t('arrival.legs.save')}
        </Button>
      </Group>
    </form>
  );
}
