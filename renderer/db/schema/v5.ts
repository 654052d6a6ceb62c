/**
 * Version 5 adds the records of arrival, handover and follow-up (issue 17, docs/domain.md#follow-up):
 * - `arrivals`: when each leg of a batch arrived;
 * - `handovers`: each receiving enterprise signing for a batch's passengers;
 * - `contacts`: the contact log, append-only (a correction is a new record);
 * - `employmentPeriods`: each spell of a worker at an employer, derived from the handover and the
 *   contacts and stored for the subsidies.
 * `followUps`, declared in version 1 and never written by any version of the app, now holds one
 * follow-up per worker handed over: its indexes change, and any record of the old shape is removed
 * (`dropUnwrittenFollowUps`).
 */
export const SCHEMA_V5 = {
  followUps: 'id, workerId, batchId, handoverId, nextDue, updatedAt',
  arrivals: 'id, batchId, updatedAt',
  handovers: 'id, batchId, enterpriseId, updatedAt',
  contacts: 'id, followUpId, workerId, date, updatedAt',
  employmentPeriods: 'id, followUpId, workerId, enterpriseId, updatedAt',
} as const;

/** A `followUps` record of version 1's shape: it has no handover. */
export function isUnwrittenFollowUp(record: unknown): boolean {
  return typeof record !== 'object' || record === null || !('handoverId' in record);
}
