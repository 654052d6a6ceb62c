/**
 * The printed documents of a batch (issue 6). Every builder is a pure function of plain data
 * (`BatchPapers`), the fonts and who prints when (`PrintContext`), and returns the PDF's bytes;
 * `buildDocument` is the one entry the app's documents worker calls.
 */
import { drawBoardingCards } from './boarding-cards';
import { drawCover } from './cover';
import { manifestDigest } from './digest';
import type { DocumentFonts } from './fonts';
import { drawHandover } from './handover';
import { drawHealthSheet } from './health-sheet';
import { drawManifest } from './manifest';
import type { BatchPapers, DocumentOptions, PrintContext } from './model';
import { Sheet } from './sheet';

export type DocumentRequest =
  | { kind: 'manifest' }
  | { kind: 'cover' }
  | { kind: 'health-sheet'; filled: boolean }
  | { kind: 'handover'; enterpriseId?: string }
  | { kind: 'boarding-cards' }
  | { kind: 'all' };

/**
 * "Print all" in the order the papers are used: the cover sheet on top, then the manifest the
 * escorts check passengers against, the health-check sheet (filled) for the medical team, the
 * handover sheets for the receiving enterprises, and the boarding cards to cut last.
 */
async function drawAll(sheet: Sheet, papers: BatchPapers, options: DocumentOptions): Promise<void> {
  const steps = 5;
  const step = (index: number): DocumentOptions => ({
    ...options,
    onProgress: options.onProgress
      ? (done, total) => options.onProgress?.(index * 1000 + (total === 0 ? 1000 : (done / total) * 1000), steps * 1000)
      : undefined,
  });
  await drawCover(sheet, papers, { ...step(0), digest: await manifestDigest(papers) });
  await drawManifest(sheet, papers, step(1));
  await drawHealthSheet(sheet, papers, { ...step(2), filled: true });
  await drawHandover(sheet, papers, step(3));
  await drawBoardingCards(sheet, papers, step(4));
}

/**
 * The share of a build's progress that drawing takes; the rest is writing the file (the fonts'
 * subsets and the PDF's bytes), which reports nothing as it goes and took a few seconds for a
 * thousand passengers: reporting 100% when drawing ended left the bar full while the user waited.
 */
const DRAWING_SHARE = 0.9;
/** The scale a build's progress is reported on. */
const PROGRESS_SCALE = 1000;

/** Builds one document (or all of them, as one PDF) of a batch; progress reaches its total only once the file is written. */
export async function buildDocument(
  request: DocumentRequest,
  papers: BatchPapers,
  fonts: DocumentFonts,
  print: PrintContext,
  buildOptions: DocumentOptions = {},
): Promise<Uint8Array> {
  const report = buildOptions.onProgress;
  const options: DocumentOptions = report
    ? {
        ...buildOptions,
        onProgress: (done, total) =>
          report(Math.floor((total === 0 ? 1 : done / total) * DRAWING_SHARE * PROGRESS_SCALE), PROGRESS_SCALE),
      }
    : buildOptions;
  const sheet = new Sheet(fonts, print);
  switch (request.kind) {
    case 'manifest':
      await drawManifest(sheet, papers, options);
      break;
    case 'cover':
      await drawCover(sheet, papers, { ...options, digest: await manifestDigest(papers) });
      break;
    case 'health-sheet':
      await drawHealthSheet(sheet, papers, { ...options, filled: request.filled });
      break;
    case 'handover':
      await drawHandover(sheet, papers, { ...options, enterpriseId: request.enterpriseId });
      break;
    case 'boarding-cards':
      await drawBoardingCards(sheet, papers, options);
      break;
    case 'all':
      await drawAll(sheet, papers, options);
      break;
  }
  const bytes = sheet.finish();
  report?.(PROGRESS_SCALE, PROGRESS_SCALE);
  return bytes;
}

export {
  checkPrintedCopy,
  manifestDigest,
  parseQrPayload,
  parseSeatPayload,
  qrPayload,
  seatPayload,
  shortDigest,
} from './digest';
export { loadDocumentFonts } from './fonts';
export { manifestColumnLabel } from './manifest-labels';
export type { DocumentFonts, FontFiles } from './fonts';
export type * from './model';
export { DOCUMENT_KINDS, MANIFEST_COLUMNS } from './model';
export { canDraw } from './fonts';
export { findUnprintable } from './unprintable';
export type { UnprintableEntry, UnprintableField, UnprintableRole } from './unprintable';
