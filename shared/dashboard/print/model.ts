/**
 * What the printed dashboard and its spreadsheet are made from (issue 19, item 4), and what both
 * say alike: the title, the period and the filter in words, each chart's title and how its bars are
 * named. docs/architecture.md#dashboard.
 */
import { formatCalendarDate } from '../../dates';
import type { Language } from '../../domain/records';
import { fill, localized } from '../../documents/labels';
import type { PrintContext } from '../../documents/model';
import type { Dashboard, DashboardFilter } from '../index';
import { DASHBOARD_PRINT_LABELS, type DashboardPrintLabel } from './labels';

export interface DashboardPrintInput {
  /** The figures as the home page shows them. */
  dashboard: Dashboard;
  /** The filter they answer for. */
  filter: DashboardFilter;
  /** The county or office the title names ('' for none): 田东县 → 田东县务工人员点对点输送工作情况. */
  place: string;
  /** Names of what the filter narrows to, when the caller knows them (else read from the figures). */
  names?: { county?: string; enterprise?: string; scheme?: string };
  /** Who prints, when (Beijing time), and in which language. */
  print: PrintContext;
}

export type PrintLabels = Readonly<Record<DashboardPrintLabel, string>>;

export function printLabels(language: Language): PrintLabels {
  return localized(DASHBOARD_PRINT_LABELS, language);
}

/** Whole numbers as the language writes them: 1,234. */
export function numberWriter(language: Language): (value: number) => string {
  const format = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });
  return (value) => format.format(value);
}

export function documentTitle(input: DashboardPrintInput): string {
  const labels = printLabels(input.print.language);
  const place = input.place.trim();
  return place === '' ? labels.titleNoPlace : fill(labels.title, { place });
}

/** "统计期间：2026年1月1日至2026年12月31日". */
export function periodWords(filter: DashboardFilter, language: Language): string {
  return fill(printLabels(language).period, {
    from: formatCalendarDate(filter.from, language),
    to: formatCalendarDate(filter.to, language),
  });
}

/** "范围：县区 田东县；企业 广州电子厂", or "范围：全部" for no filter. */
export function scopeWords(input: DashboardPrintInput): string {
  const { dashboard, filter, names = {} } = input;
  const labels = printLabels(input.print.language);
  const parts: string[] = [];
  if (filter.countyCode) {
    const county =
      names.county ??
      dashboard.sentByCounty.find((group) => group.key === filter.countyCode)?.label ??
      filter.countyCode;
    parts.push(`${labels.county} ${county}`);
  }
  if (filter.township) parts.push(`${labels.township} ${filter.township}`);
  if (filter.enterpriseId) {
    const enterprise =
      names.enterprise ??
      dashboard.topEnterprises.find((bar) => bar.key === filter.enterpriseId)?.label ??
      filter.enterpriseId;
    parts.push(`${labels.enterprise} ${enterprise}`);
  }
  if (filter.schemeId) {
    const scheme =
      names.scheme ??
      dashboard.subsidiesByScheme.find((bar) => bar.schemeId === filter.schemeId)?.schemeName ??
      filter.schemeId;
    parts.push(`${labels.scheme} ${scheme}`);
  }
  const separator = input.print.language === 'zh-CN' ? '；' : '; ';
  return fill(labels.scope, { scope: parts.length === 0 ? labels.everything : parts.join(separator) });
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A month (YYYY-MM) as a bar's label: 3月 / Mar, with the year when asked (2027年1月 / Jan 2027). */
export function monthName(month: string, language: Language, withYear: boolean): string {
  const labels = printLabels(language);
  const year = month.slice(0, 4);
  const number = Number(month.slice(5, 7));
  const name = language === 'zh-CN' ? String(number) : (EN_MONTHS[number - 1] ?? month);
  return fill(withYear ? labels.monthYearLabel : labels.monthLabel, { year, month: name });
}

/**
 * The chart of the people sent by place: by county, or, when every one of them is from one county
 * (a filter on it, or an office of one county), by its townships. The same for destinations.
 */
export function placeChart<T extends { label: string; people: number; parts: { label: string; people: number }[] }>(
  groups: readonly T[],
): { inside: T | null; bars: readonly { label: string; people: number }[] } {
  const [only] = groups;
  if (groups.length === 1 && only && only.parts.length > 1) return { inside: only, bars: only.parts };
  return { inside: null, bars: groups };
}

/** The name a bar of places prints: the place, or "未知" when it is not known. */
export function placeName(label: string, labels: PrintLabels): string {
  return label.trim() === '' ? labels.unknown : label;
}

/** The eight charts' titles, in their printed order. */
export function chartTitles(dashboard: Dashboard, language: Language): string[] {
  const labels = printLabels(language);
  const counties = placeChart(dashboard.sentByCounty);
  const destinations = placeChart(dashboard.sentByDestination);
  return [
    labels.chartMonths,
    counties.inside
      ? fill(labels.chartTownships, { county: placeName(counties.inside.label, labels) })
      : labels.chartCounties,
    destinations.inside
      ? fill(labels.chartCities, { province: placeName(destinations.inside.label, labels) })
      : labels.chartDestinations,
    labels.chartEnterprises,
    labels.chartFunnel,
    fill(labels.chartWeeks, { weeks: dashboard.comingWeeks.length }),
    labels.chartHealth,
    labels.chartSubsidies,
  ];
}
