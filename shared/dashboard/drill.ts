/**
 * The list behind a figure or a bar of the dashboard (issue 19, item 3): the dashboard's filter,
 * narrowed by what was clicked (a county's bar narrows the filter to the county, an enterprise's
 * to the enterprise), and the part of the figure the list shows (a month, a destination, a step
 * of the retention funnel, the batches of a week). Written into the address of the list's page.
 */
import { isCalendarDate } from '../dates';
import { BATCH_STATUSES, type BatchStatus, type CalendarDate } from '../domain/records';
import type { DashboardFilter } from './filter';

/** A step of the retention funnel: sent, handed over, in post at 30, 90, 180 days. */
export type FunnelStep = 'sent' | 'handedOver' | 'inPost30' | 'inPost90' | 'inPost180';

/** The people sent in the filter's period, or a part of them. */
export interface PeopleDrill {
  list: 'people';
  /** Sent in this month (YYYY-MM). */
  month?: string;
  /** Sent to an enterprise in this province, and city ('' where not known, as the chart's bar). */
  province?: string;
  city?: string;
  /** Those who reached this step of the funnel; 'sent' when absent. */
  step?: FunnelStep;
  /** Only those from registered-poor households. */
  poor?: boolean;
}

/** Batches: departed or planned in the period, or those of the coming weeks (from a week's first day). */
export interface BatchesDrill {
  list: 'batches';
  kind: 'departed' | 'planned' | 'coming' | 'health';
  /** The coming week's first day (kind 'coming'). */
  week?: CalendarDate;
  status?: BatchStatus;
}

/** The follow-ups of the filter's people whose next contact was due before today, whatever the period. */
export interface ContactsDrill {
  list: 'contacts';
}

/** Where a claim's amount is counted (shared/subsidy/report.ts): owed, on notice, paid or rejected. */
export type ClaimBucket = 'owed' | 'onNotice' | 'paid' | 'rejected';
export const CLAIM_BUCKETS: readonly ClaimBucket[] = ['owed', 'onNotice', 'paid', 'rejected'];

/** The claims placed in the period (by the subsidy report's day), or those of one bucket. */
export interface ClaimsDrill {
  list: 'claims';
  bucket?: ClaimBucket;
}

export type Drill = PeopleDrill | BatchesDrill | ContactsDrill | ClaimsDrill;
export const DRILL_LISTS: readonly Drill['list'][] = ['people', 'batches', 'contacts', 'claims'];

/** The address of the list behind `drill` under `filter` (hash route, without the '#'). */
export function drillHref(filter: DashboardFilter, drill: Drill): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  const optional: Record<string, string | null | undefined> = {
    county: filter.countyCode,
    township: filter.township,
    enterprise: filter.enterpriseId,
    scheme: filter.schemeId,
  };
  if (drill.list === 'people') {
    Object.assign(optional, {
      month: drill.month,
      province: drill.province,
      city: drill.city,
      step: drill.step,
      poor: drill.poor ? '1' : undefined,
    });
  } else if (drill.list === 'batches') {
    Object.assign(optional, { kind: drill.kind, week: drill.week, status: drill.status });
  } else if (drill.list === 'claims') {
    optional['bucket'] = drill.bucket;
  }
  for (const [name, value] of Object.entries(optional)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, value);
  }
  // An unknown destination (the '' bar of the destinations) is a place of its own: kept, empty.
  if (drill.list === 'people') {
    if (drill.province === '') params.set('province', '');
    if (drill.city === '') params.set('city', '');
  }
  return `/dashboard/${drill.list}?${params.toString()}`;
}

/** Why an address names no list: each is said in words on the list's page. */
export type DrillProblem =
  /** Not a list of the dashboard (/dashboard/people, batches, contacts or claims). */
  | { problem: 'unknownList'; value: string }
  /** The period's first or last day is missing. */
  | { problem: 'missingDate'; field: 'from' | 'to' }
  /** A day that is not a calendar day (yyyy-MM-dd that exists). */
  | { problem: 'badDate'; field: 'from' | 'to' | 'week'; value: string }
  | { problem: 'reversed'; from: CalendarDate; to: CalendarDate }
  /** Not a county code (six digits). */
  | { problem: 'badCounty'; value: string }
  /** Not a month (yyyy-MM), or a month outside the period. */
  | { problem: 'badMonth'; value: string }
  | { problem: 'monthOutside'; value: string }
  | { problem: 'unknownStep'; value: string }
  | { problem: 'badPoor'; value: string }
  | { problem: 'unknownKind'; value: string }
  | { problem: 'unknownStatus'; value: string }
  | { problem: 'unknownBucket'; value: string }
  /** A week given for batches that are not those of the coming weeks. */
  | { problem: 'weekWithoutComing' };

export type ParsedDrill = { filter: DashboardFilter; drill: Drill } | DrillProblem;

export const FUNNEL_STEPS: readonly FunnelStep[] = ['sent', 'handedOver', 'inPost30', 'inPost90', 'inPost180'];
const BATCH_KINDS: readonly BatchesDrill['kind'][] = ['departed', 'planned', 'coming', 'health'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNTY_CODE = /^\d{6}$/;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * The filter and the part of a figure an address names (`list` the last part of its path, `params`
 * its query), the reverse of `drillHref`; or the first thing wrong with it. Parameters another list
 * takes are left aside.
 */
export function parseDrill(list: string, params: URLSearchParams): ParsedDrill {
  if (!isOneOf(DRILL_LISTS, list)) return { problem: 'unknownList', value: list };
  const text = (name: string): string | null => {
    const value = params.get(name);
    return value === null || value.trim() === '' ? null : value.trim();
  };
  const from = text('from');
  const to = text('to');
  if (from === null) return { problem: 'missingDate', field: 'from' };
  if (to === null) return { problem: 'missingDate', field: 'to' };
  if (!isCalendarDate(from)) return { problem: 'badDate', field: 'from', value: from };
  if (!isCalendarDate(to)) return { problem: 'badDate', field: 'to', value: to };
  if (to < from) return { problem: 'reversed', from, to };
  const filter: DashboardFilter = { from, to };
  const county = text('county');
  if (county !== null) {
    if (!COUNTY_CODE.test(county)) return { problem: 'badCounty', value: county };
    filter.countyCode = county;
  }
  const township = text('township');
  if (township !== null) filter.township = township;
  const enterprise = text('enterprise');
  if (enterprise !== null) filter.enterpriseId = enterprise;
  const scheme = text('scheme');
  if (scheme !== null) filter.schemeId = scheme;

  if (list === 'people') {
    const drill: PeopleDrill = { list };
    const month = text('month');
    if (month !== null) {
      if (!MONTH.test(month)) return { problem: 'badMonth', value: month };
      if (month < from.slice(0, 7) || month > to.slice(0, 7)) return { problem: 'monthOutside', value: month };
      drill.month = month;
    }
    // An unknown destination is written empty: present, it is a place ('' = not known).
    const province = params.get('province');
    if (province !== null) drill.province = province.trim();
    const city = params.get('city');
    if (city !== null) drill.city = city.trim();
    const step = text('step');
    if (step !== null) {
      if (!isOneOf(FUNNEL_STEPS, step)) return { problem: 'unknownStep', value: step };
      drill.step = step;
    }
    const poor = text('poor');
    if (poor !== null) {
      if (poor !== '1') return { problem: 'badPoor', value: poor };
      drill.poor = true;
    }
    return { filter, drill };
  }
  if (list === 'contacts') return { filter, drill: { list } };
  if (list === 'claims') {
    const bucket = text('bucket');
    if (bucket === null) return { filter, drill: { list } };
    if (!isOneOf(CLAIM_BUCKETS, bucket)) return { problem: 'unknownBucket', value: bucket };
    return { filter, drill: { list, bucket } };
  }
  const kind = text('kind') ?? '';
  if (!isOneOf(BATCH_KINDS, kind)) return { problem: 'unknownKind', value: kind };
  const drill: BatchesDrill = { list, kind };
  const week = text('week');
  if (week !== null) {
    if (kind !== 'coming') return { problem: 'weekWithoutComing' };
    if (!isCalendarDate(week)) return { problem: 'badDate', field: 'week', value: week };
    drill.week = week;
  }
  const status = text('status');
  if (status !== null) {
    if (!isOneOf(BATCH_STATUSES, status)) return { problem: 'unknownStatus', value: status };
    drill.status = status;
  }
  return { filter, drill };
}
