/**
 * A worker's employment periods after one handover (issue 17, "employment periods"), derived from
 * the handover and the live contacts in the order they happened. The repository stores the result
 * (renderer/db/repositories/followup.ts) and rewrites it whenever a contact is logged or corrected,
 * so that a corrected contact never leaves a period that rests on what it used to say.
 *
 * - The handover opens the first period, at the receiving enterprise, from the handover day.
 * - `in-post` keeps the open period; an on-board date given for that employer (an enterprise's
 *   confirmation list) becomes its start. With no open period (the worker had left), it opens one
 *   at the employer named, or the last one.
 * - `changed-job` closes the open period on the day the worker left (or the contact's day) and
 *   opens one at the new employer from the day they started there (or the day they left).
 * - `left-looking` and `returned-home` close the open period.
 * - `unreachable` tells nothing.
 * A period never ends before it starts: a leaving date before the start ends it on its start.
 */
import type { CalendarDate, Contact, EmploymentPeriod } from '../domain/records';

/** What the derivation needs of the follow-up. */
export interface PeriodOrigin {
  enterpriseId: string;
  employerName: string;
  employerCity: string;
  handedOverOn: CalendarDate;
}

export type PeriodContact = Pick<
  Contact,
  'date' | 'outcome' | 'enterpriseId' | 'employerName' | 'employerCity' | 'startedOn' | 'leftOn' | 'leftReason'
> & { createdAt?: string };

export type DerivedPeriod = Pick<
  EmploymentPeriod,
  'enterpriseId' | 'employerName' | 'employerCity' | 'start' | 'startSource' | 'end' | 'endReason' | 'endNote'
>;

function sameEmployer(period: DerivedPeriod, contact: PeriodContact): boolean {
  if (contact.enterpriseId !== null) return contact.enterpriseId === period.enterpriseId;
  const name = contact.employerName.trim();
  return name === '' || name === period.employerName;
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

/** The periods, oldest first; the last is open (end null) while the worker is employed. */
export function derivePeriods(origin: PeriodOrigin, contacts: readonly PeriodContact[]): DerivedPeriod[] {
  const ordered = [...contacts].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );
  const periods: DerivedPeriod[] = [
    {
      enterpriseId: origin.enterpriseId,
      employerName: origin.employerName,
      employerCity: origin.employerCity,
      start: origin.handedOverOn,
      startSource: 'handover',
      end: null,
      endReason: null,
      endNote: '',
    },
  ];
  const open = (): DerivedPeriod | undefined => {
    const last = periods.at(-1);
    return last && last.end === null ? last : undefined;
  };
  const close = (contact: PeriodContact, reason: DerivedPeriod['endReason']) => {
    const current = open();
    if (!current) return;
    current.end = later(current.start, contact.leftOn ?? contact.date);
    current.endReason = reason;
    current.endNote = contact.leftReason.trim();
  };
  const openAt = (contact: PeriodContact, fallback: DerivedPeriod | undefined, from: CalendarDate) => {
    const named = contact.enterpriseId !== null || contact.employerName.trim() !== '';
    const previousEnd = periods.at(-1)?.end ?? null;
    periods.push({
      enterpriseId: named ? contact.enterpriseId : (fallback?.enterpriseId ?? null),
      employerName: named ? contact.employerName.trim() : (fallback?.employerName ?? ''),
      employerCity: named ? contact.employerCity.trim() : (fallback?.employerCity ?? ''),
      start: previousEnd === null ? from : later(from, previousEnd),
      startSource: contact.startedOn !== null ? 'on-board' : 'contact',
      end: null,
      endReason: null,
      endNote: '',
    });
  };
  for (const contact of ordered) {
    const current = open();
    switch (contact.outcome) {
      case 'in-post':
        if (current) {
          if (contact.startedOn !== null && sameEmployer(current, contact)) {
            const previousEnd = periods.at(-2)?.end ?? null;
            current.start = previousEnd === null ? contact.startedOn : later(contact.startedOn, previousEnd);
            current.startSource = 'on-board';
          }
        } else {
          openAt(contact, periods.at(-1), contact.startedOn ?? contact.date);
        }
        break;
      case 'changed-job':
        close(contact, 'changed-job');
        openAt(contact, undefined, contact.startedOn ?? contact.leftOn ?? contact.date);
        break;
      case 'left-looking':
        close(contact, 'left');
        break;
      case 'returned-home':
        close(contact, 'returned-home');
        break;
      case 'unreachable':
        break;
    }
  }
  return periods;
}
