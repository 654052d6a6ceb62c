/**
 * Makes the subsidy papers off the screen's thread (issue 18, item 5): a roster of 10,000 people
 * keeps the window responsive. The document font is read on the first PDF and kept while the
 * worker lives; a cancel ends the worker (papers-client.ts), so a cancelled paper hands nothing
 * back. The bytes go back transferred, not copied.
 */
import { expose, transfer } from 'comlink';
import { fontReader, type FontSources } from '@renderer/features/documents/worker-fonts';
import { jobRefusals, makePaper, type BuildStage, type PaperJob, type PaperResult } from './build-paper';

/** Where the fonts are served: the page knows its base URL, a worker's own URL lies elsewhere. */
let sources: FontSources | null = null;
const documentFonts = fontReader(() => sources);

const api = {
  /** Sets where the fonts are; called once, right after the worker starts. */
  useFonts(given: FontSources): void {
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
