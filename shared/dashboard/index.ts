/**
 * The dashboard's figures and charts (issue 19), pure: a repository gathers a `DashboardSource`,
 * a worker calls `dashboard` off the UI thread. docs/domain.md#dashboard-figures.
 */
import type { Timestamp } from '../domain/records';
import { keyFigures, type KeyFigures } from './figures';
import { filterDashboard, type DashboardFilter, type DashboardIndex } from './filter';
import {
  comingWeeks,
  healthSoon,
  retentionFunnel,
  sentByCounty,
  sentByDestination,
  sentByMonth,
  subsidiesByScheme,
  topEnterprises,
  type Bar,
  type BarGroup,
  type ComingWeek,
  type HealthSoon,
  type SchemeBar,
} from './series';
import type { Funnel } from './figures';
import type { DashboardSource } from './source';

export type { DashboardFilter, DashboardData, DashboardIndex, Person, Trip } from './filter';
export { checkDashboardFilter, filterDashboard, indexDashboard } from './filter';
export type {
  DashboardSubsidies,
  Funnel,
  InPostDay,
  KeyFigures,
  PeriodFigures,
  Share,
  SubsidyFigures,
} from './figures';
export { IN_POST_DAYS, keyFigures, periodFigures, share } from './figures';
export type { Bar, BarGroup, ComingBatch, ComingWeek, HealthSoon, SchemeBar } from './series';
export {
  comingWeeks,
  healthSoon,
  retentionFunnel,
  sentByCounty,
  sentByDestination,
  sentByMonth,
  subsidiesByScheme,
  topEnterprises,
} from './series';
export type * from './source';

export interface DashboardOptions {
  /** How many enterprises the top-enterprises chart shows; 10 when not given. */
  topEnterprises?: number;
  /** How many weeks ahead the batches chart shows; 4 when not given. */
  weeks?: number;
  /** The source's index (indexDashboard), kept from an earlier call on the same source. */
  index?: DashboardIndex;
}

export interface Dashboard {
  figures: KeyFigures;
  sentByMonth: Bar[];
  sentByCounty: BarGroup[];
  sentByDestination: BarGroup[];
  topEnterprises: Bar[];
  funnel: Funnel;
  comingWeeks: ComingWeek[];
  healthSoon: HealthSoon[];
  subsidiesByScheme: SchemeBar[];
}

/** Every figure and chart of the dashboard for a filter, as of `now`. */
export function dashboard(
  source: DashboardSource,
  filter: DashboardFilter,
  now: Timestamp,
  options: DashboardOptions = {},
): Dashboard {
  const data = filterDashboard(source, filter, now, options.index);
  return {
    figures: keyFigures(data),
    sentByMonth: sentByMonth(data),
    sentByCounty: sentByCounty(data),
    sentByDestination: sentByDestination(data),
    topEnterprises: topEnterprises(data, options.topEnterprises ?? 10),
    funnel: retentionFunnel(data),
    comingWeeks: comingWeeks(data, options.weeks ?? 4),
    healthSoon: healthSoon(data),
    subsidiesByScheme: subsidiesByScheme(data),
  };
}
