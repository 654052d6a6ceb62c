/**
 * Which checks count for a batch, and what each passenger's checks add up to (issue 5, "A check is
 * valid for the settings' window"). The rule is the gate's (shared/gate/evaluate.ts), so that the
 * station's figures and the five-unifications gate never disagree: a check counts if taken at most
 * `checkValidityHours` before the first departure (exactly 72 hours before counts) and not after
 * it; checks after departure are passed over when finding the deciding one; the latest of the
 * rest decides, and at the same instant a fail or a recheck wins over a pass. Only live checks
 * (no `deletedAt`: a corrected check is soft-deleted) take part.
 */
import { millisecondsBetween } from '../dates';
import type { HealthCheck, Timestamp } from '../domain/records';

const MS_PER_HOUR = 60 * 60 * 1000;

/** Where a check's time falls against the batch's departure. */
export type CheckWindow = 'valid' | 'too-early' | 'after-departure';

/**
 * `valid` from `checkValidityHours` before departure up to departure itself (both ends included);
 * `too-early` before that; `after-departure` after it.
 */
export function checkWindow(checkedAt: Timestamp, departureAt: Timestamp, checkValidityHours: number): CheckWindow {
  const before = millisecondsBetween(checkedAt, departureAt);
  if (before < 0) return 'after-departure';
  return before <= checkValidityHours * MS_PER_HOUR ? 'valid' : 'too-early';
}

/**
 * A passenger's state at the station:
 * - `not-checked`: no live check at all;
 * - `passed`: the deciding check passed and is inside the window;
 * - `failed`, `recheck`: the deciding check's result (a fail stays a fail however old it is);
 * - `expired`: the deciding check passed but was taken more than the window before departure, or
 *   every check was taken after departure (the batch's date moved earlier): check again.
 */
export type PassengerHealthState = 'not-checked' | 'passed' | 'failed' | 'recheck' | 'expired';

/** The fields of a check that the state reads; a `HealthCheck` is one. */
export type StateCheck = Pick<HealthCheck, 'id' | 'result' | 'checkedAt' | 'createdAt'> &
  Partial<Pick<HealthCheck, 'deletedAt'>>;

export interface PassengerHealth<C extends StateCheck = HealthCheck> {
  state: PassengerHealthState;
  /** The check that decides the state; when every check is after departure, the latest of them. */
  deciding: C | null;
  /**
   * The latest live check at any time (ties: the one saved last): the one a new reading follows
   * (a pending recheck) and the one a second station must have seen before it saves.
   */
  latest: C | null;
  /** Where the deciding check falls: `too-early` or `after-departure` explain `expired`. */
  window: CheckWindow | null;
}

/** Later by check time, then by save time, then by id: one order every station agrees on. */
export function compareChecks(a: StateCheck, b: StateCheck): number {
  const byTime = millisecondsBetween(b.checkedAt, a.checkedAt);
  if (byTime !== 0) return byTime;
  const bySave = millisecondsBetween(b.createdAt, a.createdAt);
  if (bySave !== 0) return bySave;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The latest of a passenger's live checks (see {@link PassengerHealth.latest}), or null. */
export function latestCheck<C extends StateCheck>(checks: readonly C[]): C | null {
  let latest: C | null = null;
  for (const check of checks) {
    if (check.deletedAt) continue;
    if (latest === null || compareChecks(check, latest) > 0) latest = check;
  }
  return latest;
}

/**
 * The state of one passenger from their checks for this batch (deleted ones included; they are
 * skipped). Two checks at the same instant are decided as the gate decides them, in the order
 * given: give the checks in the order the database lists them, as the gate reads them.
 */
export function passengerHealth<C extends StateCheck>(
  checks: readonly C[],
  departureAt: Timestamp,
  checkValidityHours: number,
): PassengerHealth<C> {
  const live = checks.filter((check) => !check.deletedAt);
  const latest = latestCheck(live);
  if (latest === null) return { state: 'not-checked', deciding: null, latest: null, window: null };
  let deciding: C | null = null;
  for (const check of live) {
    if (millisecondsBetween(departureAt, check.checkedAt) > 0) continue;
    const later = deciding === null ? 1 : millisecondsBetween(deciding.checkedAt, check.checkedAt);
    if (later > 0 || (later === 0 && check.result !== 'pass')) deciding = check;
  }
  if (deciding === null) return { state: 'expired', deciding: latest, latest, window: 'after-departure' };
  const window = checkWindow(deciding.checkedAt, departureAt, checkValidityHours);
  const state =
    deciding.result === 'fail'
      ? 'failed'
      : deciding.result === 'recheck'
        ? 'recheck'
        : window === 'valid'
          ? 'passed'
          : 'expired';
  return { state, deciding, latest, window };
}

/** The station's progress figures for a batch. */
export interface HealthProgress {
  /** Passengers on the batch. */
  total: number;
  /** With at least one live check: passed + failed + recheck + expired. */
  checked: number;
  passed: number;
  failed: number;
  /** A first reading at or above the threshold, waiting for the second. */
  recheck: number;
  /** Without any live check. */
  notChecked: number;
  /** Passed too long before departure, or checked only after it. */
  expired: number;
}

/** Counts the passengers' states. */
export function healthProgress(states: Iterable<PassengerHealthState>): HealthProgress {
  const progress: HealthProgress = {
    total: 0,
    checked: 0,
    passed: 0,
    failed: 0,
    recheck: 0,
    notChecked: 0,
    expired: 0,
  };
  for (const state of states) {
    progress.total += 1;
    if (state === 'not-checked') progress.notChecked += 1;
    else {
      progress.checked += 1;
      if (state === 'passed') progress.passed += 1;
      else if (state === 'failed') progress.failed += 1;
      else if (state === 'recheck') progress.recheck += 1;
      else progress.expired += 1;
    }
  }
  return progress;
}
