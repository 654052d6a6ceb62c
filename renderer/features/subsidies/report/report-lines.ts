/**
 * The report page's lines (issue 18, item 6): the report of shared/subsidy/report.ts grouped by
 * scheme, payee, township or month, each line with its label in the user's language, and the total
 * the page adds (owed + on notice + paid: what the claims standing come to; rejected apart). Workers
 * paid in person are one payee, 务工人员本人, as on the papers' summary: a transport subsidy is one
 * line, not a line per person.
 */
import type { TFunction } from 'i18next';
import type { Payee } from '@shared/subsidy/scheme';
import { sumFen, type Fen } from '@shared/subsidy/money';
import type { ReportClaim, ReportTotals, SubsidyReport } from '@shared/subsidy/report';

export const REPORT_GROUPINGS = ['scheme', 'payee', 'township', 'period'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export const BUCKETS = ['owed', 'onNotice', 'paid', 'rejected'] as const;

/** The payee id every worker paid in person goes by in the report. */
export const WORKERS_PAYEE = 'workers';

export interface ReportLine {
  key: string;
  label: string;
  /** The payee's kind, for a line by payee. */
  payee?: Payee;
  totals: ReportTotals;
}

/** The claims with every worker paid in person as one payee, named in the user's language. */
export function withWorkersAsOne(claims: readonly ReportClaim[], t: TFunction): ReportClaim[] {
  const workers = t('subsidy.payee.worker');
  return claims.map((claim) =>
    claim.payee === 'worker' ? { ...claim, payeeId: WORKERS_PAYEE, payeeName: workers } : claim,
  );
}

/** owed + on notice + paid, exactly, in fen. */
export function standingFen(totals: ReportTotals): Fen {
  return sumFen([totals.owed.fen, totals.onNotice.fen, totals.paid.fen]);
}

/** The number of claims behind owed + on notice + paid. */
export function standingCount(totals: ReportTotals): number {
  return totals.owed.claimIds.length + totals.onNotice.claimIds.length + totals.paid.claimIds.length;
}

/** A month `yyyy-MM` in words. */
export function periodLabel(period: string, t: TFunction): string {
  return t('subsidy.report.period', { year: period.slice(0, 4), month: String(Number(period.slice(5, 7))) });
}

/** The report's lines by `grouping`, in the report's order. */
export function reportLines(report: SubsidyReport, grouping: ReportGrouping, t: TFunction): ReportLine[] {
  switch (grouping) {
    case 'scheme':
      return report.byScheme.map((totals) => ({ key: totals.schemeId, label: totals.schemeName, totals }));
    case 'payee':
      return report.byPayee.map((totals) => ({
        key: `${totals.payee}:${totals.payeeId}`,
        label: totals.payeeName,
        payee: totals.payee,
        totals,
      }));
    case 'township':
      return report.byTownship.map((totals) => ({
        key: totals.township,
        label: totals.township === '' ? t('subsidy.report.unknownTownship') : totals.township,
        totals,
      }));
    case 'period':
      return report.byPeriod.map((totals) => ({ key: totals.period, label: periodLabel(totals.period, t), totals }));
  }
}
