import { RECORD_TABLES, database, type RecordTableName } from '../database';
import { auditedWrite } from '../audited-write';
import { DEFAULT_SETTINGS, revisionOf, type RecordMeta, type Settings } from '@shared/domain/records';
import { DEMO_OFFICE_ID_PREFIX, type DemoData, type DemoOffice } from '@shared/demo';
import type { AuditedWrite } from '../audited-write';
import { now } from '../clock';
import { demoSchemes } from '@shared/subsidy/demo-schemes';

const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Adds the demo's follow-up staff and liaison stations to the settings (issue 17). The office's own
 * lists are never replaced: where one of the same name is there already (names are unique), the
 * demo's follow-ups are given that one. Returns the id each demo entry is known by.
 */
async function addDemoOffice(write: AuditedWrite, office: DemoOffice): Promise<Map<string, string>> {
  const { db, record } = write;
  const stored = await db.settings.get(DEFAULT_SETTINGS.id);
  const before: Settings = { ...DEFAULT_SETTINGS, updatedAt: EPOCH, ...stored };
  const ids = new Map<string, string>();
  const merge = <T extends { id: string; name: string }>(own: readonly T[], demo: readonly T[]): T[] => {
    const byName = new Map(own.map((entry) => [entry.name, entry.id]));
    const added = demo.filter((entry) => !byName.has(entry.name));
    for (const entry of demo) ids.set(entry.id, byName.get(entry.name) ?? entry.id);
    return [...own, ...added];
  };
  const staff = merge(before.staff, office.staff);
  const liaisonStations = merge(before.liaisonStations, office.liaisonStations);
  if (staff.length === before.staff.length && liaisonStations.length === before.liaisonStations.length) return ids;
  const after: Settings = { ...before, staff, liaisonStations, updatedAt: now(), revision: revisionOf(stored) + 1 };
  await db.settings.put(after);
  await record({
    table: 'settings',
    recordId: after.id,
    action: stored ? 'update' : 'create',
    before: stored ?? null,
    after,
  });
  return ids;
}

function isDemoEntry(entry: { id: string }): boolean {
  return entry.id.startsWith(DEMO_OFFICE_ID_PREFIX);
}

/**
 * Takes the demo's staff and stations out of the settings again; the follow-ups the user kept that
 * were given one of them are given no one.
 */
async function removeDemoOffice(write: AuditedWrite): Promise<void> {
  const { db, record } = write;
  const stored = await db.settings.get(DEFAULT_SETTINGS.id);
  if (stored && [...(stored.staff ?? []), ...(stored.liaisonStations ?? [])].some(isDemoEntry)) {
    const after: Settings = {
      ...stored,
      staff: (stored.staff ?? []).filter((member) => !isDemoEntry(member)),
      liaisonStations: (stored.liaisonStations ?? []).filter((station) => !isDemoEntry(station)),
      updatedAt: now(),
      revision: revisionOf(stored) + 1,
    };
    await db.settings.put(after);
    await record({ table: 'settings', recordId: after.id, action: 'update', before: stored, after });
  }
  const demoId = (id: string | null) => id !== null && id.startsWith(DEMO_OFFICE_ID_PREFIX);
  await db.followUps
    .filter((followUp) => demoId(followUp.staffId) || demoId(followUp.stationId))
    .modify((followUp) => {
      if (demoId(followUp.staffId)) followUp.staffId = null;
      if (demoId(followUp.stationId)) followUp.stationId = null;
    });
}

export type RecordCounts = Record<RecordTableName, number>;

export interface DemoProgress {
  /** Records written so far. */
  done: number;
  total: number;
}

export interface LoadDemoOptions {
  onProgress?: (progress: DemoProgress) => void;
  /** Aborting rolls the whole load back: the database is left as it was. */
  signal?: AbortSignal;
}

const CHUNK = 1000;

/** How many live records each table holds. */
export async function countRecords(): Promise<RecordCounts> {
  const db = database();
  const entries = await Promise.all(
    RECORD_TABLES.map(
      async (name) =>
        [
          name,
          await db
            .table<RecordMeta>(name)
            .filter((r) => !r.deletedAt)
            .count(),
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as RecordCounts;
}

export async function hasDemoData(): Promise<boolean> {
  const db = database();
  for (const name of RECORD_TABLES) {
    if (
      (await db
        .table<RecordMeta>(name)
        .filter((r) => r.demo === true)
        .limit(1)
        .count()) > 0
    )
      return true;
  }
  return false;
}

export class DemoAlreadyLoadedError extends Error {
  constructor() {
    super('demo data is already loaded');
    this.name = 'DemoAlreadyLoadedError';
  }
}

/** The demo's subsidy schemes (shared/subsidy/demo-schemes.ts) for each year of its handovers, as records. */
function demoSchemeRecords(data: DemoData): RecordMeta[] {
  const at = now();
  const years = [...new Set(data.followUps.map((followUp) => Number(followUp.handedOverOn.slice(0, 4))))].sort();
  return years.flatMap((year) => demoSchemes(year).map((scheme) => ({ ...scheme, createdAt: at, updatedAt: at })));
}

/**
 * Writes a demo data set in one transaction, in chunks so that progress can be shown. A cancelled
 * or failed load leaves nothing behind.
 */
export async function loadDemoData(data: DemoData, options: LoadDemoOptions = {}): Promise<void> {
  const parts: [RecordTableName, RecordMeta[]][] = [
    ['enterprises', data.enterprises],
    ['openings', data.openings],
    ['routes', data.routes],
    ['batches', data.batches],
    ['workers', data.workers],
    ['assignments', data.assignments],
    ['arrivals', data.arrivals],
    ['handovers', data.handovers],
    ['followUps', data.followUps],
    ['contacts', data.contacts],
    ['employmentPeriods', data.employmentPeriods],
    // HR service agencies and the people they introduced (issue 18): the placement subsidy's payees.
    ['agencies', data.agencies],
    ['introductions', data.introductions],
    // The subsidy schemes with the seed's figures (issue 18), for each year the demo's people were handed over in.
    ['subsidySchemes', demoSchemeRecords(data)],
  ];
  const total = parts.reduce((sum, [, records]) => sum + records.length, 0);
  await auditedWrite(RECORD_TABLES, async (write) => {
    const { db, record } = write;
    if (await hasDemoData()) throw new DemoAlreadyLoadedError();
    const office = await addDemoOffice(write, data.office);
    const followUps = data.followUps.map((followUp) => ({
      ...followUp,
      staffId: followUp.staffId === null ? null : (office.get(followUp.staffId) ?? null),
      stationId: followUp.stationId === null ? null : (office.get(followUp.stationId) ?? null),
    }));
    let done = 0;
    for (const [name, given] of parts) {
      const records: RecordMeta[] = name === 'followUps' ? followUps : given;
      for (let start = 0; start < records.length; start += CHUNK) {
        options.signal?.throwIfAborted();
        const chunk = records.slice(start, start + CHUNK).map((r) => ({ ...r, demo: true }));
        await db.table(name).bulkAdd(chunk);
        done += chunk.length;
        options.onProgress?.({ done, total });
      }
    }
    options.signal?.throwIfAborted();
    await record({
      table: '*',
      recordId: 'demo',
      action: 'create',
      before: null,
      after: Object.fromEntries(parts.map(([name, records]) => [name, records.length])),
    });
  });
}

/**
 * Removes every demo record, and the records people added that hang on a demo record (an opening
 * of a demo enterprise, an assignment to a demo batch), so nothing is left pointing at nothing.
 */
export async function clearDemoData(): Promise<number> {
  return auditedWrite(RECORD_TABLES, async (write) => {
    const { db, record } = write;
    const removed: Record<string, number> = {};
    const demoIds = new Map<RecordTableName, Set<string>>();
    for (const name of RECORD_TABLES) {
      const ids = await db
        .table<RecordMeta, string>(name)
        .filter((r) => r.demo === true)
        .primaryKeys();
      demoIds.set(name, new Set(ids));
    }
    /** Whether a record points, through one of these fields, at a demo record of `table`. */
    const pointsAtDemo =
      (...links: [field: string, table: RecordTableName][]) =>
      (record: Record<string, unknown>): boolean =>
        links.some(([field, table]) => {
          const target = record[field];
          return typeof target === 'string' && (demoIds.get(table)?.has(target) ?? false);
        });
    const dependents: [RecordTableName, (record: Record<string, unknown>) => boolean][] = [
      ['openings', pointsAtDemo(['enterpriseId', 'enterprises'])],
      ['assignments', pointsAtDemo(['batchId', 'batches'], ['workerId', 'workers'])],
      ['healthChecks', pointsAtDemo(['batchId', 'batches'], ['workerId', 'workers'])],
      ['checklistTicks', pointsAtDemo(['batchId', 'batches'])],
      ['followUps', pointsAtDemo(['batchId', 'batches'], ['workerId', 'workers'], ['enterpriseId', 'enterprises'])],
      ['arrivals', pointsAtDemo(['batchId', 'batches'])],
      ['handovers', pointsAtDemo(['batchId', 'batches'], ['enterpriseId', 'enterprises'])],
      // After the follow-ups: a contact or a period of a follow-up that goes, goes with it.
      ['contacts', pointsAtDemo(['followUpId', 'followUps'], ['workerId', 'workers'])],
      ['employmentPeriods', pointsAtDemo(['followUpId', 'followUps'], ['workerId', 'workers'])],
      // A subsidy's records about a demo person, enterprise or scheme go with them.
      [
        'introductions',
        pointsAtDemo(['workerId', 'workers'], ['enterpriseId', 'enterprises'], ['agencyId', 'agencies']),
      ],
      [
        'subsidyClaims',
        pointsAtDemo(
          ['workerId', 'workers'],
          ['schemeId', 'subsidySchemes'],
          ['payeeId', 'enterprises'],
          ['payeeId', 'agencies'],
        ),
      ],
    ];
    for (const [name, test] of dependents) {
      const ids = await db.table<Record<string, unknown>, string>(name).filter(test).primaryKeys();
      for (const id of ids) demoIds.get(name)?.add(id);
    }
    let total = 0;
    for (const [name, ids] of demoIds) {
      await db.table(name).bulkDelete([...ids]);
      removed[name] = ids.size;
      total += ids.size;
    }
    await removeDemoOffice(write);
    // Workers of the user's own who were sent to a demo enterprise keep their record, not the link.
    const demoEnterprises = demoIds.get('enterprises') ?? new Set<string>();
    await db.workers
      .filter((w) => w.enterpriseId !== null && demoEnterprises.has(w.enterpriseId))
      .modify({ enterpriseId: null, openingId: null });
    await record({ table: '*', recordId: 'demo', action: 'purge', before: removed, after: null });
    return total;
  });
}
