/**
 * Runs the workers directory off the UI thread: reads every worker once, then follows changes by
 * the `updatedAt` index, so typing in the search box never waits for IndexedDB or for a scan.
 */
import { expose } from 'comlink';
import { PlannerDatabase } from '../database';
import { WorkerDirectory, type DirectoryFacets, type DirectoryPage, type DirectoryQuery } from './directory-core';

const db = new PlannerDatabase();
const directory = new WorkerDirectory();
/** Every id seen, deleted ones included: a database with fewer keys has lost some by a hard delete. */
const knownIds = new Set<string>();
/** The newest `updatedAt` taken in, and the workers taken in with exactly that time. */
let lastSeen = '';
let seenAtLastSeen = new Set<string>();

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

const loaded = (async () => {
  const all = await db.workers.toArray();
  directory.apply(all);
  remember(all);
})();

async function sync(): Promise<number> {
  await loaded;
  // An import stamps a whole chunk with one time, so the records at `lastSeen` are many: only their
  // keys are read, and only the ones not taken in yet are fetched.
  const newer = await db.workers.where('updatedAt').above(lastSeen).toArray();
  const sameTime = await db.workers.where('updatedAt').equals(lastSeen).primaryKeys();
  const missed = sameTime.filter((id) => !seenAtLastSeen.has(id));
  const fetched = missed.length === 0 ? [] : await db.workers.bulkGet(missed);
  const changed = [...newer, ...fetched.filter((worker) => worker !== undefined)];
  if (changed.length > 0) {
    directory.apply(changed);
    remember(changed);
  }
  if ((await db.workers.count()) !== knownIds.size) {
    const keys = new Set(await db.workers.toCollection().primaryKeys());
    directory.retain(keys);
    for (const id of [...knownIds]) if (!keys.has(id)) knownIds.delete(id);
  }
  return directory.version;
}

const api = {
  /** Resolves once every worker is loaded and indexed; answers how many there are. */
  async ready(): Promise<number> {
    await loaded;
    return directory.size;
  },
  sync,
  async page(query: DirectoryQuery, offset: number, limit: number): Promise<DirectoryPage> {
    await loaded;
    return directory.page(query, offset, limit);
  },
  async matchingIds(query: DirectoryQuery): Promise<string[]> {
    await loaded;
    return directory.matchingIds(query);
  },
  async facets(): Promise<DirectoryFacets> {
    await loaded;
    return directory.facets();
  },
};

export type DirectoryApi = typeof api;

expose(api);
