/**
 * What the follow-up register is built from, read from the database: the follow-ups the filter
 * shows (FollowUpFilter, the workspace's), their live contacts and periods, and the workers,
 * batches and enterprises they name. Runs in the register's Web Worker.
 */
import { DEFAULT_SETTINGS, type Contact, type EmploymentPeriod, type Worker } from '@shared/domain/records';
import type { FollowUpFilter } from '@shared/followup';
import { followUpMatches, type RegisterSource } from '@shared/followup/register';
import type { PlannerDatabase } from '@renderer/db';

/** How many rows the register will hold and which batches their workers travelled with. */
export interface RegisterSourceSummary {
  rows: number;
  batchIds: string[];
}

/** Below this share of all follow-ups, records are read by key; above it, whole tables are read. */
const BY_KEY_SHARE = 0.2;

const isLive = (record: { deletedAt?: string | null }) => !record.deletedAt;

export async function loadRegisterSource(
  db: PlannerDatabase,
  filter: FollowUpFilter,
): Promise<{ source: RegisterSource; summary: RegisterSourceSummary }> {
  // The whole register (no filter) reads every table whole: all of them are asked for at once, so
  // that IndexedDB reads the contacts while this thread takes the follow-ups and workers.
  const everything = Object.values(filter).every((value) => value === undefined);
  const whole = everything
    ? Promise.all([db.workers.toArray(), db.contacts.toArray(), db.employmentPeriods.toArray()])
    : null;
  // Awaited below; a failure before then is the first read's to report.
  whole?.catch(() => undefined);
  const [allFollowUps, settings, batches, enterprises] = await Promise.all([
    db.followUps.toArray(),
    db.settings.get(DEFAULT_SETTINGS.id),
    db.batches.toArray(),
    db.enterprises.toArray(),
  ]);
  const live = allFollowUps.filter(isLive);
  const wholeTables = whole ? await whole : null;
  const needsWorker = filter.countyCode !== undefined || filter.township !== undefined;
  // The worker fields the filter looks at are read first only when the filter asks for them.
  const preliminary = live.filter((followUp) =>
    followUpMatches(followUp, undefined, { ...filter, countyCode: undefined, township: undefined }),
  );
  const byKey = !wholeTables && preliminary.length < live.length * BY_KEY_SHARE;
  const workerIds = [...new Set(preliminary.map((followUp) => followUp.workerId))];
  const workerList: (Worker | undefined)[] = wholeTables
    ? wholeTables[0]
    : byKey
      ? await db.workers.bulkGet(workerIds)
      : await db.workers.toArray();
  const workers = new Map<string, Worker>();
  for (const worker of workerList) if (worker) workers.set(worker.id, worker);
  const followUps = needsWorker
    ? preliminary.filter((followUp) => followUpMatches(followUp, workers.get(followUp.workerId), filter))
    : preliminary;
  const ids = followUps.map((followUp) => followUp.id);
  const [contacts, periods]: [Contact[], EmploymentPeriod[]] = wholeTables
    ? [wholeTables[1], wholeTables[2]]
    : byKey
      ? await Promise.all([
          db.contacts.where('followUpId').anyOf(ids).toArray(),
          db.employmentPeriods.where('followUpId').anyOf(ids).toArray(),
        ])
      : await Promise.all([db.contacts.toArray(), db.employmentPeriods.toArray()]);
  const wanted = new Set(ids);
  const liveContacts = contacts.filter((contact) => isLive(contact) && wanted.has(contact.followUpId));
  const withContacts = new Set(liveContacts.map((contact) => contact.followUpId));
  const batchIds = [
    ...new Set(followUps.filter((followUp) => withContacts.has(followUp.id)).map((followUp) => followUp.batchId)),
  ];
  return {
    source: {
      followUps,
      contacts: liveContacts,
      workers,
      batches: new Map(batches.map((batch) => [batch.id, batch])),
      enterprises: new Map(enterprises.map((enterprise) => [enterprise.id, enterprise])),
      periods,
      contactDays: settings?.contactDays ?? DEFAULT_SETTINGS.contactDays,
    },
    summary: { rows: liveContacts.filter((contact) => workers.has(contact.workerId)).length, batchIds },
  };
}
