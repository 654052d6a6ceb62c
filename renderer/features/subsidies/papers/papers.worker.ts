/**
 * Makes the subsidy papers off the screen's thread (issue 18, item 5): a roster of 10,000 people
 * keeps the window responsive. The document font is read on the first PDF and kept while the
 * worker lives; a cancel ends the worker (papers-client.ts), so a cancelled paper hands nothing
 * back. The bytes go back transferred, not copied.
 */
import { expose, transfer } from 'comlink';
import { loadDocumentFonts, type DocumentFonts } from '@shared/documents/fonts';
import { jobRefusals, makePaper, type BuildStage, type PaperJob, type PaperResult } from './build-paper';

/** Where the fonts are served: the page knows its base URL, a worker's own URL lies elsewhere. */
export interface PaperFontSources {
  regular: string;
  bold: string;
  /** Fonts for the characters Noto Sans SC lacks, tried in order. */
  fallbacks: string[];
}

let sources: PaperFontSources | null = null;
let fonts: Promise<DocumentFonts> | null = null;

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function readFonts(): Promise<DocumentFonts> {
  if (!sources) throw new Error('no font sources given');
  const [regular, bold, ...fallbacks] = await Promise.all(
    [sources.regular, sources.bold, ...sources.fallbacks].map((url) => fontBytes(url)),
  );
  if (!regular || !bold) throw new Error('no document font');
  return loadDocumentFonts({ regular, bold, fallbacks });
}

/** The fonts, read on first use and kept; a failed read is tried again next time. */
function documentFonts(): Promise<DocumentFonts> {
  if (!fonts) {
    const reading = readFonts();
    fonts = reading;
    reading.catch(() => {
      if (fonts === reading) fonts = null;
    });
  }
  return fonts;
}

const api = {
  /** Sets where the fonts are; called once, right after the worker starts. */
  useFonts(given: PaperFontSources): void {
    sources = given;
  },

  /** Why the paper would be refused, in words; empty when it can be made. */
  refusals(job: PaperJob): string[] {
    return jobRefusals(job);
  },

  /** Makes the paper, or says why not; `onStage` is a comlink proxy told of each step. */
  async build(job: PaperJob, onStage: (stage: BuildStage) => void): Promise<PaperResult> {
    const result = await makePaper(job, documentFonts, onStage);
    return result.kind === 'made' ? transfer(result, [result.bytes.buffer]) : result;
  },
};

export type PapersWorkerApi = typeof api;

expose(api);
