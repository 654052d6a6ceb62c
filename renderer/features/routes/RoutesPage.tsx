import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listRoutes, useRepositoryQuery } from '../../db';
import { openRouteForm } from './RouteForm';
import { clockText, legsSummary } from './route-texts';

/** The routes: a list, with a form to create one. */
export function RoutesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = useRepositoryQuery(listRoutes, []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('routes.title')}</Title>
        <Button
          leftSection={<IconPlus size={18} />}
          onClick={() => openRouteForm({ t, onSaved: (route) => void navigate(`/routes/${route.id}`) })}
        >
          {t('routes.add')}
        </Button>
      </Group>
      {rows && rows.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('routes.count', { count: rows.length })}
        </Text>
      )}
      {rows && rows.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t('routes.empty')}
        </Text>
      ) : (
        <Table highlightOnHover striped verticalSpacing="xs" aria-label={t('routes.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('routes.columns.name')}</Table.Th>
              <Table.Th>{t('routes.columns.legs')}</Table.Th>
              <Table.Th>{t('routes.columns.firstDeparture')}</Table.Th>
              <Table.Th>{t('routes.columns.pickupPoints')}</Table.Th>
              <Table.Th>{t('routes.columns.batches')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => {
              const first = row.legs[0];
              return (
                <Table.Tr
                  key={row.id}
                  onClick={() => void navigate(`/routes/${row.id}`)}
                  style={{ cursor: 'pointer' }}
                  data-testid="route-row"
                  data-in-use={row.batchCount > 0}
                >
                  <Table.Td>
                    {/* A link as well as a clickable row, so the keyboard reaches the route too. */}
                    <Anchor component={Link} to={`/routes/${row.id}`} size="sm" fw={500} c="inherit">
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{legsSummary(row.legs, t)}</Table.Td>
                  <Table.Td>{first ? clockText(first.departureMinutes, t) : '—'}</Table.Td>
                  <Table.Td>{row.pickupPoints.length}</Table.Td>
                  <Table.Td>{row.batchCount}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
