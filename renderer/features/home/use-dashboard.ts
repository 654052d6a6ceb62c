/**
 * The dashboard's figures for a filter, computed in a Web Worker (dashboard.worker.ts). The worker
 * reads the database again whenever the audit trail's newest row or the Settings change: every
 * write of a record goes through auditedWrite with its audit row (a backup's restore replaces the
 * trail), so one index read tells that something changed, in this window or another. A change of
 * filter only computes again from what the worker holds.
 */
import { useEffect, useRef, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import type { Dashboard, DashboardFilter } from '@shared/dashboard';
import { dashboardChangeSignal, useRepositoryQuery } from '@renderer/db';
import type { DashboardWorkerApi } from './dashboard.worker';

export interface DashboardState {
  /** The figures for the filter; undefined until the first answer. */
  result?: Dashboard;
  /** The filter the result answers for. */
  filter?: DashboardFilter;
  error?: Error;
}

export function useDashboard(filter: DashboardFilter | null): DashboardState {
  const signal = useRepositoryQuery(dashboardChangeSignal, []);
  const api = useRef<Remote<DashboardWorkerApi> | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [state, setState] = useState<DashboardState>({});

  useEffect(() => {
    const worker = new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module' });
    api.current = wrap<DashboardWorkerApi>(worker);
    return () => {
      api.current = null;
      worker.terminate();
    };
  }, []);

  useEffect(() => {
    if (signal === undefined || !api.current) return;
    let current = true;
    api.current.load().then(
      () => current && setLoadedFor(signal),
      (error: unknown) => current && setState({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [signal]);

  const key = filter ? JSON.stringify(filter) : null;
  useEffect(() => {
    if (loadedFor === null || !filter || !api.current) return;
    let current = true;
    api.current.compute(filter, new Date().toISOString()).then(
      (result) => current && setState({ result, filter }),
      (error: unknown) =>
        current &&
        setState((before) => ({ ...before, error: error instanceof Error ? error : new Error(String(error)) })),
    );
    return () => {
      current = false;
    };
    // The filter by value: a new object with the same period computes nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedFor, key]);

  return state;
}
