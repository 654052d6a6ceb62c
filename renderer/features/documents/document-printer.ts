/**
 * What the documents worker does, without the worker: it reads the fonts once for its whole life
 * (the first document after the app starts pays for the 22 MB; later ones must not, issue 6), runs
 * each build with its own AbortController so that a cancel reaches exactly that build, and hands the
 * bytes back. Kept apart from `documents.worker.ts` so that tests can drive it in Node.
 */
import type { DocumentFonts, FontFiles } from '@shared/documents/fonts';
import type { BatchPapers, DocumentOptions, DocumentProgress, DocumentRequest, PrintContext } from '@shared/documents';

/** The options a build takes across the worker boundary: the progress callback and the signal live here. */
export type BuildOptions = Omit<DocumentOptions, 'onProgress' | 'signal'>;

/** What a build hands back. */
export interface BuiltDocument {
  bytes: Uint8Array;
  /** True when this build read and converted the fonts (the first one after start, or after a failed read). */
  readFonts: boolean;
}

export type BuildDocument = (
  request: DocumentRequest,
  papers: BatchPapers,
  fonts: DocumentFonts,
  print: PrintContext,
  options: DocumentOptions,
) => Promise<Uint8Array>;

/** Raised when the font files cannot be read (a broken install): the panel says so in words. */
export class DocumentFontsMissingError extends Error {
  constructor(cause: unknown) {
    super(`document fonts could not be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DocumentFontsMissingError';
  }
}

function abortError(): Error {
  const error = new Error('document build cancelled');
  error.name = 'AbortError';
  return error;
}

export class DocumentPrinter {
  private fonts: Promise<DocumentFonts> | null = null;
  private readonly running = new Map<number, AbortController>();

  constructor(
    private readonly readFontFiles: () => Promise<FontFiles>,
    private readonly convertFonts: (files: FontFiles) => DocumentFonts,
    private readonly buildDocument: BuildDocument,
  ) {}

  /** The fonts, read and converted on first use and kept; a failed read is tried again next time. */
  private documentFonts(): { fonts: Promise<DocumentFonts>; readNow: boolean } {
    if (this.fonts) return { fonts: this.fonts, readNow: false };
    const fonts = this.readFontFiles().then(
      (files) => this.convertFonts(files),
      (error: unknown) => {
        throw new DocumentFontsMissingError(error);
      },
    );
    this.fonts = fonts;
    fonts.catch(() => {
      if (this.fonts === fonts) this.fonts = null;
    });
    return { fonts, readNow: true };
  }

  /**
   * Builds one document. `buildId` names the build for `cancel`; a cancelled build rejects with an
   * error named 'AbortError' and returns no bytes. Reading the fonts is never cancelled: the next
   * build needs them too.
   */
  async build(
    buildId: number,
    request: DocumentRequest,
    papers: BatchPapers,
    print: PrintContext,
    options: BuildOptions,
    onProgress?: DocumentProgress,
  ): Promise<BuiltDocument> {
    const controller = new AbortController();
    this.running.set(buildId, controller);
    try {
      const { fonts, readNow } = this.documentFonts();
      const loaded = await fonts;
      if (controller.signal.aborted) throw abortError();
      const bytes = await this.buildDocument(request, papers, loaded, print, {
        ...options,
        onProgress,
        signal: controller.signal,
      });
      if (controller.signal.aborted) throw abortError();
      return { bytes, readFonts: readNow };
    } finally {
      this.running.delete(buildId);
    }
  }

  /** Runs `apply` with the fonts, read first if no build has read them yet. */
  async withFonts<T>(apply: (fonts: DocumentFonts) => T): Promise<T> {
    return apply(await this.documentFonts().fonts);
  }

  /** Stops the build `buildId` at its next section; nothing when it has ended already. */
  cancel(buildId: number): void {
    this.running.get(buildId)?.abort();
  }

  /** Whether the fonts have been read (or are being read). */
  get fontsRequested(): boolean {
    return this.fonts !== null;
  }
}
