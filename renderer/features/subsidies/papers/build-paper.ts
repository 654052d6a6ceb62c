/**
 * One subsidy paper to make (issue 18, item 5), as it crosses to the papers worker: plain rows and
 * heads only, so that the builders of shared/subsidy/papers make it there. Kept apart from the
 * worker so that tests can make a paper in Node as the worker does.
 */
import type { DocumentFonts } from '@shared/documents/fonts';
import type { PrintContext } from '@shared/documents/model';
import {
  buildNoticePdf,
  buildNoticeXlsx,
  buildRosterPdf,
  buildRosterXlsx,
  buildSummaryPdf,
  buildSummaryXlsx,
  noticeProblems,
  paperProblemText,
  rosterProblems,
  summaryProblems,
  type NoticeHeader,
  type PaperProblem,
  type RosterHeader,
  type SubsidyPaperRow,
  type SummaryClaim,
  type SummaryHeader,
} from '@shared/subsidy/papers';
import type { PaperFormat } from './paper-choice';

export type PaperJob =
  | { paper: 'roster'; format: PaperFormat; header: RosterHeader; rows: SubsidyPaperRow[]; print: PrintContext }
  | { paper: 'notice'; format: PaperFormat; header: NoticeHeader; rows: SubsidyPaperRow[]; print: PrintContext }
  | {
      paper: 'summary';
      format: PaperFormat;
      header: SummaryHeader;
      claims: SummaryClaim[];
      print: PrintContext;
      withPeople: boolean;
    };

/** The steps of making a paper that the worker reports: a PDF reads the document font first. */
export type BuildStage = 'fonts' | 'building';

/** What the builder would refuse the job for; empty when it can be made. */
export function jobProblems(job: PaperJob): PaperProblem[] {
  switch (job.paper) {
    case 'roster':
      return rosterProblems(job.header, job.rows);
    case 'notice':
      return noticeProblems(job.header, job.rows);
    case 'summary':
      return summaryProblems(job.claims);
  }
}

/** Why the builder would refuse the job, in the paper's language; empty when it can be made. */
export function jobRefusals(job: PaperJob): string[] {
  return jobProblems(job).map((problem) => paperProblemText(problem, job.print.language));
}

/** What the worker hands back: the file, or why the builder refuses the job, in the paper's language. */
export type PaperResult = { kind: 'made'; bytes: Uint8Array } | { kind: 'refused'; messages: string[] };

/**
 * Checks the job as the builder would, then makes it: a refusal in words, or the file. Checked
 * here, in the worker, so that the screen's thread loads none of the builders.
 */
export async function makePaper(
  job: PaperJob,
  fonts: () => Promise<DocumentFonts>,
  onStage: (stage: BuildStage) => void = () => undefined,
): Promise<PaperResult> {
  const messages = jobRefusals(job);
  if (messages.length > 0) return { kind: 'refused', messages };
  return { kind: 'made', bytes: await buildPaper(job, fonts, onStage) };
}

/** Makes the paper's file: XLSX at once, PDF with the document font `fonts` reads. */
export async function buildPaper(
  job: PaperJob,
  fonts: () => Promise<DocumentFonts>,
  onStage: (stage: BuildStage) => void = () => undefined,
): Promise<Uint8Array> {
  if (job.format === 'xlsx') {
    onStage('building');
    switch (job.paper) {
      case 'roster':
        return buildRosterXlsx(job.header, job.rows, job.print);
      case 'notice':
        return buildNoticeXlsx(job.header, job.rows, job.print.language);
      case 'summary':
        return buildSummaryXlsx(job.header, job.claims, job.print, { withPeople: job.withPeople });
    }
  }
  onStage('fonts');
  const loaded = await fonts();
  onStage('building');
  switch (job.paper) {
    case 'roster':
      return buildRosterPdf(job.header, job.rows, loaded, job.print);
    case 'notice':
      return buildNoticePdf(job.header, job.rows, loaded, job.print);
    case 'summary':
      return buildSummaryPdf(job.header, job.claims, loaded, job.print, { withPeople: job.withPeople });
  }
}
