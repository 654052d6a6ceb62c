/**
 * The subsidy papers (issue 18, item 5): the application roster (花名册), the public notice
 * (公示名单) and the summary by scheme, township and payee, each as XLSX and PDF, built from plain
 * rows (model.ts) by pure functions.
 */
export type * from './model';
export { PaperInputError, paperProblemText, type PaperProblem, type PaperProblemCode } from './common';
export {
  buildRosterPdf,
  buildRosterXlsx,
  rosterProblems,
  rosterResidentId,
  rosterSummary,
  rosterTitle,
} from './roster';
export {
  HOUSEHOLD_TYPE_LABELS,
  NOTICE_COLUMNS,
  NOTICE_LABELS,
  PAPER_PROBLEM_LABELS,
  PAYEE_LABELS,
  ROSTER_COLUMNS,
  ROSTER_LABELS,
  SCHEME_KIND_LABELS,
  SUMMARY_COLUMNS,
  SUMMARY_LABELS,
} from './labels';
export {
  buildNoticePdf,
  buildNoticeXlsx,
  noticeIntro,
  noticePerson,
  noticeProblems,
  noticeTitle,
  type NoticePerson,
} from './notice';
export {
  buildSummaryPdf,
  buildSummaryXlsx,
  claimsBehind,
  inCell,
  summaryLines,
  summaryOrder,
  summaryPayeeId,
  summaryProblems,
  summaryTitle,
  WORKERS_PAYEE_ID,
  type SummaryKey,
  type SummaryLine,
  type SummaryOptions,
} from './summary';
