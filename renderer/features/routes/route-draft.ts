/**
 * The route form's own shape: times as the clock times people read off a timetable (a time of day
 * and the day it falls on), read back into the route the repository takes, with the problems only
 * the form can see. Pure: no React, no database.
 */
import type { TFunction } from 'i18next';
import type { Leg, LegMode, Route } from '@shared/domain/records';
import {
  DEFAULT_ASSEMBLY_LEAD_MINUTES,
  assemblyLead,
  checkRoute,
  legArrivalMinutes,
  type RouteInput,
} from '@shared/domain/route-rules';
import { clockTime, minutesOfClockTime } from '@shared/dates';
import { numberFrom, problemMessages, type NumberFieldValue } from '../../components/field-problems';
import { stopsText } from './route-texts';

const MINUTES_PER_DAY = 1440;

/** The day offsets a leg may depart on (the batch date and the two after it) and arrive on. */
export const DEPARTURE_DAYS = ['0', '1', '2'];
export const ARRIVAL_DAYS = ['0', '1', '2', '3', '4'];

export interface LegDraft {
  id: string;
  mode: LegMode;
  from: string;
  to: string;
  departureTime: string;
  /** Days after the batch date, as the select holds it: '0' is the batch date. */
  departureDay: string;
  arrivalTime: string;
  arrivalDay: string;
  distanceKm: NumberFieldValue;
  /** Stops separated by commas or 、, as typed. */
  stops: string;
}

export interface PickupDraft {
  id: string;
  county: string;
  place: string;
  /**
   * The clock time people are told to be there; the stored lead is reckoned from the first departure.
   * Blank: {@link DEFAULT_ASSEMBLY_LEAD_MINUTES} before it. A time after the first departure and
   * before the first leg arrives is a stop along the route.
   */
  assemblyTime: string;
}

export interface RouteDraft {
  name: string;
  legs: LegDraft[];
  pickupPoints: PickupDraft[];
}

/** A problem the form finds before the domain rules can: its message key is complete. */
export interface DraftProblem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** A new leg after `previous`: it starts where that one ended, on the day it arrived. */
export const newLeg = (previous: LegDraft | undefined): LegDraft => ({
  id: crypto.randomUUID(),
  // Point-to-point itineraries alternate: village coach, train, shuttle coach.
  mode: previous ? (previous.mode === 'coach' ? 'train' : 'coach') : 'coach',
  from: previous?.to ?? '',
  to: '',
  departureTime: '',
  departureDay: previous?.arrivalDay ?? '0',
  arrivalTime: '',
  arrivalDay: previous?.arrivalDay ?? '0',
  distanceKm: '',
  stops: '',
});

/** The first leg's departure as typed, in minutes after midnight of the batch date; NaN while unreadable. */
export function firstDepartureOf(draft: Pick<RouteDraft, 'legs'>): number {
  const first = draft.legs[0];
  if (!first) return NaN;
  const clock = minutesOfClockTime(first.departureTime);
  return clock === null ? NaN : clock + Number(first.departureDay) * MINUTES_PER_DAY;
}

/** The assembly time a pickup point gets when none is typed: the usual lead before the first departure. */
export function defaultAssemblyTime(draft: Pick<RouteDraft, 'legs'>): string {
  const first = firstDepartureOf(draft);
  return Number.isFinite(first) ? clockTime(first - DEFAULT_ASSEMBLY_LEAD_MINUTES).time : '';
}

/** A new pickup point, its assembly time filled in from the first departure when that is known. */
export const newPickup = (draft: Pick<RouteDraft, 'legs'> = { legs: [] }): PickupDraft => ({
  id: crypto.randomUUID(),
  county: '',
  place: '',
  assemblyTime: defaultAssemblyTime(draft),
});

/** The draft of a new route: one empty leg, no pickup point. */
export const emptyDraft = (): RouteDraft => ({ name: '', legs: [newLeg(undefined)], pickupPoints: [] });

/** A stored route as the form shows it. */
export function draftOf(route: Route, t: TFunction): RouteDraft {
  const firstDeparture = route.legs[0]?.departureMinutes ?? 0;
  return {
    name: route.name,
    legs: route.legs.map((leg) => {
      const departure = clockTime(leg.departureMinutes);
      const arrival = clockTime(legArrivalMinutes(leg));
      return {
        id: leg.id,
        mode: leg.mode,
        from: leg.from,
        to: leg.to,
        departureTime: departure.time,
        departureDay: String(departure.dayOffset),
        arrivalTime: arrival.time,
        arrivalDay: String(arrival.dayOffset),
        distanceKm: leg.distanceKm,
        stops: stopsText(leg.stops, t),
      };
    }),
    pickupPoints: route.pickupPoints.map((point) => ({
      id: point.id,
      county: point.county,
      place: point.place,
      assemblyTime: clockTime(firstDeparture - point.minutesBeforeDeparture).time,
    })),
  };
}

const splitStops = (text: string): string[] =>
  text
    .split(/[,，、;；]/)
    .map((stop) => stop.trim())
    .filter((stop) => stop !== '');

/** Minutes of a typed clock time on a day offset, or a problem with it. */
function readTime(text: string, day: string, field: string): { minutes: number; problem: DraftProblem | null } {
  if (text.trim() === '') return { minutes: NaN, problem: { field, key: 'problems.required' } };
  const clock = minutesOfClockTime(text);
  if (clock === null) return { minutes: NaN, problem: { field, key: 'routes.problems.time-format' } };
  return { minutes: clock + Number(day) * MINUTES_PER_DAY, problem: null };
}

/**
 * The route the draft describes, as the repository takes it, and the problems only the form can
 * see (a time that is not a time, an arrival before its departure). Unreadable values become NaN,
 * so that the domain rules refuse them too.
 */
export function readDraft(draft: RouteDraft): { input: RouteInput; problems: DraftProblem[]; durations: number[] } {
  const problems: DraftProblem[] = [];
  const durations: number[] = [];
  const legs: Leg[] = draft.legs.map((leg, index) => {
    const departure = readTime(leg.departureTime, leg.departureDay, `legs.${index}.departureTime`);
    const arrival = readTime(leg.arrivalTime, leg.arrivalDay, `legs.${index}.arrivalTime`);
    if (departure.problem) problems.push(departure.problem);
    if (arrival.problem) problems.push(arrival.problem);
    else if (arrival.minutes <= departure.minutes) {
      problems.push({ field: `legs.${index}.arrivalTime`, key: 'routes.problems.arrival-not-after-departure' });
    }
    const duration = arrival.minutes - departure.minutes;
    durations.push(duration);
    return {
      id: leg.id,
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
      departureMinutes: departure.minutes,
      durationMinutes: duration,
      distanceKm: numberFrom(leg.distanceKm),
      stops: splitStops(leg.stops),
    };
  });
  const firstDeparture = legs[0]?.departureMinutes ?? NaN;
  const firstLegMinutes = Number.isFinite(durations[0]) && (durations[0] ?? 0) > 0 ? (durations[0] ?? 0) : 0;
  const pickupPoints = draft.pickupPoints.map((point, index) => {
    const field = `pickupPoints.${index}.assemblyTime`;
    // Not typed: the usual lead before the first departure, whatever that departure becomes.
    if (point.assemblyTime.trim() === '') {
      return {
        id: point.id,
        county: point.county,
        place: point.place,
        minutesBeforeDeparture: DEFAULT_ASSEMBLY_LEAD_MINUTES,
      };
    }
    const assembly = readTime(point.assemblyTime, '0', field);
    let lead = NaN;
    if (assembly.problem) problems.push(assembly.problem);
    else if (!Number.isFinite(firstDeparture))
      problems.push({ field, key: 'routes.problems.assembly-needs-departure' });
    else {
      const reckoned = assemblyLead(firstDeparture, assembly.minutes, firstLegMinutes);
      lead = reckoned.minutesBeforeDeparture;
      if (!reckoned.inWindow) {
        problems.push({
          field,
          key: 'routes.problems.assembly-out-of-window',
          params: {
            departure: clockTime(firstDeparture).time,
            arrival: firstLegMinutes > 0 ? clockTime(firstDeparture + firstLegMinutes).time : '—',
          },
        });
      }
    }
    return { id: point.id, county: point.county, place: point.place, minutesBeforeDeparture: lead };
  });
  return { input: { name: draft.name, legs, pickupPoints }, problems, durations };
}

/** The domain names times in minutes; the form shows them as clock times in other fields. */
const FIELD_OF_DOMAIN: readonly [RegExp, string][] = [
  [/^legs\.(\d+)\.departureMinutes$/, 'legs.$1.departureTime'],
  [/^legs\.(\d+)\.durationMinutes$/, 'legs.$1.arrivalTime'],
  [/^pickupPoints\.(\d+)\.minutesBeforeDeparture$/, 'pickupPoints.$1.assemblyTime'],
];

/** The domain's `{ field: message }` under the form's field names; the first message of a field wins. */
export function toFormFields(messages: Record<string, string>): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [field, message] of Object.entries(messages)) {
    const rule = FIELD_OF_DOMAIN.find(([pattern]) => pattern.test(field));
    renamed[rule ? field.replace(rule[0], rule[1]) : field] ??= message;
  }
  return renamed;
}

/** Every problem of the draft, as `{ field: message }`; the form's own problems win over the domain's. */
export function draftMessages(draft: RouteDraft, t: TFunction): Record<string, string> {
  const { input, problems } = readDraft(draft);
  // Name duplicates are checked by the repository on save.
  const messages = toFormFields(problemMessages(checkRoute(input, []), t));
  for (const problem of problems) messages[problem.field] = t(problem.key, problem.params ?? {});
  return messages;
}
