/**
 * The arrival and handover forms' values and what they become (issue 17, item 1). Times are typed
 * and shown as Beijing wall-clock time, a date and an `HH:mm`, whatever zone the PC is set to
 * (docs/architecture.md#time); the records hold the instant. Pure, so that a test checks them
 * without a screen.
 */
import {
  addMinutesToTimestamp,
  beijingCalendarDate,
  beijingClockTime,
  beijingWallTimestamp,
  isCalendarDate,
  millisecondsBetween,
  minutesOfClockTime,
} from '@shared/dates';
import { legDepartureAt } from '@shared/domain/departure';
import type {
  Batch,
  BoardingStatus,
  CalendarDate,
  Handover,
  HandoverException,
  HandoverExceptionReason,
  Leg,
  Timestamp,
} from '@shared/domain/records';

/** A moment as the forms hold it: a Beijing calendar date and a Beijing `HH:mm`, each '' when not given. */
export interface WallTime {
  /** '' while not given. */
  date: CalendarDate;
  time: string;
}

/** The Beijing date and clock time of an instant. */
export function wallTimeOf(at: Timestamp): WallTime {
  return { date: beijingCalendarDate(at), time: beijingClockTime(at) };
}

/** The instant of a Beijing date and `HH:mm`, or null while either is missing or not a real date or time. */
export function instantOf(value: WallTime): Timestamp | null {
  if (!isCalendarDate(value.date)) return null;
  const minutes = minutesOfClockTime(value.time);
  return minutes === null ? null : beijingWallTimestamp(value.date, minutes);
}

/**
 * What is wrong with a typed date and time before the repository sees them, as `problems.` codes
 * (the time's own format under `arrival.`): nothing when both make an instant.
 */
export function wallTimeProblems(value: WallTime): { date?: string; time?: string } {
  const problems: { date?: string; time?: string } = {};
  if (value.date === '') problems.date = 'problems.required';
  else if (!isCalendarDate(value.date)) problems.date = 'problems.date-invalid';
  if (value.time.trim() === '') problems.time = 'problems.required';
  else if (minutesOfClockTime(value.time) === null) problems.time = 'arrival.timeInvalid';
  return problems;
}

/** When a leg is timetabled to arrive on the batch's date (a leg may arrive a day or more later). */
export function plannedArrivalAt(batch: Pick<Batch, 'date'>, leg: Pick<Leg, 'departureMinutes' | 'durationMinutes'>) {
  return addMinutesToTimestamp(legDepartureAt(batch, leg), leg.durationMinutes);
}

/**
 * What an arrival form starts with: the time the leg was timetabled to arrive, when that is past (a
 * late train is corrected by a keystroke or two), otherwise today's date and no time.
 */
export function suggestedArrival(planned: Timestamp, now: Timestamp): WallTime {
  if (millisecondsBetween(planned, now) >= 0) return wallTimeOf(planned);
  return { date: beijingCalendarDate(now), time: '' };
}

/** One passenger's line in a handover form: ticked (handed over), or not, with the reason. */
export interface PassengerChoice {
  handed: boolean;
  reason: HandoverExceptionReason | '';
  note: string;
}

/** A passenger of the enterprise as the handover form needs them. */
export interface HandoverPassenger {
  workerId: string;
  boarding: BoardingStatus;
}

/**
 * The lines a handover form starts with. A first handover ticks everyone but those marked absent
 * at boarding, who start unticked as "did not board". Recording it again starts from what was
 * recorded: the exceptions with their reasons, everyone else ticked (a passenger who joined since
 * is ticked too).
 */
export function initialChoices(
  passengers: readonly HandoverPassenger[],
  handover: Pick<Handover, 'exceptions'> | null,
): Record<string, PassengerChoice> {
  const choices: Record<string, PassengerChoice> = {};
  for (const passenger of passengers) {
    const exception = handover?.exceptions.find((candidate) => candidate.workerId === passenger.workerId);
    if (exception) choices[passenger.workerId] = { handed: false, reason: exception.reason, note: exception.note };
    else if (!handover && passenger.boarding === 'absent') {
      choices[passenger.workerId] = { handed: false, reason: 'did-not-board', note: '' };
    } else choices[passenger.workerId] = { handed: true, reason: '', note: '' };
  }
  return choices;
}

/** The problem of one unticked line before saving, as a `problems.` key; null when it may be saved. */
export function choiceProblem(choice: PassengerChoice): string | null {
  if (choice.handed) return null;
  if (choice.reason === '') return 'arrival.handover.reasonRequired';
  if (choice.reason === 'other' && choice.note.trim() === '') return 'problems.exception-note-required';
  return null;
}

/** The exceptions a handover records: the unticked lines, in the order of the passengers. */
export function exceptionsOf(
  passengers: readonly HandoverPassenger[],
  choices: Readonly<Record<string, PassengerChoice>>,
): HandoverException[] {
  return passengers.flatMap((passenger) => {
    const choice = choices[passenger.workerId];
    if (!choice || choice.handed || choice.reason === '') return [];
    return [{ workerId: passenger.workerId, reason: choice.reason, note: choice.note.trim() }];
  });
}
