/**
 * The home page's dashboard choice kept in its address (issue 19, item 3): the period and the filter
 * (county, township, enterprise, scheme), so that coming back from the list behind a figure, by the
 * list's back link or the browser's, shows the figures that were clicked.
 *
 * `/?period=custom&from=2026-02-01&to=2026-03-31&county=451022`: `period` absent is this year.
 */
import { useCallback } from 'react';
import type { DashboardFilter } from '@shared/dashboard';
import type { CalendarDate } from '@shared/domain/records';
import { useAddressParams } from '@renderer/components/use-address-params';
import { periodFilter, type PeriodChoice, type PeriodKind } from './dashboard-period';

/** The dashboard's filter besides its period: each absent or null for all. */
export type PlaceFilter = Pick<DashboardFilter, 'countyCode' | 'township' | 'enterpriseId' | 'schemeId'>;

const PLACE_PARAMS = [
  ['countyCode', 'county'],
  ['township', 'township'],
  ['enterpriseId', 'enterprise'],
  ['schemeId', 'scheme'],
] as const;

const KINDS: readonly PeriodKind[] = ['year', 'twelveMonths', 'custom'];

function choiceOf(params: URLSearchParams): PeriodChoice {
  const kind = params.get('period') ?? 'year';
  return {
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as PeriodKind) : 'year',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function placesOf(params: URLSearchParams): PlaceFilter {
  const places: PlaceFilter = {};
  for (const [field, name] of PLACE_PARAMS) {
    const value = params.get(name);
    if (value) places[field] = value;
  }
  return places;
}

function writeChoice(params: URLSearchParams, choice: PeriodChoice): URLSearchParams {
  if (choice.kind === 'year') params.delete('period');
  else params.set('period', choice.kind);
  for (const name of ['from', 'to'] as const) {
    if (choice[name]) params.set(name, choice[name]);
    else params.delete(name);
  }
  return params;
}

function writePlaces(params: URLSearchParams, places: PlaceFilter): URLSearchParams {
  for (const [field, name] of PLACE_PARAMS) {
    const value = places[field];
    if (value) params.set(name, value);
    else params.delete(name);
  }
  return params;
}

/** The period's choice and the filter, read from and written to the home page's address. */
export function useDashboardChoice(): {
  choice: PeriodChoice;
  setChoice: (change: (before: PeriodChoice) => PeriodChoice) => void;
  places: PlaceFilter;
  setPlaces: (places: PlaceFilter) => void;
} {
  const [params, change] = useAddressParams();
  const setChoice = useCallback(
    (update: (before: PeriodChoice) => PeriodChoice) =>
      change((current) => writeChoice(current, update(choiceOf(current)))),
    [change],
  );
  const setPlaces = useCallback((places: PlaceFilter) => change((current) => writePlaces(current, places)), [change]);
  return { choice: choiceOf(params), setChoice, places: placesOf(params), setPlaces };
}

/**
 * The home page's address showing `filter` on `today`: this year or the last 12 months when the
 * period is one of them, else the days themselves.
 */
export function homeAddress(filter: DashboardFilter, today: CalendarDate): string {
  const same = (kind: PeriodKind) => {
    const answer = periodFilter({ kind, from: '', to: '' }, today);
    return 'filter' in answer && answer.filter.from === filter.from && answer.filter.to === filter.to;
  };
  const kind = KINDS.find((k) => k !== 'custom' && same(k)) ?? 'custom';
  const params = writePlaces(
    writeChoice(
      new URLSearchParams(),
      kind === 'custom' ? { kind, from: filter.from, to: filter.to } : { kind, from: '', to: '' },
    ),
    filter,
  );
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
