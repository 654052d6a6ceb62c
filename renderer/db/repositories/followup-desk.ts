/**
 * The follow-up workspace's reads and the schedule's recomputation (issue 17, items 3 and 5):
 * - `followUpDesk(today)` reads only the follow-ups due today or before, by the `nextDue` index
 *   (the schedule keeps it on every contact write), then just their workers, batches and the
 *   enterprises: the workspace opens on 100,000 workers handed over without reading them all;
 * - `rescheduleFollowUps(days)` gives every follow-up the next due date a new list of contact
 *   points makes, chunk by chunk, each chunk one audited transaction: a stop between two leaves
 *   every follow-up either as before or as it should be, and running it again finishes the work.
 */
import type { Batch, CalendarDate, Contact, Enterprise, FollowUp, Settings, Worker } from '@shared/domain/records';
import type { DueRow } from '@shared/followup/due';
import { scheduleOfRow, weekStart } from '@shared/followup/due';
import { auditedWrite } from '../audited-write';
import { now } from '../clock';
import { database } from '../database';
import { isLive } from '../soft-delete';
import { scheduleFields } from './followup';
import { getSettings } from './settings';

/** What the workspace shows: the due follow-ups with their people, and the week's count. */
export interface FollowUpDesk {
  /** Due on `today` or before, live, in no particular order (shared/followup/due.ts sorts). */
  rows: DueRow[];
  /** Live contacts dated from this week's Monday (Beijing) to today; null while they are counted. */
  doneThisWeek: number | null;
  settings: Settings;
}

function rowOf(followUp: FollowUp, worker: Worker | undefined, enterprise?: Enterprise, batch?: Batch): DueRow {
  return {
    followUpId: followUp.id,
    workerId: followUp.workerId,
    name: worker?.name ?? '',
    phone: worker?.phone ?? '',
    countyCode: worker?.countyCode ?? '',
    county: worker?.county ?? '',
    township: worker?.township ?? '',
    village: worker?.village ?? '',
    enterpriseId: followUp.enterpriseId,
    enterpriseName: enterprise?.name ?? '',
    batchId: followUp.batchId,
    batchName: batch?.name ?? '',
    ...scheduleOfRow(followUp),
  };
}

/** The rows of these follow-ups, with one read of each table they need. */
async function rowsOf(followUps: readonly FollowUp[]): Promise<DueRow[]> {
  const db = database();
  const workerIds = [...new Set(followUps.map((followUp) => followUp.workerId))];
  const batchIds = [...new Set(followUps.map((followUp) => followUp.batchId))];
  const enterpriseIds = [...new Set(followUps.map((followUp) => followUp.enterpriseId))];
  const [workers, batches, enterprises] = await Promise.all([
    db.workers.bulkGet(workerIds),
    db.batches.bulkGet(batchIds),
    db.enterprises.bulkGet(enterpriseIds),
  ]);
  const workerById = new Map<string, Worker>();
  for (const worker of workers) if (worker) workerById.set(worker.id, worker);
  const batchById = new Map<string, Batch>();
  for (const batch of batches) if (batch) batchById.set(batch.id, batch);
  const enterpriseById = new Map<string, Enterprise>();
  for (const enterprise of enterprises) if (enterprise) enterpriseById.set(enterprise.id, enterprise);
  return followUps.map((followUp) =>
    rowOf(
      followUp,
      workerById.get(followUp.workerId),
      enterpriseById.get(followUp.enterpriseId),
      batchById.get(followUp.batchId),
    ),
  );
}

/**
 * The due follow-ups on `today` (Beijing calendar) with their people, without the week's count:
 * what the first rows on the screen need. The count reads this week's contacts, thousands of records
 * in a large county, and IndexedDB serves one read after another: it comes second
 * (`contactsThisWeek`), so that the list never waits for it.
 */
export async function dueDesk(today: CalendarDate): Promise<Omit<FollowUpDesk, 'doneThisWeek'>> {
  const db = database();
  const [due, settings] = await Promise.all([
    db.followUps.where('nextDue').belowOrEqual(today).toArray(),
    getSettings(),
  ]);
  return { rows: await rowsOf(due.filter(isLive)), settings };
}

/**
 * The first due follow-ups on `today`, in the list's order, without reading the thousands behind
 * them: at least `count` follow-ups by the `nextDue` index, then every other one due on the last of
 * those days (the list orders a day's follow-ups by name, which only their workers know, so a day is
 * read whole). The workspace draws these while `dueDesk` reads the rest (docs/architecture.md#data,
 * "reads that a screen waits for").
 */
export async function dueDeskHead(
  today: CalendarDate,
  count: number,
): Promise<Omit<FollowUpDesk, 'doneThisWeek'> & { whole: boolean }> {
  const db = database();
  const [head, settings] = await Promise.all([
    db.followUps.where('nextDue').belowOrEqual(today).limit(count).toArray(),
    getSettings(),
  ]);
  const lastDay = head.at(-1)?.nextDue ?? null;
  // Fewer than asked for: that was every due follow-up.
  const whole = head.length < count;
  const sameDay = whole || lastDay === null ? [] : await db.followUps.where('nextDue').equals(lastDay).toArray();
  const byId = new Map<string, FollowUp>();
  for (const followUp of [...head, ...sameDay]) if (isLive(followUp)) byId.set(followUp.id, followUp);
  return { rows: await rowsOf([...byId.values()]), settings, whole };
}

/**
 * Live contacts dated from this week's Monday (Beijing) to `today`. Read in one request and counted
 * here: a count with a filter walks a cursor, one round trip a contact, and a busy county logs
 * thousands a week (it took seconds).
 */
export async function contactsThisWeek(today: CalendarDate): Promise<number> {
  const week = await database().contacts.where('date').between(weekStart(today), today, true, true).toArray();
  return week.filter(isLive).length;
}

/** The workspace's data on `today` (Beijing calendar), the week's count included. */
export async function followUpDesk(today: CalendarDate): Promise<FollowUpDesk> {
  const desk = await dueDesk(today);
  return { ...desk, doneThisWeek: await contactsThisWeek(today) };
}

/** One follow-up as its row (for a worker opened by a link, whether due or not); null when there is none. */
export async function followUpRow(followUpId: string): Promise<DueRow | null> {
  const followUp = await database().followUps.get(followUpId);
  if (!followUp || !isLive(followUp)) return null;
  const [row] = await rowsOf([followUp]);
  return row ?? null;
}

/** How far the recomputation has come. */
export interface RescheduleProgress {
  done: number;
  total: number;
}

interface ChunkStep {
  read: number;
  last: string | null;
  changed: number;
}

/** Follow-ups recomputed per transaction: small enough that a stop loses little, large enough to be quick. */
export const RESCHEDULE_CHUNK = 500;

/**
 * Recomputes every live follow-up's next due date (and last contact) for the contact points `days`
 * (as Settings now holds them), in chunks of RESCHEDULE_CHUNK follow-ups in id order, each chunk
 * one transaction with one audit row naming what changed. Returns how many follow-ups changed.
 * `signal` stops it between two chunks; what was done stays done and is consistent.
 */
export async function rescheduleFollowUps(
  days: readonly number[],
  onProgress?: (progress: RescheduleProgress) => void,
  signal?: AbortSignal,
): Promise<number> {
  const db = database();
  const total = await db.followUps.count();
  let done = 0;
  let changed = 0;
  let after: string | null = null;
  onProgress?.({ done, total });
  for (;;) {
    if (signal?.aborted) break;
    const from: string | null = after;
    const step: ChunkStep = await auditedWrite(['followUps', 'contacts'], async ({ db: tx, updateAll }) => {
      const chunk: FollowUp[] = await (
        from === null ? tx.followUps.orderBy(':id') : tx.followUps.where(':id').above(from)
      )
        .limit(RESCHEDULE_CHUNK)
        .toArray();
      const live = chunk.filter(isLive);
      const contacts = await tx.contacts
        .where('followUpId')
        .anyOf(live.map((followUp) => followUp.id))
        .toArray();
      const byFollowUp = new Map<string, Contact[]>();
      for (const contact of contacts) {
        if (!isLive(contact)) continue;
        const list = byFollowUp.get(contact.followUpId);
        if (list) list.push(contact);
        else byFollowUp.set(contact.followUpId, [contact]);
      }
      const at = now();
      const changes: { before: FollowUp; after: FollowUp }[] = [];
      for (const followUp of live) {
        const fields = scheduleFields(followUp.handedOverOn, byFollowUp.get(followUp.id) ?? [], days);
        if (
          fields.nextDue === followUp.nextDue &&
          fields.lastContactOn === followUp.lastContactOn &&
          fields.lastOutcome === followUp.lastOutcome
        ) {
          continue;
        }
        changes.push({ before: followUp, after: { ...followUp, ...fields, updatedAt: at } });
      }
      if (changes.length > 0) {
        await updateAll('followUps', changes, {
          table: 'settings',
          recordId: 'app',
          action: 'update',
          before: { nextDue: changes.map(({ before }) => [before.id, before.nextDue]) },
          after: { contactDays: [...days], nextDue: changes.map(({ after: next }) => [next.id, next.nextDue]) },
        });
      }
      return { read: chunk.length, last: chunk.at(-1)?.id ?? null, changed: changes.length };
    });
    done += step.read;
    changed += step.changed;
    onProgress?.({ done: Math.min(done, total), total });
    if (step.last === null || step.read < RESCHEDULE_CHUNK) break;
    after = step.last;
  }
  return changed;
}
