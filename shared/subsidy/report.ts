/**
 * The subsidy report (issue 18, item 6, "reports"): what is owed, on notice and paid, in all and by
 * scheme, payee, township and month, each total with the claims behind it, so that every sum on
 * the report names the people it is made of. Pure: the caller gathers the claims as plain rows
 * (names resolved), the report only counts them. Sums are whole fen added as whole numbers
 * (money.ts), never floats.
 *
 * Each claim is counted in exactly one of four totals, by its status (claim-steps.ts):
 * - owed: eligible, submitted or approved, not yet paid and not on the public notice now;
 * - on notice: on the public notice (公示);
 * - paid: paid, at the amount paid;
 * - rejected: rejected, kept apart so that the report accounts for every claim.
 * What is still to be paid in all is owed plus on notice.
 *
 * The month a claim falls in is the month of its payment when paid, of its notice when it has been
 * on one (on notice, submitted, approved, or rejected after the notice), otherwise of the day it was
 * owed from (a claim rejected before any notice: the day of the rejection, when given).
 */
import { isCalendarDate } from '../dates';
import type { CalendarDate } from '../domain/records';
import { CLAIM_STATUSES, type ClaimStatus } from './claim-steps';
import { isFen, type Fen } from './money';
import { PAYEES, type Payee } from './scheme';

/** One claim as the report reads it: a stored claim with its scheme's, payee's and township's names. */
export interface ReportClaim {
  id: string;
  schemeId: string;
  schemeName: string;
  /** The scheme's year (the year the claim is made under); the report's year filter reads it. */
  year?: number;
  /** Who is paid: an enterprise, an agency, or the worker (then `payeeId` is the worker's id). */
  payee: Payee;
  payeeId: string;
  payeeName: string;
  /** The township of the worker's household; '' when it is not known. */
  township: string;
  /** The worker's name, for the people behind a sum; the sums do not read it. */
  workerName?: string;
  status: ClaimStatus;
  /** What is owed, in whole fen. */
  amountFen: Fen;
  /** What was paid, in whole fen, once paid; the paid total counts it (the amount owed when absent). */
  paidAmountFen?: Fen | null;
  /** The day the amount is owed from. */
  dueOn: CalendarDate;
  /** The first day of the public notice, once the claim was put on one. */
  noticeFrom: CalendarDate | null;
  /** The day of payment, once paid. */
  paidOn: CalendarDate | null;
  rejectedOn?: CalendarDate | null;
}

/** A sum and the claims it is made of, in the order they were given. */
export interface ReportSum {
  fen: Fen;
  claimIds: string[];
}

export interface ReportTotals {
  owed: ReportSum;
  onNotice: ReportSum;
  paid: ReportSum;
  rejected: ReportSum;
}

export type SchemeTotals = ReportTotals & { schemeId: string; schemeName: string };
export type PayeeTotals = ReportTotals & { payee: Payee; payeeId: string; payeeName: string };
export type TownshipTotals = ReportTotals & { township: string };
/** `period`: the month, `yyyy-MM`. */
export type PeriodTotals = ReportTotals & { period: string };

export interface SubsidyReport {
  all: ReportTotals;
  /** By scheme name (in Chinese order), then id. */
  byScheme: SchemeTotals[];
  /** Enterprises, then agencies, then workers, each by name (in Chinese order), then id. */
  byPayee: PayeeTotals[];
  /** By township name (in Chinese order); the unknown township ('') first. */
  byTownship: TownshipTotals[];
  /** By month, earliest first. */
  byPeriod: PeriodTotals[];
}

const CHINESE_ORDER = new Intl.Collator('zh-CN');

type Bucket = keyof ReportTotals;

const BUCKET_OF: Readonly<Record<ClaimStatus, Bucket>> = {
  eligible: 'owed',
  'on-notice': 'onNotice',
  submitted: 'owed',
  approved: 'owed',
  paid: 'paid',
  rejected: 'rejected',
};

function emptyTotals(): ReportTotals {
  return {
    owed: { fen: 0, claimIds: [] },
    onNotice: { fen: 0, claimIds: [] },
    paid: { fen: 0, claimIds: [] },
    rejected: { fen: 0, claimIds: [] },
  };
}

function refuse(claim: ReportClaim, what: string): never {
  throw new RangeError(`claim ${JSON.stringify(claim.id)}: ${what}`);
}

/** The month (`yyyy-MM`) a claim falls in (module comment); throws a RangeError naming a claim it cannot place. */
export function reportPeriod(claim: ReportClaim): string {
  return periodDay(claim).slice(0, 7);
}

/** Which claims a report counts: a scheme year, and months from and to (`yyyy-MM`, both included); absent: any. */
export interface ReportFilter {
  year?: number | null;
  from?: string | null;
  to?: string | null;
}

/** The claims `filter` lets through, in the order given. */
export function filterReportClaims(claims: readonly ReportClaim[], filter: ReportFilter): ReportClaim[] {
  const { year, from, to } = filter;
  return claims.filter((claim) => {
    if (year !== undefined && year !== null && claim.year !== year) return false;
    if (!from && !to) return true;
    const period = reportPeriod(claim);
    return (!from || period >= from) && (!to || period <= to);
  });
}

/** The day whose month the claim falls in (module comment), checked; the dashboard places claims in its periods by it. */
export function periodDay(claim: ReportClaim): CalendarDate {
  let day: CalendarDate | null | undefined;
  switch (claim.status) {
    case 'paid':
      day = claim.paidOn;
      if (day === null) refuse(claim, 'paid with no day of payment');
      break;
    case 'on-notice':
      day = claim.noticeFrom;
      if (day === null) refuse(claim, 'on notice with no first day of the notice');
      break;
    case 'rejected':
      day = claim.noticeFrom ?? claim.rejectedOn ?? claim.dueOn;
      break;
    default:
      day = claim.noticeFrom ?? claim.dueOn;
  }
  if (!isCalendarDate(day)) refuse(claim, `not a calendar date (yyyy-MM-dd): ${JSON.stringify(day)}`);
  return day;
}

/** The amount the claim's total counts, checked to be whole fen. */
function amountOf(claim: ReportClaim): Fen {
  const amount = claim.status === 'paid' ? (claim.paidAmountFen ?? claim.amountFen) : claim.amountFen;
  if (!isFen(amount)) refuse(claim, `not an amount in fen: ${String(amount)}`);
  return amount;
}

function add(totals: ReportTotals, bucket: Bucket, claim: ReportClaim, amount: Fen): void {
  const sum = totals[bucket];
  const fen = sum.fen + amount;
  if (!Number.isSafeInteger(fen)) throw new RangeError('sum beyond exact integers');
  sum.fen = fen;
  sum.claimIds.push(claim.id);
}

/** The totals of `claims` in all and by scheme, payee, township and month; throws a RangeError naming a claim it cannot count. */
export function subsidyReport(claims: readonly ReportClaim[]): SubsidyReport {
  const all = emptyTotals();
  const schemes = new Map<string, SchemeTotals>();
  const payees = new Map<string, PayeeTotals>();
  const townships = new Map<string, TownshipTotals>();
  const periods = new Map<string, PeriodTotals>();
  const seen = new Set<string>();
  for (const claim of claims) {
    if (seen.has(claim.id)) refuse(claim, 'given twice');
    seen.add(claim.id);
    if (!(CLAIM_STATUSES as readonly string[]).includes(claim.status)) {
      refuse(claim, `not a claim status: ${JSON.stringify(claim.status)}`);
    }
    if (!(PAYEES as readonly string[]).includes(claim.payee)) {
      refuse(claim, `not a payee: ${JSON.stringify(claim.payee)}`);
    }
    const bucket = BUCKET_OF[claim.status];
    const amount = amountOf(claim);
    const period = periodDay(claim).slice(0, 7);

    let scheme = schemes.get(claim.schemeId);
    if (!scheme) {
      scheme = { schemeId: claim.schemeId, schemeName: claim.schemeName, ...emptyTotals() };
      schemes.set(claim.schemeId, scheme);
    }
    const payeeKey = `${claim.payee}\u0000${claim.payeeId}`;
    let payee = payees.get(payeeKey);
    if (!payee) {
      payee = { payee: claim.payee, payeeId: claim.payeeId, payeeName: claim.payeeName, ...emptyTotals() };
      payees.set(payeeKey, payee);
    }
    let township = townships.get(claim.township);
    if (!township) {
      township = { township: claim.township, ...emptyTotals() };
      townships.set(claim.township, township);
    }
    let month = periods.get(period);
    if (!month) {
      month = { period, ...emptyTotals() };
      periods.set(period, month);
    }
    for (const totals of [all, scheme, payee, township, month]) add(totals, bucket, claim, amount);
  }
  const byName = (a: string, b: string): number => CHINESE_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    all,
    byScheme: [...schemes.values()].sort((a, b) => byName(a.schemeName, b.schemeName) || byId(a.schemeId, b.schemeId)),
    byPayee: [...payees.values()].sort(
      (a, b) =>
        PAYEES.indexOf(a.payee) - PAYEES.indexOf(b.payee) ||
        byName(a.payeeName, b.payeeName) ||
        byId(a.payeeId, b.payeeId),
    ),
    byTownship: [...townships.values()].sort((a, b) => byName(a.township, b.township)),
    byPeriod: [...periods.values()].sort((a, b) => byId(a.period, b.period)),
  };
}
