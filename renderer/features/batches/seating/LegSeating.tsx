import { useMemo, useState, type DragEvent, type FocusEvent, type MouseEvent } from 'react';
import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArmchair } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BatchLeg } from '@shared/domain/records';
import { seatLabel, vehicleSeatPlan, type LoadFactorSource } from '@shared/seating';
import type { SeatAllocation, SeatChange, SeatChangeProblem, UnseatedReason } from '@shared/seating';
import { SeatChangeRefusedError, changeSeat, type Passenger } from '@renderer/db';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { useLanguage } from '@renderer/i18n/use-language';
import { AutoSeatOutcome } from './AutoSeatOutcome';
import { LegSeatsSummary } from './LegSeatsSummary';
import { SeatLegend } from './SeatLegend';
import { SeatMap, type SeatOccupant } from './SeatMap';
import { UnseatedList } from './UnseatedList';
import { legSeatingOf, seatingLookupsOf, type Place } from './leg-seating';
import { seatChangeProblemText } from './seating-text';
import classes from './LegSeating.module.css';

interface LegSeatingProps {
  /** The batch the leg belongs to. */
  batchId: string;
  /** The leg with its vehicles, in the order of the train or the convoy. */
  leg: BatchLeg;
  /** The leg as named to people: 第2段 火车 百色站→广州南站. */
  legTitle: string;
  /** Every passenger of the batch: each rides every leg. */
  passengers: readonly Passenger[];
  /** The batch's load factor (its own or the Settings value), in (0, 1]. */
  loadFactor: number;
  /** Whether the batch has its own load factor or runs at the Settings value. */
  loadFactorSource?: LoadFactorSource;
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
  loadFactorSource = 'settings',
  capacity,
  editable,
  outcome,
  busy,
  onAutoSeat,
}: LegSeatingProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [picked, setPicked] = useState<string | null>(null);
  const [focused, setFocused] = useState<Place | null>(null);
  const [refusal, setRefusal] = useState<SeatChangeProblem[] | null>(null);
  const [changing, setChanging] = useState(false);

  const plans = useMemo(() => leg.vehicles.map((vehicle) => vehicleSeatPlan(vehicle, loadFactor)), [leg, loadFactor]);
  const seating = useMemo(() => legSeatingOf(passengers, plans, leg.legId), [passengers, plans, leg.legId]);
  const lookups = useMemo(
    () => seatingLookupsOf(passengers, language, leg.vehicles),
    [passengers, language, leg.vehicles],
  );

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
      // A refused change is shown beside the maps, in the seating rules' own words.
      if (error instanceof SeatChangeRefusedError) setRefusal(error.problems);
      else notifyWriteFailure(error, t, 'changing a seat');
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

  return (
    <Stack gap="md" data-leg={leg.legId}>
      {!editable && (
        <Alert color="gray" data-testid="seats-locked">
          {t('seating.locked')}
        </Alert>
      )}
      <LegSeatsSummary
        needed={passengers.length}
        capacity={capacity}
        loadFactor={loadFactor}
        loadFactorSource={loadFactorSource}
        seated={passengers.length - seating.unseated.length}
        vehicleCount={leg.vehicles.length}
        editable={editable}
        busy={busy}
        onAutoSeat={onAutoSeat}
      />

      {outcome && <AutoSeatOutcome outcome={outcome} legTitle={legTitle} lookups={lookups} />}

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

        <SeatLegend />

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
