/**
 * What the papers screen (issue 18, item 5) lets a user choose, as plain rules: which paper, which
 * claims by their status, for the roster which payee, for the notice which notice period; and how
 * many people and how much the chosen claims come to, shown before anything is made.
 *
 * Which claims each paper takes, by default and at most:
 * - the application roster (花名册) is what a payee hands in after the public notice, so it takes
 *   the claims submitted and approved by default; on notice and paid may be added (a roster made
 *   while the notice runs, a copy for the file after payment). Never `eligible` (not yet noticed, the
 *   roster would go before the public had its say) and never `rejected` (refused by the repository);
 * - the public notice (公示名单) lists the claims put on notice in one notice period (claims on
 *   notice by default; later steps may be added to print an earlier notice again);
 * - the summary (汇总表) counts every claim that stands by default, all but the rejected, over the
 *   scheme or every scheme of its year.
 */
import type { CalendarDate } from '@shared/domain/records';
import { noticeEnds, type ClaimStatus } from '@shared/subsidy/claim-steps';
import { sumFen, type Fen } from '@shared/subsidy/money';
import type { Payee } from '@shared/subsidy/scheme';

export const PAPER_KINDS = ['roster', 'notice', 'summary'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_FORMATS = ['xlsx', 'pdf'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

/** The statuses a paper may take its claims from, in the pipeline's order. */
export const PAPER_STATUSES: Readonly<Record<PaperKind, readonly ClaimStatus[]>> = {
  roster: ['on-notice', 'submitted', 'approved', 'paid'],
  notice: ['on-notice', 'submitted', 'approved', 'paid'],
  summary: ['eligible', 'on-notice', 'submitted', 'approved', 'paid'],
};

/** The statuses a paper takes unless the user chooses others. */
export const DEFAULT_STATUSES: Readonly<Record<PaperKind, readonly ClaimStatus[]>> = {
  roster: ['submitted', 'approved'],
  notice: ['on-notice'],
  summary: ['eligible', 'on-notice', 'submitted', 'approved', 'paid'],
};

/** Whether the summary covers the chosen scheme only or every scheme of its year. */
export type SummaryScope = 'scheme' | 'year';

/** A claim as the screen knows it before the papers read it in full. */
export interface ChoosableClaim {
  id: string;
  schemeId: string;
  workerId: string;
  payee: Payee;
  payeeId: string;
  payeeName: string;
  status: ClaimStatus;
  amountFen: Fen;
  noticeFrom: CalendarDate | null;
  noticeDays: number | null;
}

export interface PaperChoice {
  paper: PaperKind;
  statuses: readonly ClaimStatus[];
  /** The schemes the paper covers: the chosen one, or for a summary of the year every scheme of it. */
  schemeIds: readonly string[];
  /** The roster's payee ({@link payeeKey}); ignored by the other papers. */
  payee: string | null;
  /** The notice's period ({@link NoticePeriod.key}); ignored by the other papers. */
  noticePeriod: string | null;
}

/**
 * The payee of a worker scheme's roster: the workers together, as the summary names them
 * (`WORKERS_PAYEE_ID` of shared/subsidy/papers/summary.ts; not imported, so that the screen's
 * thread loads none of the builders).
 */
export const WORKERS_PAYEE_ID = 'workers';

/**
 * Who a roster is for: an enterprise or an agency by its id, or for a worker scheme the workers
 * together (each is paid in person, one roster lists them all).
 */
export function payeeKey(claim: Pick<ChoosableClaim, 'payee' | 'payeeId'>): string {
  return claim.payee === 'worker' ? WORKERS_PAYEE_ID : `${claim.payee}:${claim.payeeId}`;
}

export interface PayeeOption {
  key: string;
  kind: Payee;
  /** The enterprise's or agency's name; '' for the workers. */
  name: string;
  /** Claims of this payee a roster may take (any status it allows). */
  claims: number;
}

const collator = new Intl.Collator('zh-CN');

/** The payees with claims a roster may take under `schemeId`, by name. */
export function payeeOptions(claims: readonly ChoosableClaim[], schemeId: string): PayeeOption[] {
  const allowed = new Set(PAPER_STATUSES.roster);
  const options = new Map<string, PayeeOption>();
  for (const claim of claims) {
    if (claim.schemeId !== schemeId || !allowed.has(claim.status)) continue;
    const key = payeeKey(claim);
    const option = options.get(key) ?? {
      key,
      kind: claim.payee,
      name: claim.payee === 'worker' ? '' : claim.payeeName,
      claims: 0,
    };
    option.claims += 1;
    options.set(key, option);
  }
  return [...options.values()].sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key));
}

/** One public notice: the claims put on notice from one day for the same number of days. */
export interface NoticePeriod {
  key: string;
  from: CalendarDate;
  /** The last day, inclusive. */
  to: CalendarDate;
  claims: number;
}

function noticeKey(from: CalendarDate, days: number): string {
  return `${from}/${String(days)}`;
}

/** The notice periods of the claims of `schemeId` in `statuses`, the latest first. */
export function noticePeriods(
  claims: readonly ChoosableClaim[],
  schemeId: string,
  statuses: readonly ClaimStatus[],
): NoticePeriod[] {
  const wanted = new Set(statuses);
  const periods = new Map<string, NoticePeriod>();
  for (const claim of claims) {
    if (claim.schemeId !== schemeId || !wanted.has(claim.status)) continue;
    if (claim.noticeFrom === null || claim.noticeDays === null) continue;
    const key = noticeKey(claim.noticeFrom, claim.noticeDays);
    const period = periods.get(key) ?? {
      key,
      from: claim.noticeFrom,
      to: noticeEnds(claim.noticeFrom, claim.noticeDays),
      claims: 0,
    };
    period.claims += 1;
    periods.set(key, period);
  }
  return [...periods.values()].sort((a, b) => b.from.localeCompare(a.from) || b.to.localeCompare(a.to));
}

/** The claims the choice takes, in the order given (the papers sort them as each one prints). */
export function chosenClaims(claims: readonly ChoosableClaim[], choice: PaperChoice): ChoosableClaim[] {
  const allowed = new Set(PAPER_STATUSES[choice.paper]);
  const statuses = new Set(choice.statuses.filter((status) => allowed.has(status)));
  const schemes = new Set(choice.paper === 'summary' ? choice.schemeIds : choice.schemeIds.slice(0, 1));
  return claims.filter((claim) => {
    if (!schemes.has(claim.schemeId) || !statuses.has(claim.status)) return false;
    if (choice.paper === 'roster') return choice.payee !== null && payeeKey(claim) === choice.payee;
    if (choice.paper === 'notice') {
      return (
        choice.noticePeriod !== null &&
        claim.noticeFrom !== null &&
        claim.noticeDays !== null &&
        noticeKey(claim.noticeFrom, claim.noticeDays) === choice.noticePeriod
      );
    }
    return true;
  });
}

export interface Tally {
  /** Different people (an instalment is a claim of its own, not another person). */
  people: number;
  /** Lines the paper will have: one per claim. */
  claims: number;
  fen: Fen;
}

/** How many people and how much the claims come to, exactly, in fen. */
export function tally(claims: readonly ChoosableClaim[]): Tally {
  return {
    people: new Set(claims.map((claim) => claim.workerId)).size,
    claims: claims.length,
    fen: sumFen(claims.map((claim) => claim.amountFen)),
  };
}

/** Where an office's name turns from its county to its department. */
const DEPARTMENT = /人力资源|人社|就业|劳动|乡村振兴|农业/u;

/**
 * The county a paper's title names, as a guess from the office's name (田东县人力资源和社会保障局
 * → 田东县, 百色市田东县人社局 → 百色市田东县); '' when the name says none. The user may change it.
 */
export function countyOf(organization: string): string {
  const name = organization.trim();
  const department = DEPARTMENT.exec(name);
  const head = department ? name.slice(0, department.index) : name;
  return /(?:县|市|区|旗)$/u.test(head) ? head : '';
}
