import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBus, IconTrain } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Route } from '@shared/domain/records';
import { legArrivalMinutes, pickupsInOrder, routeTravelMinutes } from '@shared/domain/route-rules';
import { clockTime } from '@shared/dates';
import { deleteRoute, getRoute, listRoutes, restoreRoute, routeHistory, useRepositoryQuery } from '../../db';
import { ChangeHistory } from '../../components/ChangeHistory';
import { DetailField } from '../../components/DetailField';
import { RecordPage } from '../../components/RecordPage';
import { DeleteButton, EditButton } from '../../components/RecordButtons';
import { notifyWriteFailure } from '../../components/write-failure';
import { openRouteForm } from './RouteForm';
import { clockText, durationText, stopsText } from './route-texts';

// Short cells stay on one line and leave the room to the stops; times line up digit under digit.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const TIME = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Says why a route in use stays, without asking first whether to delete it. */
function showInUse(count: number, t: TFunction): void {
  const id = modals.open({
    title: t('routes.inUseTitle'),
    children: (
      <Stack>
        <Text size="sm" data-problem="route-in-use">
          {t('problems.route-in-use', { count })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('routes.inUseHint')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={() => modals.close(id)}>{t('common.confirm')}</Button>
        </Group>
      </Stack>
    ),
  });
}

/**
 * Deletes a route after asking. A route that batches use is refused by the repository; the page
 * knows the count already and says so at once, and a batch added meanwhile is caught on delete.
 */
function confirmDelete(route: Route, batchCount: number, t: TFunction, afterDelete: () => void): void {
  if (batchCount > 0) {
    showInUse(batchCount, t);
    return;
  }
  modals.openConfirmModal({
    title: t('routes.deleteTitle'),
    children: <Text size="sm">{t('routes.deleteText', { name: route.name })}</Text>,
    labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      deleteRoute(route.id)
        .then(() => {
          notifications.show({ message: t('routes.deleted', { name: route.name }) });
          afterDelete();
        })
        .catch((error: unknown) => notifyWriteFailure(error, t, 'deleting a route'));
    },
  });
}

/** The route's legs in order, with their times as on a timetable. */
function LegsTable({ route }: { route: Route }) {
  const { t } = useTranslation();
  const columns = ['index', 'mode', 'from', 'to', 'departure', 'arrival', 'duration', 'distance', 'stops'] as const;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('routes.detail.legs')}
      </Title>
      <Table aria-label={t('routes.detail.legs')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`routes.detail.legColumns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {route.legs.map((leg, index) => {
            const arrival = legArrivalMinutes(leg);
            return (
              <Table.Tr
                key={leg.id}
                data-testid="leg-row"
                data-mode={leg.mode}
                data-arrival-day={clockTime(arrival).dayOffset}
              >
                <Table.Td style={NO_WRAP}>{index + 1}</Table.Td>
                <Table.Td style={NO_WRAP}>
                  <Group gap={4} wrap="nowrap">
                    {leg.mode === 'train' ? <IconTrain size={16} /> : <IconBus size={16} />}
                    {t(`routes.modes.${leg.mode}`)}
                  </Group>
                </Table.Td>
                <Table.Td style={NO_WRAP}>{leg.from}</Table.Td>
                <Table.Td style={NO_WRAP}>{leg.to}</Table.Td>
                <Table.Td style={TIME}>{clockText(leg.departureMinutes, t)}</Table.Td>
                <Table.Td style={TIME} data-testid="leg-arrival">
                  {clockText(arrival, t)}
                </Table.Td>
                <Table.Td style={NO_WRAP}>{durationText(leg.durationMinutes, t)}</Table.Td>
                <Table.Td style={NO_WRAP}>{t('routes.distance', { km: leg.distanceKm })}</Table.Td>
                <Table.Td>{leg.stops.length > 0 ? stopsText(leg.stops, t) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Where and when each county's passengers assemble: the first departure less the point's lead. */
function PickupTable({ route }: { route: Route }) {
  const { t } = useTranslation();
  const firstDeparture = route.legs[0]?.departureMinutes;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('routes.detail.pickupPoints')}
      </Title>
      {route.pickupPoints.length === 0 || firstDeparture === undefined ? (
        <Text size="sm" c="dimmed">
          {t('routes.detail.noPickupPoints')}
        </Text>
      ) : (
        <Table aria-label={t('routes.detail.pickupPoints')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('routes.detail.pickupColumns.county')}</Table.Th>
              <Table.Th>{t('routes.detail.pickupColumns.place')}</Table.Th>
              <Table.Th>{t('routes.detail.pickupColumns.assembly')}</Table.Th>
              <Table.Th>{t('routes.detail.pickupColumns.lead')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pickupsInOrder(route.pickupPoints).map((point) => (
              <Table.Tr key={point.id} data-testid="pickup-row">
                <Table.Td>{point.county}</Table.Td>
                <Table.Td>{point.place}</Table.Td>
                <Table.Td style={TIME}>{clockText(firstDeparture - point.minutesBeforeDeparture, t)}</Table.Td>
                <Table.Td>
                  {point.minutesBeforeDeparture < 0
                    ? t('routes.detail.alongRouteMinutes', { minutes: -point.minutesBeforeDeparture })
                    : t('routes.detail.leadMinutes', { minutes: point.minutesBeforeDeparture })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** One route: its legs and pickup points, how many batches use it, and its change history. */
export function RouteDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // `null` once the lookup found nothing, so "not found" never flashes while loading.
  const route = useRepositoryQuery(async () => (await getRoute(id)) ?? null, [id]);
  const batchCount = useRepositoryQuery(
    async () => (await listRoutes()).find((row) => row.id === id)?.batchCount ?? 0,
    [id],
  );
  const history = useRepositoryQuery(() => routeHistory(id), [id]);
  if (route === undefined) return null;

  const deleted = Boolean(route?.deletedAt);
  const travel = route ? routeTravelMinutes(route) : null;
  const totalKm = route ? route.legs.reduce((sum, leg) => sum + leg.distanceKm, 0) : 0;
  return (
    <RecordPage
      backTo="/routes"
      backLabel={t('routes.title')}
      record={route}
      notFoundText={t('routes.notFound')}
      deletedText={t('routes.deletedBanner')}
      // The repository has no restore for routes yet; say so rather than pretend.
      onRestore={() =>
        route &&
        void restoreRoute(route.id)
          .then(() => notifications.show({ color: 'teal', message: t('routes.restored', { name: route.name }) }))
          .catch((error: unknown) => notifyWriteFailure(error, t, 'restoring a route'))
      }
    >
      {route && (
        <>
          <Group justify="space-between">
            <Title order={2}>{route.name}</Title>
            {!deleted && (
              <Group>
                <EditButton onClick={() => openRouteForm({ t, route })} />
                <DeleteButton
                  onClick={() => confirmDelete(route, batchCount ?? 0, t, () => void navigate('/routes'))}
                />
              </Group>
            )}
          </Group>
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
              <DetailField label={t('routes.detail.legCount')}>{route.legs.length}</DetailField>
              <DetailField label={t('routes.detail.totalDistance')}>
                {t('routes.distance', { km: totalKm })}
              </DetailField>
              <DetailField label={t('routes.detail.batches')}>
                {t('routes.detail.batchCount', { count: batchCount ?? 0 })}
              </DetailField>
              <DetailField label={t('routes.detail.firstDeparture')}>
                {travel ? clockText(travel.start, t) : ''}
              </DetailField>
              <DetailField label={t('routes.detail.lastArrival')}>{travel ? clockText(travel.end, t) : ''}</DetailField>
              <DetailField label={t('routes.detail.travelTime')}>
                {travel ? durationText(travel.end - travel.start, t) : ''}
              </DetailField>
            </SimpleGrid>
          </Card>
          <LegsTable route={route} />
          <PickupTable route={route} />
          <ChangeHistory entries={history} table="routes" recordId={id} />
        </>
      )}
    </RecordPage>
  );
}
