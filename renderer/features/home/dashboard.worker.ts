/**
 * Computes the dashboard off the screen's thread (issue 19): `load` takes what the figures count from
 * out of the dashboard's projection (renderer/db/dashboard: one stored record, with what changed since
 * it was made taken in; every table read only when there is none); `compute` answers the figures for
 * a filter from what was loaded, so that a change of filter takes no second read. The result is plain
 * data. docs/architecture.md#dashboard.
 */
import { expose } from 'comlink';
import { dashboard, type Dashboard, type DashboardFilter } from '@shared/dashboard';
import type { Timestamp } from '@shared/domain/records';
// The database class and the dashboard's feed alone, as the register's Web Worker takes them: the index of
// renderer/db brings the screen's modules (the platform bridge reads `window`, which a Web Worker has not).
// eslint-disable-next-line no-restricted-imports
import { PlannerDatabase } from '@renderer/db/database';
import { DashboardFeed, type DashboardView } from '@renderer/db/dashboard/dashboard-feed';

const feed = new DashboardFeed(new PlannerDatabase());
let loaded: DashboardView | null = null;

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
};

export type DashboardWorkerApi = typeof api;

expose(api);
