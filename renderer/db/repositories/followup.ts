/**
 * Arrival, handover and follow-up (issue 17, the fourth unification; docs/domain.md#follow-up):
 * - an arrival per leg of a departed batch; the batch is `arrived` once every leg has one;
 * - a handover per receiving enterprise, naming who received which passengers and who was not
 *   handed over and why; the batch is `handed-over` once every enterprise of its passengers has one;
 * - a follow-up per worker handed over, from which the contact schedule counts;
 * - the contact log, append-only: a correction is a new contact naming the one it replaces;
 * - employment periods, derived from the handover and the contacts (shared/followup/periods.ts)
 *   and rewritten in the same transaction as every contact, so they never disagree with the log.
 * Every write goes through auditedWrite: each record with its audit row, all or nothing.
 */
import {
  BATCH_STATUSES,
  type Arrival,
  type Batch,
  type BatchStatus,
  type Contact,
  type EmploymentPeriod,
  type Enterprise,
  type FollowUp,
  type Handover,
  type Settings,
  type Worker,
  type WorkerStatus,
} from '@shared/domain/records';
import { beijingCalendarDate, todayCalendarDate } from '@shared/dates';
import type { CalendarDate } from '@shared/domain/records';
import { legDepartureAt, batchDepartureAt } from '@shared/domain/departure';
import {
  checkArrival,
  checkContact,
  checkHandover,
  contactSchedule,
  derivePeriods,
  type ArrivalInput,
  type ContactInput,
  type DerivedPeriod,
  type HandoverInput,
} from '@shared/followup';
import { auditedWrite, type AuditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { database, type PlannerDatabase } from '../database';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';
import { liveBatch } from './batches';

/** The tables a follow-up write touches (the confirmation import writes in them too). */
export const FOLLOW_UP_TABLES = [
  'batches',
  'routes',
  'assignments',
  'workers',
  'enterprises',
  'arrivals',
  'handovers',
  'followUps',
  'contacts',
  'employmentPeriods',
] as const;

/**
 * The tables a contact's save writes in (storeContact): no more, so that its transaction waits for
 * no read of the others.
 */
const CONTACT_TABLES = ['workers', 'enterprises', 'followUps', 'contacts', 'employmentPeriods'] as const;

function refuse(field: string, code: string, params?: Readonly<Record<string, string | number>>): never {
  throw new RecordRejectedError([{ field, code, ...(params ? { params } : {}) }]);
}

async function operatorOf(): Promise<{ operator: string; settings: Settings }> {
  const settings = await getSettings();
  const operator = settings.operatorName.trim();
  if (operator === '') refuse('operator', 'operator-missing');
  return { operator, settings };
}

/** A batch that has left: only then can it arrive and be handed over. */
function refuseUnlessDeparted(batch: Batch): void {
  if (BATCH_STATUSES.indexOf(batch.status) < BATCH_STATUSES.indexOf('departed')) {
    refuse('status', 'batch-not-departed', { name: batch.name });
  }
  if (batch.status === 'closed') refuse('status', 'batch-closed', { name: batch.name });
}

async function liveRoute(db: PlannerDatabase, batch: Batch) {
  const route = await db.routes.get(batch.routeId);
  if (!route) throw new RecordNotFoundError('routes', batch.routeId);
  return route;
}

/** The batch's passengers (live assignments) with their workers. */
async function passengersOf(db: PlannerDatabase, batchId: string): Promise<Worker[]> {
  const assignments = (await db.assignments.where('batchId').equals(batchId).toArray()).filter(isLive);
  const workers = await db.workers.bulkGet(assignments.map((assignment) => assignment.workerId));
  return workers.filter((worker): worker is Worker => worker !== undefined && isLive(worker));
}

/**
 * The status the facts give a departed batch: `arrived` once every leg has an arrival, and
 * `handed-over` once, besides, every enterprise of its passengers has signed for them. Never back.
 */
async function advanceBatch(db: PlannerDatabase, batchId: string, write: AuditedWrite): Promise<void> {
  const batch = await liveBatch(db, batchId);
  if (batch.status !== 'departed' && batch.status !== 'arrived') return;
  const arrivals = (await db.arrivals.where('batchId').equals(batchId).toArray()).filter(isLive);
  const arrivedLegs = new Set(arrivals.map((arrival) => arrival.legId));
  const arrived = batch.legs.length > 0 && batch.legs.every((leg) => arrivedLegs.has(leg.legId));
  let to: BatchStatus = batch.status;
  if (arrived) {
    to = 'arrived';
    const handedOver = new Set(
      (await db.handovers.where('batchId').equals(batchId).toArray()).filter(isLive).map((h) => h.enterpriseId),
    );
    const enterprises = new Set((await passengersOf(db, batchId)).map((worker) => worker.enterpriseId));
    const everyOne = enterprises.size > 0 && [...enterprises].every((id) => id !== null && handedOver.has(id));
    if (everyOne) to = 'handed-over';
  }
  if (to !== batch.status) await write.update('batches', batch, { ...batch, status: to, updatedAt: now() });
}

/** Records (or records again) when a leg of a departed batch arrived. */
export async function recordArrival(batchId: string, legId: string, input: ArrivalInput): Promise<Arrival> {
  const { operator } = await operatorOf();
  return auditedWrite(FOLLOW_UP_TABLES, async (write) => {
    const { db } = write;
    const batch = await liveBatch(db, batchId);
    refuseUnlessDeparted(batch);
    const route = await liveRoute(db, batch);
    const leg = route.legs.find((candidate) => candidate.id === legId);
    if (!leg || !batch.legs.some((batchLeg) => batchLeg.legId === legId)) throw new RecordNotFoundError('legs', legId);
    const at = now();
    const problems = checkArrival(input, { departureAt: legDepartureAt(batch, leg), now: at });
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const fields = {
      arrivedAt: input.arrivedAt,
      place: input.place.trim(),
      note: input.note.trim(),
      recordedBy: operator,
    };
    const existing = (await db.arrivals.where('batchId').equals(batchId).toArray()).find(
      (arrival) => arrival.legId === legId && isLive(arrival),
    );
    const arrival = existing
      ? await write.update('arrivals', existing, { ...existing, ...fields, updatedAt: at })
      : await write.create<Arrival>('arrivals', {
          id: newId(),
          batchId,
          legId,
          ...fields,
          createdAt: at,
          updatedAt: at,
        });
    await advanceBatch(db, batchId, write);
    return arrival;
  });
}

/** The liaison station that serves an enterprise's city, if the office has one there. */
function stationFor(settings: Settings, enterprise: Enterprise): string | null {
  const city = enterprise.city.trim();
  return settings.liaisonStations.find((station) => station.city.trim() === city && city !== '')?.id ?? null;
}

/**
 * Records (or records again) that an enterprise received a departed batch's passengers for it:
 * every passenger placed with the enterprise is handed over but those named in `exceptions`. Each
 * worker handed over gets a follow-up and a first employment period; a worker taken off a handover
 * loses them, which is refused once a contact has been logged for them.
 */
export async function recordHandover(batchId: string, enterpriseId: string, input: HandoverInput): Promise<Handover> {
  const { operator, settings } = await operatorOf();
  return auditedWrite(FOLLOW_UP_TABLES, async (write) => {
    const { db } = write;
    const batch = await liveBatch(db, batchId);
    refuseUnlessDeparted(batch);
    const enterprise = await db.enterprises.get(enterpriseId);
    if (!enterprise || !isLive(enterprise)) throw new RecordNotFoundError('enterprises', enterpriseId);
    const route = await liveRoute(db, batch);
    const passengers = (await passengersOf(db, batchId)).filter((worker) => worker.enterpriseId === enterpriseId);
    if (passengers.length === 0) refuse('enterpriseId', 'handover-no-passengers', { name: enterprise.name });
    const at = now();
    const passengerIds = new Set(passengers.map((worker) => worker.id));
    const problems = checkHandover(input, { departureAt: batchDepartureAt(batch, route), now: at, passengerIds });
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const excepted = new Set(input.exceptions.map((exception) => exception.workerId));
    const handedOver = passengers.filter((worker) => !excepted.has(worker.id));
    const fields = {
      receiverName: input.receiverName.trim(),
      receiverPhone: input.receiverPhone.trim(),
      handedOverAt: input.handedOverAt,
      place: input.place.trim(),
      workerIds: handedOver.map((worker) => worker.id),
      exceptions: input.exceptions.map((exception) => ({ ...exception, note: exception.note.trim() })),
      recordedBy: operator,
      note: input.note.trim(),
    };
    const existing = (await db.handovers.where('batchId').equals(batchId).toArray()).find(
      (handover) => handover.enterpriseId === enterpriseId && isLive(handover),
    );
    const handover = existing
      ? await write.update('handovers', existing, { ...existing, ...fields, updatedAt: at })
      : await write.create<Handover>('handovers', {
          id: newId(),
          batchId,
          enterpriseId,
          ...fields,
          createdAt: at,
          updatedAt: at,
        });
    const handedOverOn = beijingCalendarDate(input.handedOverAt);
    const followUps = (await db.followUps.where('handoverId').equals(handover.id).toArray()).filter(isLive);
    const byWorker = new Map(followUps.map((followUp) => [followUp.workerId, followUp]));
    for (const followUp of followUps) {
      if (passengerIds.has(followUp.workerId) && !excepted.has(followUp.workerId)) continue;
      await refuseIfContacted(db, followUp, 'handover-exception-contacted');
      await write.update('followUps', followUp, { ...followUp, deletedAt: at, updatedAt: at }, { action: 'delete' });
      await syncPeriods(write, { ...followUp, deletedAt: at }, enterprise);
      // Taken off the handover: no longer on board anywhere, unless another handover says so.
      const others = (await db.followUps.where('workerId').equals(followUp.workerId).toArray()).filter(
        (other) => other.id !== followUp.id && isLive(other),
      );
      if (others.length === 0) await setWorkerStatus(write, followUp.workerId, 'assigned');
    }
    for (const worker of handedOver) {
      const current = byWorker.get(worker.id);
      let followUp: FollowUp;
      if (current) {
        if (current.handedOverOn !== handedOverOn) {
          const contacts = await liveContactsOf(db, current.id);
          const early = contacts.find((contact) => contact.date < handedOverOn);
          if (early) refuse('handedOverAt', 'handover-after-contact', { date: early.date });
        }
        followUp =
          current.handedOverOn === handedOverOn
            ? current
            : await write.update('followUps', current, {
                ...current,
                handedOverOn,
                ...scheduleFields(handedOverOn, await liveContactsOf(db, current.id), settings.contactDays),
                updatedAt: at,
              });
      } else {
        followUp = await write.create<FollowUp>('followUps', {
          id: newId(),
          workerId: worker.id,
          batchId,
          handoverId: handover.id,
          enterpriseId,
          handedOverOn,
          staffId: null,
          stationId: stationFor(settings, enterprise),
          ...scheduleFields(handedOverOn, [], settings.contactDays),
          createdAt: at,
          updatedAt: at,
        });
      }
      await syncPeriods(write, followUp, enterprise);
      await setWorkerStatus(write, worker.id, 'onboarded');
    }
    await advanceBatch(db, batchId, write);
    return handover;
  });
}

async function refuseIfContacted(db: PlannerDatabase, followUp: FollowUp, code: string): Promise<void> {
  const contacts = await liveContactsOf(db, followUp.id);
  if (contacts.length > 0) {
    const worker = await db.workers.get(followUp.workerId);
    refuse('exceptions', code, { name: worker?.name ?? '' });
  }
}

function liveContactsOf(db: PlannerDatabase, followUpId: string): Promise<Contact[]> {
  return db.contacts
    .where('followUpId')
    .equals(followUpId)
    .toArray()
    .then((contacts) => contacts.filter(isLive));
}

/** A period's stable id: the follow-up's and its place in the worker's timeline. */
function periodId(followUpId: string, index: number): string {
  return `${followUpId}:${index + 1}`;
}

function samePeriod(stored: EmploymentPeriod, derived: DerivedPeriod): boolean {
  return (Object.keys(derived) as (keyof DerivedPeriod)[]).every((key) => stored[key] === derived[key]);
}

/**
 * Rewrites a follow-up's employment periods to what its handover and live contacts say: changed
 * periods are updated, new ones created, ones no longer there soft-deleted (all of them, for a
 * follow-up that was deleted). Each change with its audit row.
 */
async function syncPeriods(
  write: AuditedWrite,
  followUp: FollowUp,
  enterprise?: Enterprise,
  /** The follow-up's live contacts, when the caller has just read them. */
  contacts?: readonly Contact[],
  /** The follow-up's stored periods, when the caller has just read them. */
  periods?: readonly EmploymentPeriod[],
): Promise<void> {
  const { db } = write;
  const at = now();
  let derived: DerivedPeriod[] = [];
  if (isLive(followUp)) {
    const employer = enterprise ?? (await db.enterprises.get(followUp.enterpriseId));
    derived = derivePeriods(
      {
        enterpriseId: followUp.enterpriseId,
        employerName: employer?.name ?? '',
        employerCity: employer?.city ?? '',
        handedOverOn: followUp.handedOverOn,
      },
      contacts ?? (await liveContactsOf(db, followUp.id)),
    );
  }
  const stored = new Map(
    (periods ?? (await db.employmentPeriods.where('followUpId').equals(followUp.id).toArray())).map((period) => [
      period.id,
      period,
    ]),
  );
  // Asked for together (see storeContact).
  const writes: Promise<unknown>[] = [];
  for (const [index, period] of derived.entries()) {
    const id = periodId(followUp.id, index);
    const before = stored.get(id);
    stored.delete(id);
    if (!before) {
      writes.push(
        write.create<EmploymentPeriod>('employmentPeriods', {
          id,
          followUpId: followUp.id,
          workerId: followUp.workerId,
          ...period,
          createdAt: at,
          updatedAt: at,
        }),
      );
    } else if (!isLive(before)) {
      writes.push(
        write.update(
          'employmentPeriods',
          before,
          { ...before, ...period, deletedAt: null, updatedAt: at },
          { action: 'restore' },
        ),
      );
    } else if (!samePeriod(before, period)) {
      writes.push(write.update('employmentPeriods', before, { ...before, ...period, updatedAt: at }));
    }
  }
  for (const extra of stored.values()) {
    if (isLive(extra)) {
      writes.push(
        write.update('employmentPeriods', extra, { ...extra, deletedAt: at, updatedAt: at }, { action: 'delete' }),
      );
    }
  }
  await Promise.all(writes);
}

async function setWorkerStatus(
  write: AuditedWrite,
  workerId: string,
  status: WorkerStatus,
  /** The worker, when the caller has just read them. */
  read?: Worker,
): Promise<void> {
  const worker = read ?? (await write.db.workers.get(workerId));
  if (!worker || !isLive(worker) || worker.anonymisedAt || worker.status === status) return;
  await write.update('workers', worker, { ...worker, status, updatedAt: now() });
}

/** The worker's status as their newest contact leaves it. */
function statusAfter(contacts: readonly Contact[]): WorkerStatus | null {
  const newest = [...contacts]
    .filter((contact) => contact.outcome !== 'unreachable')
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  if (!newest) return null;
  return newest.outcome === 'in-post' || newest.outcome === 'changed-job' ? 'onboarded' : 'left';
}

function trimmed(input: ContactInput): ContactInput {
  return {
    ...input,
    by: input.by.trim(),
    employerName: input.employerName.trim(),
    employerCity: input.employerCity.trim(),
    leftReason: input.leftReason.trim(),
    difficulties: input.difficulties.trim(),
    action: input.action.trim(),
    startedOn: input.startedOn === '' ? null : input.startedOn,
    leftOn: input.leftOn === '' ? null : input.leftOn,
    nextDate: input.nextDate === '' ? null : input.nextDate,
  };
}

async function liveFollowUp(db: PlannerDatabase, followUpId: string): Promise<FollowUp> {
  const followUp = await db.followUps.get(followUpId);
  if (!followUp || !isLive(followUp)) throw new RecordNotFoundError('followUps', followUpId);
  return followUp;
}

/**
 * The follow-up's fields that the schedule and the newest contact give (FollowUp.nextDue): what the
 * workspace reads by index.
 */
export function scheduleFields(
  handedOverOn: CalendarDate,
  contacts: readonly Contact[],
  contactDays: readonly number[],
): Pick<FollowUp, 'nextDue' | 'lastContactOn' | 'lastOutcome'> {
  const newest = [...contacts]
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  return {
    nextDue: contactSchedule(handedOverOn, contacts, contactDays).nextDue,
    lastContactOn: newest?.date ?? null,
    lastOutcome: newest?.outcome ?? null,
  };
}

/** A contact as stored, and its follow-up as the contact left it (the workspace's row is drawn from it). */
export interface StoredContact {
  contact: Contact;
  followUp: FollowUp;
}

/**
 * Writes `contact` and what follows from it: the follow-up's schedule, the periods and the worker's
 * status, inside the caller's auditedWrite on FOLLOW_UP_TABLES (the confirmation import's chunks).
 */
export async function storeContact(
  write: AuditedWrite,
  followUp: FollowUp,
  contact: Contact,
  contactDays: readonly number[],
  reason?: string,
): Promise<StoredContact> {
  const { db } = write;
  // Everything the save derives from, asked for at once: IndexedDB answers the four in one go
  // rather than one after another (a contact's save is timed, issue 17).
  const [earlier, enterprise, periods, worker] = await Promise.all([
    liveContactsOf(db, followUp.id),
    db.enterprises.get(followUp.enterpriseId),
    db.employmentPeriods.where('followUpId').equals(followUp.id).toArray(),
    db.workers.get(followUp.workerId),
  ]);
  // The writes are asked for together, not one after another's answer: IndexedDB stores them in
  // the order asked, and each audit row links to the one asked for before it (renderer/db/audit.ts).
  const stored = write.create('contacts', contact, reason);
  const contacts = [...earlier.filter((one) => one.id !== contact.id), contact];
  const scheduled = { ...followUp, ...scheduleFields(followUp.handedOverOn, contacts, contactDays) };
  const updated = write.update('followUps', followUp, { ...scheduled, updatedAt: now() });
  const status = statusAfter(contacts);
  await Promise.all([
    stored,
    updated,
    syncPeriods(write, followUp, enterprise, contacts, periods),
    status ? setWorkerStatus(write, followUp.workerId, status, worker) : undefined,
  ]);
  return { contact: await stored, followUp: await updated };
}

/**
 * Logs one contact with a worker after their handover. Refused, with nothing stored, when a date
 * is in the future or before the handover, a new job names no employer, or a text is too long.
 */
export async function logContact(followUpId: string, input: ContactInput): Promise<StoredContact> {
  return auditedWrite(CONTACT_TABLES, async (write) => {
    // Read in the write's own transaction, together: one round trip fewer (issue 17, timed).
    const [{ settings }, followUp] = await Promise.all([operatorOf(), liveFollowUp(write.db, followUpId)]);
    const given = trimmed(input);
    const problems = checkContact(given, { today: todayCalendarDate(), handedOverOn: followUp.handedOverOn });
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const at = now();
    return storeContact(
      write,
      followUp,
      {
        id: newId(),
        followUpId,
        workerId: followUp.workerId,
        ...given,
        createdAt: at,
        updatedAt: at,
      },
      settings.contactDays,
    );
  });
}

/**
 * Corrects a contact: a new contact with the corrected fields names the one it replaces, which is
 * kept, marked superseded and soft-deleted; the periods follow the correction. A reason is required.
 */
export async function correctContact(contactId: string, input: ContactInput, reason: string): Promise<StoredContact> {
  const { settings } = await operatorOf();
  const why = reason.trim();
  if (why === '') refuse('correctionReason', 'correction-reason-required');
  return auditedWrite(CONTACT_TABLES, async (write) => {
    const { db } = write;
    const original = await db.contacts.get(contactId);
    if (!original || !isLive(original)) throw new RecordNotFoundError('contacts', contactId);
    const followUp = await liveFollowUp(db, original.followUpId);
    const given = trimmed(input);
    const problems = checkContact(given, { today: todayCalendarDate(), handedOverOn: followUp.handedOverOn });
    if (why.length > 2_000)
      problems.push({ field: 'correctionReason', code: 'label-too-long', params: { max: 2_000 } });
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const at = now();
    const correction: Contact = {
      id: newId(),
      followUpId: followUp.id,
      workerId: followUp.workerId,
      ...given,
      correctsId: original.id,
      correctionReason: why,
      createdAt: at,
      updatedAt: at,
    };
    await write.update(
      'contacts',
      original,
      { ...original, supersededById: correction.id, deletedAt: at, updatedAt: at },
      { action: 'delete', reason: why },
    );
    return storeContact(write, followUp, correction, settings.contactDays, why);
  });
}

/** Assigns follow-ups to a member of the staff list (null: to no one); returns how many changed. */
export async function assignFollowUps(followUpIds: readonly string[], staffId: string | null): Promise<number> {
  const { settings } = await operatorOf();
  if (staffId !== null && !settings.staff.some((member) => member.id === staffId)) {
    throw new RecordNotFoundError('staff', staffId);
  }
  return auditedWrite(['followUps'], async ({ db, update }) => {
    let changed = 0;
    const at = now();
    for (const followUp of await db.followUps.bulkGet([...followUpIds])) {
      if (!followUp || !isLive(followUp) || followUp.staffId === staffId) continue;
      await update('followUps', followUp, { ...followUp, staffId, updatedAt: at });
      changed += 1;
    }
    return changed;
  });
}

/** Puts follow-ups under a liaison station (null: none); returns how many changed. */
export async function setFollowUpStation(followUpIds: readonly string[], stationId: string | null): Promise<number> {
  const { settings } = await operatorOf();
  if (stationId !== null && !settings.liaisonStations.some((station) => station.id === stationId)) {
    throw new RecordNotFoundError('liaisonStations', stationId);
  }
  return auditedWrite(['followUps'], async ({ db, update }) => {
    let changed = 0;
    const at = now();
    for (const followUp of await db.followUps.bulkGet([...followUpIds])) {
      if (!followUp || !isLive(followUp) || followUp.stationId === stationId) continue;
      await update('followUps', followUp, { ...followUp, stationId, updatedAt: at });
      changed += 1;
    }
    return changed;
  });
}

/** A batch's arrival and handover, as its page shows them. */
export interface BatchArrivalState {
  arrivals: Arrival[];
  handovers: Handover[];
  /** The passengers, grouped by the enterprise they are placed with (null: none). */
  passengersByEnterprise: Map<string | null, Worker[]>;
}

export async function batchArrivalState(batchId: string): Promise<BatchArrivalState> {
  const db = database();
  const [arrivals, handovers, passengers] = await Promise.all([
    db.arrivals.where('batchId').equals(batchId).toArray(),
    db.handovers.where('batchId').equals(batchId).toArray(),
    passengersOf(db, batchId),
  ]);
  const passengersByEnterprise = new Map<string | null, Worker[]>();
  for (const worker of passengers) {
    const list = passengersByEnterprise.get(worker.enterpriseId) ?? [];
    list.push(worker);
    passengersByEnterprise.set(worker.enterpriseId, list);
  }
  return { arrivals: arrivals.filter(isLive), handovers: handovers.filter(isLive), passengersByEnterprise };
}

/** One of a worker's follow-ups, with every contact (corrected ones too) and the live periods. */
export interface WorkerFollowUp {
  followUp: FollowUp;
  /** Oldest first; superseded contacts stay, soft-deleted, next to their correction. */
  contacts: Contact[];
  periods: EmploymentPeriod[];
}

/** A worker's follow-ups, newest handover first. */
export async function followUpsOfWorker(workerId: string): Promise<WorkerFollowUp[]> {
  const db = database();
  const [followUps, contacts, periods] = await Promise.all([
    db.followUps.where('workerId').equals(workerId).toArray(),
    db.contacts.where('workerId').equals(workerId).toArray(),
    db.employmentPeriods.where('workerId').equals(workerId).toArray(),
  ]);
  return followUps
    .filter(isLive)
    .sort((a, b) => b.handedOverOn.localeCompare(a.handedOverOn))
    .map((followUp) => ({
      followUp,
      contacts: contacts
        .filter((contact) => contact.followUpId === followUp.id)
        .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)),
      periods: periods
        .filter((period) => period.followUpId === followUp.id && isLive(period))
        .sort((a, b) => a.start.localeCompare(b.start)),
    }));
}

/** The worker's newest live follow-up, or null when they were never handed over. */
export async function latestFollowUpOf(workerId: string): Promise<FollowUp | null> {
  const followUps = (await database().followUps.where('workerId').equals(workerId).toArray()).filter(isLive);
  return followUps.sort((a, b) => b.handedOverOn.localeCompare(a.handedOverOn))[0] ?? null;
}
