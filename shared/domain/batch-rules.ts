/**
 * What makes a batch acceptable (issue 4, "Batches"): a name, a route and a date; escorts and medics
 * with a name and a mobile phone; vehicles on the route's legs that pass the seating checks, each
 * escort in charge of at most one vehicle per leg. The form shows the problems beside their fields
 * and the repository refuses a batch that has any. When travellers are on the road, and whether two
 * batches' journeys overlap, is decided here too: one worker can not ride two at once.
 */
import { beijingTimestamp, calendarDaysBetween, isCalendarDate, millisecondsBetween } from '../dates';
import { BATCH_TEXT_BOUNDS, textProblem, textProblems } from './field-bounds';
import { checkVehicle } from '../seating';
import type { FieldProblem } from './problems';
import { parsePhone } from './phone';
import type { Batch, CalendarDate, Route, StaffMember, Timestamp } from './records';
import { routeTravelMinutes } from './route-rules';
import { SETTINGS_BOUNDS } from './settings-rules';

/** What a coordinator edits on a batch; status, overrides and passengers change by their own actions. */
export type BatchInput = Pick<
  Batch,
  'name' | 'routeId' | 'date' | 'organizer' | 'escorts' | 'medics' | 'legs' | 'notes' | 'loadFactor'
>;

/** A batch's own load factor, when set, lies within the bounds Settings accept (10 % to 100 %). */
export function checkBatchLoadFactor(loadFactor: number | null | undefined): FieldProblem[] {
  if (loadFactor === null || loadFactor === undefined) return [];
  const { min, max } = SETTINGS_BOUNDS.loadFactor;
  return Number.isFinite(loadFactor) && loadFactor >= min && loadFactor <= max
    ? []
    : [{ field: 'loadFactor', code: 'load-factor-range' }];
}

/**
 * Trims what was typed. A load factor left out (undefined) keeps the batch's own, so that a caller
 * editing only vehicles does not clear it; null clears it (the Settings value applies again).
 */
export function normalizeBatchInput(input: BatchInput): BatchInput {
  const staff = (member: StaffMember): StaffMember => {
    const phone = parsePhone(member.phone);
    return { ...member, name: member.name.trim(), phone: phone.ok ? phone.phone : member.phone.trim() };
  };
  const { loadFactor, ...rest } = input;
  return {
    ...rest,
    ...(loadFactor === undefined ? {} : { loadFactor }),
    name: input.name.trim(),
    organizer: input.organizer.trim(),
    notes: input.notes.trim(),
    escorts: input.escorts.map(staff),
    medics: input.medics.map(staff),
    legs: input.legs.map((leg) => ({
      ...leg,
      vehicles: leg.vehicles.map((vehicle) => ({ ...vehicle, label: vehicle.label.trim() })),
    })),
  };
}

/** The batch's texts against their bounds (field-bounds.ts); the staff's names are checked with the staff. */
export function checkBatchTexts(input: Pick<BatchInput, 'name' | 'organizer' | 'notes'>): FieldProblem[] {
  const { name, organizer, notes } = BATCH_TEXT_BOUNDS;
  return textProblems<'name' | 'organizer' | 'notes'>(input, { name, organizer, notes });
}

function checkStaff(members: readonly StaffMember[], list: 'escorts' | 'medics'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  members.forEach((member, index) => {
    if (member.name.trim() === '') problems.push({ field: `${list}.${index}.name`, code: 'required' });
    else {
      const long = textProblem(`${list}.${index}.name`, member.name, BATCH_TEXT_BOUNDS.staffName);
      if (long) problems.push(long);
    }
    const phone = member.phone.trim();
    if (phone === '') problems.push({ field: `${list}.${index}.phone`, code: 'required' });
    else if (!parsePhone(phone).ok) problems.push({ field: `${list}.${index}.phone`, code: 'phone-invalid' });
  });
  return problems;
}

export interface BatchCheckOptions {
  /**
   * For a new batch: today's Beijing calendar date, before which it may not leave (`date-past`).
   * Absent for a batch already stored, whose date may well be past (its history is edited after it
   * travelled); the form warns about a past date instead ({@link pastDateWarning}).
   */
  newOn?: CalendarDate;
}

/**
 * A word for a batch dated before `today` (Beijing calendar), or null. Only a warning: a batch that
 * has travelled keeps its date and is still edited afterwards (escorts' phones, notes), so a past
 * date must not block its form; a new batch, which can not leave yesterday, is refused instead
 * ({@link BatchCheckOptions.newOn}).
 */
export function pastDateWarning(date: string, today: CalendarDate): FieldProblem | null {
  if (!isCalendarDate(date) || date >= today) return null;
  return { field: 'date', code: 'date-past-warning', params: { count: calendarDaysBetween(date, today) } };
}

/**
 * Checks a batch against its route (undefined when the route is gone or none is chosen). Vehicle
 * problems come back with the field `legs.<leg>.vehicles.<vehicle>.<field>`.
 */
export function checkBatch(
  input: BatchInput,
  route: Pick<Route, 'id' | 'legs'> | undefined,
  options: BatchCheckOptions = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (input.routeId === '') problems.push({ field: 'routeId', code: 'required' });
  else if (!route) problems.push({ field: 'routeId', code: 'route-missing' });
  if (!isCalendarDate(input.date)) problems.push({ field: 'date', code: 'date-invalid' });
  // yyyy-MM-dd strings compare like the days they name.
  else if (options.newOn !== undefined && input.date < options.newOn) {
    problems.push({ field: 'date', code: 'date-past', params: { today: options.newOn } });
  }
  problems.push(...checkBatchTexts(input));
  problems.push(...checkBatchLoadFactor(input.loadFactor));
  problems.push(...checkStaff(input.escorts, 'escorts'), ...checkStaff(input.medics, 'medics'));
  const escortIds = new Set(input.escorts.map((escort) => escort.id));
  const routeLegs = new Set(route?.legs.map((leg) => leg.id) ?? []);
  input.legs.forEach((leg, legIndex) => {
    if (route && !routeLegs.has(leg.legId)) problems.push({ field: `legs.${legIndex}`, code: 'leg-not-on-route' });
    const escortsOnLeg = new Map<string, number>();
    leg.vehicles.forEach((vehicle, vehicleIndex) => {
      const field = `legs.${legIndex}.vehicles.${vehicleIndex}`;
      for (const problem of checkVehicle(vehicle, leg.vehicles)) {
        problems.push({ ...problem, field: `${field}.${problem.field}` });
      }
      if (vehicle.escortId !== null) {
        if (!escortIds.has(vehicle.escortId)) problems.push({ field: `${field}.escortId`, code: 'escort-missing' });
        const seen = escortsOnLeg.get(vehicle.escortId) ?? 0;
        if (seen > 0) problems.push({ field: `${field}.escortId`, code: 'escort-on-two-vehicles' });
        escortsOnLeg.set(vehicle.escortId, seen + 1);
      }
    });
  });
  return problems;
}

/** A batch's journey: from the first leg's departure to the last leg's arrival, Beijing time. */
export interface TravelWindow {
  start: Timestamp;
  end: Timestamp;
}

/** When the batch's passengers are travelling; null for a route without legs or a bad date. */
export function travelWindow(date: string, route: Pick<Route, 'legs'>): TravelWindow | null {
  const minutes = routeTravelMinutes(route);
  if (!minutes || !isCalendarDate(date)) return null;
  return { start: beijingTimestamp(date, minutes.start), end: beijingTimestamp(date, minutes.end) };
}

/** True when the two journeys share any moment (one arriving exactly as the other leaves does not). */
export function windowsOverlap(a: TravelWindow, b: TravelWindow): boolean {
  return millisecondsBetween(a.start, b.end) > 0 && millisecondsBetween(b.start, a.end) > 0;
}
