import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconBolt,
  IconCircleCheck,
  IconCircleX,
  IconHourglass,
  IconSquare,
  IconSquareCheck,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTimestamp } from '../../../../shared/dates';
import { BATCH_STATUSES } from '../../../../shared/domain/records';
import type { Batch, BatchStatus, Language, Route, StatusOverride } from '../../../../shared/domain/records';
import {
  CHECKLIST_ITEMS,
  OVERRIDE_REASON_MIN_LENGTH,
  UNIFICATIONS,
  UNIFICATION_LABELS,
  checkStatusStep,
} from '../../../../shared/gate';
import type {
  GateItemReport,
  GateReason,
  GateReasonParams,
  GateReport,
  Light,
  StatusStepCode,
  TickedChecklistItem,
  UnificationReport,
} from '../../../../shared/gate';
import {
  RecordNotFoundError,
  RecordRejectedError,
  batchGate,
  changeBatchStatus,
  getBatch,
  getRoute,
  getSettings,
  isBatchLocked,
  tickItem,
  untickItem,
  useRepositoryQuery,
} from '../../../db';
import { problemMessage } from '../../../components/field-problems';
import { logger } from '../../../logger';

/** Filled badge colours of the lights; the light's name is always written beside the colour. */
const LIGHT_COLORS: Readonly<Record<Light, string>> = { green: 'teal', amber: 'yellow', red: 'red' };

/** How many vehicles a message names before it says "and N more". */
const VEHICLES_PER_REASON = 10;

const LIST_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '、', en: ', ' };

/** Item labels may hold commas themselves ("Masks, thermometers and disinfectant on board"). */
const ITEM_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '、', en: '; ' };

function languageOf(code: string): Language {
  return code === 'en' ? 'en' : 'zh-CN';
}

/** What a reason's message needs besides the reason: the texts, and the batch and route to name legs and vehicles. */
export interface ReasonContext {
  /** Texts in the user's language. */
  t: TFunction;
  /** The user's language, for list separators, times and the checklist table's texts. */
  language: Language;
  /** The batch's legs with their vehicles, to name a vehicle as "05 号车厢（第 2 段）". */
  batch: Pick<Batch, 'legs'>;
  /** The batch's route, to name a leg by its places; null while unknown (the leg is then named by position). */
  route: Pick<Route, 'legs'> | null;
}

function stringsOf(value: GateReasonParams[string] | undefined): readonly string[] {
  return typeof value === 'object' ? value : [];
}

function numberOf(value: GateReasonParams[string] | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function legName(legId: string, context: ReasonContext): string {
  const routeIndex = context.route?.legs.findIndex((leg) => leg.id === legId) ?? -1;
  const leg = context.route?.legs[routeIndex];
  if (leg) return context.t('gate.leg.named', { n: routeIndex + 1, from: leg.from, to: leg.to });
  const batchIndex = context.batch.legs.findIndex((leg) => leg.legId === legId);
  return batchIndex >= 0 ? context.t('gate.leg.numbered', { n: batchIndex + 1 }) : legId;
}

function listOf(shown: readonly string[], count: number, moreKey: string, context: ReasonContext): string {
  const list = shown.join(LIST_SEPARATOR[context.language]);
  return count > shown.length ? context.t(moreKey, { list, count, more: count - shown.length }) : list;
}

function vehicleNames(params: GateReasonParams, context: ReasonContext): string {
  const ids = stringsOf(params.vehicleIds);
  const labels = stringsOf(params.labels);
  const names = (ids.length > 0 ? ids : labels).slice(0, VEHICLES_PER_REASON).map((id, index) => {
    const legIndex = context.batch.legs.findIndex((leg) => leg.vehicles.some((vehicle) => vehicle.id === id));
    const vehicle = context.batch.legs[legIndex]?.vehicles.find((candidate) => candidate.id === id);
    if (!vehicle) return labels[index] ?? id;
    const name =
      vehicle.kind === 'coach' ? vehicle.label : context.t('gate.vehicle.carriage', { label: vehicle.label });
    return context.batch.legs.length > 1 ? context.t('gate.vehicle.onLeg', { vehicle: name, n: legIndex + 1 }) : name;
  });
  return listOf(names, numberOf(params.count, names.length), 'gate.list.moreVehicles', context);
}

function notePrompt(holds: string, language: Language): string {
  for (const item of CHECKLIST_ITEMS) {
    if (item.kind === 'ticked' && item.note?.holds === holds) return item.note.prompt[language];
  }
  return holds;
}

/**
 * A gate reason as a sentence in the user's language: lists of people and vehicles written out
 * (with "等 N 人" when the gate named only the first few), legs named by position and places,
 * times in local time.
 */
export function reasonMessage(reason: GateReason, context: ReasonContext): string {
  const { params, code } = reason;
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  }
  if (params.names !== undefined) {
    const names = stringsOf(params.names);
    values.names = listOf(names, numberOf(params.count, names.length), 'gate.list.morePeople', context);
  }
  if (params.legIds !== undefined) {
    values.legs = stringsOf(params.legIds)
      .map((legId) => legName(legId, context))
      .join(LIST_SEPARATOR[context.language]);
  }
  if (typeof params.legId === 'string') values.leg = legName(params.legId, context);
  if (params.labels !== undefined || params.vehicleIds !== undefined) values.labels = vehicleNames(params, context);
  if (typeof params.holds === 'string') values.prompt = notePrompt(params.holds, context.language);
  for (const key of ['tickedAt', 'firstChangeAt', 'lastChangeAt']) {
    const at = params[key];
    if (typeof at === 'string') values[key] = formatTimestamp(at, context.language);
  }
  return context.t(`gate.reasons.${code}`, values);
}

function itemLabel(key: string, language: Language): string {
  return CHECKLIST_ITEMS.find((item) => item.key === key)?.label[language] ?? key;
}

/** Unmet item keys grouped under their unification, in table order: "统一包车：包车已预订、车辆已消毒". */
function unmetLines(keys: readonly string[], t: TFunction, language: Language): string[] {
  const lines: string[] = [];
  for (const unification of UNIFICATIONS) {
    const labels = CHECKLIST_ITEMS.filter((item) => item.unification === unification && keys.includes(item.key)).map(
      (item) => item.label[language],
    );
    if (labels.length > 0) {
      lines.push(
        t('gate.status.unmetLine', {
          unification: UNIFICATION_LABELS[unification][language],
          items: labels.join(ITEM_SEPARATOR[language]),
        }),
      );
    }
  }
  // Keys no longer in the table (an office's own row, since removed) are still shown as stored.
  const unknown = keys.filter((key) => !CHECKLIST_ITEMS.some((item) => item.key === key));
  if (unknown.length > 0) lines.push(unknown.join(ITEM_SEPARATOR[language]));
  return lines;
}

function stepMessage(code: StatusStepCode, from: BatchStatus, to: BatchStatus, t: TFunction): string {
  const next = BATCH_STATUSES[BATCH_STATUSES.indexOf(from) + 1] ?? from;
  return t(`gate.steps.${code}`, {
    from: t(`batches.status.${from}`),
    to: t(`batches.status.${to}`),
    next: t(`batches.status.${next}`),
    min: OVERRIDE_REASON_MIN_LENGTH,
  });
}

/** Shows why a write failed: the repository's problems in the user's language, or an unexpected error. */
function showWriteError(error: unknown, t: TFunction): void {
  if (error instanceof RecordRejectedError) {
    notifications.show({
      color: 'red',
      message: error.problems.map((problem) => problemMessage(problem, t)).join(' '),
    });
  } else if (error instanceof RecordNotFoundError) {
    notifications.show({ color: 'red', message: t('problems.not-found') });
  } else {
    logger.error('gate write failed', error);
    const message = error instanceof Error ? error.message : String(error);
    notifications.show({ color: 'red', message: t('app.unexpectedError', { message }) });
  }
}

interface GatePanelProps {
  /** The batch whose gate and status are shown. */
  batchId: string;
}

/**
 * The five unifications of a batch with their lights and items, and the batch's status steps: the
 * next step (refused with the reasons and the open items when the gate says no, then forceable
 * with a written reason), the overrides recorded so far, ticks and their withdrawal.
 */
export function GatePanel({ batchId }: GatePanelProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const batch = useRepositoryQuery(async () => (await getBatch(batchId)) ?? null, [batchId]);
  const report = useRepositoryQuery(
    () =>
      batchGate(batchId).catch((error: unknown) => {
        // A deleted batch has no gate; its page says it was deleted.
        if (error instanceof RecordNotFoundError) return null;
        throw error;
      }),
    [batchId],
  );
  const routeId = batch?.routeId;
  const route = useRepositoryQuery(async () => (routeId ? ((await getRoute(routeId)) ?? null) : null), [routeId]);
  const settings = useRepositoryQuery(getSettings, []);
  if (!batch || !report) return null;

  const locked = isBatchLocked(batch.status) || Boolean(batch.deletedAt);
  const context: ReasonContext = { t, language, batch, route: route ?? null };
  const green = report.unifications.filter((unification) => unification.light === 'green').length;

  return (
    <Stack gap="md" data-testid="gate-panel" data-all-green={green === report.unifications.length}>
      <StatusControl batch={batch} report={report} language={language} />
      {batch.overrides.length > 0 && <OverridesNotice overrides={batch.overrides} language={language} />}
      {settings && settings.operatorName.trim() === '' && !locked && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="operator-missing">
          <Group gap="xs">
            <Text size="sm">{t('gate.operator.missing')}</Text>
            <Anchor component={Link} to="/settings" size="sm">
              {t('gate.operator.settings')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <Group justify="space-between">
        <Title order={3}>{t('gate.title')}</Title>
        <Text c="dimmed" size="sm" data-testid="gate-summary">
          {t('gate.summary', { green, total: report.unifications.length })}
        </Text>
      </Group>
      {locked && !batch.deletedAt && (
        <Text c="dimmed" size="sm">
          {t('gate.tick.locked')}
        </Text>
      )}
      {report.unifications.map((unification) => (
        <UnificationCard
          key={unification.unification}
          batchId={batch.id}
          unification={unification}
          context={context}
          locked={locked}
        />
      ))}
    </Stack>
  );
}

interface StatusControlProps {
  /** The batch whose status is shown and moved. */
  batch: Batch;
  /** The batch's gate as it stands. */
  report: GateReport;
  /** The user's language, for item labels. */
  language: Language;
}

/** The current status among all of them, the one button forward, and why it was refused. */
function StatusControl({ batch, report, language }: StatusControlProps) {
  const { t } = useTranslation();
  // The step the user asked for; its refusal is worked out again from the live gate, so it
  // clears itself once the items are fixed and never shows a step from an older status.
  const [asked, setAsked] = useState<{ from: BatchStatus; to: BatchStatus } | null>(null);
  const [busy, setBusy] = useState(false);
  const index = BATCH_STATUSES.indexOf(batch.status);
  const next = BATCH_STATUSES[index + 1] ?? null;
  const status = (value: BatchStatus) => t(`batches.status.${value}`);
  const step = asked && asked.from === batch.status ? checkStatusStep(asked.from, asked.to, report) : null;
  const refusal = step && !step.allowed ? step : null;

  const moveOn = async (to: BatchStatus) => {
    setBusy(true);
    try {
      const result = await changeBatchStatus(batch.id, to);
      if (result.allowed) {
        setAsked(null);
        notifications.show({ color: 'teal', message: t('gate.status.moved', { status: status(to) }) });
      } else {
        setAsked({ from: batch.status, to });
      }
    } catch (error) {
      showWriteError(error, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="batch-status" data-status={batch.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              {t('gate.status.current')}
            </Text>
            <Group gap={6} aria-label={t('gate.status.steps')} role="list">
              {BATCH_STATUSES.map((value, position) => (
                <Group gap={6} key={value} role="listitem" wrap="nowrap">
                  {position > 0 && <IconArrowRight size={14} color="var(--mantine-color-dimmed)" aria-hidden />}
                  <Badge
                    variant={value === batch.status ? 'filled' : 'outline'}
                    color={position <= index ? 'blue' : 'gray'}
                    size={value === batch.status ? 'lg' : 'md'}
                    data-current={value === batch.status}
                    aria-current={value === batch.status ? 'step' : undefined}
                  >
                    {status(value)}
                  </Badge>
                </Group>
              ))}
            </Group>
          </Stack>
          {next ? (
            <Button
              leftSection={<IconArrowRight size={16} />}
              loading={busy}
              onClick={() => void moveOn(next)}
              data-testid="next-status"
            >
              {t('gate.status.next', { status: status(next) })}
            </Button>
          ) : (
            <Text c="dimmed" size="sm">
              {t('gate.status.last')}
            </Text>
          )}
        </Group>
        {refusal && asked && (
          <Alert
            color="red"
            icon={<IconCircleX size={18} />}
            title={t('gate.status.refusedTitle', { status: status(asked.to) })}
            data-testid="status-refused"
          >
            <Stack gap="xs">
              <List size="sm">
                {refusal.reasons.map((code) => (
                  <List.Item key={code}>{stepMessage(code, asked.from, asked.to, t)}</List.Item>
                ))}
              </List>
              {refusal.unmet.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('gate.status.unmetTitle')}
                  </Text>
                  <List size="sm" data-testid="status-unmet">
                    {unmetLines(refusal.unmet, t, language).map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {refusal.canOverride && (
                <Group>
                  <Button
                    color="orange"
                    leftSection={<IconBolt size={16} />}
                    onClick={() =>
                      openForceStep({
                        t,
                        language,
                        batchId: batch.id,
                        from: asked.from,
                        to: asked.to,
                        unmet: refusal.unmet,
                      })
                    }
                  >
                    {t('gate.force.button')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

interface OverridesNoticeProps {
  /** The batch's forced steps, oldest first. */
  overrides: readonly StatusOverride[];
  /** The user's language, for item labels and times. */
  language: Language;
}

/** Every step forced past the gate, with who forced it, when, why, and what was open then. */
function OverridesNotice({ overrides, language }: OverridesNoticeProps) {
  const { t } = useTranslation();
  const status = (value: BatchStatus) => t(`batches.status.${value}`);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t('gate.overrides.title', { count: overrides.length })}
      data-testid="batch-overrides"
    >
      <Stack gap="sm">
        {overrides.map((override, index) => (
          <Box key={index} data-testid="batch-override">
            <Group gap="xs">
              <Text size="sm" fw={700}>
                {t('gate.overrides.step', { from: status(override.from), to: status(override.to) })}
              </Text>
              <Text size="sm">
                {t('gate.overrides.byAt', { by: override.by, at: formatTimestamp(override.at, language) })}
              </Text>
            </Group>
            <Text size="sm">{t('gate.overrides.reason', { reason: override.reason })}</Text>
            <Text size="sm" c="dimmed">
              {override.unmet.length > 0
                ? t('gate.overrides.unmet', {
                    items: override.unmet.map((key) => itemLabel(key, language)).join(ITEM_SEPARATOR[language]),
                  })
                : t('gate.overrides.none')}
            </Text>
          </Box>
        ))}
      </Stack>
    </Alert>
  );
}

interface UnificationCardProps {
  /** The batch the items belong to, for ticking. */
  batchId: string;
  /** The unification with its light and items. */
  unification: UnificationReport;
  /** Texts, language, batch and route for the reasons. */
  context: ReasonContext;
  /** True once ticks can no longer change (the batch departed or was deleted): no tick buttons. */
  locked: boolean;
}

/** One of the five unifications: its name, its light in colour and words, and its items. */
function UnificationCard({ batchId, unification, context, locked }: UnificationCardProps) {
  const { t, language } = context;
  const headingId = `gate-${unification.unification}`;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={headingId}
      data-unification={unification.unification}
      data-light={unification.light}
      style={{ borderLeft: `6px solid var(--mantine-color-${LIGHT_COLORS[unification.light]}-6)` }}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} id={headingId}>
            {UNIFICATION_LABELS[unification.unification][language]}
          </Title>
          <Badge
            size="lg"
            variant="filled"
            autoContrast
            color={LIGHT_COLORS[unification.light]}
            data-light={unification.light}
            leftSection={<LightIcon light={unification.light} />}
          >
            {t(`gate.light.${unification.light}`)}
          </Badge>
        </Group>
        {unification.items.map((item) => (
          <ItemRow key={item.key} batchId={batchId} item={item} context={context} locked={locked} />
        ))}
      </Stack>
    </Card>
  );
}

/** The icon beside a light's name, so the light reads without its colour. */
function LightIcon({ light }: { /** The light to show. */ light: Light }) {
  if (light === 'green') return <IconCircleCheck size={16} aria-hidden />;
  if (light === 'amber') return <IconHourglass size={16} aria-hidden />;
  return <IconCircleX size={16} aria-hidden />;
}

type StateLook = 'met' | 'unmet-derived' | 'unmet-ticked' | 'broken' | 'no-checks-yet';

const STATE_LOOKS: Readonly<Record<StateLook, { color: string; icon: ReactNode }>> = {
  met: { color: 'teal', icon: <IconCircleCheck size={18} aria-hidden /> },
  'unmet-derived': { color: 'red', icon: <IconCircleX size={18} aria-hidden /> },
  'unmet-ticked': { color: 'yellow', icon: <IconSquare size={18} aria-hidden /> },
  broken: { color: 'red', icon: <IconAlertTriangle size={18} aria-hidden /> },
  'no-checks-yet': { color: 'yellow', icon: <IconHourglass size={18} aria-hidden /> },
};

function stateLook(item: GateItemReport): StateLook {
  if (item.state === 'unmet') return item.kind === 'derived' ? 'unmet-derived' : 'unmet-ticked';
  return item.state;
}

interface ItemRowProps {
  /** The batch the item belongs to, for ticking. */
  batchId: string;
  /** The item's state, reasons and deciding tick. */
  item: GateItemReport;
  /** Texts, language, batch and route for the reasons. */
  context: ReasonContext;
  /** True once ticks can no longer change: no tick buttons. */
  locked: boolean;
}

/** One checklist item: state in icon and words, its reasons, its tick, and the tick buttons. */
function ItemRow({ batchId, item, context, locked }: ItemRowProps) {
  const { t, language } = context;
  const row = CHECKLIST_ITEMS.find((candidate) => candidate.key === item.key);
  const label = row?.label[language] ?? item.key;
  const ticked: TickedChecklistItem | null = row?.kind === 'ticked' ? row : null;
  const look = stateLook(item);
  const { color, icon } = STATE_LOOKS[look];
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      data-testid="gate-item"
      data-item={item.key}
      data-state={item.state}
      data-kind={item.kind}
    >
      <ThemeIcon variant="light" color={color} size={28} radius="xl" mt={2}>
        {icon}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs">
          <Text fw={500}>{label}</Text>
          <Badge variant="light" color={color} size="sm">
            {t(`gate.state.${look}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t(`gate.kind.${item.kind}`)}
          </Text>
        </Group>
        {item.reasons.map((reason, index) => (
          <Text size="sm" key={index} c={look === 'met' ? undefined : `${color}.9`} data-reason={reason.code}>
            {reasonMessage(reason, context)}
          </Text>
        ))}
        {item.tick && (
          <Text size="sm" c="dimmed" data-testid="tick-by">
            {t('gate.tick.byAt', { by: item.tick.by, at: formatTimestamp(item.tick.at, language) })}
          </Text>
        )}
        {item.tick && item.tick.note.trim() !== '' && (
          <Text size="sm" data-testid="tick-note">
            {ticked?.note
              ? t('gate.tick.note', { prompt: ticked.note.prompt[language], note: item.tick.note })
              : t('gate.tick.plainNote', { note: item.tick.note })}
          </Text>
        )}
      </Stack>
      {ticked && !locked && (
        <Group gap="xs" wrap="nowrap">
          {item.state !== 'met' && (
            <Button
              size="xs"
              leftSection={<IconSquareCheck size={14} />}
              aria-label={t(item.tick ? 'gate.tick.againLabel' : 'gate.tick.tickLabel', { item: label })}
              onClick={() => startTick({ t, language, batchId, item: ticked })}
            >
              {t(item.tick ? 'gate.tick.again' : 'gate.tick.tick')}
            </Button>
          )}
          {item.tick && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              aria-label={t('gate.tick.untickLabel', { item: label })}
              onClick={() => confirmUntick({ t, language, batchId, item: ticked })}
            >
              {t('gate.tick.untick')}
            </Button>
          )}
        </Group>
      )}
    </Group>
  );
}

interface TickRequest {
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
function startTick(request: TickRequest): void {
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
    .catch((error: unknown) => showWriteError(error, t));
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
      if (error instanceof RecordRejectedError) {
        for (const found of error.problems) {
          if (found.field === 'note') setNoteError(t('gate.tick.noteRequired', { prompt }));
          else setProblem(problemMessage(found, t));
        }
      } else {
        showWriteError(error, t);
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
function confirmUntick(request: TickRequest): void {
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
        .catch((error: unknown) => showWriteError(error, t));
    },
  });
}

interface ForceStepRequest {
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

function openForceStep(request: ForceStepRequest): void {
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
      showWriteError(error, t);
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
