import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInterval } from '@mantine/hooks';
import { IconAlertTriangle, IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@shared/domain/problems';
import type { Batch, HealthCheck, Settings } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import { readTemperature } from '@shared/health';
import { shownResidentId } from '@shared/privacy/anonymise';
import type { SavedHealthCheck } from '../../db';
import { useLanguage } from '../../i18n/use-language';
import { CheckHistoryPanel } from './CheckHistoryPanel';
import { ConflictAlert } from './ConflictAlert';
import { FindingsFields } from './FindingsFields';
import { STATE_COLOR } from './PassengerLists';
import { ReadingFields } from './ReadingFields';
import { RecheckNotice } from './RecheckNotice';
import { VerdictPanel } from './VerdictPanel';
import { checkTimeOf, judgementOf, valuesFrom, type CheckMode, type CheckValues } from './check-values';
import { healthProblemMessage, seatsText } from './station-text';
import { useCheckSave } from './use-check-save';
import type { StationRow } from './use-station';

interface CheckFormProps {
  /** The passenger, live: their state and checks follow other stations' saves. */
  row: StationRow;
  /** The batch, for the seats. */
  batch: Batch;
  /** True once the batch has departed: nothing can be saved. */
  locked: boolean;
  /** The fever threshold, recheck interval and validity window. */
  settings: Settings;
  /** The examiner of the last check, kept from one passenger to the next (the operator at first). */
  examiner: string;
  /** Called when the examiner's name is changed, so that the next check keeps it. */
  onExaminerChange: (examiner: string) => void;
  /** Called after a save with what was stored, or with null when the examiner gives up. */
  onDone: (saved: SavedHealthCheck | null) => void;
}

/**
 * The check of one passenger: temperature, time, symptoms, health code, contact, examiner and note,
 * with the verdict computed as it is typed, shown big in colour and words. Enter saves (and the
 * page returns to the search field), Esc gives up. A check that another station saved meanwhile is
 * shown, and nothing typed here is lost. The latest check can be corrected, with a reason.
 */
export function CheckForm({ row, batch, locked, settings, examiner, onExaminerChange, onDone }: CheckFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { worker, assignment, health } = row;
  // The latest check as this station saw it when the form opened: a save is refused if another
  // station saved one since (see HealthCheckConflictError); it does not follow live changes.
  const [seen, setSeen] = useState<HealthCheck | null>(health.latest);
  const [mode, setMode] = useState<CheckMode>({ kind: 'new' });
  const [now, setNow] = useState(() => new Date().toISOString());
  const interval = useInterval(() => setNow(new Date().toISOString()), 10_000);
  const temperatureRef = useRef<HTMLInputElement>(null);
  const pending = mode.kind === 'new' && seen?.result === 'recheck' ? seen : null;
  const describe = (problem: FieldProblem) => healthProblemMessage(problem, t, language);

  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  useEffect(() => {
    temperatureRef.current?.focus();
  }, [mode]);

  const form = useForm<CheckValues>({
    mode: 'controlled',
    // A recheck starts from what was found at the first reading; the temperature is new.
    initialValues: valuesFrom(pending, examiner, false),
    validate: {
      temperature: (value) => {
        const read = readTemperature(value);
        return read.ok ? null : describe({ field: 'temperatureC', ...read.problem });
      },
      time: (value) => (mode.kind === 'new' && checkTimeOf(value, now) === null ? t('health.form.timeInvalid') : null),
      examiner: (value) => (value.trim() === '' ? t('problems.required') : null),
      reason: (value) =>
        mode.kind === 'correct' && value.trim() === '' ? t('health.problems.correction-reason-required') : null,
    },
  });
  const judgement = judgementOf(form.getValues(), mode, pending, now, settings);
  const { save, conflict, setConflict, general, setGeneral } = useCheckSave({
    form,
    mode,
    batchId: batch.id,
    workerId: worker.id,
    describe,
    onSaved: onDone,
    focusTemperature: () => temperatureRef.current?.focus(),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      // Enter saves from every field, toggles included: gloved hands press the biggest key.
      event.preventDefault();
      // While a conflict is shown, the examiner decides by its buttons: Enter in the form saves nothing.
      if (!locked && conflict === null) void save(seen?.id ?? null);
    }
  };

  const startCorrection = (check: HealthCheck) => {
    setMode({ kind: 'correct', check });
    setConflict(null);
    setGeneral(null);
    form.setValues(valuesFrom(check, examiner, true));
    form.clearErrors();
  };

  const seats = seatsText(assignment.seats, batch, language);
  const title =
    mode.kind === 'correct'
      ? t('health.form.correctionTitle', { name: worker.name, at: formatTimestamp(mode.check.checkedAt, language) })
      : t('health.form.title', { name: worker.name });

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="check-form"
      data-worker-id={worker.id}
      data-mode={mode.kind}
      onKeyDown={(event) => {
        // Esc gives up from anywhere in the check, the conflict's buttons included.
        if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          onDone(null);
        }
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} fz={30}>
              {title}
            </Title>
            <Text fz={18} ff="monospace">
              {t('health.form.residentId', { id: shownResidentId(worker.residentId) })}
            </Text>
            <Text fz={18}>{t('health.form.seat', { seats: seats || t('health.form.noSeat') })}</Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Badge size="xl" tt="none" variant="light" color={STATE_COLOR[health.state]} data-testid="form-state">
              {t('health.form.current', { state: t(`health.state.${health.state}`) })}
            </Badge>
            {health.state === 'expired' && health.window && health.window !== 'valid' && (
              <Text fz={16} c="grape.8" data-testid="expired-why">
                {t(`health.expiredWhy.${health.window}`, { hours: settings.checkValidityHours })}
              </Text>
            )}
          </Stack>
        </Group>

        {pending && <RecheckNotice pending={pending} recheckIntervalMinutes={settings.recheckIntervalMinutes} />}

        {conflict && (
          <ConflictAlert
            name={worker.name}
            conflict={conflict}
            onKeepTheirs={() => onDone(null)}
            onSaveMine={() => {
              const latest = conflict.latest;
              setSeen(latest);
              setConflict(null);
              if (mode.kind === 'correct') {
                if (latest) startCorrection(latest);
              } else void save(latest?.id ?? null);
            }}
          />
        )}

        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!locked && conflict === null) void save(seen?.id ?? null);
          }}
          onKeyDown={onKeyDown}
          noValidate
        >
          <Stack gap="sm">
            <ReadingFields
              form={form}
              withTime={mode.kind === 'new'}
              temperatureRef={temperatureRef}
              onExaminerChange={onExaminerChange}
            />
            <FindingsFields form={form} />

            <TextInput label={t('health.form.note')} size="md" {...form.getInputProps('note')} />
            {mode.kind === 'correct' && (
              <TextInput label={t('health.form.reason')} size="lg" withAsterisk {...form.getInputProps('reason')} />
            )}

            <VerdictPanel judgement={judgement} />

            {general && (
              <Alert color="red" icon={<IconAlertTriangle size={22} />} role="alert" data-testid="form-problem">
                <Text fz={18}>{general}</Text>
              </Alert>
            )}

            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('health.form.keys')}
              </Text>
              <Group>
                <Button
                  type="button"
                  size="lg"
                  variant="default"
                  leftSection={<IconX size={20} />}
                  onClick={() => onDone(null)}
                >
                  {t('health.form.cancel')}
                </Button>
                <Button
                  type="submit"
                  size="xl"
                  disabled={locked || conflict !== null}
                  leftSection={<IconDeviceFloppy size={24} />}
                >
                  {t(mode.kind === 'correct' ? 'health.form.saveCorrection' : 'health.form.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>

        <CheckHistoryPanel
          batchId={batch.id}
          workerId={worker.id}
          workerName={worker.name}
          latest={health.latest}
          canCorrect={!locked && mode.kind === 'new'}
          onCorrect={startCorrection}
        />
      </Stack>
    </Paper>
  );
}
