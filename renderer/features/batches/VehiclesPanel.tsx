import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  DEFAULT_SETTINGS,
  type Batch,
  type ReservedRole,
  type ReservedSeat,
  type Route,
  type Vehicle,
  type VehicleKind,
} from '@shared/domain/records';
import { clockTime } from '@shared/dates';
import { checkBatch, type BatchInput } from '@shared/domain/batch-rules';
import {
  TYPICAL_SEAT_COUNTS,
  VEHICLE_SEAT_LIMITS,
  batchLoadFactor,
  capacityBreakdown,
  defaultReservedSeats,
  isSeatCountAllowed,
  normalizeSeatCode,
  vehicleCapacity,
  type BatchLoadFactor,
} from '@shared/seating';
import { getSettings, listPassengers, updateBatch, useRepositoryQuery } from '../../db';
import { numberFrom, problemMessage, type NumberFieldValue } from '../../components/field-problems';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { notifyWriteFailure } from '../../components/write-failure';
import { FormActions } from '../../components/FormActions';
import { EXACT_NUMBER } from '../../components/exact-number';
import { openBatchForm } from './BatchForm';

const KINDS: VehicleKind[] = ['coach', 'train-second-class', 'train-first-class', 'train-hard-seat'];
const ROLES: ReservedRole[] = ['escort', 'medic', 'isolation'];

function inputOf(batch: Batch): BatchInput {
  const { name, routeId, date, organizer, escorts, medics, legs, notes, loadFactor } = batch;
  return { name, routeId, date, organizer, escorts, medics, legs, notes, loadFactor };
}

interface VehicleValues {
  kind: VehicleKind;
  label: string;
  seatCount: NumberFieldValue;
  escortId: string | null;
  /** Reserved seats per role, as typed: seat codes separated by spaces or commas. */
  reserved: Record<ReservedRole, string>;
}

const seatsText = (reserved: readonly ReservedSeat[], role: ReservedRole): string =>
  reserved
    .filter((seat) => seat.role === role)
    .map((seat) => seat.seat)
    .join(' ');

function reservedOf(values: VehicleValues): ReservedSeat[] {
  return ROLES.flatMap((role) =>
    values.reserved[role]
      .split(/[\s,，、]+/)
      .filter((text) => text !== '')
      .map((text) => ({ seat: normalizeSeatCode(text), role })),
  );
}

function valuesOf(vehicle: Vehicle | undefined, mode: 'coach' | 'train'): VehicleValues {
  const kind = vehicle?.kind ?? (mode === 'train' ? 'train-second-class' : 'coach');
  const seatCount = vehicle?.seatCount ?? TYPICAL_SEAT_COUNTS[kind];
  const reserved = vehicle?.reserved ?? defaultReservedSeats(kind, seatCount);
  return {
    kind,
    label: vehicle?.label ?? '',
    seatCount,
    escortId: vehicle?.escortId ?? null,
    reserved: {
      escort: seatsText(reserved, 'escort'),
      medic: seatsText(reserved, 'medic'),
      isolation: seatsText(reserved, 'isolation'),
    },
  };
}

interface VehicleFormProps {
  batch: Batch;
  legIndex: number;
  /** The vehicle to edit; a new one is added when absent. */
  vehicle?: Vehicle;
  mode: 'coach' | 'train';
  onDone: () => void;
}

/** Adds or edits one vehicle of a leg; the batch is saved whole, through the same checks as the batch form. */
function VehicleForm({ batch, legIndex, vehicle, mode, onDone }: VehicleFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useForm<VehicleValues>({ mode: 'controlled', initialValues: valuesOf(vehicle, mode) });
  const leg = batch.legs[legIndex];
  const vehicleIndex = vehicle
    ? (leg?.vehicles.findIndex((candidate) => candidate.id === vehicle.id) ?? -1)
    : (leg?.vehicles.length ?? 0);

  const legsWith = (values: VehicleValues): BatchInput['legs'] =>
    batch.legs.map((current, index) => {
      if (index !== legIndex) return current;
      const next: Vehicle = {
        id: vehicle?.id ?? crypto.randomUUID(),
        kind: values.kind,
        label: values.label,
        seatCount: numberFrom(values.seatCount),
        reserved: reservedOf(values),
        escortId: values.escortId,
      };
      const vehicles = vehicle
        ? current.vehicles.map((candidate) => (candidate.id === vehicle.id ? next : candidate))
        : [...current.vehicles, next];
      return { ...current, vehicles };
    });

  const fieldOf = (field: string): string | null => {
    const prefix = `legs.${legIndex}.vehicles.${vehicleIndex}.`;
    if (!field.startsWith(prefix)) return null;
    const rest = field.slice(prefix.length);
    return rest === 'reserved' ? 'reserved.isolation' : rest;
  };

  const submit = form.onSubmit(async (values) => {
    const input = { ...inputOf(batch), legs: legsWith(values) };
    const local = checkBatch(input, undefined).filter((problem) => fieldOf(problem.field) !== null);
    if (local.length > 0) {
      const errors: Record<string, string> = {};
      for (const problem of local) errors[fieldOf(problem.field) ?? 'label'] ??= problemMessage(problem, t);
      form.setErrors(errors);
      return;
    }
    const saved = await saveFromForm(
      () => updateBatch(batch.id, input, batch),
      (messages) =>
        form.setErrors(
          Object.fromEntries(Object.entries(messages).map(([field, message]) => [fieldOf(field) ?? 'label', message])),
        ),
      t,
      conflictMerge(conflicts, inputOf, (merged, stored) => updateBatch(batch.id, merged, stored)),
    );
    if (saved) onDone();
  });

  const resetReserved = (kind: VehicleKind, seatCount: number) => {
    if (!isSeatCountAllowed(kind, seatCount)) return;
    const reserved = defaultReservedSeats(kind, seatCount);
    form.setFieldValue('reserved', {
      escort: seatsText(reserved, 'escort'),
      medic: seatsText(reserved, 'medic'),
      isolation: seatsText(reserved, 'isolation'),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow>
          <Select
            label={t('batches.vehicles.kind')}
            data={KINDS.map((kind) => ({ value: kind, label: t(`batches.vehicles.kinds.${kind}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            onChange={(value) => {
              const kind = (value ?? 'coach') as VehicleKind;
              form.setFieldValue('kind', kind);
              form.setFieldValue('seatCount', TYPICAL_SEAT_COUNTS[kind]);
              resetReserved(kind, TYPICAL_SEAT_COUNTS[kind]);
            }}
          />
          <TextInput
            label={t('batches.vehicles.label')}
            description={t(
              form.getValues().kind === 'coach' ? 'batches.vehicles.plateHint' : 'batches.vehicles.carriageHint',
            )}
            withAsterisk
            data-autofocus
            {...form.getInputProps('label')}
          />
          <NumberInput
            label={t('batches.vehicles.seatCount')}
            description={t('batches.vehicles.seatCountRange', VEHICLE_SEAT_LIMITS[form.getValues().kind])}
            {...EXACT_NUMBER}
            min={VEHICLE_SEAT_LIMITS[form.getValues().kind].min}
            max={VEHICLE_SEAT_LIMITS[form.getValues().kind].max}
            {...form.getInputProps('seatCount')}
            onBlur={() => resetReserved(form.getValues().kind, numberFrom(form.getValues().seatCount))}
          />
        </Group>
        <Select
          label={t('batches.vehicles.escort')}
          data={batch.escorts.map((escort) => ({ value: escort.id, label: `${escort.name} ${escort.phone}` }))}
          clearable
          nothingFoundMessage={t('batches.vehicles.noEscorts')}
          {...form.getInputProps('escortId')}
        />
        <Text size="sm" fw={500}>
          {t('batches.vehicles.reserved')}
        </Text>
        <Group grow>
          {ROLES.map((role) => (
            <TextInput
              key={role}
              label={t(`batches.vehicles.roles.${role}`)}
              {...form.getInputProps(`reserved.${role}`)}
            />
          ))}
        </Group>
        <FormActions onCancel={onDone} submitting={form.submitting} />
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

function openVehicleForm(t: TFunction, props: Omit<VehicleFormProps, 'onDone'>): void {
  const id = modals.open({
    title: props.vehicle ? t('batches.vehicles.edit') : t('batches.vehicles.add'),
    size: 'lg',
    children: <VehicleForm {...props} onDone={() => modals.close(id)} />,
  });
}

interface VehiclesPanelProps {
  /** The batch whose vehicles are shown. */
  batch: Batch;
  /** The batch's route: its legs, in order. */
  route: Route;
  /** False once the batch has departed (or is deleted). */
  editable: boolean;
}

/** The vehicles of each leg, with seats needed and seats available at the load factor. */
export function VehiclesPanel({ batch, route, editable }: VehiclesPanelProps) {
  const { t } = useTranslation();
  const settings = useRepositoryQuery(getSettings, []);
  const passengers = useRepositoryQuery(() => listPassengers(batch.id), [batch.id])?.length ?? 0;
  const applied = batchLoadFactor(batch, settings?.loadFactor ?? DEFAULT_SETTINGS.loadFactor);
  const { loadFactor } = applied;
  const removeVehicle = (legIndex: number, vehicle: Vehicle) =>
    modals.openConfirmModal({
      title: t('batches.vehicles.removeTitle'),
      children: <Text size="sm">{t('batches.vehicles.removeText', { label: vehicle.label })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void updateBatch(
          batch.id,
          {
            ...inputOf(batch),
            legs: batch.legs.map((leg, index) =>
              index === legIndex ? { ...leg, vehicles: leg.vehicles.filter((v) => v.id !== vehicle.id) } : leg,
            ),
          },
          batch,
        ).catch((error: unknown) => notifyWriteFailure(error, t, 'removing a vehicle')),
    });

  return (
    <Stack>
      {route.legs.map((routeLeg, position) => {
        const legIndex = batch.legs.findIndex((leg) => leg.legId === routeLeg.id);
        const leg = batch.legs[legIndex];
        const vehicles = leg?.vehicles ?? [];
        const capacity = vehicles.reduce((sum, vehicle) => sum + vehicleCapacity(vehicle, loadFactor), 0);
        const departure = clockTime(routeLeg.departureMinutes);
        return (
          <Card withBorder key={routeLeg.id} data-testid="leg-vehicles">
            <Group justify="space-between" mb="xs">
              <Title order={5}>
                {t('batches.vehicles.legTitle', {
                  n: position + 1,
                  mode: t(`batches.vehicles.modes.${routeLeg.mode}`),
                  from: routeLeg.from,
                  to: routeLeg.to,
                  time: departure.time,
                })}
              </Title>
              <Group gap="xs">
                <Badge color={capacity >= passengers ? 'teal' : 'red'} variant="light" data-testid="leg-capacity">
                  {t('batches.vehicles.capacity', { needed: passengers, available: capacity })}
                </Badge>
                {editable && legIndex >= 0 && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    aria-label={t('batches.vehicles.addTo', { n: position + 1 })}
                    onClick={() => openVehicleForm(t, { batch, legIndex, mode: routeLeg.mode })}
                  >
                    {t('batches.vehicles.add')}
                  </Button>
                )}
              </Group>
            </Group>
            {capacity < passengers && (
              <Alert color="red" variant="light" mb="xs">
                {t('batches.vehicles.short', { short: passengers - capacity })}{' '}
                {applied.source === 'settings' ? (
                  <Link to="/settings">
                    {t('batches.vehicles.loadFactorLink', { percent: Math.round(loadFactor * 100) })}
                  </Link>
                ) : (
                  <Anchor component="button" type="button" onClick={() => openBatchForm({ t, batch })}>
                    {t('batches.vehicles.batchLoadFactorLink', { percent: Math.round(loadFactor * 100) })}
                  </Anchor>
                )}
              </Alert>
            )}
            {vehicles.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('batches.vehicles.none')}
              </Text>
            ) : (
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('batches.vehicles.label')}</Table.Th>
                    <Table.Th>{t('batches.vehicles.kind')}</Table.Th>
                    <Table.Th>{t('batches.vehicles.seatCount')}</Table.Th>
                    <Table.Th>{t('batches.vehicles.available')}</Table.Th>
                    <Table.Th>{t('batches.vehicles.reserved')}</Table.Th>
                    <Table.Th>{t('batches.vehicles.escort')}</Table.Th>
                    {editable && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {vehicles.map((vehicle) => (
                    <Table.Tr key={vehicle.id} data-testid="vehicle-row">
                      <Table.Td>{vehicle.label}</Table.Td>
                      <Table.Td>{t(`batches.vehicles.kinds.${vehicle.kind}`)}</Table.Td>
                      <Table.Td>{vehicle.seatCount}</Table.Td>
                      <Table.Td>
                        <CapacityCell vehicle={vehicle} applied={applied} />
                      </Table.Td>
                      <Table.Td>
                        {ROLES.map((role) => {
                          const seats = seatsText(vehicle.reserved, role);
                          return seats ? `${t(`batches.vehicles.roles.${role}`)} ${seats}` : '';
                        })
                          .filter((text) => text !== '')
                          .join(t('common.listSeparator'))}
                      </Table.Td>
                      <Table.Td>
                        {batch.escorts.find((escort) => escort.id === vehicle.escortId)?.name ?? (
                          <Badge color="orange" variant="light">
                            {t('batches.vehicles.noEscort')}
                          </Badge>
                        )}
                      </Table.Td>
                      {editable && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('batches.vehicles.editOne', { label: vehicle.label })}
                              onClick={() => openVehicleForm(t, { batch, legIndex, vehicle, mode: routeLeg.mode })}
                            >
                              <IconEdit size={16} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('batches.vehicles.removeOne', { label: vehicle.label })}
                              onClick={() => removeVehicle(legIndex, vehicle)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

/**
 * A vehicle's seats for passengers with the sum behind them, so that a coordinator told a leg is
 * short sees why: 49 seats − 7 kept = 42; 50 % allows 24; spaced seats leave 20.
 */
function CapacityCell({ vehicle, applied }: { vehicle: Vehicle; applied: BatchLoadFactor }) {
  const { t } = useTranslation();
  const sum = capacityBreakdown(vehicle, applied.loadFactor);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {sum.capacity}
      </Text>
      <Text size="xs" c="dimmed" data-testid="capacity-sum">
        {t(sum.capacity < sum.cap ? 'batches.vehicles.capacitySumSpaced' : 'batches.vehicles.capacitySum', {
          seats: sum.seats,
          reserved: sum.reserved,
          open: sum.seats - sum.reserved,
          factor: t(`batches.vehicles.loadFactorFrom.${applied.source}`, {
            percent: Math.round(sum.loadFactor * 100),
          }),
          cap: sum.cap,
          capacity: sum.capacity,
        })}
      </Text>
    </Stack>
  );
}
