/**
 * When a batch is on its way, as instants in Beijing time (docs/architecture.md#time): the gate, the
 * health-check station and the printed papers must agree on them whatever zone the PC is set to.
 */
import { beijingTimestamp } from '../dates';
import type { Batch, Leg, PickupPoint, Timestamp } from './records';

/**
 * The batch leaves when its route's first leg does, on the batch's date; at midnight when the route
 * or its legs are missing, so that a check window or a gate can still be reckoned.
 */
export function batchDepartureAt(
  batch: Pick<Batch, 'date'>,
  route: { legs: readonly Pick<Leg, 'departureMinutes'>[] } | null | undefined,
): Timestamp {
  return beijingTimestamp(batch.date, route?.legs[0]?.departureMinutes ?? 0);
}

/** When one leg of the route leaves on the batch's date (a time past midnight falls on the next day). */
export function legDepartureAt(batch: Pick<Batch, 'date'>, leg: Pick<Leg, 'departureMinutes'>): Timestamp {
  return beijingTimestamp(batch.date, leg.departureMinutes);
}

/** When the passengers of a pickup point gather: its lead time before the first leg leaves. */
export function assemblyAt(
  batch: Pick<Batch, 'date'>,
  firstLeg: Pick<Leg, 'departureMinutes'>,
  pickup: Pick<PickupPoint, 'minutesBeforeDeparture'>,
): Timestamp {
  return beijingTimestamp(batch.date, firstLeg.departureMinutes - pickup.minutesBeforeDeparture);
}
