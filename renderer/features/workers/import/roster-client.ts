import { wrap, type Remote } from 'comlink';
import type { RosterApi } from './roster.worker';

export type { RosterSummary, VerdictCounts } from './roster.worker';

/** A roster reader in its own Web Worker; ending it (cancel, leaving the page) drops the file's data. */
export interface RosterSession {
  api: Remote<RosterApi>;
  end: () => void;
}

export function startRosterSession(): RosterSession {
  const worker = new Worker(new URL('./roster.worker.ts', import.meta.url), { type: 'module' });
  return { api: wrap<RosterApi>(worker), end: () => worker.terminate() };
}
