/**
 * The list behind a figure or a bar of the dashboard (issue 19, item 3): the dashboard's filter,
 * narrowed by what was clicked (a county's bar narrows the filter to the county, an enterprise's
 * to the enterprise), and the part of the figure the list shows (a month, a destination, a step
 * of the retention funnel, the batches of a week). Written into the address of the list's page.
 */
import type { BatchStatus, CalendarDate } from '../domain/records';
import type { DashboardFilter } from './filter';

/** A step of the retention funnel: sent, handed over, in post at 30, 90, 180 days. */
export type FunnelStep = 'sent' | 'handedOver' | 'inPost30' | 'inPost90' | 'inPost180';

/** The people sent in the filter's period, or a part of them. */
export interface PeopleDrill {
  list: 'people';
  /** Sent in this month (YYYY-MM). */
  month?: string;
  /** Sent to an enterprise in this province, and city. */
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

export type Drill = PeopleDrill | BatchesDrill;

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
  } else {
    Object.assign(optional, { kind: drill.kind, week: drill.week, status: drill.status });
  }
  for (const [name, value] of Object.entries(optional)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, value);
  }
  return `/dashboard/${drill.list}?${params.toString()}`;
}
