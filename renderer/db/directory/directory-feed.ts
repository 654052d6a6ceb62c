/**
 * Feeds the workers directory from the database: takes in every worker once (from the snapshot of
 * the last session when there is one, else from the table), then follows changes by the
 * `updatedAt` index. directory.worker.ts runs one in a Web Worker; tests run one in Node on
 * fake-indexeddb, so what the screen is answered is what the tests see.
 */
import { namePinyin, primeNamePinyin } from '@shared/domain/pinyin';
import {
  filterPool,
  openBatchIds,
  proposeFromPool,
  travellingWorkers,
  type BatchPlanningResult,
  type PlanningPoolFilter,
  type PoolColumns,
  type ProposalRequest,
} from '@shared/planning';
import type { Enterprise, Route } from '@shared/domain/records';
import { logger } from '../../logger';
import type { PlannerDatabase } from '../database';
import { WorkerDirectory, type DirectoryFacets, type DirectoryPage, type DirectoryQuery } from './directory-core';
import { makeSnapshot, readSnapshot, SNAPSHOT_ID } from './directory-snapshot';
import { readWorkersInParts } from './read-workers';

/** Quiet time after the last change before the snapshot is written: an import changes many times. */
const SNAPSHOT_DELAY_MS = 5000;
/** After a start from the snapshot, when to compare its ids with the table's keys. */
const VERIFY_DELAY_MS = 3000;

export interface DirectoryFeedOptions {
  /** Whether to read the last session's snapshot and write a new one after changes (default true). */
  snapshots?: boolean;
}

export class DirectoryFeed {
  private readonly directory = new WorkerDirectory();
  /** Every id seen, deleted ones included: a database with fewer keys has lost some by a hard delete. */
  private knownIds = new Set<string>();
  /** The newest `updatedAt` taken in, and the workers taken in with exactly that time. */
  private lastSeen = '';
  private seenAtLastSeen = new Set<string>();
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly fromSnapshot: Promise<boolean>;
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly db: PlannerDatabase,
    private readonly options: DirectoryFeedOptions = {},
  ) {
    // Started at once: one small read that does not hold up the list's first rows.
    this.fromSnapshot = options.snapshots === false ? Promise.resolve(false) : this.loadSnapshot();
  }

  private remember(workers: readonly { id: string; updatedAt: string }[]): void {
    for (const worker of workers) {
      this.knownIds.add(worker.id);
      if (worker.updatedAt > this.lastSeen) {
        this.lastSeen = worker.updatedAt;
        this.seenAtLastSeen = new Set();
      }
      if (worker.updatedAt === this.lastSeen) this.seenAtLastSeen.add(worker.id);
    }
  }

  private scheduleSnapshot(): void {
    if (this.options.snapshots === false) return;
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      const snapshot = makeSnapshot(
        {
          workers: this.directory.workers(),
          lastSeen: this.lastSeen,
          seenAtLastSeen: [...this.seenAtLastSeen],
          knownIds: [...this.knownIds],
        },
        namePinyin,
      );
      this.db.caches.put(snapshot).catch((error: unknown) => {
        logger.warn('the workers directory snapshot was not saved', error);
      });
    }, SNAPSHOT_DELAY_MS);
  }

  /** Takes in workers that the table has and the directory does not know, and forgets the ones it lost. */
  private async reconcileKeys(): Promise<boolean> {
    const keys = new Set(await this.db.workers.toCollection().primaryKeys());
    const lost = [...this.knownIds].filter((id) => !keys.has(id));
    const unknown = [...keys].filter((id) => !this.knownIds.has(id));
    if (lost.length === 0 && unknown.length === 0) return false;
    if (lost.length > 0) this.directory.retain(keys);
    for (const id of lost) this.knownIds.delete(id);
    const fetched = (await this.db.workers.bulkGet(unknown)).filter((worker) => worker !== undefined);
    this.directory.apply(fetched);
    this.remember(fetched);
    return true;
  }

  /** Takes in the snapshot of the last session, if there is a usable one. */
  private async loadSnapshot(): Promise<boolean> {
    const state = readSnapshot(await this.db.caches.get(SNAPSHOT_ID).catch(() => undefined));
    if (!state) return false;
    primeNamePinyin(state.readings);
    this.directory.apply(state.workers);
    this.knownIds = new Set(state.knownIds);
    this.lastSeen = state.lastSeen;
    this.seenAtLastSeen = new Set(state.seenAtLastSeen);
    // A snapshot follows changes by their time; a table cleared and refilled with as many workers
    // stamped earlier (a restored backup) would slip past, so the ids are compared once, later.
    setTimeout(() => {
      void this.reconcileKeys().then((changed) => {
        if (changed) this.scheduleSnapshot();
      });
    }, VERIFY_DELAY_MS);
    return true;
  }

  /**
   * Every worker taken in. Without a snapshot this reads the whole table, which only starts when the
   * screen first asks: IndexedDB serves one origin's reads in turn, and a read of every worker would
   * keep the list's first rows waiting behind it.
   */
  private whenLoaded(): Promise<void> {
    this.loaded ??= this.fromSnapshot.then(async (done) => {
      if (done) return;
      // Each part is indexed while IndexedDB reads the next.
      await readWorkersInParts(this.db, (part) => {
        this.directory.apply(part);
        this.remember(part);
      });
      this.scheduleSnapshot();
    });
    return this.loaded;
  }

  /** Resolves once every worker is loaded and indexed; answers how many there are. */
  async ready(): Promise<number> {
    await this.whenLoaded();
    return this.directory.size;
  }

  /** Takes in every change stored since the last call; answers the directory's version. */
  async sync(): Promise<number> {
    await this.whenLoaded();
    const { db } = this;
    // An import stamps a whole chunk with one time, so the records at `lastSeen` are many: only their
    // keys are read, and only the ones not taken in yet are fetched.
    // Their keys are only read when there are more of them than were taken in: the demo data set
    // stamps all 100,000 workers with one time, whose keys would otherwise be read on every proposal.
    const newer = await db.workers.where('updatedAt').above(this.lastSeen).toArray();
    const atLastSeen = db.workers.where('updatedAt').equals(this.lastSeen);
    const sameTime = (await atLastSeen.count()) > this.seenAtLastSeen.size ? await atLastSeen.primaryKeys() : [];
    const missed = sameTime.filter((id) => !this.seenAtLastSeen.has(id));
    const fetched = missed.length === 0 ? [] : await db.workers.bulkGet(missed);
    const changed = [...newer, ...fetched.filter((worker) => worker !== undefined)];
    let anyChange = changed.length > 0;
    if (anyChange) {
      this.directory.apply(changed);
      this.remember(changed);
    }
    if ((await db.workers.count()) !== this.knownIds.size) anyChange = (await this.reconcileKeys()) || anyChange;
    if (anyChange) this.scheduleSnapshot();
    return this.directory.version;
  }

  async page(query: DirectoryQuery, offset: number, limit: number): Promise<DirectoryPage> {
    await this.whenLoaded();
    return this.directory.page(query, offset, limit);
  }

  async matchingIds(query: DirectoryQuery): Promise<string[]> {
    await this.whenLoaded();
    return this.directory.matchingIds(query);
  }

  async facets(): Promise<DirectoryFacets> {
    await this.whenLoaded();
    return this.directory.facets();
  }

  /**
   * The planning pool (see `filterPool`) from the workers in memory, after taking in every change
   * stored so far (an import, a deletion): the workers table is not read again, only the batches,
   * the assignments of the batches not closed, the enterprises and the routes, in one read
   * transaction. Workers in primary-key order, as a read of the table gives them. Columns, because
   * 100,000 records cloned between threads cost far more than seven arrays.
   */
  async planningPool(filter: PlanningPoolFilter): Promise<PoolColumns> {
    return (await this.poolAndRecords(filter)).pool;
  }

  /**
   * A proposal made here, beside the pool (see `proposeFromPool`): only the proposal crosses to
   * the screen's thread. The request's choices are checked by the caller.
   */
  async propose(request: ProposalRequest): Promise<BatchPlanningResult> {
    const { pool, enterprises, routes } = await this.poolAndRecords(request.filter ?? {});
    return proposeFromPool(request, { pool, enterprises, routes });
  }

  private async poolAndRecords(
    filter: PlanningPoolFilter,
  ): Promise<{ pool: PoolColumns; enterprises: Enterprise[]; routes: Route[] }> {
    await this.sync();
    const { db } = this;
    const { travelling, enterprises, routes } = await db.transaction(
      'r',
      [db.batches, db.assignments, db.enterprises, db.routes],
      async () => {
        const [batches, allEnterprises, allRoutes] = await Promise.all([
          db.batches.toArray(),
          db.enterprises.toArray(),
          db.routes.toArray(),
        ]);
        const open = openBatchIds(batches);
        const assignments = open.length === 0 ? [] : await db.assignments.where('batchId').anyOf(open).toArray();
        return {
          travelling: travellingWorkers(batches, assignments),
          enterprises: allEnterprises.filter((enterprise) => !enterprise.deletedAt),
          routes: allRoutes.filter((route) => !route.deletedAt),
        };
      },
    );
    const cityOf = new Map(enterprises.map((enterprise) => [enterprise.id, enterprise.city]));
    return { pool: filterPool(this.directory.inKeyOrder(), travelling, cityOf, filter), enterprises, routes };
  }
}
