/**
 * Enterprise confirmation lists (issue 17, item 6; docs/domain.md#follow-up): the report of a list
 * before anything is written, and the writing of the rows the coordinator accepts as contacts by
 * `enterprise-verification`. The rows are judged by shared/followup/confirmation.ts against the
 * register and the live contact log; the contacts are written in chunks, each chunk one
 * auditedWrite with the follow-up's schedule, periods and worker status (followup.ts's
 * storeContact), all of a chunk or none of it.
 */
import type { CalendarDate, Contact, FollowUp, Worker } from '@shared/domain/records';
import { todayCalendarDate } from '@shared/dates';
import { parseResidentId } from '@shared/domain/resident-id';
import { checkContact } from '@shared/followup';
import {
  judgeConfirmationRows,
  listDateProblem,
  sameVerification,
  type ConfirmationFollowUp,
  type ConfirmationVerdict,
  type ListedRow,
} from '@shared/followup/confirmation';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { database } from '../database';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';
import { FOLLOW_UP_TABLES, storeContact } from './followup';

/** How many rows one transaction writes: small enough that a cancel stops soon after it is asked. */
export const CONFIRMATION_CHUNK_ROWS = 50;

async function operatorName(): Promise<string> {
  const operator = (await getSettings()).operatorName.trim();
  if (operator === '') throw new RecordRejectedError([{ field: 'operator', code: 'operator-missing' }]);
  return operator;
}

function refuseListDate(listDate: string, today: CalendarDate): void {
  const problem = listDateProblem(listDate, today);
  if (problem) throw new RecordRejectedError([{ field: 'listDate', code: problem }]);
}

/** What a list's report needs: its rows, its day, and whether it has a status column. */
export interface ConfirmationListInput {
  rows: readonly ListedRow[];
  listDate: CalendarDate;
  hasStatusColumn: boolean;
}

/**
 * Judges every row of an enterprise's list against the register and the contact log; writes
 * nothing. Refused when the list's day is in the future or the operator has no name.
 */
export async function confirmationReport(
  enterpriseId: string,
  input: ConfirmationListInput,
): Promise<ConfirmationVerdict[]> {
  const db = database();
  const today = todayCalendarDate();
  refuseListDate(input.listDate, today);
  const operator = await operatorName();
  const enterprise = await db.enterprises.get(enterpriseId);
  if (!enterprise || !isLive(enterprise)) throw new RecordNotFoundError('enterprises', enterpriseId);

  const ids = new Set<string>();
  for (const row of input.rows) {
    const parsed = parseResidentId(row.residentId, today);
    if (parsed.ok) ids.add(parsed.id);
  }
  const workers = (
    await db.workers
      .where('residentId')
      .anyOf([...ids])
      .toArray()
  ).filter((worker) => isLive(worker) && !worker.anonymisedAt);
  const byId = new Map<string, Worker>(workers.map((worker) => [worker.residentId, worker]));
  const followUps = (
    await db.followUps
      .where('workerId')
      .anyOf(workers.map((worker) => worker.id))
      .toArray()
  ).filter(isLive);
  const contacts = (
    await db.contacts
      .where('followUpId')
      .anyOf(followUps.map((followUp) => followUp.id))
      .toArray()
  ).filter(isLive);
  const contactsOf = new Map<string, Contact[]>();
  for (const contact of contacts) {
    const list = contactsOf.get(contact.followUpId) ?? [];
    list.push(contact);
    contactsOf.set(contact.followUpId, list);
  }
  const followUpsOf = new Map<string, ConfirmationFollowUp[]>();
  for (const followUp of followUps) {
    const list = followUpsOf.get(followUp.workerId) ?? [];
    list.push({ ...followUp, contacts: contactsOf.get(followUp.id) ?? [] });
    followUpsOf.set(followUp.workerId, list);
  }
  return judgeConfirmationRows(input.rows, {
    enterprise: { id: enterprise.id, name: enterprise.name, city: enterprise.city },
    listDate: input.listDate,
    today,
    operator,
    hasStatusColumn: input.hasStatusColumn,
    workerOf: (residentId) => byId.get(residentId),
    followUpsOf: (workerId) => followUpsOf.get(workerId) ?? [],
  });
}

/** How far the writing is. */
export interface ConfirmationProgress {
  done: number;
  total: number;
}

/** What the writing did. */
export interface ConfirmationWriteResult {
  /** Contacts written. */
  written: number;
  /** Rows an identical verification contact of the same day already held: not written again. */
  skipped: number;
  /** Rows not reached: after a cancel or a failed chunk. */
  notWritten: number;
  /** True when the coordinator stopped it. */
  cancelled: boolean;
  /** Why a chunk was refused; the chunks before it stay written, nothing of it does. */
  failure?: unknown;
}

export interface ConfirmationWriteOptions {
  onProgress?: (progress: ConfirmationProgress) => void;
  /** Asked before each chunk: true stops the writing there. */
  shouldStop?: () => boolean;
  chunkRows?: number;
}

/**
 * Writes the rows the coordinator accepted (matched rows, and contradicting ones ticked) as
 * contacts by `enterprise-verification`, by the operator, on the list's day. Each row is checked
 * again in its chunk against the log as it is then: a row an identical verification of that day
 * already holds is skipped; a row whose follow-up is gone or whose contact breaks the rules refuses
 * its chunk, which is then not written at all, and the writing stops there.
 */
export async function writeConfirmations(
  rows: readonly ConfirmationVerdict[],
  listDate: CalendarDate,
  options: ConfirmationWriteOptions = {},
): Promise<ConfirmationWriteResult> {
  const today = todayCalendarDate();
  refuseListDate(listDate, today);
  const operator = await operatorName();
  const { contactDays } = await getSettings();
  const accepted = rows.filter(
    (row): row is ConfirmationVerdict & { followUpId: string; contact: NonNullable<ConfirmationVerdict['contact']> } =>
      row.followUpId !== undefined && row.contact !== undefined,
  );
  const size = Math.max(1, options.chunkRows ?? CONFIRMATION_CHUNK_ROWS);
  const result: ConfirmationWriteResult = { written: 0, skipped: 0, notWritten: 0, cancelled: false };
  const total = accepted.length;
  options.onProgress?.({ done: 0, total });
  for (let start = 0; start < total; start += size) {
    if (options.shouldStop?.()) {
      result.cancelled = true;
      result.notWritten = total - start;
      break;
    }
    const chunk = accepted.slice(start, start + size);
    try {
      const done = await auditedWrite(FOLLOW_UP_TABLES, async (write) => {
        let written = 0;
        let skipped = 0;
        for (const row of chunk) {
          const followUp: FollowUp | undefined = await write.db.followUps.get(row.followUpId);
          if (!followUp || !isLive(followUp)) throw new RecordNotFoundError('followUps', row.followUpId);
          const contact = { ...row.contact, date: listDate, by: operator };
          const live = (await write.db.contacts.where('followUpId').equals(followUp.id).toArray()).filter(isLive);
          if (live.some((stored) => sameVerification(stored, contact))) {
            skipped += 1;
            continue;
          }
          const problems = checkContact(contact, { today, handedOverOn: followUp.handedOverOn });
          if (problems.length > 0) throw new RecordRejectedError(problems);
          const at = now();
          await storeContact(
            write,
            followUp,
            {
              id: newId(),
              followUpId: followUp.id,
              workerId: followUp.workerId,
              ...contact,
              createdAt: at,
              updatedAt: at,
            },
            contactDays,
          );
          written += 1;
        }
        return { written, skipped };
      });
      result.written += done.written;
      result.skipped += done.skipped;
    } catch (failure) {
      result.failure = failure;
      result.notWritten = total - start;
      break;
    }
    options.onProgress?.({ done: Math.min(total, start + size), total });
  }
  return result;
}
