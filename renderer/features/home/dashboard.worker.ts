/**
 * Computes the dashboard off the screen's thread (issue 19): `load` reads every table the figures
 * count from once and indexes it; `compute` answers the figures for a filter from what was read, so
 * that a change of period takes no second read of 100,000 workers. The result is plain data.
 */
import { expose } from 'comlink';
import {
  dashboard,
  indexDashboard,
  type Dashboard,
  type DashboardFilter,
  type DashboardIndex,
} from '@shared/dashboard';
import type { DashboardSource } from '@shared/dashboard';
import type { Timestamp } from '@shared/domain/records';
// The database class and the repository alone, as the register's Web Worker takes them: the index of
// renderer/db brings the screen's modules (the platform bridge reads `window`, which a Web Worker has not).
// eslint-disable-next-line no-restricted-imports
import { PlannerDatabase } from '@renderer/db/database';
// eslint-disable-next-line no-restricted-imports
import { dashboardSource } from '@renderer/db/repositories/dashboard';

const db = new PlannerDatabase();
let loaded: { source: DashboardSource; index: DashboardIndex } | null = null;

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
};

export type DashboardWorkerApi = typeof api;

expose(api);
