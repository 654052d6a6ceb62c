/**
 * Whether a batch may move to another status (issue text: "Status moves forward only"). The gate
 * guards the steps into `ready` and `departed`; a coordinator may force a refused forward step with
 * a written reason, which becomes a `StatusOverride` that is stored, audited and shown wherever the
 * batch is shown. Nothing, not even an override, moves a batch backwards or skips a status.
 */
import { BATCH_STATUSES } from '../domain/records';
import type { BatchStatus, StatusOverride, Timestamp } from '../domain/records';
import { allGreen } from './evaluate';
import type { GateReport } from './evaluate';

/**
 * Statuses that need all five lights green. `ready` by the issue; `departed` too, because
 * docs/domain.md#five-unifications says a batch cannot be marked departed while any unification is incomplete, and
 * something can break after the batch was ready (a passenger added after the roster was locked).
 */
export const GATED_STATUSES: readonly BatchStatus[] = ['ready', 'departed'];

/**
 * Statuses that the facts set, never a person (issue 17): `arrived` once every leg has an arrival
 * recorded, `handed-over` once every receiving enterprise signed for its passengers. The repository
 * (renderer/db/repositories/followup.ts) takes these steps when the facts are recorded; a step
 * chosen by hand would say the batch arrived when nothing says so, so it is refused, even with an
 * override. Closing a handed-over batch stays a step a person takes.
 */
export const FACT_STATUSES: readonly BatchStatus[] = ['arrived', 'handed-over'];

/**
 * Shortest override reason, in characters after trimming (a Han character counts as one):
 * "领导同意" passes, "ok" and "同意" do not. Short enough for a real Chinese reason, long enough that
 * a stray keystroke is not one.
 */
export const OVERRIDE_REASON_MIN_LENGTH = 4;

/**
 * Why a step is refused; each an i18n key for the UI.
 * - `same-status`: the batch is already there.
 * - `backward`: forward only; never overridable.
 * - `skips-status`: only the next status may be chosen (draft → ready goes through planned);
 *   never overridable.
 * - `departed-needs-ready`: reported with `skips-status` when the step to departed comes from
 *   before ready.
 * - `set-by-facts`: the target is one of {@link FACT_STATUSES}: it follows from the arrivals and
 *   handovers recorded, not from a choice; never overridable.
 * - `gate-not-green`: the target is gated and not all five lights are green; overridable.
 * - `override-reason-too-short`: the override's reason has fewer than
 *   {@link OVERRIDE_REASON_MIN_LENGTH} characters after trimming.
 * - `override-by-missing`: the override names no operator.
 */
export const STATUS_STEP_CODES = [
  'same-status',
  'backward',
  'skips-status',
  'departed-needs-ready',
  'set-by-facts',
  'gate-not-green',
  'override-reason-too-short',
  'override-by-missing',
] as const;

export type StatusStepCode = (typeof STATUS_STEP_CODES)[number];

/** What the coordinator gives to force a step. */
export interface StatusOverrideRequest {
  /** Written reason: at least {@link OVERRIDE_REASON_MIN_LENGTH} characters after trimming. */
  reason: string;
  /** The operator who forces the step. */
  by: string;
  at: Timestamp;
}

export type StatusStepResult =
  | {
      allowed: true;
      /** The override to store with the batch when the step was forced; null when the gate let it pass. */
      override: StatusOverride | null;
    }
  | {
      allowed: false;
      reasons: StatusStepCode[];
      /** Keys of the gate items not met, when the gate refused the step; empty otherwise. */
      unmet: string[];
      /** True when an override with a valid reason would let the step through. */
      canOverride: boolean;
    };

/**
 * Checks moving a batch from `from` to `to` against `report`. Only the next status is allowed;
 * into a gated status only when {@link allGreen}. With `override`, a step that only the gate
 * refused is allowed, and the result holds the {@link StatusOverride} to store (reason trimmed,
 * the unmet item keys at that moment). An override on a step the gate lets pass is not recorded.
 */
export function checkStatusStep(
  from: BatchStatus,
  to: BatchStatus,
  report: GateReport,
  override?: StatusOverrideRequest,
): StatusStepResult {
  const fromIndex = BATCH_STATUSES.indexOf(from);
  const toIndex = BATCH_STATUSES.indexOf(to);
  if (toIndex === fromIndex) return { allowed: false, reasons: ['same-status'], unmet: [], canOverride: false };
  if (toIndex < fromIndex) return { allowed: false, reasons: ['backward'], unmet: [], canOverride: false };
  if (toIndex > fromIndex + 1) {
    const reasons: StatusStepCode[] = ['skips-status'];
    if (to === 'departed') reasons.push('departed-needs-ready');
    return { allowed: false, reasons, unmet: [], canOverride: false };
  }
  if (FACT_STATUSES.includes(to)) return { allowed: false, reasons: ['set-by-facts'], unmet: [], canOverride: false };
  if (!GATED_STATUSES.includes(to) || allGreen(report)) return { allowed: true, override: null };

  const unmet = [...report.unmet];
  if (override === undefined) return { allowed: false, reasons: ['gate-not-green'], unmet, canOverride: true };
  const reason = override.reason.trim();
  const by = override.by.trim();
  const problems: StatusStepCode[] = [];
  if (Array.from(reason).length < OVERRIDE_REASON_MIN_LENGTH) problems.push('override-reason-too-short');
  if (by === '') problems.push('override-by-missing');
  if (problems.length > 0) {
    return { allowed: false, reasons: ['gate-not-green', ...problems], unmet, canOverride: true };
  }
  return { allowed: true, override: { from, to, reason, unmet, by, at: override.at } };
}
