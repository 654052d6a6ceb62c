/**
 * The dashboard's key figures (issue 19, item 1) for a period and the same period one year earlier,
 * from the filtered source (filter.ts). docs/domain.md#dashboard-figures says what each counts.
 *
 * The period's people are its cohort: the workers sent on batches that departed in the period.
 * Handed over and in post count the same people, so that the funnel only narrows: handed over from
 * those batches, then in post at the enterprise they were handed over to for at least 1, 3 and 6
 * completed months as the contact log proves it (shared/followup/retention.ts, the enterprise's
 * retention and the subsidies' count; the contact points at 30, 90 and 180 days ask about these).
 */
import { subtractCalendarYears } from '../dates';
import type { CalendarDate } from '../domain/records';
import { provenMonthsAt, type RETENTION_THRESHOLDS } from '../followup/retention';
import type { Fen } from '../subsidy/money';
import { periodDay, subsidyReport, type ReportClaim, type SubsidyReport } from '../subsidy/report';
import { cached, type DashboardData, type Trip } from './filter';
import { PLANNED_STATUSES, SENT_STATUSES, type DashboardClaim, type DashboardFollowUp } from './source';

/**
 * A part of a whole as the press writes it: "354 of 756, 46.83%". `percent` has two decimals,
 * rounded half-up on the exact fraction with whole numbers (354 × 100 / 756 = 46.8253… → 46.83);
 * null when the whole is 0.
 */
export interface Share {
  count: number;
  of: number;
  percent: string | null;
}

export function share(count: number, of: number): Share {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(of) || count < 0 || of < 0 || count > of) {
    throw new RangeError(`not a share: ${String(count)} of ${String(of)}`);
  }
  if (of === 0) return { count, of, percent: null };
  // Hundredths of a percent, half-up: floor((count × 10,000 + of / 2) / of), in BigInt so that no
  // product leaves the exact integers.
  const hundredths = (BigInt(count) * 20_000n + BigInt(of)) / (2n * BigInt(of));
  const whole = hundredths / 100n;
  const rest = hundredths % 100n;
  return { count, of, percent: `${whole.toString()}.${rest.toString().padStart(2, '0')}` };
}

/** The in-post thresholds as days after the handover, and the completed months each stands for. */
export const IN_POST_DAYS = [30, 90, 180] as const;
export type InPostDay = (typeof IN_POST_DAYS)[number];
const MONTHS_OF: Readonly<Record<InPostDay, (typeof RETENTION_THRESHOLDS)[number]>> = { 30: 1, 90: 3, 180: 6 };

export interface SubsidyFigures {
  owedFen: Fen;
  onNoticeFen: Fen;
  paidFen: Fen;
}

export interface PeriodFigures {
  from: CalendarDate;
  to: CalendarDate;
  /** Workers sent on batches that departed in the period (each once). */
  peopleSent: number;
  /** Of them, from registered-poor households (建档立卡). */
  registeredPoor: Share;
  /** Batches of the period that departed (departed, arrived, handed over or closed). */
  batchesDeparted: number;
  /** Batches of the period not departed (draft, planned or ready). */
  batchesPlanned: number;
  /** Of the people sent, those handed over to an enterprise from those batches. */
  handedOver: number;
  /** Of those handed over, those in post at 30, 90 and 180 days. */
  inPost: Record<InPostDay, number>;
  /** Claims placed in the period by the subsidy report's rule (paid day, notice day, due day). */
  subsidies: SubsidyFigures;
}

export interface KeyFigures {
  current: PeriodFigures;
  /** The same period one year earlier (29 February becomes 28 February). */
  yearBefore: PeriodFigures;
  /** Follow-ups whose next contact was due before today (Beijing), whatever the period. */
  overdueContacts: number;
}

export function inPeriod(date: CalendarDate, from: CalendarDate, to: CalendarDate): boolean {
  return date >= from && date <= to;
}

/** Trips on batches that departed in the period. */
export function tripsIn(data: DashboardData, from: CalendarDate, to: CalendarDate): Trip[] {
  return cached(data, `trips ${from} ${to}`, () => data.trips.filter((trip) => inPeriod(trip.batch.date, from, to)));
}

/** The longest proven months at the enterprise handed over to, over a worker's follow-ups. */
export function provenMonthsOf(data: DashboardData, followUps: readonly DashboardFollowUp[]): number {
  let months = 0;
  for (const followUp of followUps) {
    // Kept per follow-up in the index: no filter or period changes them.
    let proven = data.provenMonths.get(followUp.id);
    if (proven === undefined) {
      const contacts = data.contactsOf.get(followUp.id) ?? [];
      const periods = data.periodsOf.get(followUp.id) ?? [];
      proven = provenMonthsAt(followUp.enterpriseId, contacts, periods);
      data.provenMonths.set(followUp.id, proven);
    }
    months = Math.max(months, proven);
  }
  return months;
}

/** The funnel's counts over a set of trips: people sent, handed over, in post at 30, 90, 180 days. */
export interface Funnel {
  sent: number;
  handedOver: number;
  inPost: Record<InPostDay, number>;
}

/** The funnel of the people sent in the period. */
export function funnelIn(data: DashboardData, from: CalendarDate, to: CalendarDate): Funnel & { poor: number } {
  return cached(data, `funnel ${from} ${to}`, () => funnelOf(data, tripsIn(data, from, to)));
}

export function funnelOf(data: DashboardData, trips: readonly Trip[]): Funnel & { poor: number } {
  const funnel: Funnel & { poor: number } = { sent: 0, handedOver: 0, inPost: { 30: 0, 90: 0, 180: 0 }, poor: 0 };
  const count = (worker: Trip['worker'], handedOver: boolean, months: number): void => {
    funnel.sent += 1;
    if (worker.povertyStatus === 'registered-poor') funnel.poor += 1;
    if (!handedOver) return;
    funnel.handedOver += 1;
    for (const days of IN_POST_DAYS) if (months >= MONTHS_OF[days]) funnel.inPost[days] += 1;
  };
  // Most people made one trip and are counted at once; the others once, over all their trips here.
  const repeated = new Map<string, { worker: Trip['worker']; handedOver: boolean; months: number }>();
  for (const trip of trips) {
    const handedOver = trip.followUps.length > 0;
    const months = handedOver ? (trip.months ??= provenMonthsOf(data, trip.followUps)) : 0;
    if (trip.single) {
      count(trip.worker, handedOver, months);
      continue;
    }
    const seen = repeated.get(trip.worker.id);
    if (!seen) repeated.set(trip.worker.id, { worker: trip.worker, handedOver, months });
    else {
      seen.handedOver ||= handedOver;
      seen.months = Math.max(seen.months, months);
    }
  }
  for (const { worker, handedOver, months } of repeated.values()) count(worker, handedOver, months);
  return funnel;
}

/** The claims as the subsidy report reads them (names resolved, the worker's township). */
export function reportClaimsOf(data: DashboardData, claims: readonly DashboardClaim[]): ReportClaim[] {
  const schemeNames = new Map(data.source.schemes.map((scheme) => [scheme.id, scheme.name]));
  return claims.map((claim): ReportClaim => ({
    id: claim.id,
    schemeId: claim.schemeId,
    schemeName: schemeNames.get(claim.schemeId) ?? '',
    year: claim.year,
    payee: claim.payee,
    payeeId: claim.payeeId,
    payeeName: '',
    township: data.people.get(claim.workerId)?.worker.township ?? '',
    status: claim.status,
    amountFen: claim.amountFen,
    paidAmountFen: claim.paidAmountFen,
    dueOn: claim.dueOn,
    noticeFrom: claim.noticeFrom,
    paidOn: claim.paidOn,
    rejectedOn: claim.rejectedOn,
  }));
}

/** The subsidy report's sums the dashboard shows: in all, by scheme and by month. */
export type DashboardSubsidies = Pick<SubsidyReport, 'all' | 'byScheme' | 'byPeriod'>;

/**
 * The subsidy report (shared/subsidy/report.ts) of the claims placed in the period by the report's
 * own day. The dashboard shows no payee or township, so the claims are given without them: the
 * report then keeps one group for each, instead of sorting 50,000 payees it would not show.
 */
export function subsidiesIn(data: DashboardData, from: CalendarDate, to: CalendarDate): DashboardSubsidies {
  return cached(data, `subsidies ${from} ${to}`, () => {
    const placed = cached(data, 'claims placed', () => {
      // Each claim built once as the report reads it, rather than copied from reportClaimsOf's.
      const schemeNames = new Map(data.source.schemes.map((scheme) => [scheme.id, scheme.name]));
      return data.claims.map((claim) => {
        const report: ReportClaim = {
          id: claim.id,
          schemeId: claim.schemeId,
          schemeName: schemeNames.get(claim.schemeId) ?? '',
          year: claim.year,
          payee: 'worker',
          payeeId: '',
          payeeName: '',
          township: '',
          status: claim.status,
          amountFen: claim.amountFen,
          paidAmountFen: claim.paidAmountFen,
          dueOn: claim.dueOn,
          noticeFrom: claim.noticeFrom,
          paidOn: claim.paidOn,
          rejectedOn: claim.rejectedOn,
        };
        return { claim: report, day: periodDay(report) };
      });
    });
    const { all, byScheme, byPeriod } = subsidyReport(
      placed.filter(({ day }) => inPeriod(day, from, to)).map(({ claim }) => claim),
    );
    return { all, byScheme, byPeriod };
  });
}

interface DashboardBatchCount {
  departed: number;
  planned: number;
}

/** Batches of the period that count: with a passenger the filter lets through when it names people. */
export function batchesIn(data: DashboardData, from: CalendarDate, to: CalendarDate): DashboardBatchCount {
  const counts = { departed: 0, planned: 0 };
  for (const batch of data.batches.values()) {
    if (!inPeriod(batch.date, from, to)) continue;
    if (data.narrowed && !data.passengersOf.has(batch.id)) continue;
    if (SENT_STATUSES.has(batch.status)) counts.departed += 1;
    else if (PLANNED_STATUSES.has(batch.status)) counts.planned += 1;
  }
  return counts;
}

export function periodFigures(data: DashboardData, from: CalendarDate, to: CalendarDate): PeriodFigures {
  const funnel = funnelIn(data, from, to);
  const batches = batchesIn(data, from, to);
  const { all } = subsidiesIn(data, from, to);
  return {
    from,
    to,
    peopleSent: funnel.sent,
    registeredPoor: share(funnel.poor, funnel.sent),
    batchesDeparted: batches.departed,
    batchesPlanned: batches.planned,
    handedOver: funnel.handedOver,
    inPost: funnel.inPost,
    subsidies: { owedFen: all.owed.fen, onNoticeFen: all.onNotice.fen, paidFen: all.paid.fen },
  };
}

/**
 * Follow-ups (of the filtered people) whose next contact was due before today. Whatever the period:
 * kept for a change of period alone, which keeps the people and today.
 */
export function overdueFollowUps(data: DashboardData): DashboardFollowUp[] {
  return cached(data, 'overdue', () => {
    const { enterpriseId } = data.filter;
    const overdue: DashboardFollowUp[] = [];
    for (const { followUps } of data.people.values()) {
      for (const followUp of followUps) {
        if (enterpriseId && followUp.enterpriseId !== enterpriseId) continue;
        if (followUp.nextDue !== null && followUp.nextDue < data.today) overdue.push(followUp);
      }
    }
    return overdue;
  });
}

/** The key figures of the filter's period and of the same period one year earlier. */
export function keyFigures(data: DashboardData): KeyFigures {
  const { from, to } = data.filter;
  return {
    current: periodFigures(data, from, to),
    yearBefore: periodFigures(data, subtractCalendarYears(from, 1), subtractCalendarYears(to, 1)),
    overdueContacts: overdueFollowUps(data).length,
  };
}
