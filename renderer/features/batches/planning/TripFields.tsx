import {
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Route, VehicleKind } from '@shared/domain/records';
import { TYPICAL_SEAT_COUNTS, VEHICLE_SEAT_LIMITS } from '@shared/seating';
import { choiceCapacity } from '@renderer/db';
import { numberFrom } from '@renderer/components/field-problems';
import { DateField } from '@renderer/components/DateField';
import { EXACT_NUMBER } from '@renderer/components/exact-number';
import { KINDS_FOR, defaultChoice, type PlanForm } from './plan-form';

interface RouteVehiclesProps {
  /** The route whose legs get a vehicle type. */
  route: Route;
  /** The planning form holding the choices. */
  form: PlanForm;
  /** The settings' load factor, for the capacity shown beside each leg. */
  loadFactor: number;
}

/** Per leg of one chosen route: vehicle kind, seats and most vehicles a batch; and batches a day. */
function RouteVehicles({ route, form, loadFactor }: RouteVehiclesProps) {
  const { t } = useTranslation();
  const choices = form.getValues().vehicles[route.id] ?? {};
  return (
    <Paper withBorder p="sm" data-testid="route-vehicles">
      <Group justify="space-between" align="end" mb="xs">
        <Text fw={600}>{route.name}</Text>
        <NumberInput
          label={t('planning.route.batchesPerDay')}
          aria-label={t('planning.route.batchesPerDayOf', { route: route.name })}
          min={1}
          max={20}
          {...EXACT_NUMBER}
          w={140}
          {...form.getInputProps(`batchesPerDay.${route.id}`)}
        />
      </Group>
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planning.route.legs')}</Table.Th>
            <Table.Th>{t('planning.route.kind')}</Table.Th>
            <Table.Th>{t('planning.route.seatCount')}</Table.Th>
            <Table.Th>{t('planning.route.maxVehicles')}</Table.Th>
            <Table.Th>{t('planning.route.capacity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {route.legs.map((leg, index) => {
            const field = `vehicles.${route.id}.${leg.id}`;
            const choice = choices[leg.id] ?? defaultChoice(leg.mode);
            const seatCount = numberFrom(choice.seatCount);
            const capacity = Number.isFinite(seatCount)
              ? choiceCapacity({ kind: choice.kind, seatCount }, loadFactor)
              : 0;
            const names = { route: route.name, n: index + 1 };
            return (
              <Table.Tr key={leg.id}>
                <Table.Td>
                  <Text size="sm">
                    {t('planning.route.leg', {
                      n: index + 1,
                      mode: t(`planning.modes.${leg.mode}`),
                      from: leg.from,
                      to: leg.to,
                    })}
                  </Text>
                </Table.Td>
                <Table.Td w={230}>
                  <Select
                    aria-label={t('planning.route.kindOf', names)}
                    placeholder={t('planning.route.kind')}
                    data={KINDS_FOR[leg.mode].map((kind) => ({ value: kind, label: t(`planning.kinds.${kind}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps(`${field}.kind`)}
                    onChange={(value) => {
                      if (!value) return;
                      const kind = value as VehicleKind;
                      form.setFieldValue(`${field}.kind`, kind);
                      form.setFieldValue(`${field}.seatCount`, TYPICAL_SEAT_COUNTS[kind]);
                    }}
                  />
                </Table.Td>
                <Table.Td w={130}>
                  <NumberInput
                    aria-label={t('planning.route.seatCountOf', names)}
                    min={VEHICLE_SEAT_LIMITS[choice.kind].min}
                    max={VEHICLE_SEAT_LIMITS[choice.kind].max}
                    {...EXACT_NUMBER}
                    {...form.getInputProps(`${field}.seatCount`)}
                  />
                </Table.Td>
                <Table.Td w={120}>
                  <NumberInput
                    aria-label={t('planning.route.maxVehiclesOf', names)}
                    min={1}
                    max={999}
                    {...EXACT_NUMBER}
                    {...form.getInputProps(`${field}.maxVehicles`)}
                  />
                </Table.Td>
                <Table.Td w={150}>
                  <Text size="sm" c="dimmed" data-capacity={capacity}>
                    {t(leg.mode === 'train' ? 'planning.route.carriageCapacity' : 'planning.route.coachCapacity', {
                      capacity,
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

interface TripFieldsProps {
  /** The planning form holding dates, routes and vehicle types. */
  form: PlanForm;
  /** The live routes to choose from; undefined while they load. */
  routes: readonly Route[] | undefined;
  /** The settings' load factor. */
  loadFactor: number;
}

/** The dates, the routes in order of preference, and each chosen route's vehicle types. */
export function TripFields({ form, routes, loadFactor }: TripFieldsProps) {
  const { t } = useTranslation();
  const { routeIds } = form.getValues();
  const chooseRoutes = (ids: string[]) =>
    form.setValues((current) => {
      const vehicles = { ...(current.vehicles ?? {}) };
      const batchesPerDay = { ...(current.batchesPerDay ?? {}) };
      for (const id of ids) {
        const route = routes?.find((candidate) => candidate.id === id);
        if (!route || vehicles[id]) continue;
        vehicles[id] = Object.fromEntries(route.legs.map((leg) => [leg.id, defaultChoice(leg.mode)]));
        batchesPerDay[id] = 1;
      }
      return { routeIds: ids, vehicles, batchesPerDay };
    });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('planning.trip.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('planning.trip.loadFactor', { percent: Math.round(loadFactor * 100) })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <DateField label={t('planning.trip.firstDate')} withAsterisk {...form.getInputProps('firstDate')} />
          <DateField label={t('planning.trip.lastDate')} withAsterisk {...form.getInputProps('lastDate')} />
          <MultiSelect
            label={t('planning.trip.routes')}
            description={t('planning.trip.routesHint')}
            withAsterisk
            data={(routes ?? []).map((route) => ({ value: route.id, label: route.name }))}
            nothingFoundMessage={t('planning.trip.noRoutes')}
            searchable
            {...form.getInputProps('routeIds')}
            onChange={chooseRoutes}
          />
        </SimpleGrid>
        {routeIds.flatMap((id) => {
          const route = routes?.find((candidate) => candidate.id === id);
          return route ? [<RouteVehicles key={id} route={route} form={form} loadFactor={loadFactor} />] : [];
        })}
      </Stack>
    </Card>
  );
}
