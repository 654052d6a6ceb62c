/**
 * Makes the PDFs off the UI thread (issue 6): a 1,000-passenger manifest keeps the window
 * responsive, shows progress and can be cancelled. One worker lives as long as the app, so the
 * fonts are read once per app start (see document-printer.ts); the bytes go back transferred, not
 * copied.
 */
import { expose, transfer } from 'comlink';
import { buildDocument, canDraw, findUnprintable, loadDocumentFonts } from '@shared/documents';
import type { BatchPapers, DocumentProgress, DocumentRequest, PrintContext, UnprintableEntry } from '@shared/documents';
import { DocumentPrinter, type BuildOptions, type BuiltDocument } from './document-printer';

/** Where the fonts are served: the page knows its base URL, a worker's own URL lies elsewhere. */
export interface FontSources {
  regular: string;
  bold: string;
  /** Fonts for the characters Noto Sans SC lacks, tried in order. */
  fallbacks: string[];
}

let sources: FontSources | null = null;

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const printer = new DocumentPrinter(
  async () => {
    if (!sources) throw new Error('no font sources given');
    const [regular, bold, ...fallbacks] = await Promise.all(
      [sources.regular, sources.bold, ...sources.fallbacks].map((url) => fontBytes(url)),
    );
    if (!regular || !bold) throw new Error('no document font');
    return { regular, bold, fallbacks };
  },
  loadDocumentFonts,
  buildDocument,
);

/** Passes progress on only when a whole percent more is done, so a long table sends ~100 messages, not thousands. */
function throttled(onProgress: DocumentProgress | undefined): DocumentProgress | undefined {
  if (!onProgress) return undefined;
  let sent = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    if (percent === sent) return;
    sent = percent;
    onProgress(done, total);
  };
}

const api = {
  /** Sets where the fonts are; called once, right after the worker starts. */
  useFonts(fonts: FontSources): void {
    sources = fonts;
  },

  /** Builds a document; `onProgress` is a comlink proxy. Rejects with an AbortError when cancelled. */
  async build(
    buildId: number,
    request: DocumentRequest,
    papers: BatchPapers,
    print: PrintContext,
    options: BuildOptions,
    onProgress?: DocumentProgress,
  ): Promise<BuiltDocument> {
    const built = await printer.build(buildId, request, papers, print, options, throttled(onProgress));
    return transfer(built, [built.bytes.buffer]);
  },

  /** Who would print with □ on the document: what no document font can draw (read the fonts first if need be). */
  unprintable(papers: BatchPapers, request: DocumentRequest): Promise<UnprintableEntry[]> {
    return printer.withFonts((fonts) => findUnprintable(papers, (codePoint) => canDraw(fonts, codePoint), request));
  },

  /** Stops the build `buildId` at its next section. */
  cancel(buildId: number): void {
    printer.cancel(buildId);
  },
};

export type DocumentsApi = typeof api;

expose(api);
