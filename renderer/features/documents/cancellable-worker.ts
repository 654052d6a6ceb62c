/**
 * A Web Worker that makes one file at a time and that a cancel ends (the papers' worker and the
 * printed dashboard's): started on first use and kept, so that what it read (the document font)
 * stays read for the next file; a cancel terminates it at once (a builder is not interruptible
 * half way), the call rejects with an AbortError and hands nothing back, and the next call starts
 * a new worker.
 */
import { wrap, type Remote } from 'comlink';
import { whileBusy } from '../../platform/shell';

function abortError(what: string): Error {
  const error = new Error(`${what} cancelled`);
  error.name = 'AbortError';
  return error;
}

/** True for the error a cancelled call rejects with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export interface CancellableWorker<Api> {
  /** The running worker's interface (started if need be), for calls that are not cancelled. */
  api: () => Remote<Api>;
  /** Runs `call` on the worker; aborting `signal` ends the worker and rejects with an AbortError. */
  run: <T>(call: (api: Remote<Api>) => Promise<T>, signal: AbortSignal) => Promise<T>;
}

/**
 * `start` makes the worker (`new Worker(new URL(…), …)` stays in the caller, where the bundler sees
 * it); `setUp` is told of each new worker (where the fonts are served); `what` names a cancel.
 */
export function cancellableWorker<Api>(
  start: () => Worker,
  setUp: (api: Remote<Api>) => void,
  what: string,
): CancellableWorker<Api> {
  let running: { worker: Worker; api: Remote<Api> } | null = null;
  const current = () => {
    if (!running) {
      const worker = start();
      const api = wrap<Api>(worker);
      setUp(api);
      running = { worker, api };
    }
    return running;
  };
  return {
    api: () => current().api,
    run: <T>(call: (api: Remote<Api>) => Promise<T>, signal: AbortSignal): Promise<T> => {
      if (signal.aborted) return Promise.reject(abortError(what));
      const used = current();
      // Closing the window while a file is made asks first (issue 21).
      return whileBusy(
        'print',
        () =>
          new Promise<T>((resolve, reject) => {
            const cancel = () => {
              used.worker.terminate();
              if (running === used) running = null;
              reject(abortError(what));
            };
            signal.addEventListener('abort', cancel, { once: true });
            call(used.api).then(
              (result) => {
                signal.removeEventListener('abort', cancel);
                if (signal.aborted) reject(abortError(what));
                else resolve(result);
              },
              (error: unknown) => {
                signal.removeEventListener('abort', cancel);
                reject(signal.aborted ? abortError(what) : error instanceof Error ? error : new Error(String(error)));
              },
            );
          }),
      );
    },
  };
}
