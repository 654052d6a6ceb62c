import { Button, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { todayCalendarDate } from '@shared/dates';
import type { FieldProblem } from '@shared/domain/problems';
import type { CalendarDate, Language } from '@shared/domain/records';
import { safeFileName } from '@shared/file-name';
import type { PaperPayee, PaperScheme } from '@shared/subsidy/papers';
import { paperClaims, rosterRefusals } from '@renderer/db';
import { problemMessage } from '@renderer/components/field-problems';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { logger } from '@renderer/logger';
import { platform } from '@renderer/platform';
import type { BuildStage, PaperJob } from './build-paper';
import { WORKERS_PAYEE_ID, type PaperFormat, type PaperKind } from './paper-choice';
import { PAPER_DOCUMENTS, recordPaperFullNumbers } from './papers-audit';
import { isAbortError, makePaperInWorker, paperRefusals } from './papers-client';

/** One paper to make, as the papers screen chose it. */
export interface PaperRequest {
  paper: PaperKind;
  format: PaperFormat;
  /** The claims the paper lists (already chosen by status, payee and notice period). */
  claimIds: readonly string[];
  /** The scheme chosen on the page: what a roster or notice is about, and a summary's year. */
  scheme: PaperScheme;
  /** Whether a summary covers every scheme of the year (else the chosen scheme only). */
  wholeYear: boolean;
  /** The roster's payee key (paper-choice.ts `payeeKey`). */
  payee: string | null;
  /** The notice's period. */
  notice: { from: CalendarDate; to: CalendarDate } | null;
  county: string;
  bureau: string;
  bureauPhone: string;
  withPeople: boolean;
  fullNumbers: boolean;
  /** The purpose given for full numbers. */
  reason: string;
  operator: string;
  organization: string;
  language: Language;
  t: TFunction;
}

/** How a request ended: a file saved, or why not (a refusal in words, shown beside the form). */
export type PaperOutcome =
  | { kind: 'saved'; fileName: string }
  | { kind: 'not-saved' }
  | { kind: 'cancelled' }
  | { kind: 'failed' }
  | { kind: 'refused'; messages: string[] };

/** Whether the paper prints resident IDs: the roster, and the summary's list of people. */
export function printsNumbers(paper: PaperKind, withPeople: boolean): boolean {
  return paper === 'roster' || (paper === 'summary' && withPeople);
}

/** What is missing from the head of the paper, in words; empty when nothing is. */
export function headProblems(
  request: Pick<PaperRequest, 'paper' | 'county' | 'bureau' | 'bureauPhone' | 't'>,
): string[] {
  const { t } = request;
  const messages: string[] = [];
  if (request.county.trim() === '') messages.push(t('subsidy.papers.missing.county'));
  if (request.bureau.trim() === '') messages.push(t('subsidy.papers.missing.bureau'));
  if (request.paper === 'notice' && request.bureauPhone.trim() === '') {
    messages.push(t('subsidy.papers.missing.phone'));
  }
  return messages;
}

/** The name the paper is offered under: 2026年重点企业吸纳就业补贴-花名册-某公司-2026-12-07.xlsx. */
export function paperFileName(request: PaperRequest, payeeName: string): string {
  const { t, paper, scheme } = request;
  const subject =
    paper === 'summary' && request.wholeYear ? t('subsidy.papers.yearPeriod', { year: scheme.year }) : scheme.name;
  return safeFileName(
    [
      subject,
      t(`subsidy.papers.fileNames.${paper}`),
      paper === 'roster' ? payeeName : '',
      paper === 'notice' && request.notice ? request.notice.from : todayCalendarDate(),
      request.fullNumbers && printsNumbers(paper, request.withPeople) ? t('documents.fullNumbersFileName') : '',
    ],
    request.format,
    'subsidy-paper',
  );
}

const describer = (t: TFunction) => (problem: FieldProblem) =>
  problem.code === 'operator-missing' ? t('documents.fullNumbers.operatorMissing') : problemMessage(problem, t);

/** The job for the worker, read from the stored claims; a refusal when they cannot make the paper. */
async function prepare(request: PaperRequest): Promise<{ job: PaperJob; payeeName: string } | { refused: string[] }> {
  const { t, language } = request;
  if (request.paper === 'roster') {
    const refusals = await rosterRefusals(request.claimIds);
    if (refusals.length > 0) return { refused: refusals.map((problem) => problemMessage(problem, t)) };
  }
  const claims = await paperClaims(request.claimIds);
  const print = {
    language,
    operator: request.operator,
    organization: request.organization,
    printedAt: new Date().toISOString(),
    fullNumbers: request.fullNumbers && printsNumbers(request.paper, request.withPeople),
  };
  const county = request.county.trim();
  const bureau = request.bureau.trim();
  const rows = claims.map((claim) => claim.row);
  let job: PaperJob;
  let payeeName = '';
  if (request.paper === 'roster') {
    const first = claims[0];
    const workers = request.payee === WORKERS_PAYEE_ID || first?.payee.kind === 'worker';
    const payee: PaperPayee =
      workers || !first
        ? { id: WORKERS_PAYEE_ID, kind: 'worker', name: '', creditCode: '', bankName: '', bankAccount: '' }
        : first.payee;
    payeeName = workers ? t('subsidy.payee.worker') : payee.name;
    job = {
      paper: 'roster',
      format: request.format,
      header: { county, bureau, scheme: request.scheme, payee },
      rows,
      print,
    };
  } else if (request.paper === 'notice') {
    const notice = request.notice ?? { from: todayCalendarDate(), to: todayCalendarDate() };
    job = {
      paper: 'notice',
      format: request.format,
      header: { county, bureau, bureauPhone: request.bureauPhone.trim(), scheme: request.scheme, ...notice },
      rows,
      print: { ...print, fullNumbers: false },
    };
  } else {
    const period = request.wholeYear
      ? t('subsidy.papers.yearPeriod', { year: request.scheme.year })
      : t('subsidy.papers.schemePeriod', { scheme: request.scheme.name });
    job = {
      paper: 'summary',
      format: request.format,
      header: { county, bureau, period },
      claims: claims.map(({ scheme, payee, row }) => ({
        scheme,
        payee: { id: payee.id, kind: payee.kind, name: payee.name },
        row,
      })),
      print,
      withPeople: request.withPeople,
    };
  }
  return { job, payeeName };
}

/** Claims per scheme, for the audit rows of a paper with full numbers. */
function rowsPerScheme(job: PaperJob): Map<string, number> {
  const counts = new Map<string, number>();
  if (job.paper === 'summary') {
    for (const claim of job.claims) counts.set(claim.scheme.id, (counts.get(claim.scheme.id) ?? 0) + 1);
  } else {
    counts.set(job.header.scheme.id, job.rows.length);
  }
  return counts;
}

/**
 * Makes a subsidy paper and saves it (issue 18, item 5): refused in words, with nothing saved, for
 * no claims, a head left empty, a roster whose payee has no bank account, or a rejected claim; a
 * paper with full numbers recorded in the audit trail before it is made; made in the papers worker
 * with a notice that shows each step and offers to cancel (a cancelled paper saves nothing); saved
 * as every export is (the save dialog, or a download in a browser).
 */
export async function producePaper(request: PaperRequest): Promise<PaperOutcome> {
  const { t } = request;
  if (request.claimIds.length === 0) return { kind: 'refused', messages: [t('subsidy.papers.noClaims')] };
  const missing = headProblems(request);
  if (missing.length > 0) return { kind: 'refused', messages: missing };

  const id = `subsidy-paper-${crypto.randomUUID()}`;
  const controller = new AbortController();
  const title = t(`subsidy.papers.kinds.${request.paper}`);
  const steps: readonly ('reading' | BuildStage)[] =
    request.format === 'pdf' ? ['reading', 'fonts', 'building'] : ['reading', 'building'];
  const cancel = () => {
    controller.abort();
    notifications.update({
      id,
      loading: false,
      color: 'gray',
      title: undefined,
      message: t('subsidy.papers.cancelled'),
      autoClose: 4000,
      withCloseButton: true,
    });
  };
  let shown = false;
  const show = (stage: 'reading' | BuildStage) => {
    if (controller.signal.aborted) return;
    const step = steps.indexOf(stage) + 1;
    const text = t('subsidy.papers.progress', {
      step,
      steps: steps.length,
      what: t(`subsidy.papers.stages.${stage}`),
    });
    const next = {
      id,
      loading: true,
      autoClose: false,
      withCloseButton: false,
      title,
      message: (
        <Stack gap={4} data-testid="paper-progress">
          <Text size="sm">{text}</Text>
          <Progress
            value={(step / steps.length) * 100}
            animated={stage === 'building'}
            striped={stage === 'building'}
            size="sm"
            aria-label={text}
          />
          <div>
            <Button size="compact-xs" variant="default" mt={4} onClick={cancel} data-testid="paper-cancel">
              {t('common.cancel')}
            </Button>
          </div>
        </Stack>
      ),
    };
    // Mantine shows an id once: later steps update the notice shown.
    if (shown) notifications.update(next);
    else notifications.show(next);
    shown = true;
  };

  try {
    show('reading');
    const prepared = await prepare(request);
    if (controller.signal.aborted) return { kind: 'cancelled' };
    if ('refused' in prepared) {
      notifications.hide(id);
      return { kind: 'refused', messages: prepared.refused };
    }
    const { job, payeeName } = prepared;
    const refused = await paperRefusals(job);
    if (controller.signal.aborted) return { kind: 'cancelled' };
    if (refused.length > 0) {
      notifications.hide(id);
      return { kind: 'refused', messages: refused };
    }
    if (job.print.fullNumbers) {
      try {
        // Recorded before anything is made: a paper of full numbers that fails half way still counts.
        const [entry] = await recordPaperFullNumbers(
          job.paper === 'roster' ? PAPER_DOCUMENTS.roster : PAPER_DOCUMENTS.summary,
          rowsPerScheme(job),
          request.reason,
          job.paper === 'roster' ? job.header.payee.id : undefined,
        );
        // The paper says it was made when the audit says so, as a document printed with full numbers does.
        if (entry) job.print = { ...job.print, printedAt: entry.at };
      } catch (error) {
        notifications.hide(id);
        notifyWriteFailure(error, t, 'recording a subsidy paper with full numbers', describer(t));
        return { kind: 'failed' };
      }
    }
    const made = await makePaperInWorker(job, show, controller.signal);
    if (controller.signal.aborted) return { kind: 'cancelled' };
    notifications.hide(id);
    if (made.kind === 'refused') return { kind: 'refused', messages: made.messages };
    const { bytes } = made;
    const fileName = paperFileName(request, payeeName);
    const result = await platform.saveFile({
      suggestedName: fileName,
      filters: [
        request.format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Excel', extensions: ['xlsx'] },
      ],
      data: bytes,
    });
    if (!result.saved) return { kind: 'not-saved' };
    notifications.show({ color: 'teal', message: t('subsidy.papers.saved', { name: result.fileName ?? fileName }) });
    return { kind: 'saved', fileName: result.fileName ?? fileName };
  } catch (error) {
    if (isAbortError(error) || controller.signal.aborted) return { kind: 'cancelled' };
    logger.error('making a subsidy paper failed', error);
    notifications.update({
      id,
      loading: false,
      color: 'red',
      title: undefined,
      message: t('subsidy.papers.failed'),
      autoClose: 8000,
      withCloseButton: true,
    });
    return { kind: 'failed' };
  }
}
