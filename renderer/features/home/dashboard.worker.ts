/**
 * Computes the dashboard off the screen's thread (issue 19): `load` reads every table the figures
 * count from once and indexes it; `compute` answers the figures for a filter from what was read, so
 * that a change of period takes no second read of 100,000 workers. The result is plain data.
 */
import { expose } from 'comlink';
import {
  dashboard,
  filterDashboard,
  indexDashboard,
  type Dashboard,
  type DashboardFilter,
  type DashboardIndex,
} from '@shared/dashboard';
import type { DashboardSource } from '@shared/dashboard';
import type { Drill } from '@shared/dashboard/drill';
import {
  dashboardFilterOptions,
  drillRows,
  type BatchRow,
  type DashboardFilterOptions,
  type PersonRow,
} from '@shared/dashboard/drill-rows';
import type { Timestamp } from '@shared/domain/records';
// The database class and the repository alone, as the register's Web Worker takes them: the index of
// renderer/db brings the screen's modules (the platform bridge reads `window`, which a Web Worker has not).
// eslint-disable-next-line no-restricted-imports
import { PlannerDatabase } from '@renderer/db/database';
// eslint-disable-next-line no-restricted-imports
import { dashboardSource } from '@renderer/db/repositories/dashboard';

const db = new PlannerDatabase();
let loaded: { source: DashboardSource; index: DashboardIndex } | null = null;

/** A person of a list behind a figure, with their name (the dashboard's source has none). */
export type NamedPersonRow = PersonRow & { name: string };
export type DashboardList = { list: 'people'; rows: NamedPersonRow[] } | { list: 'batches'; rows: BatchRow[] };

const CHINESE_ORDER = new Intl.Collator('zh-CN');

function source(): { source: DashboardSource; index: DashboardIndex } {
  if (!loaded) throw new Error('the dashboard was not loaded');
  return loaded;
}

const api = {
  /** Reads the database again (after a change); answers how many workers it holds. */
  load: async (): Promise<number> => {
    const source = await dashboardSource(db);
    loaded = { source, index: indexDashboard(source) };
    return source.workers.length;
  },
  /** Every figure of the dashboard for `filter`, as of `now`, from what `load` read. */
  compute: (filter: DashboardFilter, now: Timestamp): Dashboard => {
    if (!loaded) throw new Error('the dashboard was not loaded');
    return dashboard(loaded.source, filter, now, { index: loaded.index });
  },
  /**
   * The rows behind a figure or a bar (shared/dashboard/drill-rows.ts) for `filter`, as of `now`;
   * people with their names, read from the database, in name order within a batch.
   */
  drill: async (filter: DashboardFilter, drill: Drill, now: Timestamp): Promise<DashboardList> => {
    const { source: read, index } = source();
    const rows = drillRows(filterDashboard(read, filter, now, index), drill);
    if (rows.list === 'batches') return rows;
    const workers = await db.workers.bulkGet(rows.rows.map((row) => row.workerId));
    const named = rows.rows.map((row, i) => ({ ...row, name: workers[i]?.name ?? '' }));
    named.sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        CHINESE_ORDER.compare(a.batchName, b.batchName) ||
        CHINESE_ORDER.compare(a.name, b.name),
    );
    return { list: 'people', rows: named };
  },
  /** The counties, townships, enterprises and schemes the dashboard's filter offers, from what `load` read. */
  options: (): DashboardFilterOptions => dashboardFilterOptions(source().source),
};

export type DashboardWorkerApi = typeof api;

expose(api);
