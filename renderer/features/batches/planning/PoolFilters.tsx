import { Card, MultiSelect, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { POVERTY_STATUSES } from '@shared/domain/records';
import {
  listEnterpriseCities,
  listEnterprises,
  useDirectoryVersion,
  useRepositoryQuery,
  workerDirectory,
} from '@renderer/db';
import type { PlanForm } from './plan-form';

interface PoolFiltersProps {
  /** The planning form whose filter fields these are. */
  form: PlanForm;
}

/** Which workers ready to travel to plan: county and village, destination, enterprise, poverty status. */
export function PoolFilters({ form }: PoolFiltersProps) {
  const { t } = useTranslation();
  const version = useDirectoryVersion();
  const facets = useRepositoryQuery(async () => (version === null ? null : workerDirectory().facets()), [version]);
  const enterprises = useRepositoryQuery(() => listEnterprises(), []);
  const cities = useRepositoryQuery(listEnterpriseCities, []);
  const { counties } = form.getValues();
  const villagesOf = (chosen: readonly string[]): string[] => [
    ...new Set(chosen.flatMap((county) => facets?.villages[county] ?? [])),
  ];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('planning.pool.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('planning.pool.hint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="sm">
          <MultiSelect
            label={t('planning.pool.county')}
            placeholder={counties.length === 0 ? t('planning.pool.any') : undefined}
            data={facets?.counties ?? []}
            searchable
            clearable
            rightSection={version === null ? <Loader size="xs" /> : undefined}
            {...form.getInputProps('counties')}
            onChange={(chosen) => {
              const villages = new Set(villagesOf(chosen));
              form.setValues((current) => ({
                counties: chosen,
                villages: (current.villages ?? []).filter((village) => villages.has(village)),
              }));
            }}
          />
          <MultiSelect
            label={t('planning.pool.village')}
            placeholder={form.getValues().villages.length === 0 ? t('planning.pool.any') : undefined}
            data={villagesOf(counties)}
            disabled={counties.length === 0}
            searchable
            clearable
            {...form.getInputProps('villages')}
          />
          <MultiSelect
            label={t('planning.pool.city')}
            placeholder={form.getValues().cities.length === 0 ? t('planning.pool.any') : undefined}
            data={cities ?? []}
            searchable
            clearable
            {...form.getInputProps('cities')}
          />
          <MultiSelect
            label={t('planning.pool.enterprise')}
            placeholder={form.getValues().enterpriseIds.length === 0 ? t('planning.pool.any') : undefined}
            data={(enterprises ?? []).map((enterprise) => ({ value: enterprise.id, label: enterprise.name }))}
            searchable
            clearable
            {...form.getInputProps('enterpriseIds')}
          />
          <MultiSelect
            label={t('planning.pool.poverty')}
            placeholder={form.getValues().povertyStatuses.length === 0 ? t('planning.pool.any') : undefined}
            data={POVERTY_STATUSES.map((status) => ({ value: status, label: t(`workers.poverty.${status}`) }))}
            clearable
            {...form.getInputProps('povertyStatuses')}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
