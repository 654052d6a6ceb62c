/**
 * The dashboard's figures for a filter, computed in a Web Worker (dashboard.worker.ts), one per
 * screen that shows them. The worker reads the database again whenever the audit trail's newest row
 * or the Settings change (watchDashboardChanges: every write of a record goes through auditedWrite
 * with its audit row, and a backup's restore replaces the trail). Changes that come while a read is
 * under way (a demo or an import writes in many steps) are taken by one more read once it ends,
 * not by one read each. A change of filter only computes again from what the worker holds.
 */
import { useEffect, useRef, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import type { Dashboard, DashboardFilter } from '@shared/dashboard';
import { watchDashboardChanges } from '@renderer/db';
import type { DashboardWorkerApi } from './dashboard.worker';

export interface DashboardState {
  /** The figures for the filter; undefined until the first answer. */
  result?: Dashboard;
  /** The filter the result answers for. */
  filter?: DashboardFilter;
  error?: Error;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export function useDashboard(filter: DashboardFilter | null): DashboardState {
  const api = useRef<Remote<DashboardWorkerApi> | null>(null);
  /** How many reads the worker has finished: the figures are computed again after each. */
  const [reads, setReads] = useState(0);
  const [state, setState] = useState<DashboardState>({});

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
        if (alive) setState({ error: asError(error) });
      } finally {
        reading = false;
      }
    };
    const stop = watchDashboardChanges(
      (signal) => {
        latest = signal;
        void read();
      },
      (error) => alive && setState({ error: asError(error) }),
    );
    return () => {
      alive = false;
      stop();
      api.current = null;
      worker.terminate();
    };
  }, []);

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

  return state;
}
