import { wrap, type Remote } from 'comlink';
import type { RosterApi } from './roster-import.worker';

export type { RosterSummary, VerdictCounts } from './roster-import.worker';

/**
 * A roster import in its own Web Worker: it reads, checks and stores the file there, so neither the
 * rows nor the writes pass through the window (100,000 rows cost 1.4 s just to hand over). Ending
 * the session (leaving the page) drops the file's data; an import under way stops at its next chunk.
 */
export interface RosterSession {
  api: Remote<RosterApi>;
  end: () => void;
}

export function startRosterSession(): RosterSession {
  const worker = new Worker(new URL('./roster-import.worker.ts', import.meta.url), { type: 'module' });
  return { api: wrap<RosterApi>(worker), end: () => worker.terminate() };
}
