/**
 * The dashboard's figures for a filter, computed in a Web Worker (dashboard.worker.ts), one per
 * screen that shows them. The worker reads the database again whenever the audit trail's newest row
 * or the Settings change (watchDashboardChanges: every write of a record goes through auditedWrite
 * with its audit row, and a backup's restore replaces the trail). Changes that come while a read is
 * under way (a demo or an import writes in many steps) are taken by one more read once it ends,
 * not by one read each. A change of filter only computes again from what the worker holds.
 * `useDashboardList` asks the same of a worker of its own for the rows behind a figure.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { wrap, type Remote } from 'comlink';
import type { Dashboard, DashboardFilter } from '@shared/dashboard';
import type { Drill } from '@shared/dashboard/drill';
import type { DashboardFilterOptions } from '@shared/dashboard/drill-rows';
import { watchDashboardChanges } from '@renderer/db';
import type { DashboardList, DashboardWorkerApi } from './dashboard.worker';

export interface DashboardState {
  /** The figures for the filter; undefined until the first answer. */
  result?: Dashboard;
  /** The filter the result answers for. */
  filter?: DashboardFilter;
  error?: Error;
  /** What the filter offers (counties, townships, enterprises, schemes); undefined until the first read. */
  options?: DashboardFilterOptions;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** The dashboard's Web Worker of a screen: how many reads it finished (0 before the first), and a failed read. */
function useDashboardWorker(): { api: RefObject<Remote<DashboardWorkerApi> | null>; reads: number; error?: Error } {
  const api = useRef<Remote<DashboardWorkerApi> | null>(null);
  /** How many reads the worker has finished: the figures are computed again after each. */
  const [reads, setReads] = useState(0);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    const worker = new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module' });
    const remote = wrap<DashboardWorkerApi>(worker);
    api.current = remote;
    let alive = true;
    let latest: string | null = null;
    let loaded: string | null = null;
    let reading = false;
    const read = async () => {
      if (reading) return;
      reading = true;
      try {
        while (alive && latest !== loaded) {
          const signal = latest;
          await remote.load();
          loaded = signal;
          if (alive) setReads((n) => n + 1);
        }
      } catch (error) {
        if (alive) setError(asError(error));
      } finally {
        reading = false;
      }
    };
    const stop = watchDashboardChanges(
      (signal) => {
        latest = signal;
        void read();
      },
      (error) => alive && setError(asError(error)),
    );
    return () => {
      alive = false;
      stop();
      api.current = null;
      worker.terminate();
    };
  }, []);
  return { api, reads, error };
}

/** What the filter offers, asked again after each read. */
function useFilterOptions(
  api: RefObject<Remote<DashboardWorkerApi> | null>,
  reads: number,
): DashboardFilterOptions | undefined {
  const [options, setOptions] = useState<DashboardFilterOptions>();
  useEffect(() => {
    const remote = api.current;
    if (reads === 0 || !remote) return;
    let current = true;
    // Without options the filter's choices stay empty: nothing to report beyond the figures' own errors.
    remote.options().then(
      (answer) => current && setOptions(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, reads]);
  return options;
}

export function useDashboard(filter: DashboardFilter | null): DashboardState {
  const { api, reads, error: readError } = useDashboardWorker();
  const [state, setState] = useState<DashboardState>({});
  const options = useFilterOptions(api, reads);

  const key = filter ? JSON.stringify(filter) : null;
  useEffect(() => {
    const remote = api.current;
    if (reads === 0 || !filter || !remote) return;
    let current = true;
    remote.compute(filter, new Date().toISOString()).then(
      (result) => current && setState({ result, filter }),
      (error: unknown) => current && setState((before) => ({ ...before, error: asError(error) })),
    );
    return () => {
      current = false;
    };
    // The filter by value: a new object for the same period computes nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reads, key]);

  return { ...state, options, error: readError ?? state.error };
}

export interface DashboardListState {
  /** The rows behind the figure; undefined until the first answer. */
  list?: DashboardList;
  error?: Error;
  /** The names of the counties, enterprises and schemes the filter may name. */
  options?: DashboardFilterOptions;
}

/** The rows behind a figure or a bar (a list's page), from the dashboard's worker, again after each change. */
export function useDashboardList(filter: DashboardFilter | null, drill: Drill | null): DashboardListState {
  const { api, reads, error: readError } = useDashboardWorker();
  const [state, setState] = useState<DashboardListState & { key?: string | null }>({});
  const options = useFilterOptions(api, reads);
  const key = filter && drill ? JSON.stringify([filter, drill]) : null;
  useEffect(() => {
    const remote = api.current;
    if (reads === 0 || !filter || !drill || !remote) return;
    let current = true;
    remote.drill(filter, drill, new Date().toISOString()).then(
      (list) => current && setState({ list, key }),
      (error: unknown) => current && setState((before) => ({ ...before, error: asError(error) })),
    );
    return () => {
      current = false;
    };
    // The filter and the drill by value, as useDashboard's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reads, key]);
  // The rows of another address are not shown while this one's are counted.
  return { list: state.key === key ? state.list : undefined, options, error: readError ?? state.error };
}
