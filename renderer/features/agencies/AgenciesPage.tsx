import { useMemo, useState } from 'react';
import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Agency } from '@shared/domain/records';
import { compactIdentifier } from '@shared/domain/half-width';
import { introductionCounts, listAgencies, useRepositoryQuery } from '@renderer/db';
import { openAgencyForm } from './AgencyForm';

/** Whether an agency matches what was typed: its name, credit code, contact or phone. */
function matches(agency: Agency, search: string): boolean {
  const typed = search.trim();
  if (typed === '') return true;
  const digits = typed.replace(/\D/g, '');
  return (
    agency.name.includes(typed) ||
    agency.contactName.includes(typed) ||
    agency.creditCode.includes(compactIdentifier(typed)) ||
    (digits.length >= 3 && agency.contactPhone.replace(/\D/g, '').includes(digits))
  );
}

/**
 * The HR service agencies (人力资源服务机构, route `/agencies`, issue 18, item 2): searched by name,
 * credit code, contact or phone; each with its bank account and how many people it introduced.
 */
export function AgenciesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const agencies = useRepositoryQuery(listAgencies, []);
  const counts = useRepositoryQuery(introductionCounts, []);
  const rows = useMemo(() => agencies?.filter((agency) => matches(agency, search)), [agencies, search]);

  return (
    <Stack data-testid="agencies-page">
      <Group justify="space-between">
        <Title order={2}>{t('agencies.title')}</Title>
        <Button
          leftSection={<IconPlus size={18} />}
          onClick={() => openAgencyForm({ t, onSaved: (agency) => void navigate(`/agencies/${agency.id}`) })}
        >
          {t('agencies.add')}
        </Button>
      </Group>
      <Group align="end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('agencies.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
        />
        {rows && (
          <Text size="sm" c="dimmed" mb={8}>
            {t('agencies.count', { count: rows.length })}
          </Text>
        )}
      </Group>
      {rows && rows.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center" data-testid="agencies-empty">
          {search.trim() !== '' ? t('agencies.empty') : t('agencies.emptyAll')}
        </Text>
      ) : (
        <Table highlightOnHover striped verticalSpacing="xs" aria-label={t('agencies.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agencies.columns.name')}</Table.Th>
              <Table.Th>{t('agencies.columns.creditCode')}</Table.Th>
              <Table.Th>{t('agencies.columns.contact')}</Table.Th>
              <Table.Th>{t('agencies.columns.bankAccount')}</Table.Th>
              <Table.Th ta="right">{t('agencies.columns.introductions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((agency) => (
              <Table.Tr
                key={agency.id}
                onClick={() => void navigate(`/agencies/${agency.id}`)}
                style={{ cursor: 'pointer' }}
                data-testid="agency-row"
              >
                <Table.Td fw={500}>{agency.name}</Table.Td>
                <Table.Td ff="monospace">{agency.creditCode}</Table.Td>
                <Table.Td>{`${agency.contactName} ${agency.contactPhone}`.trim()}</Table.Td>
                <Table.Td>
                  {agency.bankAccount ? (
                    `${agency.bankAccount.bankName} ${agency.bankAccount.accountNumber}`
                  ) : (
                    <Text size="sm" c="orange">
                      {t('agencies.noAccount')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {t('agencies.introductions.count', { count: counts?.get(agency.id) ?? 0 })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
