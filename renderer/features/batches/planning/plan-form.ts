/**
 * The planning screen's form as values (what the inputs hold) and its mapping to the options the
 * repository plans from. Pure: no React, so the mapping has a unit test of its own.
 */
import type { FieldProblem } from '@shared/domain/problems';
import { addCalendarDays, calendarDateToDate, formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { POVERTY_STATUSES, type Language, type LegMode, type VehicleKind } from '@shared/domain/records';
import { DEFAULT_MAX_VEHICLES_PER_LEG, type PlannedBatch } from '@shared/planning';
import { TYPICAL_SEAT_COUNTS } from '@shared/seating';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { ProposeBatchesOptions } from '@renderer/db';
import { numberFrom, type NumberFieldValue } from '@renderer/components/field-problems';

/** The vehicle type of one leg as the form holds it. */
export interface LegChoiceValues {
  kind: VehicleKind;
  seatCount: NumberFieldValue;
  maxVehicles: NumberFieldValue;
}

/** The screen's choices; the paths match `ProposeBatchesOptions`, so a refusal shows beside its input. */
export interface PlanFormValues {
  counties: string[];
  villages: string[];
  cities: string[];
  enterpriseIds: string[];
  povertyStatuses: string[];
  firstDate: string;
  lastDate: string;
  /** In order of preference: the order they were chosen in. */
  routeIds: string[];
  /** Route id → leg id → vehicle type; kept when a route is unchosen, so choosing it again keeps the choice. */
  vehicles: Record<string, Record<string, LegChoiceValues>>;
  batchesPerDay: Record<string, NumberFieldValue>;
}

/** The planning form, as its input pieces take it. */
export type PlanForm = UseFormReturnType<PlanFormValues>;

/** The kinds a leg may use: a coach leg coaches, a train leg carriages. */
export const KINDS_FOR: Readonly<Record<LegMode, readonly VehicleKind[]>> = {
  coach: ['coach'],
  train: ['train-second-class', 'train-first-class', 'train-hard-seat'],
};

/** A leg's first choice: its mode's first kind at its typical seats; the coordinator changes them to what was booked. */
export function defaultChoice(mode: LegMode): LegChoiceValues {
  const kind = KINDS_FOR[mode][0] ?? 'coach';
  return { kind, seatCount: TYPICAL_SEAT_COUNTS[kind], maxVehicles: DEFAULT_MAX_VEHICLES_PER_LEG[mode] };
}

/** A charter is booked about a week ahead (as a new batch by hand): plan the week after that. */
export function initialValues(): PlanFormValues {
  const firstDate = addCalendarDays(todayCalendarDate(), 7);
  return {
    counties: [],
    villages: [],
    cities: [],
    enterpriseIds: [],
    povertyStatuses: [],
    firstDate,
    lastDate: addCalendarDays(firstDate, 6),
    routeIds: [],
    vehicles: {},
    batchesPerDay: {},
  };
}

/** What the repository is asked for; only the chosen routes' vehicles and batches a day go along. */
export function optionsOf(values: PlanFormValues): ProposeBatchesOptions {
  const vehicles: ProposeBatchesOptions['vehicles'] = Object.fromEntries(
    values.routeIds.map((routeId) => [
      routeId,
      Object.fromEntries(
        Object.entries(values.vehicles[routeId] ?? {}).map(([legId, choice]) => [
          legId,
          { kind: choice.kind, seatCount: numberFrom(choice.seatCount), maxVehicles: numberFrom(choice.maxVehicles) },
        ]),
      ),
    ]),
  );
  return {
    filter: {
      counties: values.counties,
      villages: values.villages,
      cities: values.cities,
      enterpriseIds: values.enterpriseIds,
      povertyStatuses: POVERTY_STATUSES.filter((status) => values.povertyStatuses.includes(status)),
    },
    firstDate: values.firstDate,
    lastDate: values.lastDate,
    routeIds: values.routeIds,
    vehicles,
    batchesPerDay: Object.fromEntries(
      values.routeIds.map((routeId) => [routeId, numberFrom(values.batchesPerDay[routeId] ?? 1)]),
    ),
  };
}

/** A problem in words: this screen's own codes live under `planning.problems`, the others under `problems`. */
export function problemText(problem: FieldProblem, t: TFunction, exists: (key: string) => boolean): string {
  const own = `planning.problems.${problem.code}`;
  return t(exists(own) ? own : `problems.${problem.code}`, problem.params ?? {});
}

/** The problems as the form shows them: the first problem of each field, by its path. */
export function problemTexts(
  problems: readonly FieldProblem[],
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const problem of problems) texts[problem.field] ??= problemText(problem, t, exists);
  return texts;
}

/** The batch's name in the user's language: route, day and number, e.g. 百色—广州 2月18日 第1批. */
export function batchName(batch: PlannedBatch, routeName: string, t: TFunction, language: Language): string {
  const day = calendarDateToDate(batch.date);
  return t('planning.batchName', {
    route: routeName,
    month: day ? day.getMonth() + 1 : '',
    day: day ? day.getDate() : '',
    date: formatCalendarDate(batch.date, language),
    n: batch.sequence,
  });
}
