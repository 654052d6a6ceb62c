/**
 * The papers worker as the screen uses it: started on the first paper and kept, so that the
 * document font is read once for several PDFs; ended by a cancel, which stops a paper at once
 * (a builder is not interruptible half way) and hands nothing back. The next paper starts it anew
 * (renderer/features/documents/cancellable-worker.ts).
 */
import { proxy } from 'comlink';
import { cancellableWorker } from '@renderer/features/documents/cancellable-worker';
import { pageFontSources } from '@renderer/features/documents/page-font-sources';
import type { BuildStage, PaperJob, PaperResult } from './build-paper';
import type { PapersWorkerApi } from './papers.worker';

export { isAbortError } from '@renderer/features/documents/cancellable-worker';

const papersWorker = cancellableWorker<PapersWorkerApi>(
  () => new Worker(new URL('./papers.worker.ts', import.meta.url), { type: 'module' }),
  (api) => void api.useFonts(pageFontSources()),
  'subsidy paper',
);

/**
 * Makes the paper in the worker (or hears why it cannot be made). Aborting `signal` ends the worker at once and rejects with an
 * AbortError: no bytes come back.
 */
export function makePaperInWorker(
  job: PaperJob,
  onStage: (stage: BuildStage) => void,
  signal: AbortSignal,
): Promise<PaperResult> {
  return papersWorker.run<PaperResult>((api) => api.build(job, proxy(onStage)), signal);
}

/** Why the builder would refuse the paper, in words, asked of the worker (which holds the builders). */
export async function paperRefusals(job: PaperJob): Promise<string[]> {
  return papersWorker.api().refusals(job);
}
