/**
 * Runs the workers directory off the UI thread: takes in every worker once (from the snapshot of
 * the last session when there is one, else from the table), then follows changes by the
 * `updatedAt` index, so typing in the search box never waits for IndexedDB or for a scan.
 */
import { expose } from 'comlink';
import { namePinyin, primeNamePinyin } from '@shared/domain/pinyin';
import { logger } from '../../logger';
import { PlannerDatabase } from '../database';
import { WorkerDirectory, type DirectoryFacets, type DirectoryPage, type DirectoryQuery } from './directory-core';
import { makeSnapshot, readSnapshot, SNAPSHOT_ID } from './directory-snapshot';
import { readWorkersInParts } from './read-workers';

const db = new PlannerDatabase();
const directory = new WorkerDirectory();
/** Every id seen, deleted ones included: a database with fewer keys has lost some by a hard delete. */
let knownIds = new Set<string>();
/** The newest `updatedAt` taken in, and the workers taken in with exactly that time. */
let lastSeen = '';
let seenAtLastSeen = new Set<string>();

/** Quiet time after the last change before the snapshot is written: an import changes many times. */
const SNAPSHOT_DELAY_MS = 5000;
/** After a start from the snapshot, when to compare its ids with the table's keys. */
const VERIFY_DELAY_MS = 3000;
let snapshotTimer: ReturnType<typeof setTimeout> | null = null;

function remember(workers: readonly { id: string; updatedAt: string }[]): void {
  for (const worker of workers) {
    knownIds.add(worker.id);
    if (worker.updatedAt > lastSeen) {
      lastSeen = worker.updatedAt;
      seenAtLastSeen = new Set();
    }
    if (worker.updatedAt === lastSeen) seenAtLastSeen.add(worker.id);
  }
}

function scheduleSnapshot(): void {
  if (snapshotTimer !== null) clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    snapshotTimer = null;
    const snapshot = makeSnapshot(
      { workers: directory.workers(), lastSeen, seenAtLastSeen: [...seenAtLastSeen], knownIds: [...knownIds] },
      namePinyin,
    );
    db.caches.put(snapshot).catch((error: unknown) => {
      logger.warn('the workers directory snapshot was not saved', error);
    });
  }, SNAPSHOT_DELAY_MS);
}

/** Takes in workers that the table has and the directory does not know, and forgets the ones it lost. */
async function reconcileKeys(): Promise<boolean> {
  const keys = new Set(await db.workers.toCollection().primaryKeys());
  const lost = [...knownIds].filter((id) => !keys.has(id));
  const unknown = [...keys].filter((id) => !knownIds.has(id));
  if (lost.length === 0 && unknown.length === 0) return false;
  if (lost.length > 0) directory.retain(keys);
  for (const id of lost) knownIds.delete(id);
  const fetched = (await db.workers.bulkGet(unknown)).filter((worker) => worker !== undefined);
  directory.apply(fetched);
  remember(fetched);
  return true;
}

/**
 * Takes in the snapshot of the last session, if there is a usable one: started as soon as the
 * worker is, because it is one small read that does not hold up the list's first rows.
 */
async function loadSnapshot(): Promise<boolean> {
  const state = readSnapshot(await db.caches.get(SNAPSHOT_ID).catch(() => undefined));
  if (!state) return false;
  primeNamePinyin(state.readings);
  directory.apply(state.workers);
  knownIds = new Set(state.knownIds);
  lastSeen = state.lastSeen;
  seenAtLastSeen = new Set(state.seenAtLastSeen);
  // A snapshot follows changes by their time; a table cleared and refilled with as many workers
  // stamped earlier (a restored backup) would slip past, so the ids are compared once, later.
  setTimeout(() => {
    void reconcileKeys().then((changed) => {
      if (changed) scheduleSnapshot();
    });
  }, VERIFY_DELAY_MS);
  return true;
}

const fromSnapshot = loadSnapshot();
let loaded: Promise<void> | null = null;

/**
 * Every worker taken in. Without a snapshot this reads the whole table, which only starts when the
 * screen first asks: IndexedDB serves one origin's reads in turn, and a read of every worker would
 * keep the list's first rows waiting behind it.
 */
function whenLoaded(): Promise<void> {
  loaded ??= fromSnapshot.then(async (done) => {
    if (done) return;
    // Each part is indexed while IndexedDB reads the next.
    await readWorkersInParts(db, (part) => {
      directory.apply(part);
      remember(part);
    });
    scheduleSnapshot();
  });
  return loaded;
}

async function sync(): Promise<number> {
  await whenLoaded();
  // An import stamps a whole chunk with one time, so the records at `lastSeen` are many: only their
  // keys are read, and only the ones not taken in yet are fetched.
  const newer = await db.workers.where('updatedAt').above(lastSeen).toArray();
  const sameTime = await db.workers.where('updatedAt').equals(lastSeen).primaryKeys();
  const missed = sameTime.filter((id) => !seenAtLastSeen.has(id));
  const fetched = missed.length === 0 ? [] : await db.workers.bulkGet(missed);
  const changed = [...newer, ...fetched.filter((worker) => worker !== undefined)];
  let anyChange = changed.length > 0;
  if (anyChange) {
    directory.apply(changed);
    remember(changed);
  }
  if ((await db.workers.count()) !== knownIds.size) anyChange = (await reconcileKeys()) || anyChange;
  if (anyChange) scheduleSnapshot();
  return directory.version;
}

const api = {
  /** Resolves once every worker is loaded and indexed; answers how many there are. */
  async ready(): Promise<number> {
    await whenLoaded();
    return directory.size;
  },
  sync,
  async page(query: DirectoryQuery, offset: number, limit: number): Promise<DirectoryPage> {
    await whenLoaded();
    return directory.page(query, offset, limit);
  },
  async matchingIds(query: DirectoryQuery): Promise<string[]> {
    await whenLoaded();
    return directory.matchingIds(query);
  },
  async facets(): Promise<DirectoryFacets> {
    await whenLoaded();
    return directory.facets();
  },
};

export type DirectoryApi = typeof api;

expose(api);
