/**
 * What an arrival, a handover and a contact must be before they are stored (issue 17, "bad input"):
 * the repositories, the forms, the enterprise confirmation import and a restore check the same
 * rules. Each problem's code is an i18n key under `problems.`; dates are Beijing calendar days.
 */
import { calendarDaysBetween, isCalendarDate } from '../dates';
import {
  CONTACT_METHODS,
  CONTACT_NEEDS,
  CONTACT_OUTCOMES,
  HANDOVER_EXCEPTION_REASONS,
  type CalendarDate,
  type Contact,
  type Handover,
  type HandoverException,
} from '../domain/records';
import {
  ADDRESS_TEXT,
  NOTE_TEXT,
  ORGANISATION_TEXT,
  SHORT_TEXT,
  textProblems,
  wholeProblem,
  type NumberRange,
} from '../domain/field-bounds';
import type { FieldProblem } from '../domain/problems';

export const CONTACT_TEXT_BOUNDS = {
  by: SHORT_TEXT,
  employerName: ORGANISATION_TEXT,
  employerCity: SHORT_TEXT,
  leftReason: NOTE_TEXT,
  difficulties: NOTE_TEXT,
  action: NOTE_TEXT,
  correctionReason: NOTE_TEXT,
} as const;

export const HANDOVER_TEXT_BOUNDS = {
  receiverName: SHORT_TEXT,
  receiverPhone: SHORT_TEXT,
  place: ADDRESS_TEXT,
  recordedBy: SHORT_TEXT,
  note: NOTE_TEXT,
} as const;

export const ARRIVAL_TEXT_BOUNDS = { place: ADDRESS_TEXT, recordedBy: SHORT_TEXT, note: NOTE_TEXT } as const;

/** Monthly income in yuan: a month's wage in any job a worker takes, far below a typo's 10 digits. */
export const MONTHLY_INCOME: NumberRange = { min: 0, max: 200_000 };

/** The next contact may be asked for at most this many days ahead: past the last point of any schedule. */
export const NEXT_CONTACT_MAX_DAYS = 730;

/** Bounds of the follow-up settings. */
export const FOLLOWUP_SETTINGS_BOUNDS = {
  /** The last contact point: at most three years after the handover. */
  contactDayMax: 1095,
  contactPointsMax: 20,
  staffMax: 500,
  stationsMax: 200,
} as const;

/** What a contact's rules need to know besides the contact. */
export interface ContactContext {
  /** Today, Beijing calendar. */
  today: CalendarDate;
  /** The day the follow-up counts from: no contact before it. */
  handedOverOn: CalendarDate;
}

/** The fields of a contact a person or an import gives. */
export type ContactInput = Pick<
  Contact,
  | 'date'
  | 'method'
  | 'by'
  | 'outcome'
  | 'enterpriseId'
  | 'employerName'
  | 'employerCity'
  | 'startedOn'
  | 'leftOn'
  | 'leftReason'
  | 'monthlyIncome'
  | 'difficulties'
  | 'needs'
  | 'action'
  | 'nextDate'
>;

type ContactField = keyof ContactInput | 'correctionReason';

function dateProblem<F extends string>(
  field: F,
  value: CalendarDate | null,
  context: ContactContext,
  options: { required: boolean },
): FieldProblem<F> | null {
  if (value === null || value === '') return options.required ? { field, code: 'required' } : null;
  if (!isCalendarDate(value)) return { field, code: 'date-invalid' };
  if (calendarDaysBetween(context.today, value) > 0) return { field, code: 'date-in-future' };
  if (calendarDaysBetween(context.handedOverOn, value) < 0) {
    return { field, code: 'date-before-handover', params: { handover: context.handedOverOn } };
  }
  return null;
}

/** Every problem of a contact, in the order of the form's fields. */
export function checkContact(input: ContactInput, context: ContactContext): FieldProblem<ContactField>[] {
  const problems: FieldProblem<ContactField>[] = [];
  const push = (problem: FieldProblem<ContactField> | null) => {
    if (problem) problems.push(problem);
  };
  push(dateProblem('date', input.date, context, { required: true }));
  if (!(CONTACT_METHODS as readonly string[]).includes(input.method)) push({ field: 'method', code: 'required' });
  if (input.by.trim() === '') push({ field: 'by', code: 'required' });
  if (!(CONTACT_OUTCOMES as readonly string[]).includes(input.outcome)) push({ field: 'outcome', code: 'required' });
  if (input.outcome === 'changed-job' && input.enterpriseId === null && input.employerName.trim() === '') {
    push({ field: 'employerName', code: 'new-employer-required' });
  }
  push(dateProblem('startedOn', input.startedOn, context, { required: false }));
  push(dateProblem('leftOn', input.leftOn, context, { required: false }));
  if (
    input.leftOn !== null &&
    input.outcome !== 'changed-job' &&
    input.outcome !== 'left-looking' &&
    input.outcome !== 'returned-home'
  ) {
    push({ field: 'leftOn', code: 'left-date-without-leaving' });
  }
  if (
    input.leftOn !== null &&
    input.startedOn !== null &&
    isCalendarDate(input.leftOn) &&
    isCalendarDate(input.startedOn) &&
    input.outcome !== 'changed-job' &&
    calendarDaysBetween(input.startedOn, input.leftOn) < 0
  ) {
    push({ field: 'leftOn', code: 'end-before-start' });
  }
  if (input.monthlyIncome !== null) {
    push(wholeProblem('monthlyIncome', input.monthlyIncome, MONTHLY_INCOME, 'income-range'));
  }
  if (
    new Set(input.needs).size !== input.needs.length ||
    input.needs.some((need) => !(CONTACT_NEEDS as readonly string[]).includes(need))
  ) {
    push({ field: 'needs', code: 'invalid' });
  }
  if (input.nextDate !== null && input.nextDate !== '') {
    if (!isCalendarDate(input.nextDate)) push({ field: 'nextDate', code: 'date-invalid' });
    else if (isCalendarDate(input.date)) {
      const ahead = calendarDaysBetween(input.date, input.nextDate);
      if (ahead <= 0) push({ field: 'nextDate', code: 'next-contact-not-after' });
      else if (ahead > NEXT_CONTACT_MAX_DAYS) {
        push({ field: 'nextDate', code: 'next-contact-too-far', params: { max: NEXT_CONTACT_MAX_DAYS } });
      }
    }
  }
  problems.push(...textProblems<ContactField>(input, CONTACT_TEXT_BOUNDS));
  return problems;
}

/** The fields of a handover a person gives; the passengers come from the batch. */
export type HandoverInput = Pick<
  Handover,
  'receiverName' | 'receiverPhone' | 'handedOverAt' | 'place' | 'exceptions' | 'note'
>;

/** What a handover's rules need to know: the batch's departure, now, and this enterprise's passengers. */
export interface HandoverContext {
  departureAt: string;
  now: string;
  passengerIds: ReadonlySet<string>;
}

type HandoverField = keyof HandoverInput;

/** Every problem of a handover. */
export function checkHandover(input: HandoverInput, context: HandoverContext): FieldProblem<HandoverField>[] {
  const problems: FieldProblem<HandoverField>[] = [];
  if (input.receiverName.trim() === '') problems.push({ field: 'receiverName', code: 'required' });
  const phone = input.receiverPhone.trim();
  if (phone === '') problems.push({ field: 'receiverPhone', code: 'required' });
  else if (!/^[\d\s()+-]{7,20}$/.test(phone) || (phone.match(/\d/g)?.length ?? 0) < 7) {
    problems.push({ field: 'receiverPhone', code: 'phone-invalid' });
  }
  problems.push(...instantProblems('handedOverAt', input.handedOverAt, context));
  const seen = new Set<string>();
  for (const exception of input.exceptions) {
    const problem = exceptionProblem(exception, context.passengerIds, seen);
    if (problem) {
      problems.push({ field: 'exceptions', ...problem });
      break;
    }
    seen.add(exception.workerId);
  }
  problems.push(...textProblems<HandoverField>(input, HANDOVER_TEXT_BOUNDS));
  return problems;
}

function exceptionProblem(
  exception: HandoverException,
  passengerIds: ReadonlySet<string>,
  seen: ReadonlySet<string>,
): Omit<FieldProblem, 'field'> | null {
  if (!passengerIds.has(exception.workerId) || seen.has(exception.workerId)) return { code: 'exception-not-passenger' };
  if (!(HANDOVER_EXCEPTION_REASONS as readonly string[]).includes(exception.reason)) return { code: 'required' };
  if (exception.reason === 'other' && exception.note.trim() === '') return { code: 'exception-note-required' };
  if (exception.note.length > NOTE_TEXT) return { code: 'label-too-long', params: { max: NOTE_TEXT } };
  return null;
}

/** An instant of arrival or handover: after the batch left, not in the future. */
function instantProblems<F extends string>(
  field: F,
  at: string,
  context: { departureAt: string; now: string },
): FieldProblem<F>[] {
  const time = Date.parse(at);
  if (at === '' || !Number.isFinite(time)) return [{ field, code: 'required' }];
  if (time > Date.parse(context.now)) return [{ field, code: 'time-in-future' }];
  if (time < Date.parse(context.departureAt)) return [{ field, code: 'time-before-departure' }];
  return [];
}

/** The fields of an arrival a person gives. */
export interface ArrivalInput {
  arrivedAt: string;
  place: string;
  note: string;
}

/** Every problem of a leg's arrival; `departureAt` is the leg's own departure. */
export function checkArrival(
  input: ArrivalInput,
  context: { departureAt: string; now: string },
): FieldProblem<keyof ArrivalInput>[] {
  return [
    ...instantProblems('arrivedAt', input.arrivedAt, context),
    ...textProblems<keyof ArrivalInput>(input, ARRIVAL_TEXT_BOUNDS),
  ];
}

/** Whether `days` is a schedule the settings may hold (see checkContactDays for the shape). */
export function contactDaysProblem(days: readonly number[]): string | null {
  if (days.length === 0 || days.length > FOLLOWUP_SETTINGS_BOUNDS.contactPointsMax) return 'contact-days-count';
  if (days.some((day) => !Number.isSafeInteger(day) || day < 1 || day > FOLLOWUP_SETTINGS_BOUNDS.contactDayMax)) {
    return 'contact-days-range';
  }
  if (days.some((day, index) => index > 0 && day <= (days[index - 1] ?? 0))) return 'contact-days-order';
  return null;
}
