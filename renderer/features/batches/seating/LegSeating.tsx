import { useMemo, useState, type DragEvent, type FocusEvent, type MouseEvent } from 'react';
import { Alert, Badge, Button, Card, Group, List, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArmchair, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BatchLeg, Language } from '../../../../shared/domain/records';
import { seatLabel, vehicleSeatPlan } from '../../../../shared/seating';
import type { SeatAllocation, SeatChange, SeatChangeProblem, UnseatedReason } from '../../../../shared/seating';
import {
  RecordNotFoundError,
  RecordRejectedError,
  SeatChangeRefusedError,
  changeSeat,
  type Passenger,
} from '../../../db';
import { logger } from '../../../logger';
import { SeatMap, type SeatOccupant } from './SeatMap';
import { UnseatedList } from './UnseatedList';
import { seatChangeProblemText, seatingNoteText, type SeatingLookups } from './seating-text';
import classes from './LegSeating.module.css';

/** Where a passenger sits on the leg. */
interface Place {
  vehicleId: string;
  seat: string;
}

interface LegSeatingProps {
  /** The batch the leg belongs to. */
  batchId: string;
  /** The leg with its vehicles, in the order of the train or the convoy. */
  leg: BatchLeg;
  /** The leg as named to people: 第2段 火车 百色站→广州南站. */
  legTitle: string;
  /** Every passenger of the batch: each rides every leg. */
  passengers: readonly Passenger[];
  /** Settings `loadFactor`, in (0, 1]. */
  loadFactor: number;
  /** Seats passengers may take on the leg at the load factor. */
  capacity: number;
  /** False once the batch has departed or is deleted: seats are shown, not changed. */
  editable: boolean;
  /** What the last automatic seating of this leg did, if it ran since the page opened. */
  outcome: SeatAllocation | undefined;
  /** True while an automatic seating runs. */
  busy: boolean;
  /** Runs the automatic seating of this leg. */
  onAutoSeat: () => void;
}

/**
 * The seats of one leg: seats needed against seats available, the automatic seating and what it
 * could not do, the passengers without a seat, and a seat map per vehicle on which a coordinator
 * swaps two passengers or moves one to a free seat, by click, keyboard or drag, each change checked
 * against the seating rules before anything is written.
 */
export function LegSeating({
  batchId,
  leg,
  legTitle,
  passengers,
  loadFactor,
  capacity,
  editable,
  outcome,
  busy,
  onAutoSeat,
}: LegSeatingProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [picked, setPicked] = useState<string | null>(null);
  const [focused, setFocused] = useState<Place | null>(null);
  const [refusal, setRefusal] = useState<SeatChangeProblem[] | null>(null);
  const [changing, setChanging] = useState(false);

  const plans = useMemo(() => leg.vehicles.map((vehicle) => vehicleSeatPlan(vehicle, loadFactor)), [leg, loadFactor]);
  const seating = useMemo(() => {
    const byWorker = new Map(passengers.map((passenger) => [passenger.worker.id, passenger]));
    const occupants = new Map(plans.map((plan) => [plan.vehicle.id, new Map<string, SeatOccupant>()]));
    const places = new Map<string, Place>();
    const unseated: Passenger[] = [];
    for (const passenger of passengers) {
      const place = passenger.assignment.seats.find((seat) => seat.legId === leg.legId);
      const vehicle = place === undefined ? undefined : plans.find((plan) => plan.vehicle.id === place.vehicleId);
      const seats = vehicle === undefined ? undefined : occupants.get(vehicle.vehicle.id);
      // A seat on a vehicle no longer on the leg, or one its layout lost, is no seat: the rules say so too.
      if (place === undefined || vehicle === undefined || seats === undefined) {
        unseated.push(passenger);
        continue;
      }
      if (!vehicle.layout.seatByCode.has(place.seat) || seats.has(place.seat)) {
        unseated.push(passenger);
        continue;
      }
      seats.set(place.seat, { workerId: passenger.worker.id, name: passenger.worker.name });
      places.set(passenger.worker.id, { vehicleId: place.vehicleId, seat: place.seat });
    }
    return { byWorker, occupants, places, unseated };
  }, [passengers, plans, leg.legId]);

  const lookups: SeatingLookups = useMemo(() => {
    const households = new Map<string, string[]>();
    for (const { worker } of passengers) {
      if (worker.household.trim() === '') continue;
      households.set(worker.household, [...(households.get(worker.household) ?? []), worker.name]);
    }
    const enterprises = new Map(
      passengers.flatMap(({ enterprise }) => (enterprise ? [[enterprise.id, enterprise.name] as const] : [])),
    );
    return {
      language,
      vehicles: leg.vehicles,
      nameOf: (workerId) => seating.byWorker.get(workerId)?.worker.name ?? '',
      enterpriseNameOf: (enterpriseId) => enterprises.get(enterpriseId) ?? '',
      householdNames: (household) => households.get(household) ?? [],
    };
  }, [passengers, language, leg.vehicles, seating.byWorker]);

  const reasons = useMemo(
    () => new Map<string, UnseatedReason>((outcome?.unseated ?? []).map(({ workerId, reason }) => [workerId, reason])),
    [outcome],
  );

  const ticketLabel = (place: Place): string => {
    const vehicle = leg.vehicles.find((candidate) => candidate.id === place.vehicleId);
    return vehicle ? seatLabel(vehicle, place.seat, language) : place.seat;
  };
  const nameOf = (workerId: string): string => seating.byWorker.get(workerId)?.worker.name ?? '';

  const cancelPick = (): void => {
    setPicked(null);
    setRefusal(null);
  };

  useWindowEvent('keydown', (event) => {
    if (event.key === 'Escape' && picked !== null) cancelPick();
  });

  const apply = async (change: SeatChange, success: string): Promise<void> => {
    setChanging(true);
    try {
      await changeSeat(batchId, leg.legId, change);
      setPicked(null);
      setRefusal(null);
      notifications.show({ color: 'teal', message: success });
    } catch (error) {
      if (error instanceof SeatChangeRefusedError) {
        setRefusal(error.problems);
      } else if (error instanceof RecordRejectedError) {
        notifications.show({
          color: 'red',
          message: error.problems.map((problem) => t(`problems.${problem.code}`, problem.params)).join(' '),
        });
      } else if (error instanceof RecordNotFoundError) {
        notifications.show({ color: 'red', message: t('problems.not-found') });
      } else {
        logger.error('changing a seat failed', error);
        const message = error instanceof Error ? error.message : String(error);
        notifications.show({ color: 'red', message: t('app.unexpectedError', { message }) });
      }
    } finally {
      setChanging(false);
    }
  };

  /** Puts the passenger `workerId` on `target`: a swap when someone sits there, else a move. */
  const place = (workerId: string, target: Place): void => {
    if (!editable || changing) return;
    const sitting = seating.occupants.get(target.vehicleId)?.get(target.seat);
    const from = seating.places.get(workerId);
    if (sitting?.workerId === workerId) {
      cancelPick();
      return;
    }
    if (sitting !== undefined && from !== undefined) {
      void apply(
        { kind: 'swap', workerIds: [workerId, sitting.workerId] },
        t('seating.swapped', {
          name: nameOf(workerId),
          seat: ticketLabel(target),
          otherName: sitting.name,
          otherSeat: ticketLabel(from),
        }),
      );
      return;
    }
    void apply(
      { kind: 'move', workerId, to: target },
      t('seating.moved', { name: nameOf(workerId), seat: ticketLabel(target) }),
    );
  };

  const seatOf = (element: EventTarget): Place | null => {
    const seat = (element as HTMLElement).closest<HTMLElement>('[data-seat]');
    const { vehicle, seat: code } = seat?.dataset ?? {};
    return vehicle !== undefined && code !== undefined ? { vehicleId: vehicle, seat: code } : null;
  };

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const pick = (event.target as HTMLElement).closest<HTMLElement>('[data-pick]')?.dataset.pick;
    if (pick !== undefined) {
      setRefusal(null);
      setPicked(picked === pick ? null : pick);
      return;
    }
    const target = seatOf(event.target);
    if (target === null || !editable) return;
    if (picked !== null) {
      place(picked, target);
      return;
    }
    const sitting = seating.occupants.get(target.vehicleId)?.get(target.seat);
    if (sitting !== undefined) {
      setRefusal(null);
      setPicked(sitting.workerId);
    }
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const target = seatOf(event.target);
    if (target !== null) setFocused(target);
  };
  const onDragStart = (event: DragEvent<HTMLDivElement>): void => {
    const workerId = (event.target as HTMLElement).closest<HTMLElement>('[data-worker]')?.dataset.worker;
    if (!editable || workerId === undefined) return;
    event.dataTransfer.setData('text/plain', workerId);
    event.dataTransfer.effectAllowed = 'move';
    setRefusal(null);
    setPicked(workerId);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!editable || seatOf(event.target) === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    const target = seatOf(event.target);
    if (!editable || target === null) return;
    event.preventDefault();
    const workerId = event.dataTransfer.getData('text/plain') || picked;
    if (workerId) place(workerId, target);
  };

  const pickedPlace = picked === null ? undefined : seating.places.get(picked);
  const shownPlace = pickedPlace ?? (picked === null ? focused : null);
  const shownSitter = shownPlace ? seating.occupants.get(shownPlace.vehicleId)?.get(shownPlace.seat) : undefined;
  const shownPassenger = shownSitter ? seating.byWorker.get(shownSitter.workerId) : undefined;
  const percent = Math.round(loadFactor * 100);
  const short = passengers.length - capacity;
  const seatedCount = passengers.length - seating.unseated.length;

  return (
    <Stack gap="md" data-leg={leg.legId}>
      {!editable && (
        <Alert color="gray" data-testid="seats-locked">
          {t('seating.locked')}
        </Alert>
      )}
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" style={{ flex: 1 }}>
            <Figure label={t('seating.needed')} value={passengers.length} testId="seats-needed" />
            <Figure
              label={t('seating.available')}
              value={capacity}
              hint={t('seating.loadFactor', { percent })}
              testId="seats-available"
              warn={short > 0}
            />
            <Figure label={t('seating.seated')} value={seatedCount} testId="seats-seated" />
            <Figure label={t('seating.notSeated')} value={seating.unseated.length} testId="seats-unseated" />
          </SimpleGrid>
          {editable && (
            <Button
              leftSection={<IconWand size={16} />}
              onClick={onAutoSeat}
              loading={busy}
              disabled={leg.vehicles.length === 0 || passengers.length === 0}
            >
              {t('seating.autoSeatLeg')}
            </Button>
          )}
        </Group>
        {short > 0 && (
          <Alert
            mt="md"
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={t('seating.shortTitle')}
            data-testid="seats-short"
          >
            {t('seating.short', { passengers: passengers.length, capacity, percent, short })}
          </Alert>
        )}
        {leg.vehicles.length === 0 && (
          <Text mt="md" c="dimmed">
            {t('seating.noVehicles')}
          </Text>
        )}
      </Card>

      {outcome && (
        <Card withBorder data-testid="auto-seat-outcome">
          <Title order={5} mb="xs">
            {t('seating.outcomeTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('seating.autoSeated', {
              leg: legTitle,
              seated: outcome.seats.length,
              unseated: outcome.unseated.length,
            })}
          </Text>
          {outcome.notes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('seating.allKept')}
            </Text>
          ) : (
            <>
              <Text size="sm" fw={500}>
                {t('seating.notesTitle')}
              </Text>
              <ScrollArea.Autosize mah={200}>
                <List size="sm" spacing={2} data-testid="auto-seat-notes">
                  {outcome.notes.map((note, index) => (
                    <List.Item key={index} data-code={note.code}>
                      {seatingNoteText(t, note, lookups)}
                    </List.Item>
                  ))}
                </List>
              </ScrollArea.Autosize>
            </>
          )}
        </Card>
      )}

      <div
        className={classes.workspace}
        onClick={onClick}
        onFocus={onFocus}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDrop={onDrop}
      >
        <div className={classes.status} data-testid="seat-status" data-picked={picked !== null || undefined}>
          <Group gap="sm" wrap="nowrap">
            <IconArmchair size={20} aria-hidden />
            <Text size="sm" c="dimmed">
              {t('seating.selectedSeat')}
            </Text>
            <Badge size="lg" variant="outline" radius="sm" data-testid="selected-seat">
              {shownPlace ? ticketLabel(shownPlace) : '—'}
            </Badge>
            <Text size="sm" fw={picked !== null ? 600 : undefined} style={{ flex: 1 }} truncate aria-live="polite">
              {picked !== null
                ? pickedPlace
                  ? t('seating.picked', { name: nameOf(picked), seat: ticketLabel(pickedPlace) })
                  : t('seating.pickedUnseated', { name: nameOf(picked) })
                : shownPassenger
                  ? [
                      shownPassenger.worker.name,
                      `${shownPassenger.worker.county}${shownPassenger.worker.township}${shownPassenger.worker.village}`,
                      shownPassenger.enterprise?.name ?? '',
                    ].join(' · ')
                  : ''}
            </Text>
            {picked !== null && (
              <Button size="xs" variant="default" onClick={cancelPick}>
                {t('seating.cancelPick')}
              </Button>
            )}
          </Group>
          {editable && (
            <Text size="xs" c="dimmed" mt={4}>
              {picked !== null ? t('seating.pickedHint') : t('seating.idleHint')}
            </Text>
          )}
          {refusal && (
            <Alert
              mt="xs"
              color="red"
              role="alert"
              icon={<IconAlertTriangle size={18} />}
              title={t('seating.refusedTitle')}
              withCloseButton
              closeButtonLabel={t('common.cancel')}
              onClose={() => setRefusal(null)}
              data-testid="seat-change-refused"
            >
              <List size="sm" spacing={2}>
                {refusal.map((problem, index) => (
                  <List.Item key={index} data-code={problem.code}>
                    {seatChangeProblemText(t, problem, lookups)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </div>

        <Legend />

        {passengers.length > 0 && (
          <UnseatedList
            passengers={seating.unseated}
            reasons={reasons}
            pickedWorkerId={pickedPlace === undefined ? picked : null}
            editable={editable}
          />
        )}

        <div className={classes.maps}>
          {plans.map((plan) => (
            <SeatMap
              key={plan.vehicle.id}
              plan={plan}
              occupants={seating.occupants.get(plan.vehicle.id) ?? EMPTY}
              pickedSeat={pickedPlace?.vehicleId === plan.vehicle.id ? pickedPlace.seat : null}
              editable={editable}
              language={language}
            />
          ))}
        </div>
      </div>
    </Stack>
  );
}

const EMPTY: ReadonlyMap<string, SeatOccupant> = new Map();

/** One figure of the leg's summary. */
function Figure({
  label,
  value,
  hint,
  testId,
  warn = false,
}: {
  /** What is counted. */
  label: string;
  /** The count. */
  value: number;
  /** A line under the count; none by default. */
  hint?: string;
  /** `data-testid` of the figure. */
  testId: string;
  /** Shows the count in red: not enough; false by default. */
  warn?: boolean;
}) {
  return (
    <div data-testid={testId} data-warn={warn || undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={warn ? 'red' : undefined}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

/** What the seat states look like, each with its words. */
function Legend() {
  const { t } = useTranslation();
  const states = ['taken', 'free', 'closed', 'reserved', 'picked'] as const;
  return (
    <Group gap="md" mb="md" aria-label={t('seating.legend.title')} role="list">
      {states.map((state) => (
        <Group key={state} gap={6} role="listitem">
          <span className={classes.swatch} data-state={state} aria-hidden />
          <Text size="xs">{t(`seating.legend.${state}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
