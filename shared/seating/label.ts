/**
 * A seat written as on a ticket (docs/domain.md#seats): carriage and seat on a train, 05车12F and
 * 05车57号 on a hard-seat car; the seat alone on a coach, 3号座, since the plate is shown beside it
 * on the boarding card. English follows the China Railway English ticket: Car 05 Seat 12F.
 */
import { toHalfWidth } from '../domain/half-width';
import type { Language, Vehicle } from '../domain/records';

const LONE_DIGIT = /^\d$/;

/**
 * A carriage label as printed: trimmed and half-width, with a lone digit written with two (5 is 05,
 * as on tickets and on the carriage side). A coach plate comes back trimmed.
 */
export function carriageLabel(label: string): string {
  const trimmed = toHalfWidth(label).trim();
  return LONE_DIGIT.test(trimmed) ? `0${trimmed}` : trimmed;
}

/** `seat` on `vehicle` as on a ticket in `language`: 05车12F, 05车57号, 3号座; Car 05 Seat 12F, Seat 3. */
export function seatLabel(vehicle: Pick<Vehicle, 'kind' | 'label'>, seat: string, language: Language): string {
  if (vehicle.kind === 'coach') return language === 'en' ? `Seat ${seat}` : `${seat}号座`;
  const car = carriageLabel(vehicle.label);
  if (language === 'en') return `Car ${car} Seat ${seat}`;
  return vehicle.kind === 'train-hard-seat' ? `${car}车${seat}号` : `${car}车${seat}`;
}
