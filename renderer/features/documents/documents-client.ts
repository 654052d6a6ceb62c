/**
 * The one documents worker of the app, started on the first print and kept until the app closes,
 * so that the fonts it reads stay read (issue 6: the first document after start may pay for them,
 * later ones must not).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { BatchPapers, DocumentRequest, PrintContext, UnprintableEntry } from '@shared/documents';
import type { BuildOptions } from './document-printer';
import type { DocumentsApi } from './documents.worker';
import { whileBusy } from '../../platform/shell';

/**
 * Where the build step copies the fonts (electron.config.ts, `documentFonts`), beside index.html:
 * Noto Sans SC in both styles, and Noto Sans TC for the characters it lacks.
 */
export const FONT_FILES = {
  regular: 'fonts/NotoSansSC-Regular.ttf',
  bold: 'fonts/NotoSansSC-Bold.ttf',
  fallbacks: ['fonts/NotoSansTC-Regular.ttf'],
} as const;

let remote: Remote<DocumentsApi> | null = null;
let nextBuildId = 1;

function documentsWorker(): Remote<DocumentsApi> {
  if (!remote) {
    const worker = new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module' });
    remote = wrap<DocumentsApi>(worker);
    void remote.useFonts({
      regular: new URL(FONT_FILES.regular, document.baseURI).href,
      bold: new URL(FONT_FILES.bold, document.baseURI).href,
      fallbacks: FONT_FILES.fallbacks.map((file) => new URL(file, document.baseURI).href),
    });
  }
  return remote;
}

/** One document to print, and how. */
export interface PrintJob {
  request: DocumentRequest;
  papers: BatchPapers;
  print: PrintContext;
  options: BuildOptions;
  /** Called as the build goes on, with `done` of `total` steps. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the build at its next section; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** What a print hands back. */
export interface PrintedDocument {
  bytes: Uint8Array;
  /** Whether this print read the fonts (the first one after start). */
  readFonts: boolean;
}

function abortError(): Error {
  const error = new Error('document build cancelled');
  error.name = 'AbortError';
  return error;
}

/** Builds a document in the documents worker. */
export async function printDocument(job: PrintJob): Promise<PrintedDocument> {
  if (job.signal?.aborted) throw abortError();
  const api = documentsWorker();
  const buildId = nextBuildId;
  nextBuildId += 1;
  const onProgress = job.onProgress ? proxy(job.onProgress) : undefined;
  const cancel = () => void api.cancel(buildId);
  job.signal?.addEventListener('abort', cancel, { once: true });
  try {
    // Closing the window while a document is made asks first (issue 21).
    return await whileBusy('print', () =>
      api.build(buildId, job.request, job.papers, job.print, job.options, onProgress),
    );
  } finally {
    job.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Who would print with □ on the document `request` asks for: the people (and places, enterprises,
 * the batch) whose printed words hold a character that no document font can draw.
 */
export async function findUnprintableNames(papers: BatchPapers, request: DocumentRequest): Promise<UnprintableEntry[]> {
  return documentsWorker().unprintable(papers, request);
}

/** True for the error a cancelled print rejects with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** True for the error a print rejects with when the font files cannot be read. */
export function isFontsMissingError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DocumentFontsMissingError';
}
