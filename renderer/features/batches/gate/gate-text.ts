/**
 * The gate in words: its reasons as sentences, the unmet items of a refused step by unification,
 * and the refusals of a status step, in the user's language. Pure (no React), so that the paper
 * cover sheet (documents/paper-gate.ts) prints the same sentences the gate panel shows.
 */
import type { TFunction } from 'i18next';
import { formatTimestamp } from '@shared/dates';
import { BATCH_STATUSES } from '@shared/domain/records';
import type { Batch, BatchStatus, Language, Route } from '@shared/domain/records';
import { CHECKLIST_ITEMS, OVERRIDE_REASON_MIN_LENGTH, UNIFICATIONS, UNIFICATION_LABELS } from '@shared/gate';
import type { GateReason, GateReasonParams, StatusStepCode } from '@shared/gate';

/** How many vehicles a message names before it says "and N more". */
const VEHICLES_PER_REASON = 10;

const LIST_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '、', en: ', ' };

/** Item labels may hold commas themselves ("Masks, thermometers and disinfectant on board"). */
const ITEM_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '、', en: '; ' };

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

/** Item keys as one list of their labels; a key no longer in the table is shown as stored. */
export function itemList(keys: readonly string[], language: Language): string {
  return keys.map((key) => itemLabel(key, language)).join(ITEM_SEPARATOR[language]);
}

/** Unmet item keys grouped under their unification, in table order: "统一包车：包车已预订、车辆已消毒". */
export function unmetLines(keys: readonly string[], t: TFunction, language: Language): string[] {
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

/** Why a status step was refused, naming the step and the status that comes next. */
export function stepMessage(code: StatusStepCode, from: BatchStatus, to: BatchStatus, t: TFunction): string {
  const next = BATCH_STATUSES[BATCH_STATUSES.indexOf(from) + 1] ?? from;
  return t(`gate.steps.${code}`, {
    from: t(`batches.status.${from}`),
    to: t(`batches.status.${to}`),
    next: t(`batches.status.${next}`),
    min: OVERRIDE_REASON_MIN_LENGTH,
  });
}
