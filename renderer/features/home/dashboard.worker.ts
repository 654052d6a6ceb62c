/**
 * Computes the dashboard off the screen's thread (issue 19): `load` takes what the figures count from
 * out of the dashboard's projection (renderer/db/dashboard: one stored record, with what changed since
 * it was made taken in; every table read only when there is none); `compute` answers the figures for
 * a filter from what was loaded, so that a change of filter takes no second read. The result is plain
 * data. docs/architecture.md#dashboard.
 */
import { expose } from 'comlink';
import {
  dashboard,
  filterDashboard,
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
  type ClaimRow,
  type ContactRow,
  type DashboardFilterOptions,
  type PersonRow,
} from '@shared/dashboard/drill-rows';
import type { Timestamp } from '@shared/domain/records';
// The database class and the dashboard's feed alone, as the register's Web Worker takes them: the index of
// renderer/db brings the screen's modules (the platform bridge reads `window`, which a Web Worker has not).
// eslint-disable-next-line no-restricted-imports
import { PlannerDatabase } from '@renderer/db/database';
import { DashboardFeed, type DashboardView } from '@renderer/db/dashboard/dashboard-feed';

const db = new PlannerDatabase();
const feed = new DashboardFeed(db);
let loaded: DashboardView | null = null;

/** A row of a list behind a figure, with the worker's name (the dashboard's source has none). */
export type NamedPersonRow = PersonRow & { name: string };
export type NamedContactRow = ContactRow & { name: string };
export type NamedClaimRow = ClaimRow & { name: string };
export type DashboardList =
  | { list: 'people'; rows: NamedPersonRow[] }
  | { list: 'batches'; rows: BatchRow[] }
  | { list: 'contacts'; rows: NamedContactRow[] }
  | { list: 'claims'; rows: NamedClaimRow[] };

const CHINESE_ORDER = new Intl.Collator('zh-CN');

function source(): { source: DashboardSource; index: DashboardIndex } {
  if (!loaded) throw new Error('the dashboard was not loaded');
  return loaded;
}

const api = {
  /** Takes in the database as it is now (after a change); answers how many workers it holds. */
  load: async (): Promise<number> => {
    loaded = await feed.load();
    return loaded.source.workers.length;
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
    const withNames = async <T extends { workerId: string }>(list: readonly T[]): Promise<(T & { name: string })[]> => {
      const workers = await db.workers.bulkGet(list.map((row) => row.workerId));
      return list.map((row, i) => ({ ...row, name: workers[i]?.name ?? '' }));
    };
    switch (rows.list) {
      case 'batches':
        return rows;
      case 'people': {
        const named = await withNames(rows.rows);
        named.sort(
          (a, b) =>
            a.date.localeCompare(b.date) ||
            CHINESE_ORDER.compare(a.batchName, b.batchName) ||
            CHINESE_ORDER.compare(a.name, b.name),
        );
        return { list: 'people', rows: named };
      }
      case 'contacts': {
        const named = await withNames(rows.rows);
        named.sort((a, b) => a.nextDue.localeCompare(b.nextDue) || CHINESE_ORDER.compare(a.name, b.name));
        return { list: 'contacts', rows: named };
      }
      case 'claims': {
        const named = await withNames(rows.rows);
        named.sort((a, b) => a.day.localeCompare(b.day) || CHINESE_ORDER.compare(a.name, b.name));
        return { list: 'claims', rows: named };
      }
    }
  },
  /** The counties, townships, enterprises and schemes the dashboard's filter offers, from what `load` read. */
  options: (): DashboardFilterOptions => dashboardFilterOptions(source().source),
};

export type DashboardWorkerApi = typeof api;

expose(api);
