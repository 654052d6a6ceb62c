/**
 * The papers worker as the screen uses it: started on the first paper and kept, so that the
 * document font is read once for several PDFs; ended by a cancel, which stops a paper at once
 * (a builder is not interruptible half way) and hands nothing back. The next paper starts it anew.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { FONT_FILES } from '@renderer/features/documents/documents-client';
import type { BuildStage, PaperJob, PaperResult } from './build-paper';
import type { PapersWorkerApi } from './papers.worker';

let running: { worker: Worker; api: Remote<PapersWorkerApi> } | null = null;

function papersWorker(): { worker: Worker; api: Remote<PapersWorkerApi> } {
  if (!running) {
    const worker = new Worker(new URL('./papers.worker.ts', import.meta.url), { type: 'module' });
    const api = wrap<PapersWorkerApi>(worker);
    void api.useFonts({
      regular: new URL(FONT_FILES.regular, document.baseURI).href,
      bold: new URL(FONT_FILES.bold, document.baseURI).href,
      fallbacks: FONT_FILES.fallbacks.map((file) => new URL(file, document.baseURI).href),
    });
    running = { worker, api };
  }
  return running;
}

function abortError(): Error {
  const error = new Error('subsidy paper cancelled');
  error.name = 'AbortError';
  return error;
}

/** True for the error a cancelled paper rejects with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Makes the paper in the worker (or hears why it cannot be made). Aborting `signal` ends the worker at once and rejects with an
 * AbortError: no bytes come back.
 */
export async function makePaperInWorker(
  job: PaperJob,
  onStage: (stage: BuildStage) => void,
  signal: AbortSignal,
): Promise<PaperResult> {
  if (signal.aborted) throw abortError();
  const current = papersWorker();
  return new Promise<PaperResult>((resolve, reject) => {
    const cancel = () => {
      current.worker.terminate();
      if (running === current) running = null;
      reject(abortError());
    };
    signal.addEventListener('abort', cancel, { once: true });
    current.api.build(job, proxy(onStage)).then(
      (result) => {
        signal.removeEventListener('abort', cancel);
        if (signal.aborted) reject(abortError());
        else resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', cancel);
        reject(signal.aborted ? abortError() : error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Why the builder would refuse the paper, in words, asked of the worker (which holds the builders). */
export async function paperRefusals(job: PaperJob): Promise<string[]> {
  return papersWorker().api.refusals(job);
}
