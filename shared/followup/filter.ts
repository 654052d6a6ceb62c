/**
 * Which follow-ups a person is looking at in the follow-up workspace (issue 17, item 5): the
 * workspace lists them and the register export (item 7) writes the same ones. Every field left
 * out matches all.
 */
import type { ContactOutcome } from '../domain/records';

export interface FollowUpFilter {
  /** The worker's county (Worker.countyCode). */
  countyCode?: string;
  /** The worker's township, as written on the worker. */
  township?: string;
  enterpriseId?: string;
  batchId?: string;
  /** A member of the staff list; `null` matches follow-ups assigned to no one. */
  staffId?: string | null;
  stationId?: string | null;
  /** The newest contact's outcome; `none` matches follow-ups with no contact yet. */
  outcome?: ContactOutcome | 'none';
}
