/**
 * The printed dashboard's worker as the home page uses it (issue 19, item 4): started on the first
 * file and kept, so that the document font is read once for several PDFs; a cancel ends it and
 * hands nothing back (renderer/features/documents/cancellable-worker.ts).
 */
import { proxy } from 'comlink';
import type { DashboardPrintInput } from '@shared/dashboard/print';
import { cancellableWorker } from '@renderer/features/documents/cancellable-worker';
import { pageFontSources } from '@renderer/features/documents/page-font-sources';
import type { DashboardPrintFormat, DashboardPrintStage, DashboardPrintWorkerApi } from './dashboard-print.worker';

export { isAbortError } from '@renderer/features/documents/cancellable-worker';

const printWorker = cancellableWorker<DashboardPrintWorkerApi>(
  () => new Worker(new URL('./dashboard-print.worker.ts', import.meta.url), { type: 'module' }),
  (api) => void api.useFonts(pageFontSources()),
  'dashboard print',
);

/** Makes the file in the worker. Aborting `signal` ends the worker at once and rejects with an AbortError. */
export function makeDashboardFile(
  format: DashboardPrintFormat,
  input: DashboardPrintInput,
  onStage: (stage: DashboardPrintStage) => void,
  signal: AbortSignal,
): Promise<Uint8Array> {
  return printWorker.run((api) => api.make(format, input, proxy(onStage)), signal);
}
