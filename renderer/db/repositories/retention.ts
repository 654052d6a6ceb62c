/**
 * An enterprise's retention of the workers handed over to it (issue 17, item 4; docs/domain.md#follow-up):
 * how each stands as the contact log leaves them, read from the employment periods the repository
 * keeps (renderer/db/repositories/followup.ts), and how many reached the 1-, 3- and 6-month
 * thresholds of the employment subsidies there.
 *
 * Each worker handed over counts once, by their newest handover to this enterprise:
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
import { monthsEmployed } from '@shared/followup';
import type { CalendarDate, Contact, EmploymentPeriod, FollowUp } from '@shared/domain/records';
import { database } from '../database';
import { isLive } from '../soft-delete';

/** The subsidy thresholds, in completed months of employment. */
export const RETENTION_THRESHOLDS = [1, 3, 6] as const;

export type RetentionState = 'in-post' | 'changed-job' | 'left' | 'returned-home' | 'not-reached';

export interface EnterpriseRetention {
  /** Workers handed over to the enterprise (each once). */
  handedOver: number;
  states: Record<RetentionState, number>;
  /** Workers with at least 1, 3 and 6 completed months at the enterprise, by threshold. */
  reached: Record<(typeof RETENTION_THRESHOLDS)[number], number>;
}

/** Whether a contact found the worker at work (and so proves employment up to its day). */
function atWork(contact: Contact): boolean {
  return contact.outcome === 'in-post' || contact.outcome === 'changed-job';
}

/** How one worker stands, from their follow-up's live contacts and periods (oldest first). */
export function retentionState(
  enterpriseId: string,
  contacts: readonly Contact[],
  periods: readonly EmploymentPeriod[],
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
  contacts: readonly Contact[],
  periods: readonly EmploymentPeriod[],
): number {
  const confirmed = contacts
    .filter(atWork)
    .map((contact) => contact.date)
    .reduce<CalendarDate | null>((newest, date) => (newest === null || date > newest ? date : newest), null);
  let longest = 0;
  for (const period of periods) {
    if (period.enterpriseId !== enterpriseId) continue;
    const until = period.end ?? confirmed;
    if (until === null || until < period.start) continue;
    longest = Math.max(longest, monthsEmployed({ start: period.start, end: period.end }, until));
  }
  return longest;
}

/** The retention of the workers handed over to an enterprise. */
export async function enterpriseRetention(enterpriseId: string): Promise<EnterpriseRetention> {
  const db = database();
  const handovers = (await db.handovers.where('enterpriseId').equals(enterpriseId).toArray()).filter(isLive);
  const followUps = (
    await db.followUps
      .where('handoverId')
      .anyOf(handovers.map((handover) => handover.id))
      .toArray()
  ).filter(isLive);
  // The newest handover of each worker to this enterprise.
  const newest = new Map<string, FollowUp>();
  for (const followUp of followUps) {
    const seen = newest.get(followUp.workerId);
    if (!seen || followUp.handedOverOn > seen.handedOverOn) newest.set(followUp.workerId, followUp);
  }
  const ids = [...newest.values()].map((followUp) => followUp.id);
  const [contacts, periods] = await Promise.all([
    db.contacts.where('followUpId').anyOf(ids).toArray(),
    db.employmentPeriods.where('followUpId').anyOf(ids).toArray(),
  ]);
  const contactsOf = new Map<string, Contact[]>();
  for (const contact of contacts.filter(isLive)) {
    const list = contactsOf.get(contact.followUpId) ?? [];
    list.push(contact);
    contactsOf.set(contact.followUpId, list);
  }
  const periodsOf = new Map<string, EmploymentPeriod[]>();
  for (const period of periods.filter(isLive)) {
    const list = periodsOf.get(period.followUpId) ?? [];
    list.push(period);
    periodsOf.set(period.followUpId, list);
  }
  const result: EnterpriseRetention = {
    handedOver: newest.size,
    states: { 'in-post': 0, 'changed-job': 0, left: 0, 'returned-home': 0, 'not-reached': 0 },
    reached: { 1: 0, 3: 0, 6: 0 },
  };
  for (const id of ids) {
    const own = contactsOf.get(id) ?? [];
    const spells = (periodsOf.get(id) ?? []).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    result.states[retentionState(enterpriseId, own, spells)] += 1;
    const months = provenMonthsAt(enterpriseId, own, spells);
    for (const threshold of RETENTION_THRESHOLDS) if (months >= threshold) result.reached[threshold] += 1;
  }
  return result;
}
