/**
 * Sentences for what the seating rules report (shared/seating): the notes of an automatic seating
 * and the problems of a refused seat change. Their params name workers, enterprises and vehicles by
 * id or label; a coordinator reads names, and seats written as on a ticket.
 */
import type { TFunction } from 'i18next';
import type { Language, ReservedRole, Vehicle } from '@shared/domain/records';
import { carriageLabel, seatLabel } from '@shared/seating';
import type { SeatChangeProblem, SeatingNote } from '@shared/seating';

/** What the texts need to turn ids into names. */
export interface SeatingLookups {
  language: Language;
  /** The vehicles of the leg: a label in a param is looked up here to write its seats as on a ticket. */
  vehicles: readonly Vehicle[];
  /** The name of a passenger; '' when not known. */
  nameOf: (workerId: string) => string;
  /** The name of a receiving enterprise; '' when not known. */
  enterpriseNameOf: (enterpriseId: string) => string;
  /** The names of the passengers of a household (its number or householder's name). */
  householdNames: (household: string) => readonly string[];
}

const ROLES: readonly string[] = ['escort', 'medic', 'isolation'] satisfies ReservedRole[];

/** Names listed in a household's text before "and N others". */
const HOUSEHOLD_NAMES_SHOWN = 3;

/** A vehicle as printed: 05车 (Car 05) for a carriage, the plate for a coach. */
export function vehicleName(t: TFunction, vehicle: Pick<Vehicle, 'kind' | 'label'>): string {
  return vehicle.kind === 'coach'
    ? t('seating.vehicleName.coach', { label: vehicle.label.trim() })
    : t('seating.vehicleName.train', { label: carriageLabel(vehicle.label) });
}

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

const percent = (share: string | number | undefined): string => `${Math.round(Number(share ?? 0) * 100)}%`;

function vehicleByLabel(lookups: SeatingLookups, label: string): Vehicle | undefined {
  return lookups.vehicles.find((vehicle) => vehicle.label === label);
}

function placeText(lookups: SeatingLookups, label: string, seat: string): string {
  const vehicle = vehicleByLabel(lookups, label);
  return vehicle ? seatLabel(vehicle, seat, lookups.language) : `${label} ${seat}`;
}

function vehicleText(t: TFunction, lookups: SeatingLookups, label: string): string {
  const vehicle = vehicleByLabel(lookups, label);
  return vehicle ? vehicleName(t, vehicle) : label;
}

function personText(t: TFunction, lookups: SeatingLookups, workerId: string): string {
  const name = lookups.nameOf(workerId);
  return name === '' ? t('seating.someone') : name;
}

function roleText(t: TFunction, role: string): string {
  return ROLES.includes(role) ? t(`seating.roleNames.${role}`) : role;
}

function householdText(t: TFunction, lookups: SeatingLookups, household: string): string {
  const names = lookups.householdNames(household);
  if (names.length === 0) return t('seating.household', { names: household });
  const separator = t('seating.listSeparator');
  if (names.length <= HOUSEHOLD_NAMES_SHOWN) return t('seating.household', { names: names.join(separator) });
  return t('seating.householdMore', {
    names: names.slice(0, HOUSEHOLD_NAMES_SHOWN).join(separator),
    count: names.length - HOUSEHOLD_NAMES_SHOWN,
  });
}

/** Why a kept seat or a vehicle was dropped, in a few words; the code itself when there is no text. */
function reasonText(t: TFunction, reason: string): string {
  return t(`seating.reasons.${reason}`, { defaultValue: reason });
}

/** One sentence for a note of the automatic seating. */
export function seatingNoteText(t: TFunction, note: SeatingNote, lookups: SeatingLookups): string {
  const { params } = note;
  const key = `seating.notes.${note.code}`;
  switch (note.code) {
    case 'no-capacity':
      return t(key, {
        passengers: params.passengers,
        capacity: params.capacity,
        short: Number(params.passengers ?? 0) - Number(params.capacity ?? 0),
      });
    case 'household-split-vehicles':
      return t(key, { household: householdText(t, lookups, text(params.household)), vehicles: params.vehicles });
    case 'household-split-rows':
      return t(key, {
        household: householdText(t, lookups, text(params.household)),
        vehicle: vehicleText(t, lookups, text(params.vehicle)),
        rows: params.rows,
      });
    case 'household-partly-unseated':
      return t(key, { household: householdText(t, lookups, text(params.household)), unseated: params.unseated });
    case 'enterprise-split': {
      const enterpriseId = text(params.enterpriseId);
      return t(key, {
        enterprise: lookups.enterpriseNameOf(enterpriseId) || enterpriseId,
        passengers: params.passengers,
        vehicles: params.vehicles,
        minimum: params.minimum,
      });
    }
    case 'spacing-not-possible': {
      const kind = text(params.kind);
      return t(key, {
        loadFactor: percent(params.loadFactor),
        density: percent(params.density),
        kind: t(`seating.kinds.${kind}`, { defaultValue: kind }),
      });
    }
    case 'kept-seat-dropped':
      return t(key, {
        name: personText(t, lookups, text(params.workerId)),
        reason: reasonText(t, text(params.reason)),
      });
    case 'vehicle-skipped':
      return t(key, {
        vehicle: vehicleText(t, lookups, text(params.vehicle)),
        reason: reasonText(t, text(params.reason)),
      });
    case 'passenger-duplicate':
      return t(key, { name: personText(t, lookups, text(params.workerId)) });
  }
}

/** One sentence for a problem of a refused seat change. */
export function seatChangeProblemText(t: TFunction, problem: SeatChangeProblem, lookups: SeatingLookups): string {
  const { params } = problem;
  const vehicle = text(params.vehicle);
  const seat = text(params.seat);
  return t(`seating.problems.${problem.code}`, {
    name: personText(t, lookups, text(params.workerId)),
    otherName: personText(t, lookups, text(params.otherWorkerId)),
    place: placeText(lookups, vehicle, seat),
    otherPlace: placeText(lookups, vehicle, text(params.otherSeat)),
    vehicle: vehicleText(t, lookups, vehicle),
    role: roleText(t, text(params.role)),
    capacity: params.capacity,
  });
}
