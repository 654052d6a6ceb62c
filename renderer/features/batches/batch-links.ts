/**
 * Addresses inside a batch's page: which tab is open (`?tab=passengers`), a filter of the
 * passengers tab (`&show=no-enterprise`) and the batch form opened on arrival (`?edit=batch`), so
 * that a gate item can link to where it is fixed and the back button returns to the tab.
 */

export const BATCH_TABS = ['gate', 'passengers', 'vehicles', 'seats', 'documents', 'history'] as const;
export type BatchTab = (typeof BATCH_TABS)[number];

export const TAB_PARAM = 'tab';
export const PASSENGERS_SHOW_PARAM = 'show';
export const EDIT_PARAM = 'edit';
export const EDIT_BATCH = 'batch';

/** Filters of the passengers tab that an address can name. */
export type PassengersShow = 'no-enterprise';

/** Other words people (and older links) use for a tab. */
const TAB_ALIASES: Readonly<Record<string, BatchTab>> = { seating: 'seats' };

/** The tab an address names; the gate for none or an unknown one. */
export function batchTabOf(value: string | null): BatchTab {
  if (value === null) return 'gate';
  return BATCH_TABS.find((tab) => tab === value) ?? TAB_ALIASES[value] ?? 'gate';
}

/** The passengers filter an address names, if any. */
export function passengersShowOf(value: string | null): PassengersShow | null {
  return value === 'no-enterprise' ? value : null;
}

/** The address of a batch's page on one tab, with a passengers filter. */
export function batchTabPath(batchId: string, tab: BatchTab, show?: PassengersShow): string {
  const params = new URLSearchParams();
  if (tab !== 'gate') params.set(TAB_PARAM, tab);
  if (show) params.set(PASSENGERS_SHOW_PARAM, show);
  const query = params.toString();
  return `/batches/${batchId}${query ? `?${query}` : ''}`;
}

/** The address of a batch's page that opens its form (organizer, route, date, load factor). */
export function batchFormPath(batchId: string): string {
  return `/batches/${batchId}?${EDIT_PARAM}=${EDIT_BATCH}`;
}
