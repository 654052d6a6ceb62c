/**
 * Subsidy schemes (issue 18, "schemes"): each county sets its own rules and amounts every year, so a
 * scheme is data the office enters, not code. A scheme says who is paid (the enterprise that took
 * the worker on, the agency that introduced them, or the worker), how much (one amount, or an
 * amount per destination tier), and on what conditions; `checkScheme` refuses one that could not
 * be paid out as written. Amounts are whole fen (money.ts).
 */
import type { CalendarDate, PovertyStatus } from '../domain/records';
import { calendarDaysBetween, isCalendarDate } from '../dates';
import type { FieldProblem } from '../domain/problems';
import { isFen, type Fen } from './money';

/** 吸纳就业补贴, 职业介绍补贴, 一次性交通补助, 稳岗补助. */
export const SCHEME_KINDS = ['hiring', 'placement', 'transport', 'retention'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];

export const PAYEES = ['enterprise', 'agency', 'worker'] as const;
export type Payee = (typeof PAYEES)[number];

/** Where the work is, seen from the worker's home county: 省外, 省内县外, 县内. */
export const DESTINATION_TIERS = ['outside-province', 'in-province', 'in-county'] as const;
export type DestinationTier = (typeof DESTINATION_TIERS)[number];

/** Papers a claim must carry. */
export const EVIDENCE_KINDS = [
  'labour-contract',
  'social-insurance',
  'wage-statements',
  'employer-certificate',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Whether workers who came on one of the office's batches count: some counties pay only them, some exclude them. */
export const ORGANISED_BATCH_RULES = ['any', 'only', 'excluded'] as const;
export type OrganisedBatchRule = (typeof ORGANISED_BATCH_RULES)[number];

export interface SchemeConditions {
  /** Household types that qualify; empty: any. */
  householdTypes: PovertyStatus[];
  /** Completed months of employment before the subsidy is owed; 0: from the first day. */
  minMonths: number;
  /**
   * True: the months must be at one employer (稳岗: "same employer for 6 months"); false: months at
   * any employers add up.
   */
  sameEmployer: boolean;
  /** Only work at a key enterprise (重点企业) counts. */
  keyEnterpriseOnly: boolean;
  organisedBatch: OrganisedBatchRule;
  /** Destination tiers that qualify; empty: any. */
  destinations: DestinationTier[];
  /** Employment must begin within these days (the prevention period, the scheme's year); null: open. */
  startFrom: CalendarDate | null;
  startTo: CalendarDate | null;
}

/** One payment of several: `share` of the amount, owed once the worker has `afterMonths` months. */
export interface Instalment {
  share: number;
  afterMonths: number;
}

export interface SchemeTier {
  destination: DestinationTier;
  amountFen: Fen;
}

export interface SubsidyScheme {
  id: string;
  name: string;
  /** The year the scheme's money belongs to: at most one claim per person, scheme and year. */
  year: number;
  kind: SchemeKind;
  payee: Payee;
  /** One amount per person; null when the amount depends on the destination (`tiers`). */
  amountFen: Fen | null;
  tiers: SchemeTier[];
  conditions: SchemeConditions;
  /** Empty: paid at once when owed. */
  instalments: Instalment[];
  evidence: EvidenceKind[];
}

type SchemeField = keyof SubsidyScheme | 'conditions.minMonths' | 'conditions.startTo';

/** Longest period a scheme may ask for: ten years of months. */
const MAX_MONTHS = 120;

/** Every reason a scheme cannot be paid out as written (codes: i18n keys under `problems.`). */
export function checkScheme(scheme: SubsidyScheme): FieldProblem<SchemeField>[] {
  const problems: FieldProblem<SchemeField>[] = [];
  if (scheme.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (!Number.isInteger(scheme.year) || scheme.year < 2000 || scheme.year > 2100) {
    problems.push({ field: 'year', code: 'scheme-year-range', params: { min: 2000, max: 2100 } });
  }
  if (scheme.kind === 'placement' && scheme.payee !== 'agency') {
    problems.push({ field: 'payee', code: 'scheme-payee-kind' });
  }
  if (scheme.amountFen === null && scheme.tiers.length === 0)
    problems.push({ field: 'amountFen', code: 'scheme-no-amount' });
  if (scheme.amountFen !== null && scheme.tiers.length > 0) {
    problems.push({ field: 'tiers', code: 'scheme-amount-and-tiers' });
  }
  if (scheme.amountFen !== null && (!isFen(scheme.amountFen) || scheme.amountFen === 0)) {
    problems.push({ field: 'amountFen', code: 'scheme-amount-invalid' });
  }
  const tiered = new Set<DestinationTier>();
  for (const tier of scheme.tiers) {
    if (tiered.has(tier.destination)) {
      problems.push({ field: 'tiers', code: 'scheme-tiers-overlap', params: { tier: tier.destination } });
      break;
    }
    tiered.add(tier.destination);
    if (!isFen(tier.amountFen) || tier.amountFen === 0) {
      problems.push({ field: 'tiers', code: 'scheme-amount-invalid' });
      break;
    }
  }
  const { minMonths, startFrom, startTo } = scheme.conditions;
  if (!Number.isInteger(minMonths) || minMonths < 0 || minMonths > MAX_MONTHS) {
    problems.push({ field: 'conditions.minMonths', code: 'scheme-months-range', params: { max: MAX_MONTHS } });
  }
  const badDate = [startFrom, startTo].some((date) => date !== null && !isCalendarDate(date));
  if (badDate) problems.push({ field: 'conditions.startTo', code: 'date-invalid' });
  else if (startFrom !== null && startTo !== null && calendarDaysBetween(startFrom, startTo) < 0) {
    problems.push({ field: 'conditions.startTo', code: 'end-before-start' });
  }
  if (scheme.instalments.length > 0) {
    const total = scheme.instalments.reduce((sum, instalment) => sum + instalment.share, 0);
    const ordered = scheme.instalments.every(
      (instalment, index) => index === 0 || instalment.afterMonths >= (scheme.instalments[index - 1]?.afterMonths ?? 0),
    );
    if (
      scheme.instalments.some((instalment) => !(instalment.share > 0) || !Number.isInteger(instalment.afterMonths)) ||
      Math.abs(total - 1) > 1e-9 ||
      !ordered
    ) {
      problems.push({ field: 'instalments', code: 'scheme-instalments' });
    }
  }
  return problems;
}
