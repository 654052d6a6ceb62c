import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { listEnterpriseCities, listEnterprises, useRepositoryQuery } from '../../db';
import { openEnterpriseForm } from './EnterpriseForm';

export function EnterprisesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [city, setCity] = useState<string | null>(null);
  const [keyOnly, setKeyOnly] = useState(false);
  const [debouncedSearch] = useDebouncedValue(search, 150);
  const rows = useRepositoryQuery(
    () => listEnterprises({ search: debouncedSearch, city: city ?? '', keyOnly }),
    [debouncedSearch, city, keyOnly],
  );
  const cities = useRepositoryQuery(listEnterpriseCities, []) ?? [];
  const filtered = debouncedSearch.trim() !== '' || city !== null || keyOnly;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('enterprises.title')}</Title>
        <Button
          leftSection={<IconPlus size={18} />}
          onClick={() => openEnterpriseForm({ t, onSaved: (e) => void navigate(`/enterprises/${e.id}`) })}
        >
          {t('enterprises.add')}
        </Button>
      </Group>
      <Group align="end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('enterprises.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <Select
          aria-label={t('enterprises.city')}
          placeholder={t('enterprises.allCities')}
          data={cities}
          value={city}
          onChange={setCity}
          clearable
          w={180}
        />
        <Checkbox
          label={t('enterprises.keyOnly')}
          checked={keyOnly}
          onChange={(event) => setKeyOnly(event.currentTarget.checked)}
          mb={8}
        />
        {rows && (
          <Text size="sm" c="dimmed" mb={8}>
            {t('enterprises.count', { count: rows.length })}
          </Text>
        )}
      </Group>
      {rows && rows.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {filtered ? t('enterprises.empty') : t('enterprises.emptyAll')}
        </Text>
      ) : (
        <Table highlightOnHover striped verticalSpacing="xs" aria-label={t('enterprises.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('enterprises.columns.name')}</Table.Th>
              <Table.Th>{t('enterprises.columns.city')}</Table.Th>
              <Table.Th>{t('enterprises.columns.creditCode')}</Table.Th>
              <Table.Th>{t('enterprises.columns.contact')}</Table.Th>
              <Table.Th>{t('enterprises.columns.openings')}</Table.Th>
              <Table.Th>{t('enterprises.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => (
              <Table.Tr
                key={row.id}
                onClick={() => void navigate(`/enterprises/${row.id}`)}
                style={{ cursor: 'pointer' }}
                data-testid="enterprise-row"
              >
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {row.name}
                    </Text>
                    {row.isKeyEnterprise && (
                      <Badge size="xs" color="orange" variant="light">
                        {t('enterprises.key')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {row.city} {row.district}
                </Table.Td>
                <Table.Td ff="monospace">{row.creditCode}</Table.Td>
                <Table.Td>
                  {row.contactName} {row.contactPhone}
                </Table.Td>
                <Table.Td>
                  {row.openingCount} / {row.headcount}
                </Table.Td>
                <Table.Td>{t(`enterprises.resumption.${row.resumptionStatus}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
