import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONTACT_METHODS, CONTACT_NEEDS, type CalendarDate, type Contact, type Settings } from '@shared/domain/records';
import { formatCalendarDate } from '@shared/dates';
import type { DueRow } from '@shared/followup/due';
import {
  correctContact,
  followUpsOfWorker,
  logContact,
  RecordRejectedError,
  useRepositoryQuery,
  type StoredContact,
} from '../../db';
import { DateField } from '../../components/DateField';
import { problemMessages } from '../../components/field-problems';
import { writeFailureMessage } from '../../components/write-failure';
import { EXACT_NUMBER } from '../../components/exact-number';
import { useLanguage } from '../../i18n/use-language';
import { logger } from '../../logger';
import { ContactHistory } from './ContactHistory';
import {
  contactInputOf,
  newContactValues,
  OUTCOME_KEYS,
  outcomeOfKey,
  valuesOfContact,
  type ContactValues,
} from './contact-values';

type Mode = { kind: 'new' } | { kind: 'correct'; contact: Contact };

/** A repository field that the form shows under another name. */
const FIELD_OF: Readonly<Record<string, keyof ContactValues>> = { correctionReason: 'reason' };

/** How long a save runs before its button shows that it is saving. */
const SLOW_SAVE_MS = 200;

/** Fields into which a digit is typed, not taken as an outcome. */
function typesText(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type);
}

interface ContactFormProps {
  row: DueRow;
  /** Counts each opening: a new one starts a new contact, whoever it is for. */
  opening: number;
  settings: Settings;
  today: CalendarDate;
  /** Called with what was stored (a new contact or a correction, and its follow-up), or null when closed. */
  onDone: (stored: StoredContact | null) => void;
}

/**
 * The contact with one worker (issue 17, item 5), keyboard first as the health station: the form
 * opens on the outcome, a digit chooses it (1 in post … 5 not reached), every other field is
 * optional, Enter saves from anywhere and Esc closes. Beside it, the schedule's points and the
 * contacts so far; a contact is corrected by a new one with a reason (correctContact).
 *
 * The form stays on screen from one person to the next and starts afresh at each opening, rather
 * than being drawn anew: after a save the next person's form is up sooner (issue 17, timed).
 */
export function ContactForm({ row, opening, settings, today, onDone }: ContactFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<Mode>({ kind: 'new' });
  const [general, setGeneral] = useState<string | null>(null);
  const saving = useRef(false);
  const [slow, setSlow] = useState(false);
  const outcomeRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const history = useRepositoryQuery(() => followUpsOfWorker(row.workerId), [row.workerId]);
  const contacts = history?.find((entry) => entry.followUp.id === row.followUpId)?.contacts ?? [];

  const assigned = settings.staff.find((member) => member.id === row.staffId)?.name;
  const by = assigned ?? settings.operatorName;
  const form = useForm<ContactValues>({
    mode: 'controlled',
    initialValues: newContactValues(today, by),
    validate: {
      outcome: (value) => (value === '' ? t('followup.form.outcomeRequired') : null),
      reason: (value) =>
        mode.kind === 'correct' && value.trim() === '' ? t('problems.correction-reason-required') : null,
    },
  });

  // A new opening: a new contact, started while this render runs (React's way to reset state on a prop).
  const [shownOpening, setShownOpening] = useState(opening);
  if (shownOpening !== opening) {
    setShownOpening(opening);
    setMode({ kind: 'new' });
    setGeneral(null);
    form.setValues(newContactValues(today, by));
    form.clearErrors();
  }

  useEffect(() => {
    if (mode.kind === 'correct') reasonRef.current?.focus();
    else outcomeRef.current?.focus();
  }, [mode]);

  const save = async () => {
    if (saving.current) return;
    // Checked without drawing the form again when it is fine: a save that redraws the whole form
    // before IndexedDB answers waits for the drawing (issue 17, timed).
    if (!form.isValid()) {
      form.validate();
      if (form.getValues().outcome === '') outcomeRef.current?.focus();
      return;
    }
    if (Object.keys(form.errors).length > 0) form.clearErrors();
    // The form's own values: Enter may come before the last keystroke re-rendered.
    const values = form.getValues();
    setGeneral(null);
    saving.current = true;
    // The button says "saving" only for a save that takes long enough to be seen waiting.
    const slowly = setTimeout(() => setSlow(true), SLOW_SAVE_MS);
    try {
      const saved =
        mode.kind === 'correct'
          ? await correctContact(mode.contact.id, contactInputOf(values, mode.contact.enterpriseId), values.reason)
          : await logContact(row.followUpId, contactInputOf(values));
      onDone(saved);
    } catch (error) {
      if (error instanceof RecordRejectedError) {
        const messages = problemMessages(error.problems, t);
        const placed: Record<string, string> = {};
        const others: string[] = [];
        for (const [field, message] of Object.entries(messages)) {
          const name = FIELD_OF[field] ?? field;
          if (name in values) placed[name] = message;
          else others.push(message);
        }
        form.setErrors(placed);
        if (others.length > 0) setGeneral(others.join(' '));
      } else {
        logger.error('saving a contact failed', error);
        setGeneral(writeFailureMessage(error, t));
      }
    } finally {
      clearTimeout(slowly);
      saving.current = false;
      setSlow(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      void save();
      return;
    }
    if (!event.ctrlKey && !event.altKey && !event.metaKey && !typesText(event.target)) {
      const outcome = outcomeOfKey(event.key);
      if (outcome) {
        event.preventDefault();
        form.setFieldValue('outcome', outcome);
      }
    }
  };

  const startCorrection = (contact: Contact) => {
    setMode({ kind: 'correct', contact });
    setGeneral(null);
    form.setValues(valuesOfContact(contact));
    form.clearErrors();
  };

  const values = form.getValues();
  const methods = CONTACT_METHODS.filter(
    (method) => method !== 'enterprise-verification' || values.method === 'enterprise-verification',
  );
  const staffNames = [...new Set([by, ...settings.staff.filter((member) => member.active).map((m) => m.name)])];
  const title =
    mode.kind === 'correct'
      ? t('followup.form.correctionTitle', { name: row.name, date: formatCalendarDate(mode.contact.date, language) })
      : t('followup.form.title', { name: row.name });
  const dateProps = (field: 'date' | 'startedOn' | 'leftOn' | 'nextDate') => {
    const props = form.getInputProps(field);
    return { ...props, value: form.getValues()[field], onChange: (next: string) => form.setFieldValue(field, next) };
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="contact-form"
      data-worker-id={row.workerId}
      data-mode={mode.kind}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          onDone(null);
        }
      }}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
            onKeyDown={onKeyDown}
            noValidate
          >
            <Stack gap="sm">
              <Stack gap={2}>
                <Title order={3}>{title}</Title>
                <Text size="sm" c="dimmed">
                  {t('followup.form.details', {
                    village: [row.township, row.village].filter(Boolean).join(''),
                    phone: row.phone,
                    enterprise: row.enterpriseName,
                    batch: row.batchName,
                    handedOver: formatCalendarDate(row.handedOverOn, language),
                  })}
                </Text>
              </Stack>

              <Stack gap={4}>
                <Text fw={500} size="sm" id="outcome-label">
                  {t('followup.form.outcome')}
                </Text>
                <Group gap="xs" role="radiogroup" aria-labelledby="outcome-label">
                  {OUTCOME_KEYS.map((outcome, index) => {
                    const chosen = values.outcome === outcome;
                    return (
                      <UnstyledButton
                        key={outcome}
                        ref={index === 0 ? outcomeRef : undefined}
                        role="radio"
                        aria-checked={chosen}
                        data-outcome={outcome}
                        onClick={() => form.setFieldValue('outcome', outcome)}
                        px="md"
                        py={8}
                        style={{
                          borderRadius: 8,
                          border: `2px solid var(--mantine-color-${chosen ? 'blue-6' : 'gray-4'})`,
                          background: chosen ? 'var(--mantine-color-blue-0)' : undefined,
                          fontSize: 17,
                        }}
                      >
                        <Text component="span" ff="monospace" c="dimmed" mr={6}>
                          {index + 1}
                        </Text>
                        {t(`followup.outcome.${outcome}`)}
                      </UnstyledButton>
                    );
                  })}
                </Group>
                {form.errors.outcome && (
                  <Text size="sm" c="red" role="alert" data-testid="outcome-error">
                    {form.errors.outcome}
                  </Text>
                )}
              </Stack>

              <SimpleGrid cols={3}>
                <DateField label={t('followup.form.date')} maxDate={today} {...dateProps('date')} />
                <Select
                  label={t('followup.form.method')}
                  data={methods.map((method) => ({ value: method, label: t(`followup.method.${method}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('method')}
                />
                <Select
                  label={t('followup.form.by')}
                  data={staffNames.includes(values.by) ? staffNames : [values.by, ...staffNames]}
                  searchable
                  allowDeselect={false}
                  {...form.getInputProps('by')}
                />
              </SimpleGrid>
              <SimpleGrid cols={4}>
                <TextInput label={t('followup.form.employerName')} {...form.getInputProps('employerName')} />
                <TextInput label={t('followup.form.employerCity')} {...form.getInputProps('employerCity')} />
                <DateField label={t('followup.form.startedOn')} maxDate={today} {...dateProps('startedOn')} />
                <DateField label={t('followup.form.leftOn')} maxDate={today} {...dateProps('leftOn')} />
              </SimpleGrid>
              <SimpleGrid cols={2}>
                <TextInput label={t('followup.form.leftReason')} {...form.getInputProps('leftReason')} />
                <NumberInput
                  label={t('followup.form.monthlyIncome')}
                  {...EXACT_NUMBER}
                  min={0}
                  {...form.getInputProps('monthlyIncome')}
                />
              </SimpleGrid>
              <Checkbox.Group
                label={t('followup.form.needs')}
                value={values.needs}
                onChange={(next) => form.setFieldValue('needs', next)}
                error={form.errors.needs}
              >
                <Group gap="md" mt={4}>
                  {CONTACT_NEEDS.map((need) => (
                    <Checkbox key={need} value={need} label={t(`followup.need.${need}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <SimpleGrid cols={3}>
                <TextInput label={t('followup.form.difficulties')} {...form.getInputProps('difficulties')} />
                <TextInput label={t('followup.form.action')} {...form.getInputProps('action')} />
                <DateField
                  label={t('followup.form.nextDate')}
                  placeholder={t('followup.form.nextDateHint')}
                  minDate={today}
                  {...dateProps('nextDate')}
                />
              </SimpleGrid>
              {mode.kind === 'correct' && (
                <TextInput
                  ref={reasonRef}
                  label={t('followup.form.reason')}
                  withAsterisk
                  {...form.getInputProps('reason')}
                />
              )}

              {general && (
                <Alert color="red" icon={<IconAlertTriangle size={20} />} role="alert" data-testid="form-problem">
                  {general}
                </Alert>
              )}

              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('followup.form.keys')}
                </Text>
                <Group>
                  <Button
                    type="button"
                    variant="default"
                    leftSection={<IconX size={18} />}
                    onClick={() => onDone(null)}
                  >
                    {t('followup.form.cancel')}
                  </Button>
                  <Button type="submit" size="md" loading={slow} leftSection={<IconDeviceFloppy size={20} />}>
                    {t(mode.kind === 'correct' ? 'followup.form.saveCorrection' : 'followup.form.save')}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ContactHistory
            handedOverOn={row.handedOverOn}
            contacts={contacts}
            contactDays={settings.contactDays}
            onCorrect={mode.kind === 'new' ? startCorrection : null}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
