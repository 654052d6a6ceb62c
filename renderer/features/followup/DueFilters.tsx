import { memo } from 'react';
import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT_OUTCOMES, type Settings } from '@shared/domain/records';
import type { FollowUpFilter } from '@shared/followup';
import type { DueFacets, DueGrouping } from '@shared/followup/due';

/** A Select's value for "none" (no staff member, no station): Select values are strings. */
export const NONE = '__none__';

type FilterKey = keyof FollowUpFilter;

interface DueFiltersProps {
  filter: FollowUpFilter;
  onFilter: (filter: FollowUpFilter) => void;
  grouping: DueGrouping;
  onGrouping: (grouping: DueGrouping) => void;
  facets: DueFacets;
  settings: Pick<Settings, 'staff' | 'liaisonStations'>;
  /** While the list is still being read: its values are not all known yet. */
  disabled?: boolean;
}

function selectValue(value: string | null | undefined): string | null {
  return value === undefined ? null : value === null ? NONE : value;
}

/**
 * The workspace's filters (county, township, enterprise, batch, staff member, station, outcome) and
 * grouping; drawn again only when one of them or the values they offer change.
 */
export const DueFilters = memo(function DueFilters({
  filter,
  onFilter,
  grouping,
  onGrouping,
  facets,
  settings,
  disabled = false,
}: DueFiltersProps) {
  const { t } = useTranslation();
  const set = (key: FilterKey, value: string | null, nullable = false) => {
    const next = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key)) as FollowUpFilter;
    if (value === null) onFilter(next);
    else if (value === NONE && nullable) (next as Record<string, unknown>)[key] = null;
    else (next as Record<string, unknown>)[key] = value;
    if (value !== null) onFilter(next);
  };
  const common = {
    clearable: true,
    searchable: true,
    placeholder: t('followup.desk.filters.all'),
    w: 142,
    disabled,
  } as const;
  return (
    <Group gap="xs" align="flex-end" data-testid="due-filters">
      <Select
        {...common}
        label={t('followup.desk.filters.county')}
        data={facets.counties.map((county) => ({ value: county.code, label: county.name }))}
        value={selectValue(filter.countyCode)}
        onChange={(value) => set('countyCode', value)}
      />
      <Select
        {...common}
        label={t('followup.desk.filters.township')}
        data={facets.townships}
        value={selectValue(filter.township)}
        onChange={(value) => set('township', value)}
      />
      <Select
        {...common}
        label={t('followup.desk.filters.enterprise')}
        data={facets.enterprises.map((enterprise) => ({ value: enterprise.id, label: enterprise.name }))}
        value={selectValue(filter.enterpriseId)}
        onChange={(value) => set('enterpriseId', value)}
      />
      <Select
        {...common}
        label={t('followup.desk.filters.batch')}
        data={facets.batches.map((batch) => ({ value: batch.id, label: batch.name }))}
        value={selectValue(filter.batchId)}
        onChange={(value) => set('batchId', value)}
      />
      <Select
        {...common}
        label={t('followup.desk.filters.staff')}
        data={[
          { value: NONE, label: t('followup.desk.filters.unassigned') },
          ...settings.staff.map((member) => ({ value: member.id, label: member.name })),
        ]}
        value={selectValue(filter.staffId)}
        onChange={(value) => set('staffId', value, true)}
      />
      <Select
        {...common}
        label={t('followup.desk.filters.station')}
        data={[
          { value: NONE, label: t('followup.desk.filters.noStation') },
          ...settings.liaisonStations.map((station) => ({ value: station.id, label: station.name })),
        ]}
        value={selectValue(filter.stationId)}
        onChange={(value) => set('stationId', value, true)}
      />
      <Select
        {...common}
        label={t('followup.desk.filters.outcome')}
        data={[
          { value: 'none', label: t('followup.desk.filters.noContact') },
          ...CONTACT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`followup.outcome.${outcome}`) })),
        ]}
        value={selectValue(filter.outcome)}
        onChange={(value) => set('outcome', value)}
      />
      {Object.keys(filter).length > 0 && (
        <Button variant="subtle" onClick={() => onFilter({})}>
          {t('followup.desk.filters.clear')}
        </Button>
      )}
      <SegmentedControl
        aria-label={t('followup.desk.groupBy')}
        disabled={disabled}
        value={grouping}
        onChange={(value) => onGrouping(value)}
        data={(['none', 'station', 'enterprise'] as const).map((value) => ({
          value,
          label: t(`followup.desk.group.${value}`),
        }))}
      />
    </Group>
  );
});
