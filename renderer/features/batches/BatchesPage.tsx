import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatCalendarDate } from '@shared/dates';
import { listBatches, useRepositoryQuery } from '../../db';
import { useLanguage } from '../../i18n/use-language';
import { BatchStatusBadge } from './gate/BatchStatusBadge';
import { openBatchForm } from './BatchForm';

/** Every live batch, soonest first: where a coordinator starts planning. */
export function BatchesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const rows = useRepositoryQuery(listBatches, []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('batches.title')}</Title>
        <Group>
          <Button component={Link} to="/batches/plan" variant="light" leftSection={<IconWand size={18} />}>
            {t('batches.plan')}
          </Button>
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => openBatchForm({ t, onSaved: (batch) => void navigate(`/batches/${batch.id}`) })}
          >
            {t('batches.add')}
          </Button>
        </Group>
      </Group>
      {rows && rows.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t('batches.empty')}
        </Text>
      ) : (
        <Table highlightOnHover striped verticalSpacing="xs" aria-label={t('batches.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('batches.columns.name')}</Table.Th>
              <Table.Th>{t('batches.columns.date')}</Table.Th>
              <Table.Th>{t('batches.columns.route')}</Table.Th>
              <Table.Th>{t('batches.columns.passengers')}</Table.Th>
              <Table.Th>{t('batches.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map(({ batch, routeName, passengers }) => (
              <Table.Tr
                key={batch.id}
                data-testid="batch-row"
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/batches/${batch.id}`)}
              >
                <Table.Td>{batch.name}</Table.Td>
                <Table.Td>{formatCalendarDate(batch.date, language)}</Table.Td>
                <Table.Td>{routeName}</Table.Td>
                <Table.Td>{passengers}</Table.Td>
                <Table.Td>
                  <BatchStatusBadge batch={batch} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
