/**
 * Who is in the planning pool: the rule the "Plan batches" screen filters the workers by, whatever
 * holds them (the workers table, or the in-memory workers directory). Pure, so both readers share
 * it and a test can hold them to the same answer.
 */
import type { PovertyStatus, Worker } from '../domain/records';

/**
 * Which workers of the pool to plan; an empty or missing list lets everyone through. The lists
 * combine with "and": workers from these counties, of these villages, bound for these enterprises
 * in these cities, of these poverty statuses.
 */
export interface PlanningPoolFilter {
  /** Home counties, e.g. 田东县. */
  counties?: readonly string[];
  /** Home village names (the villages of the counties chosen, as the workers list offers them). */
  villages?: readonly string[];
  /** Receiving enterprises. */
  enterpriseIds?: readonly string[];
  /** Cities of the receiving enterprise, e.g. 广州市. */
  cities?: readonly string[];
  povertyStatuses?: readonly PovertyStatus[];
}

/** What the pool keeps of a worker: what the planner reads, and the name for the list of the unplaced. */
export type PoolWorker = Pick<Worker, 'id' | 'name' | 'county' | 'township' | 'village' | 'household' | 'enterpriseId'>;

/** What the filter reads of a worker. */
export type FilteredWorker = PoolWorker & Pick<Worker, 'povertyStatus' | 'status' | 'deletedAt'>;

/**
 * A worker marked travelled or onboarded is at the enterprise already, even when their batch has
 * since been closed: planning them again would send them a second time.
 */
const ARRIVED_STATUSES: ReadonlySet<Worker['status']> = new Set(['travelled', 'onboarded']);

/** The filtered pool, as columns (one array per field, a row per worker): cheap to hand between threads. */
export interface PoolColumns {
  ids: string[];
  names: string[];
  counties: string[];
  townships: string[];
  villages: string[];
  households: string[];
  enterpriseIds: (string | null)[];
  /** Workers matching the filter who are left out because they ride a live batch that is not closed. */
  onBatches: number;
  /** Workers matching the filter who are left out because they travelled already or work at the enterprise. */
  arrived: number;
}

function matches(list: readonly string[] | undefined, value: string): boolean {
  return !list || list.length === 0 || list.includes(value);
}

/**
 * The workers ready to travel among `workers`, in the order given: live, not in `travelling` (the
 * workers on a live batch that is not closed), not marked travelled or onboarded, and matching
 * `filter`; `cityOf` gives the city of each live receiving enterprise.
 */
export function filterPool(
  workers: Iterable<FilteredWorker>,
  travelling: ReadonlySet<string>,
  cityOf: ReadonlyMap<string, string>,
  filter: PlanningPoolFilter,
): PoolColumns {
  const pool: PoolColumns = {
    ids: [],
    names: [],
    counties: [],
    townships: [],
    villages: [],
    households: [],
    enterpriseIds: [],
    onBatches: 0,
    arrived: 0,
  };
  const filterEnterprises = (filter.enterpriseIds?.length ?? 0) > 0 || (filter.cities?.length ?? 0) > 0;
  for (const worker of workers) {
    if (worker.deletedAt) continue;
    if (!matches(filter.counties, worker.county) || !matches(filter.villages, worker.village)) continue;
    if (!matches(filter.povertyStatuses, worker.povertyStatus)) continue;
    if (filterEnterprises) {
      if (worker.enterpriseId === null || !matches(filter.enterpriseIds, worker.enterpriseId)) continue;
      if (!matches(filter.cities, cityOf.get(worker.enterpriseId) ?? '')) continue;
    }
    if (travelling.has(worker.id)) pool.onBatches += 1;
    else if (ARRIVED_STATUSES.has(worker.status)) pool.arrived += 1;
    else {
      pool.ids.push(worker.id);
      pool.names.push(worker.name);
      pool.counties.push(worker.county);
      pool.townships.push(worker.township);
      pool.villages.push(worker.village);
      pool.households.push(worker.household);
      pool.enterpriseIds.push(worker.enterpriseId);
    }
  }
  return pool;
}

/** The pool's workers as records again, in the columns' order. */
export function poolWorkers(pool: PoolColumns): PoolWorker[] {
  const workers = new Array<PoolWorker>(pool.ids.length);
  for (let row = 0; row < workers.length; row++) {
    workers[row] = {
      id: pool.ids[row] ?? '',
      name: pool.names[row] ?? '',
      county: pool.counties[row] ?? '',
      township: pool.townships[row] ?? '',
      village: pool.villages[row] ?? '',
      household: pool.households[row] ?? '',
      enterpriseId: pool.enterpriseIds[row] ?? null,
    };
  }
  return workers;
}

/** The workers on a live batch that is not closed: they are not in the pool, and a proposal can not take them. */
export function travellingWorkers(
  batches: readonly { id: string; status: string; deletedAt?: string | null }[],
  assignments: Iterable<{ batchId: string; workerId: string; deletedAt?: string | null }>,
): Set<string> {
  const open = new Set(openBatchIds(batches));
  const travelling = new Set<string>();
  for (const assignment of assignments) {
    if (!assignment.deletedAt && open.has(assignment.batchId)) travelling.add(assignment.workerId);
  }
  return travelling;
}

/** The live batches that are not closed: their passengers are travelling. */
export function openBatchIds(batches: readonly { id: string; status: string; deletedAt?: string | null }[]): string[] {
  return batches.filter((batch) => !batch.deletedAt && batch.status !== 'closed').map((batch) => batch.id);
}
