/**
 * How a worker handed over to an enterprise stands, from their follow-up's contacts and employment
 * periods (issue 17, item 4; docs/domain.md#follow-up): the enterprise's retention page
 * (renderer/db/repositories/retention.ts) and the dashboard (shared/dashboard) count with these.
 *
 * - not reached yet: no contact has told how they stand (none logged, or only "could not be reached");
 * - in post: their open period is at this enterprise;
 * - changed job: their open period is at another employer;
 * - left: their last period ended and they are looking for work;
 * - returned home: their last period ended with the return home.
 *
 * Months there count what the log proves: a closed period up to its end, an open one up to the
 * newest contact that found the worker at work (never up to today on the handover's word alone,
 * since the subsidies are paid on this count). A worker counts their longest spell at the enterprise.
 */
import type { CalendarDate, Contact, EmploymentPeriod } from '../domain/records';
import { monthsEmployed } from './employment';

/** The subsidy thresholds, in completed months of employment. */
export const RETENTION_THRESHOLDS = [1, 3, 6] as const;

export type RetentionState = 'in-post' | 'changed-job' | 'left' | 'returned-home' | 'not-reached';

/** The fields of a contact the retention reads. */
export type RetentionContact = Pick<Contact, 'date' | 'outcome'>;
/** The fields of an employment period the retention reads. */
export type RetentionPeriod = Pick<EmploymentPeriod, 'enterpriseId' | 'start' | 'end' | 'endReason'>;

/** Whether a contact found the worker at work (and so proves employment up to its day). */
function atWork(contact: RetentionContact): boolean {
  return contact.outcome === 'in-post' || contact.outcome === 'changed-job';
}

/** How one worker stands, from their follow-up's live contacts and periods (oldest first). */
export function retentionState(
  enterpriseId: string,
  contacts: readonly RetentionContact[],
  periods: readonly RetentionPeriod[],
): RetentionState {
  if (!contacts.some((contact) => contact.outcome !== 'unreachable')) return 'not-reached';
  const last = periods.at(-1);
  if (!last) return 'not-reached';
  if (last.end === null) return last.enterpriseId === enterpriseId ? 'in-post' : 'changed-job';
  return last.endReason === 'returned-home' ? 'returned-home' : 'left';
}

/** The longest proven spell at the enterprise, in completed months (see the module comment). */
export function provenMonthsAt(
  enterpriseId: string,
  contacts: readonly RetentionContact[],
  periods: readonly RetentionPeriod[],
): number {
  let confirmed: CalendarDate | null = null;
  for (const contact of contacts) {
    if (atWork(contact) && (confirmed === null || contact.date > confirmed)) confirmed = contact.date;
  }
  let longest = 0;
  for (const period of periods) {
    if (period.enterpriseId !== enterpriseId) continue;
    const until = period.end ?? confirmed;
    if (until === null || until < period.start) continue;
    longest = Math.max(longest, monthsEmployed({ start: period.start, end: period.end }, until));
  }
  return longest;
}
