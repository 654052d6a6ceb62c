/**
 * Health checks of a batch's passengers (issue 5): the station's roster, saving a check with its
 * verdict, corrections that keep the earlier record, and taking failed passengers off the seat plan.
 *
 * Checks are append-only. A new reading is a new check; a correction is a new check naming the one
 * it replaces, which is marked superseded and soft-deleted in the same transaction. So the rule of
 * the gate (shared/gate) and of the station's figures (shared/health), "the latest live check
 * decides", always reads the right record, and nothing is ever overwritten.
 *
 * Two stations may open the same passenger at once. Each save carries the id of the passenger's
 * latest check as the station saw it when it opened the form; when another check was saved
 * meanwhile, the save is refused with a {@link HealthCheckConflictError} that carries that check,
 * so the screen can show it and let the examiner decide. Last write never silently wins.
 */
import type {
  Assignment,
  AuditEntry,
  Batch,
  HealthCheck,
  HealthCodeColour,
  Route,
  Symptom,
  TemperatureReading,
  Timestamp,
  Worker,
} from '@shared/domain/records';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { millisecondsBetween } from '@shared/dates';
import { batchDepartureAt } from '@shared/domain/departure';
import {
  SYMPTOMS,
  firstReadingOf,
  judgeCheck,
  latestCheck,
  passengerHealth,
  temperatureProblem,
  type Judgement,
  type PassengerHealthState,
} from '@shared/health';
import type { FieldProblem } from '@shared/domain/problems';
import { database, type PlannerDatabase } from '../database';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';
import { isBatchLocked, liveBatch, refuseIfLocked } from './batches';
import { seatPlanChange } from './seats';

/**
 * Thrown when a passenger's latest check is not the one the station saw when it opened the form:
 * another station saved (or corrected) a check meanwhile. Nothing was written.
 */
export class HealthCheckConflictError extends Error {
  /** The passenger's latest live check now (null when there is none any more). */
  readonly latest: HealthCheck | null;

  constructor(latest: HealthCheck | null) {
    super(`health check conflict: the latest check is now ${latest?.id ?? 'none'}`);
    this.name = 'HealthCheckConflictError';
    this.latest = latest;
  }
}

function refuse(field: string, code: string, params?: FieldProblem['params']): never {
  throw new RecordRejectedError([{ field, code, ...(params ? { params } : {}) }]);
}

/** A passenger as the station lists them. */
export interface StationPassenger {
  assignment: Assignment;
  worker: Worker;
}

/** What the station needs of a batch besides its checks. */
export interface StationRoster {
  batch: Batch;
  route: Route | null;
  /** Departure of the first leg: the validity window ends here. */
  departureAt: Timestamp;
  /** From "departed" on nothing can be saved. */
  locked: boolean;
  /** The live passengers, by county, village, household and name. */
  passengers: StationPassenger[];
}

/**
 * The batch and its passengers, or null when the batch does not exist or is deleted. It reads no
 * health checks, so saving a check does not read 1,200 workers again: the screen reads the checks
 * with {@link stationChecks} and puts the two together.
 */
export async function stationRoster(batchId: string): Promise<StationRoster | null> {
  const db = database();
  const batch = await db.batches.get(batchId);
  if (!batch || batch.deletedAt) return null;
  const [route, assignments] = await Promise.all([
    db.routes.get(batch.routeId),
    db.assignments.where('batchId').equals(batchId).toArray(),
  ]);
  const live = assignments.filter(isLive);
  const workers = await db.workers.bulkGet(live.map((assignment) => assignment.workerId));
  const passengers: StationPassenger[] = [];
  live.forEach((assignment, index) => {
    const worker = workers[index];
    if (worker) passengers.push({ assignment, worker });
  });
  const collator = new Intl.Collator('zh-CN');
  const key = ({ worker }: StationPassenger) => [
    worker.county,
    worker.township,
    worker.village,
    worker.household,
    worker.name,
  ];
  passengers.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      const order = collator.compare(ka[i] ?? '', kb[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
  return {
    batch,
    route: route ?? null,
    departureAt: batchDepartureAt(batch, route),
    locked: isBatchLocked(batch.status),
    passengers,
  };
}

/**
 * Every check of the batch, the replaced ones (soft-deleted) included, in the order the database
 * lists them, which is the order the gate reads them in.
 */
export function stationChecks(batchId: string): Promise<HealthCheck[]> {
  return database().healthChecks.where('batchId').equals(batchId).toArray();
}

/** What the examiner enters for a check. */
export interface HealthCheckInput {
  batchId: string;
  workerId: string;
  /** The reading, in °C with one decimal (34.0 to 43.0). */
  temperatureC: number;
  symptoms: readonly Symptom[];
  healthCode: HealthCodeColour;
  contactWithConfirmedCase: boolean;
  examiner: string;
  note: string;
  /** When the reading was taken (not in the future); now when absent. */
  checkedAt?: Timestamp;
  /**
   * The id of the passenger's latest live check when the form was opened, or null when they had
   * none: the save is refused with a conflict when another check was saved since.
   */
  seenLatestId: string | null;
}

/** A stored check with the verdict's reasons, for the screen to show. */
export interface SavedHealthCheck {
  check: HealthCheck;
  judgement: Judgement;
  /** After a correction: the replaced check as now stored (superseded, soft-deleted). */
  replaced?: HealthCheck;
}

/** The symptoms in the form's order, each once. */
function orderedSymptoms(symptoms: readonly Symptom[]): Symptom[] {
  return SYMPTOMS.filter((symptom) => symptoms.includes(symptom));
}

/** The common checks of a check's fields; throws with every problem found. */
function refuseBadFields(input: { temperatureC: number; examiner: string }, extra: FieldProblem[] = []): void {
  const problems: FieldProblem[] = [];
  const temperature = temperatureProblem(input.temperatureC);
  if (temperature) {
    problems.push({
      field: 'temperatureC',
      code: temperature.code,
      ...(temperature.params ? { params: temperature.params } : {}),
    });
  }
  if (input.examiner.trim() === '') problems.push({ field: 'examiner', code: 'required' });
  problems.push(...extra);
  if (problems.length > 0) throw new RecordRejectedError(problems);
}

/** The time of a check: given, or now; refused when it is no timestamp or lies in the future. */
function checkTimeOf(checkedAt: Timestamp | undefined, at: Timestamp): Timestamp {
  if (checkedAt === undefined) return at;
  let ahead: number;
  try {
    ahead = millisecondsBetween(at, checkedAt);
  } catch {
    return refuse('checkedAt', 'date-invalid');
  }
  if (ahead > 0) refuse('checkedAt', 'checked-in-future', { at: checkedAt });
  return checkedAt;
}

async function checksOf(db: PlannerDatabase, batchId: string, workerId: string): Promise<HealthCheck[]> {
  return db.healthChecks.where('[batchId+workerId]').equals([batchId, workerId]).toArray();
}

async function policyOf(db: PlannerDatabase) {
  const stored = await db.settings.get(DEFAULT_SETTINGS.id);
  return { ...DEFAULT_SETTINGS, ...stored };
}

/**
 * Stores one check of a passenger of the batch, with the verdict computed from the settings. When
 * the passenger's latest check is waiting for a recheck, this reading is the second one: taken at
 * least the recheck interval after the first it decides, and both readings are kept (in
 * `readings`, and as the two records); taken sooner it is refused (`recheck-too-early`), unless
 * something else fails the check anyway. Refused too: a temperature outside 34.0 to 43.0 °C or
 * with more than one decimal, no examiner, a time in the future or before the passenger's latest
 * check, a worker who does not exist, a worker not on the batch, a departed batch.
 */
export async function saveHealthCheck(input: HealthCheckInput): Promise<SavedHealthCheck> {
  return auditedWrite(['batches', 'assignments', 'workers', 'healthChecks'], async ({ db, create }) => {
    // Every read at once: requests in one transaction run in order without a round trip each
    // (the station's save is timed: issue 5, "Performance").
    const [batch, worker, assignments, checks, policy] = await Promise.all([
      liveBatch(db, input.batchId),
      db.workers.get(input.workerId),
      db.assignments.where('[batchId+workerId]').equals([input.batchId, input.workerId]).toArray(),
      checksOf(db, input.batchId, input.workerId),
      policyOf(db),
    ]);
    refuseIfLocked(batch);
    if (!worker || worker.deletedAt) refuse('workerId', 'worker-unknown');
    if (!assignments.some(isLive)) refuse('workerId', 'not-on-batch', { name: worker.name });
    refuseBadFields(input);
    const at = now();
    const checkedAt = checkTimeOf(input.checkedAt, at);
    const latest = latestCheck(checks);
    if ((latest?.id ?? null) !== input.seenLatestId) throw new HealthCheckConflictError(latest);
    if (latest && millisecondsBetween(latest.checkedAt, checkedAt) < 0) {
      refuse('checkedAt', 'checked-before-latest', { at: latest.checkedAt });
    }
    const firstReading = latest?.result === 'recheck' ? firstReadingOf(latest) : null;
    const judgement = judgeCheck(input, checkedAt, firstReading, policy);
    if (judgement.tooEarly) refuse('checkedAt', 'recheck-too-early', { from: judgement.recheckFrom ?? checkedAt });
    const reading: TemperatureReading = { temperatureC: input.temperatureC, at: checkedAt };
    const check: HealthCheck = {
      id: newId(),
      batchId: input.batchId,
      workerId: input.workerId,
      checkedAt,
      examiner: input.examiner.trim(),
      temperatureC: input.temperatureC,
      symptoms: orderedSymptoms(input.symptoms),
      healthCode: input.healthCode,
      contactWithConfirmedCase: input.contactWithConfirmedCase,
      result: judgement.verdict,
      note: input.note.trim(),
      readings: firstReading ? [firstReading, reading] : [reading],
      recheckOf: firstReading && latest ? latest.id : null,
      createdAt: at,
      updatedAt: at,
    };
    await create('healthChecks', check);
    return { check, judgement };
  });
}

/** What a correction changes: the findings of the deciding reading, the examiner, the note, and why. */
export interface HealthCheckCorrection {
  temperatureC: number;
  symptoms: readonly Symptom[];
  healthCode: HealthCodeColour;
  contactWithConfirmedCase: boolean;
  examiner: string;
  note: string;
  /** Why the check is corrected: required, stored on the correction and in the audit rows. */
  reason: string;
}

/**
 * Corrects a passenger's latest check: a new check with the corrected findings, taken at the same
 * time, names the one it replaces (`correctsId`), and the replaced one is kept, marked
 * `supersededById` and soft-deleted, so the latest live check is the correction. The verdict is
 * computed again (a second reading keeps its first one). Both writes are audited with the reason.
 * `checkId` is the latest check as the station saw it: when it is no longer the latest live check
 * (another station saved or corrected one), a {@link HealthCheckConflictError} says which is.
 */
export async function correctHealthCheck(
  checkId: string,
  correction: HealthCheckCorrection,
): Promise<SavedHealthCheck> {
  return auditedWrite(['batches', 'workers', 'healthChecks'], async ({ db, create, update }) => {
    const original = await db.healthChecks.get(checkId);
    if (!original) throw new RecordNotFoundError('healthChecks', checkId);
    refuseIfLocked(await liveBatch(db, original.batchId));
    const latest = latestCheck(await checksOf(db, original.batchId, original.workerId));
    if (original.deletedAt || latest?.id !== original.id) throw new HealthCheckConflictError(latest);
    const reason = correction.reason.trim();
    refuseBadFields(correction, reason === '' ? [{ field: 'reason', code: 'correction-reason-required' }] : []);
    const firstReading = original.readings && original.readings.length > 1 ? (original.readings[0] ?? null) : null;
    // A corrected second reading that came too early stays a recheck: nothing is refused here,
    // since refusing would keep the wrong record.
    const judgement = judgeCheck(correction, original.checkedAt, firstReading, await policyOf(db));
    const at = now();
    const reading: TemperatureReading = { temperatureC: correction.temperatureC, at: original.checkedAt };
    const corrected: HealthCheck = {
      id: newId(),
      batchId: original.batchId,
      workerId: original.workerId,
      checkedAt: original.checkedAt,
      examiner: correction.examiner.trim(),
      temperatureC: correction.temperatureC,
      symptoms: orderedSymptoms(correction.symptoms),
      healthCode: correction.healthCode,
      contactWithConfirmedCase: correction.contactWithConfirmedCase,
      result: judgement.verdict,
      note: correction.note.trim(),
      readings: firstReading ? [firstReading, reading] : [reading],
      recheckOf: original.recheckOf ?? null,
      correctsId: original.id,
      correctionReason: reason,
      createdAt: at,
      updatedAt: at,
    };
    const superseded: HealthCheck = { ...original, supersededById: corrected.id, deletedAt: at, updatedAt: at };
    await update('healthChecks', original, superseded, { reason });
    await create('healthChecks', corrected, reason);
    return { check: corrected, judgement, replaced: superseded };
  });
}

/**
 * Withdraws a passenger's latest check, for a check recorded for the wrong person: the check is
 * kept, soft-deleted with the reason (`withdrawnReason`), and audited, so the passenger is back to
 * what the checks before it say ("not checked" when there were none). Like a correction, it acts on
 * the latest check as the station saw it, or says which check is latest now.
 */
export async function withdrawHealthCheck(checkId: string, reason: string): Promise<HealthCheck> {
  return auditedWrite(['batches', 'workers', 'healthChecks'], async ({ db, update }) => {
    const original = await db.healthChecks.get(checkId);
    if (!original) throw new RecordNotFoundError('healthChecks', checkId);
    refuseIfLocked(await liveBatch(db, original.batchId));
    const latest = latestCheck(await checksOf(db, original.batchId, original.workerId));
    if (original.deletedAt || latest?.id !== original.id) throw new HealthCheckConflictError(latest);
    const why = reason.trim();
    if (why === '') throw new RecordRejectedError([{ field: 'reason', code: 'withdrawal-reason-required' }]);
    const at = now();
    const withdrawn: HealthCheck = { ...original, withdrawnReason: why, deletedAt: at, updatedAt: at };
    await update('healthChecks', original, withdrawn, { action: 'delete', reason: why });
    return withdrawn;
  });
}

/** A passenger's checks on a batch and their audit rows: who saved or corrected what, and when. */
export interface CheckHistory {
  /** Every check, replaced ones included, in the order they were saved. */
  checks: HealthCheck[];
  /** The audit rows of those checks, in the order they were written. */
  audit: AuditEntry[];
}

/** The history of a passenger's checks on a batch. */
export async function checkHistory(batchId: string, workerId: string): Promise<CheckHistory> {
  const db = database();
  const checks = (await checksOf(db, batchId, workerId)).sort((a, b) => millisecondsBetween(b.createdAt, a.createdAt));
  const audit = (
    await Promise.all(
      checks.map((check) => db.audit.where('[table+recordId]').equals(['healthChecks', check.id]).toArray()),
    )
  )
    .flat()
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return { checks, audit };
}

/** Each live passenger's state at the station, by worker id: for flags on the batch's other pages. */
export async function batchHealthStates(batchId: string): Promise<Map<string, PassengerHealthState>> {
  const db = database();
  const { checkValidityHours } = await getSettings();
  const batch = await liveBatch(db, batchId);
  const [route, assignments, checks] = await Promise.all([
    db.routes.get(batch.routeId),
    db.assignments.where('batchId').equals(batchId).toArray(),
    db.healthChecks.where('batchId').equals(batchId).toArray(),
  ]);
  const departureAt = batchDepartureAt(batch, route);
  const byWorker = checksByWorker(checks);
  return new Map(
    assignments
      .filter(isLive)
      .map((assignment) => [
        assignment.workerId,
        passengerHealth(byWorker.get(assignment.workerId) ?? [], departureAt, checkValidityHours).state,
      ]),
  );
}

/** Checks grouped by passenger, each group in the order given. */
export function checksByWorker(checks: readonly HealthCheck[]): Map<string, HealthCheck[]> {
  const byWorker = new Map<string, HealthCheck[]>();
  for (const check of checks) {
    const list = byWorker.get(check.workerId);
    if (list) list.push(check);
    else byWorker.set(check.workerId, [check]);
  }
  return byWorker;
}

/** What taking failed passengers off the seat plan did. */
export interface UnseatOutcome {
  /** Failed passengers whose seats were cleared. */
  unseated: string[];
  /** Asked for, but not failed any more, without a seat, or not on the batch: left as they were. */
  skipped: string[];
}

/**
 * Clears every seat of the given passengers whose check failed (as the station shows it when the
 * action runs): they stay on the batch, flagged, until they are moved to a later batch or removed.
 * Passengers who are not failed (any more) are left alone. One audit row on the batch, as for the
 * automatic seating, says whose seats were freed.
 */
export async function unseatFailedPassengers(batchId: string, workerIds: readonly string[]): Promise<UnseatOutcome> {
  const { checkValidityHours } = await getSettings();
  return auditedWrite(['batches', 'routes', 'assignments', 'healthChecks'], async ({ db, updateAll }) => {
    const batch = await liveBatch(db, batchId);
    refuseIfLocked(batch);
    const departureAt = batchDepartureAt(batch, await db.routes.get(batch.routeId));
    const wanted = new Set(workerIds);
    const assignments = (await db.assignments.where('batchId').equals(batchId).toArray()).filter(
      (assignment) => isLive(assignment) && wanted.has(assignment.workerId),
    );
    const byWorker = checksByWorker(await db.healthChecks.where('batchId').equals(batchId).toArray());
    const at = now();
    const changed: { before: Assignment; after: Assignment }[] = [];
    for (const assignment of assignments) {
      const { state } = passengerHealth(byWorker.get(assignment.workerId) ?? [], departureAt, checkValidityHours);
      if (state !== 'failed' || assignment.seats.length === 0) continue;
      changed.push({ before: assignment, after: { ...assignment, seats: [], updatedAt: at } });
    }
    await updateAll('assignments', changed, seatPlanChange(batchId, changed));
    const unseated = changed.map(({ after }) => after.workerId);
    const done = new Set(unseated);
    return { unseated, skipped: workerIds.filter((id) => !done.has(id)) };
  });
}

/** Live batches leaving after this one that can still take passengers, soonest first. */
export async function laterBatches(batchId: string): Promise<Batch[]> {
  const db = database();
  const batch = await liveBatch(db, batchId);
  const later = await db.batches.where('date').above(batch.date).toArray();
  return later
    .filter((candidate) => isLive(candidate) && !isBatchLocked(candidate.status))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name, 'zh-CN')));
}

/** A registered worker found by a whole resident ID, with the live batches they are on. */
export interface ResidentIdLookup {
  worker: Worker;
  batches: Batch[];
}

/**
 * The worker with this (normalized, 18-character) resident ID and their batches, or null when no
 * live worker has it: the station's answer to an ID that is not on the batch.
 */
export async function lookUpResidentId(residentId: string): Promise<ResidentIdLookup | null> {
  const db = database();
  const worker = await db.workers.where('residentId').equals(residentId).first();
  if (!worker || worker.deletedAt) return null;
  const assignments = (await db.assignments.where('workerId').equals(worker.id).toArray()).filter(isLive);
  const batches = (await db.batches.bulkGet(assignments.map((assignment) => assignment.batchId))).filter(
    (batch): batch is Batch => batch !== undefined && isLive(batch),
  );
  return { worker, batches };
}
