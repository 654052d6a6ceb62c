/**
 * The steps of a subsidy claim (issue 18, "claims"): eligible → on the public notice (公示) →
 * submitted → approved → paid, or rejected at any step before paid. Forward only, one step at a
 * time, as a batch's statuses go; each step is a fact with its date, recorded and audited by the
 * repository. Pure: which step is allowed, and what it must carry.
 */
import { addCalendarDays, calendarDaysBetween, isCalendarDate } from '../dates';
import type { CalendarDate } from '../domain/records';
import type { FieldProblem } from '../domain/problems';
import { isFen, type Fen } from './money';

export const CLAIM_STATUSES = ['eligible', 'on-notice', 'submitted', 'approved', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Days a public notice stays up unless the office says otherwise. */
export const DEFAULT_NOTICE_DAYS = 7;

/** What each step records. */
export type ClaimStep =
  | { to: 'on-notice'; noticeFrom: CalendarDate; noticeDays: number }
  | { to: 'submitted'; on: CalendarDate }
  | { to: 'approved'; on: CalendarDate }
  | { to: 'paid'; on: CalendarDate; amountFen: Fen; voucher: string }
  | { to: 'rejected'; on: CalendarDate; reason: string };

const NEXT: Readonly<Record<ClaimStatus, ClaimStatus | null>> = {
  eligible: 'on-notice',
  'on-notice': 'submitted',
  submitted: 'approved',
  approved: 'paid',
  paid: null,
  rejected: null,
};

/** The day a notice that went up on `from` for `days` days comes down (its last day). */
export function noticeEnds(from: CalendarDate, days: number): CalendarDate {
  return addCalendarDays(from, days - 1);
}

/**
 * Every reason `step` cannot be taken from `status` on `today`: a step back or past the next one,
 * a claim submitted before its notice has run its days, a payment other than the amount owed or
 * without a voucher number, a rejection without a reason, a date in the future.
 */
export function checkClaimStep(
  status: ClaimStatus,
  step: ClaimStep,
  context: { today: CalendarDate; owedFen: Fen; noticeEndsOn: CalendarDate | null },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = step.to === 'rejected' ? status !== 'paid' && status !== 'rejected' : NEXT[status] === step.to;
  if (!allowed)
    problems.push({ field: 'status', code: 'claim-step-not-allowed', params: { from: status, to: step.to } });
  const day = step.to === 'on-notice' ? step.noticeFrom : step.on;
  if (!isCalendarDate(day)) problems.push({ field: 'date', code: 'date-invalid' });
  else if (calendarDaysBetween(context.today, day) > 0) problems.push({ field: 'date', code: 'date-in-future' });
  switch (step.to) {
    case 'on-notice':
      if (!Number.isInteger(step.noticeDays) || step.noticeDays < 1 || step.noticeDays > 60) {
        problems.push({ field: 'noticeDays', code: 'notice-days-range', params: { min: 1, max: 60 } });
      }
      break;
    case 'submitted':
      if (context.noticeEndsOn !== null && isCalendarDate(step.on) && step.on <= context.noticeEndsOn) {
        problems.push({ field: 'date', code: 'notice-not-over', params: { until: context.noticeEndsOn } });
      }
      break;
    case 'paid':
      if (!isFen(step.amountFen) || step.amountFen !== context.owedFen) {
        problems.push({ field: 'amountFen', code: 'paid-amount-differs' });
      }
      if (step.voucher.trim() === '') problems.push({ field: 'voucher', code: 'required' });
      break;
    case 'rejected':
      if (step.reason.trim() === '') problems.push({ field: 'reason', code: 'required' });
      break;
    case 'approved':
      break;
  }
  return problems;
}
