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
import { RETENTION_THRESHOLDS, provenMonthsAt, retentionState, type RetentionState } from '@shared/followup/retention';
import type { Contact, EmploymentPeriod, FollowUp } from '@shared/domain/records';
import { database } from '../database';
import { isLive } from '../soft-delete';

export { RETENTION_THRESHOLDS, type RetentionState, provenMonthsAt, retentionState };

export interface EnterpriseRetention {
  /** Workers handed over to the enterprise (each once). */
  handedOver: number;
  states: Record<RetentionState, number>;
  /** Workers with at least 1, 3 and 6 completed months at the enterprise, by threshold. */
  reached: Record<(typeof RETENTION_THRESHOLDS)[number], number>;
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
