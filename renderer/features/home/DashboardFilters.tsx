/**
 * The dashboard's filter beside its period (issue 19, item 3): the workers' home county and
 * township, the enterprise of the trip and a subsidy scheme, each searchable and clearable, from
 * what the dashboard's worker read (docs/domain.md#dashboard-figures says what each lets through).
 */
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardFilterOptions } from '@shared/dashboard/drill-rows';
import type { PlaceFilter } from './dashboard-address';

const NO_OPTIONS: DashboardFilterOptions = { counties: [], townships: {}, enterprises: [], schemes: [] };

export function DashboardFilters({
  options = NO_OPTIONS,
  value,
  onChange,
}: {
  /** Undefined while the worker reads: the choices stay empty, a value in the address still shows. */
  options?: DashboardFilterOptions;
  value: PlaceFilter;
  onChange: (value: PlaceFilter) => void;
}) {
  const { t } = useTranslation();
  const county = value.countyCode ?? null;
  const townships = county ? (options.townships[county] ?? []) : [];
  // A value the options do not hold (an address kept from before a change) still shows as itself.
  const withValue = (data: { value: string; label: string }[], chosen: string | null | undefined) =>
    chosen && !data.some((option) => option.value === chosen) ? [...data, { value: chosen, label: chosen }] : data;
  const set = (change: PlaceFilter) => onChange({ ...value, ...change });
  return (
    <Group gap="xs" data-testid="dashboard-filters">
      <Select
        aria-label={t('dashboardLists.filters.county')}
        placeholder={t('dashboardLists.filters.county')}
        data={withValue(options.counties, county)}
        value={county}
        onChange={(countyCode) => set({ countyCode, township: null })}
        searchable
        clearable
        nothingFoundMessage={t('dashboardLists.filters.nothingFound')}
        w={150}
      />
      <Select
        aria-label={t('dashboardLists.filters.township')}
        placeholder={county ? t('dashboardLists.filters.township') : t('dashboardLists.filters.townshipFirst')}
        data={withValue(
          townships.map((name) => ({ value: name, label: name })),
          value.township,
        )}
        value={value.township ?? null}
        onChange={(township) => set({ township })}
        disabled={!county}
        searchable
        clearable
        nothingFoundMessage={t('dashboardLists.filters.nothingFound')}
        w={150}
      />
      <Select
        aria-label={t('dashboardLists.filters.enterprise')}
        placeholder={t('dashboardLists.filters.enterprise')}
        data={withValue(options.enterprises, value.enterpriseId)}
        value={value.enterpriseId ?? null}
        onChange={(enterpriseId) => set({ enterpriseId })}
        searchable
        clearable
        nothingFoundMessage={t('dashboardLists.filters.nothingFound')}
        w={220}
      />
      <Select
        aria-label={t('dashboardLists.filters.scheme')}
        placeholder={t('dashboardLists.filters.scheme')}
        data={withValue(options.schemes, value.schemeId)}
        value={value.schemeId ?? null}
        onChange={(schemeId) => set({ schemeId })}
        searchable
        clearable
        nothingFoundMessage={t('dashboardLists.filters.nothingFound')}
        w={180}
      />
    </Group>
  );
}
