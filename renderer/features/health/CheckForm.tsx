import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInterval } from '@mantine/hooks';
import { IconAlertTriangle, IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  Batch,
  HealthCheck,
  HealthCodeColour,
  Language,
  Settings,
  Symptom,
  Timestamp,
} from '../../../shared/domain/records';
import {
  addMinutesToTimestamp,
  formatTimestamp,
  localClockTime,
  localTimestamp,
  minutesOfClockTime,
  todayCalendarDate,
} from '../../../shared/dates';
import {
  HEALTH_CODE_COLOURS,
  SYMPTOMS,
  firstReadingOf,
  formatTemperature,
  judgeCheck,
  readTemperature,
  type Judgement,
} from '../../../shared/health';
import {
  HealthCheckConflictError,
  RecordNotFoundError,
  RecordRejectedError,
  correctHealthCheck,
  saveHealthCheck,
  type SavedHealthCheck,
} from '../../db';
import { logger } from '../../logger';
import { CheckHistoryPanel } from './CheckHistoryPanel';
import { STATE_COLOR } from './PassengerLists';
import { VerdictPanel } from './VerdictPanel';
import { healthProblemMessage, seatsText, temperaturesText } from './station-text';
import type { StationRow } from './use-station';
import { shownResidentId } from '../../../shared/privacy/anonymise';

const CODE_COLOR: Readonly<Record<HealthCodeColour, string>> = { green: 'teal', yellow: 'yellow', red: 'red' };

/** The form's fields, as typed. */
interface CheckValues {
  temperature: string;
  /** `HH:MM` on this computer's clock, or empty for now. */
  time: string;
  symptoms: Symptom[];
  healthCode: HealthCodeColour;
  contact: 'no' | 'yes';
  examiner: string;
  note: string;
  reason: string;
}

/** A new check, or the correction of the passenger's latest one. */
type Mode = { kind: 'new' } | { kind: 'correct'; check: HealthCheck };

/** Which form field shows a problem the repository reported. */
const FIELD_OF: Readonly<Record<string, keyof CheckValues>> = {
  temperatureC: 'temperature',
  checkedAt: 'time',
  examiner: 'examiner',
  reason: 'reason',
};

function valuesFrom(check: HealthCheck | null, examiner: string, withTemperature: boolean): CheckValues {
  return {
    temperature: check && withTemperature ? formatTemperature(check.temperatureC) : '',
    time: '',
    symptoms: check ? [...check.symptoms] : [],
    healthCode: check?.healthCode ?? 'green',
    contact: check?.contactWithConfirmedCase ? 'yes' : 'no',
    examiner: withTemperature && check ? check.examiner : examiner,
    note: withTemperature && check ? check.note : '',
    reason: '',
  };
}

/** The time a new check will carry: the typed clock time today, or now; null when the text is no time. */
function checkTimeOf(text: string, now: Timestamp): Timestamp | null {
  if (text.trim() === '') return now;
  const minutes = minutesOfClockTime(text);
  return minutes === null ? null : localTimestamp(todayCalendarDate(), minutes);
}

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
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { worker, assignment, health } = row;
  // The latest check as this station saw it when the form opened: a save is refused if another
  // station saved one since (see HealthCheckConflictError); it does not follow live changes.
  const [seen, setSeen] = useState<HealthCheck | null>(health.latest);
  const [mode, setMode] = useState<Mode>({ kind: 'new' });
  const [conflict, setConflict] = useState<{ latest: HealthCheck | null } | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date().toISOString());
  const interval = useInterval(() => setNow(new Date().toISOString()), 10_000);
  const temperatureRef = useRef<HTMLInputElement>(null);
  const codeLabel = useId();
  const contactLabel = useId();
  const pending = mode.kind === 'new' && seen?.result === 'recheck' ? seen : null;

  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  useEffect(() => {
    temperatureRef.current?.focus();
  }, [mode]);
  // The examiner decides, by Tab and Enter or Esc: Enter in the form saves nothing meanwhile.
  const keepTheirsRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (conflict) keepTheirsRef.current?.focus();
  }, [conflict]);

  const form = useForm<CheckValues>({
    mode: 'controlled',
    // A recheck starts from what was found at the first reading; the temperature is new.
    initialValues: valuesFrom(pending, examiner, false),
    validate: {
      temperature: (value) => {
        const read = readTemperature(value);
        return read.ok ? null : healthProblemMessage({ field: 'temperatureC', ...read.problem }, t, language);
      },
      time: (value) => (mode.kind === 'new' && checkTimeOf(value, now) === null ? t('health.form.timeInvalid') : null),
      examiner: (value) => (value.trim() === '' ? t('problems.required') : null),
      reason: (value) =>
        mode.kind === 'correct' && value.trim() === '' ? t('health.problems.correction-reason-required') : null,
    },
  });
  const values = form.getValues();

  const judgement: Judgement | null = (() => {
    const read = readTemperature(values.temperature);
    if (!read.ok) return null;
    const findings = {
      temperatureC: read.temperatureC,
      symptoms: values.symptoms,
      healthCode: values.healthCode,
      contactWithConfirmedCase: values.contact === 'yes',
    };
    const policy = {
      feverThresholdC: settings.feverThresholdC,
      recheckIntervalMinutes: settings.recheckIntervalMinutes,
    };
    if (mode.kind === 'correct') {
      const readings = mode.check.readings ?? [];
      const first = readings.length > 1 ? (readings[0] ?? null) : null;
      return judgeCheck(findings, mode.check.checkedAt, first, policy);
    }
    const at = checkTimeOf(values.time, now);
    return at === null ? null : judgeCheck(findings, at, pending ? firstReadingOf(pending) : null, policy);
  })();

  const save = async (seenId: string | null) => {
    if (form.validate().hasErrors) {
      temperatureRef.current?.focus();
      return;
    }
    // The form's own values, not this render's: Enter may come before the last keystroke re-rendered.
    const values = form.getValues();
    const read = readTemperature(values.temperature);
    if (!read.ok) return;
    const findings = {
      temperatureC: read.temperatureC,
      symptoms: values.symptoms,
      healthCode: values.healthCode,
      contactWithConfirmedCase: values.contact === 'yes',
      examiner: values.examiner,
      note: values.note,
    };
    setGeneral(null);
    try {
      const saved =
        mode.kind === 'correct'
          ? await correctHealthCheck(mode.check.id, { ...findings, reason: values.reason })
          : await saveHealthCheck({
              ...findings,
              batchId: batch.id,
              workerId: worker.id,
              seenLatestId: seenId,
              ...(values.time.trim() === ''
                ? {}
                : { checkedAt: checkTimeOf(values.time, new Date().toISOString()) ?? '' }),
            });
      onDone(saved);
    } catch (error) {
      if (error instanceof HealthCheckConflictError) {
        setConflict({ latest: error.latest });
      } else if (error instanceof RecordRejectedError) {
        const errors: Record<string, string> = {};
        const others: string[] = [];
        for (const problem of error.problems) {
          const field = FIELD_OF[problem.field];
          const message = healthProblemMessage(problem, t, language);
          if (field && (field !== 'time' || mode.kind === 'new')) errors[field] ??= message;
          else others.push(message);
        }
        form.setErrors(errors);
        if (others.length > 0) setGeneral(others.join(' '));
        temperatureRef.current?.focus();
      } else if (error instanceof RecordNotFoundError) {
        setGeneral(t('problems.not-found'));
      } else {
        logger.error('saving a health check failed', error);
        setGeneral(t('app.unexpectedError', { message: String(error) }));
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      // Enter saves from every field, toggles included: gloved hands press the biggest key.
      event.preventDefault();
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

  const toggleSymptom = (symptom: Symptom) =>
    form.setFieldValue(
      'symptoms',
      values.symptoms.includes(symptom) ? values.symptoms.filter((s) => s !== symptom) : [...values.symptoms, symptom],
    );

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

        {pending && (
          <Alert color="orange" icon={<IconAlertTriangle size={24} />} data-testid="pending-recheck">
            <Text fz={18}>
              {t('health.form.pendingRecheck', {
                temperature: formatTemperature(firstReadingOf(pending).temperatureC),
                at: localClockTime(firstReadingOf(pending).at),
                from: localClockTime(
                  addMinutesToTimestamp(firstReadingOf(pending).at, settings.recheckIntervalMinutes),
                ),
              })}
            </Text>
          </Alert>
        )}

        {conflict && (
          <Alert color="red" icon={<IconAlertTriangle size={24} />} data-testid="conflict" role="alert">
            <Stack gap="xs">
              <Text fz={20} fw={700}>
                {t('health.conflict.title', { name: worker.name })}
              </Text>
              <Text fz={18} data-testid="conflict-other">
                {conflict.latest
                  ? t('health.conflict.other', {
                      at: formatTimestamp(conflict.latest.checkedAt, language),
                      examiner: conflict.latest.examiner,
                      temperatures: temperaturesText(conflict.latest, t),
                      verdict: t(`health.verdict.${conflict.latest.result}`),
                    })
                  : t('health.conflict.none')}
              </Text>
              <Text fz={16}>{t('health.conflict.kept')}</Text>
              <Group>
                <Button size="md" variant="default" onClick={() => onDone(null)} ref={keepTheirsRef}>
                  {t('health.conflict.keepTheirs')}
                </Button>
                <Button
                  size="md"
                  color="red"
                  onClick={() => {
                    const latest = conflict.latest;
                    setSeen(latest);
                    setConflict(null);
                    if (mode.kind === 'correct') {
                      if (latest) startCorrection(latest);
                    } else void save(latest?.id ?? null);
                  }}
                >
                  {t('health.conflict.saveMine')}
                </Button>
              </Group>
            </Stack>
          </Alert>
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
            <Grid gap="sm">
              <Grid.Col span={5}>
                <TextInput
                  ref={temperatureRef}
                  label={t('health.form.temperature')}
                  placeholder={t('health.form.temperaturePlaceholder')}
                  inputMode="decimal"
                  autoComplete="off"
                  size="xl"
                  styles={{ input: { fontSize: 34, height: 64, fontWeight: 700 }, label: { fontSize: 18 } }}
                  {...form.getInputProps('temperature')}
                />
              </Grid.Col>
              {mode.kind === 'new' && (
                <Grid.Col span={3}>
                  <TextInput
                    label={t('health.form.time')}
                    placeholder={t('health.form.timePlaceholder')}
                    autoComplete="off"
                    size="lg"
                    styles={{ label: { fontSize: 18 } }}
                    {...form.getInputProps('time')}
                  />
                </Grid.Col>
              )}
              <Grid.Col span={mode.kind === 'new' ? 4 : 7}>
                <TextInput
                  label={t('health.form.examiner')}
                  size="lg"
                  styles={{ label: { fontSize: 18 } }}
                  {...form.getInputProps('examiner')}
                  onChange={(event) => {
                    form.setFieldValue('examiner', event.currentTarget.value);
                    onExaminerChange(event.currentTarget.value);
                  }}
                />
              </Grid.Col>
            </Grid>

            <div role="group" aria-label={t('health.form.symptoms')}>
              <Text fz={18} fw={500} mb={4}>
                {t('health.form.symptoms')}
              </Text>
              <SimpleGrid cols={3} spacing="xs">
                {SYMPTOMS.map((symptom) => {
                  const on = values.symptoms.includes(symptom);
                  return (
                    <Button
                      key={symptom}
                      type="button"
                      size="lg"
                      px="xs"
                      variant={on ? 'filled' : 'default'}
                      color={on ? 'red' : undefined}
                      aria-pressed={on}
                      data-symptom={symptom}
                      onClick={() => toggleSymptom(symptom)}
                    >
                      {on ? `✓ ${t(`health.symptoms.${symptom}`)}` : t(`health.symptoms.${symptom}`)}
                    </Button>
                  );
                })}
              </SimpleGrid>
            </div>

            <SimpleGrid cols={2} spacing="sm">
              <div>
                <Text fz={18} fw={500} mb={4} id={codeLabel}>
                  {t('health.form.healthCode')}
                </Text>
                <SegmentedControl
                  fullWidth
                  size="lg"
                  aria-labelledby={codeLabel}
                  color={CODE_COLOR[values.healthCode]}
                  data={HEALTH_CODE_COLOURS.map((colour) => ({
                    value: colour,
                    label: t(`health.healthCode.${colour}`),
                  }))}
                  value={values.healthCode}
                  onChange={(value) =>
                    form.setFieldValue('healthCode', HEALTH_CODE_COLOURS.find((colour) => colour === value) ?? 'green')
                  }
                  data-code={values.healthCode}
                />
              </div>
              <div>
                <Text fz={18} fw={500} mb={4} id={contactLabel}>
                  {t('health.form.contact')}
                </Text>
                <SegmentedControl
                  fullWidth
                  size="lg"
                  aria-labelledby={contactLabel}
                  color={values.contact === 'yes' ? 'red' : 'gray'}
                  data={[
                    { value: 'no', label: t('health.form.contactNo') },
                    { value: 'yes', label: t('health.form.contactYes') },
                  ]}
                  value={values.contact}
                  onChange={(value) => form.setFieldValue('contact', value === 'yes' ? 'yes' : 'no')}
                />
              </div>
            </SimpleGrid>

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
          latest={health.latest}
          canCorrect={!locked && mode.kind === 'new'}
          onCorrect={startCorrection}
        />
      </Stack>
    </Paper>
  );
}
