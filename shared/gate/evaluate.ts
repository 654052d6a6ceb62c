/**
 * Evaluates the five-unifications gate of one batch (docs/domain.md#five-unifications): what is
 * met, what is open, what a later change broke, and why, as reason codes with params that the UI
 * translates. The caller computes seats and capacities (the gate has no seating logic) and reads
 * the records; this module only judges them.
 */
import { millisecondsBetween } from '../dates';
import { BATCH_STATUSES } from '../domain/records';
import type { Batch, ChecklistTick, Enterprise, HealthCheck, Timestamp, Vehicle } from '../domain/records';
import { CHECKLIST_ITEMS, UNIFICATIONS } from './checklist';
import type { ChecklistItem, ChecklistItemKind, DerivedItemKey, TickedChecklistItem, Unification } from './checklist';

/** One passenger of the batch as the gate needs it, built by the caller from the assignment. */
export interface GatePassenger {
  workerId: string;
  /** The worker's name, for reasons such as "3 without an enterprise: 黄文光、…". */
  name: string;
  /** The assignment's `createdAt`: when the passenger joined the batch. */
  addedAt: Timestamp;
  /**
   * The assignment's `deletedAt`: set when the passenger was removed (or moved to another batch).
   * Removed passengers only date roster changes; every other rule ignores them.
   */
  removedAt: Timestamp | null;
  /** Ids of the legs on which the passenger has a seat. */
  seatedLegIds: readonly string[];
  /** The receiving enterprise, or null while none is assigned. */
  enterpriseId: string | null;
  /** Whether that enterprise names a handover contact: see {@link hasHandoverContact}. */
  enterpriseHasHandoverContact: boolean;
}

/**
 * Seats that passengers may take on one leg: the leg's vehicles' seats less the reserved ones, at
 * the load factor, as the seating module counts them. A batch leg without an entry has none.
 */
export interface GateLegCapacity {
  legId: string;
  capacity: number;
}

/** A stored tick; ticks with `deletedAt` set (withdrawn) are ignored. */
export type GateTick = Pick<ChecklistTick, 'item' | 'tickedBy' | 'tickedAt' | 'note'> &
  Partial<Pick<ChecklistTick, 'deletedAt'>>;

/** A stored health check, as far as the gate needs it. */
export type GateHealthCheck = Pick<HealthCheck, 'workerId' | 'result' | 'checkedAt'>;

/** Everything the gate judges; all of it read or computed by the caller. */
export interface GateInput {
  /**
   * The batch: its organizer, its legs with their vehicles, its escorts, and its status (the
   * items of the journey's end are not due before it departed).
   */
  batch: Pick<Batch, 'organizer' | 'legs' | 'escorts' | 'status'>;
  /** Current passengers and removed ones (with `removedAt`), so that roster changes can be dated. */
  passengers: readonly GatePassenger[];
  legCapacities: readonly GateLegCapacity[];
  /** The batch's ticks; the latest live tick of an item decides it. */
  ticks: readonly GateTick[];
  /** The batch's health checks, possibly none. */
  healthChecks: readonly GateHealthCheck[];
  /**
   * Whether the health-check station exists in this build. Until it does, and no check has been
   * recorded, the medical item is `no-checks-yet` rather than a list of everyone without a check.
   */
  healthCheckStation: boolean;
  /** Departure of the batch's first leg. */
  departureAt: Timestamp;
  /** Settings `checkValidityHours`: a check counts if taken at most this many hours before departure. */
  checkValidityHours: number;
  /** Legs of the batch with an arrival recorded (issue 17); absent: none. */
  arrivedLegIds?: readonly string[];
  /** Enterprises that signed a handover for the batch's passengers (issue 17); absent: none. */
  handedOverEnterpriseIds?: readonly string[];
}

/**
 * `met`; `unmet` (a derived item the data does not satisfy, or a ticked item not ticked yet or
 * ticked without its required note); `broken` (a ticked item that a later change undid);
 * `no-checks-yet` (the medical item before the health-check station exists); `not-due` (an item
 * of the journey's end, arrival or handover, before the batch departed: it cannot be met yet, so
 * it neither dims a light nor counts as unmet, and the steps to ready and departed, which ask for
 * all five lights green, are judged as if it were not there).
 */
export type ItemState = 'met' | 'unmet' | 'broken' | 'no-checks-yet' | 'not-due';

/** The traffic light of one unification: see {@link evaluateGate} for the rule. */
export type Light = 'green' | 'amber' | 'red';

/**
 * Every reason code the gate reports. Each is an i18n key for the UI, so a renderer test can check
 * that both languages have a text for each. "People" below means `count`, `names`, `workerIds`
 * (see {@link GateReason}); "vehicles" means `count`, `labels`, `vehicleIds`.
 * - `organizer-missing`, `no-passengers`, `no-checks-yet`, `no-legs`, `not-ticked`: no params.
 * - `vehicles-without-escort`, `vehicles-without-isolation-seat`: vehicles.
 * - `escort-on-two-vehicles`: `count` (escorts), `names` (escorts), `legIds`.
 * - `health-checks-missing`, `-failed`, `-recheck`, `-after-departure`: people.
 * - `health-checks-expired`: people and `validityHours`.
 * - `legs-without-vehicles`: `count`, `legIds`.
 * - `seats-short` (one per short leg): `legId`, `passengers`, `capacity`, `short`.
 * - `passengers-not-seated`: people and `legIds` (legs where someone lacks a seat).
 * - `passengers-without-enterprise`: people.
 * - `enterprises-without-handover-contact`: people, `enterprises` (how many), `enterpriseIds`.
 * - `note-required`: `holds` (e.g. `charter-sign-number`; the item's `note.prompt` labels it).
 * - `roster-changed-after-tick`: people (those added or removed), `added`, `removed`,
 *   `firstChangeAt`, `lastChangeAt`, `tickedAt`.
 * - `due-after-departure`: no params (an item of the journey's end, before the batch departed).
 * - `legs-not-arrived`: `count`, `legIds` (legs without an arrival).
 * - `enterprises-not-handed-over`: people (passengers not yet signed for), `enterprises` (how
 *   many), `enterpriseIds`.
 */
export const GATE_REASON_CODES = [
  'organizer-missing',
  'no-passengers',
  'vehicles-without-escort',
  'escort-on-two-vehicles',
  'no-checks-yet',
  'health-checks-missing',
  'health-checks-failed',
  'health-checks-recheck',
  'health-checks-expired',
  'health-checks-after-departure',
  'no-legs',
  'legs-without-vehicles',
  'seats-short',
  'passengers-not-seated',
  'passengers-without-enterprise',
  'enterprises-without-handover-contact',
  'vehicles-without-isolation-seat',
  'not-ticked',
  'note-required',
  'roster-changed-after-tick',
  'due-after-departure',
  'legs-not-arrived',
  'enterprises-not-handed-over',
] as const;

export type GateReasonCode = (typeof GATE_REASON_CODES)[number];

/** Values for a reason's message: counts, names, ids, timestamps. */
export type GateReasonParams = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * Why an item is not met. Lists of people carry `count` (all of them), `names` (the first
 * {@link NAMES_PER_REASON}, for the message) and `workerIds` (all, to highlight rows).
 */
export interface GateReason {
  code: GateReasonCode;
  params: GateReasonParams;
}

/** Who ticked an item, when, and the note they wrote. */
export interface TickRecord {
  by: string;
  at: Timestamp;
  note: string;
}

export interface GateItemReport {
  key: string;
  kind: ChecklistItemKind;
  state: ItemState;
  /** Empty when the item is met. */
  reasons: readonly GateReason[];
  /** The deciding tick of a ticked item (also when broken or missing its note); null otherwise. */
  tick: TickRecord | null;
}

export interface UnificationReport {
  unification: Unification;
  light: Light;
  /** In the table's order. */
  items: readonly GateItemReport[];
}

export interface GateReport {
  /** All five, in {@link UNIFICATIONS} order. */
  unifications: readonly UnificationReport[];
  /** Keys of the items that are not met, in table order: stored with an override. */
  unmet: readonly string[];
}

/** A message names this many people at most; `count` says how many there are. */
export const NAMES_PER_REASON = 10;

const MS_PER_HOUR = 60 * 60 * 1000;

interface ItemOutcome {
  state: ItemState;
  reasons: GateReason[];
}

/**
 * A handover contact is a person and a number to call at the factory gate: both, not just one.
 * Callers use this to fill {@link GatePassenger.enterpriseHasHandoverContact}.
 */
export function hasHandoverContact(enterprise: Pick<Enterprise, 'contactName' | 'contactPhone'>): boolean {
  return enterprise.contactName.trim() !== '' && enterprise.contactPhone.trim() !== '';
}

function isAfter(at: Timestamp, reference: Timestamp): boolean {
  return millisecondsBetween(reference, at) > 0;
}

function peopleParams(passengers: readonly GatePassenger[]): GateReasonParams {
  return {
    count: passengers.length,
    names: passengers.slice(0, NAMES_PER_REASON).map((passenger) => passenger.name),
    workerIds: passengers.map((passenger) => passenger.workerId),
  };
}

function outcomeOf(reasons: GateReason[]): ItemOutcome {
  return { state: reasons.length === 0 ? 'met' : 'unmet', reasons };
}

function vehiclesOf(batch: GateInput['batch']): Vehicle[] {
  return batch.legs.flatMap((leg) => leg.vehicles);
}

function vehicleParams(vehicles: readonly Vehicle[]): GateReasonParams {
  return {
    count: vehicles.length,
    labels: vehicles.map((vehicle) => vehicle.label),
    vehicleIds: vehicles.map((v) => v.id),
  };
}

function escortPerVehicle(input: GateInput, _onBoard: readonly GatePassenger[]): ItemOutcome {
  const escorts = new Map(input.batch.escorts.map((escort) => [escort.id, escort.name]));
  const without: Vehicle[] = [];
  // One person cannot look after two coaches (or carriages) at once; on different legs they can.
  const doubled: string[] = [];
  const doubledLegs = new Set<string>();
  for (const leg of input.batch.legs) {
    const seen = new Map<string, number>();
    for (const vehicle of leg.vehicles) {
      if (vehicle.escortId === null || !escorts.has(vehicle.escortId)) without.push(vehicle);
      else seen.set(vehicle.escortId, (seen.get(vehicle.escortId) ?? 0) + 1);
    }
    for (const [escortId, times] of seen) {
      if (times > 1) {
        doubled.push(escorts.get(escortId) ?? escortId);
        doubledLegs.add(leg.legId);
      }
    }
  }
  const reasons: GateReason[] = [];
  if (without.length > 0) reasons.push({ code: 'vehicles-without-escort', params: vehicleParams(without) });
  if (doubled.length > 0) {
    reasons.push({
      code: 'escort-on-two-vehicles',
      params: { count: doubled.length, names: doubled, legIds: [...doubledLegs] },
    });
  }
  return outcomeOf(reasons);
}

type HealthVerdictForGate = 'valid' | 'missing' | 'failed' | 'recheck' | 'expired' | 'after-departure';

const HEALTH_REASON: Readonly<Record<Exclude<HealthVerdictForGate, 'valid'>, GateReasonCode>> = {
  missing: 'health-checks-missing',
  failed: 'health-checks-failed',
  recheck: 'health-checks-recheck',
  expired: 'health-checks-expired',
  'after-departure': 'health-checks-after-departure',
};

/**
 * A check counts if taken at most `checkValidityHours` before departure and not after it: exactly
 * 72 hours before counts, 72 hours and one millisecond does not. Checks after departure are
 * ignored when finding the latest (they belong to the old date when the date moved earlier); of
 * the rest, the latest decides, so a fail after a pass keeps the passenger off and a pass after a
 * fail lets them on. At the same instant a fail or recheck wins over a pass.
 */
function healthVerdict(checks: readonly GateHealthCheck[], input: GateInput): HealthVerdictForGate {
  let latest: GateHealthCheck | null = null;
  let checkedAfterDeparture = false;
  for (const check of checks) {
    if (isAfter(check.checkedAt, input.departureAt)) {
      checkedAfterDeparture = true;
      continue;
    }
    const later = latest === null ? 1 : millisecondsBetween(latest.checkedAt, check.checkedAt);
    if (later > 0 || (later === 0 && check.result !== 'pass')) latest = check;
  }
  if (latest === null) return checkedAfterDeparture ? 'after-departure' : 'missing';
  if (latest.result === 'fail') return 'failed';
  if (latest.result === 'recheck') return 'recheck';
  const age = millisecondsBetween(latest.checkedAt, input.departureAt);
  return age <= input.checkValidityHours * MS_PER_HOUR ? 'valid' : 'expired';
}

/**
 * What an item about every passenger says of a batch with none: not met. "Every passenger has a
 * passing check" is true of nobody, but a green light on an empty batch told a coordinator that its
 * medical and follow-up work was done (issue 15).
 */
const noPassengers = (): ItemOutcome => outcomeOf([{ code: 'no-passengers', params: {} }]);

function healthChecksPassed(input: GateInput, onBoard: readonly GatePassenger[]): ItemOutcome {
  if (onBoard.length === 0) return noPassengers();
  const onBoardIds = new Set(onBoard.map((passenger) => passenger.workerId));
  const checksByWorker = new Map<string, GateHealthCheck[]>();
  for (const check of input.healthChecks) {
    if (!onBoardIds.has(check.workerId)) continue;
    const list = checksByWorker.get(check.workerId) ?? [];
    list.push(check);
    checksByWorker.set(check.workerId, list);
  }
  if (!input.healthCheckStation && checksByWorker.size === 0) {
    return { state: 'no-checks-yet', reasons: [{ code: 'no-checks-yet', params: {} }] };
  }
  const byVerdict = new Map<HealthVerdictForGate, GatePassenger[]>();
  for (const passenger of onBoard) {
    const verdict = healthVerdict(checksByWorker.get(passenger.workerId) ?? [], input);
    byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), passenger]);
  }
  const reasons: GateReason[] = [];
  for (const [verdict, code] of Object.entries(HEALTH_REASON) as [HealthVerdictForGate, GateReasonCode][]) {
    const passengers = byVerdict.get(verdict);
    if (!passengers) continue;
    const params = peopleParams(passengers);
    reasons.push({
      code,
      params: verdict === 'expired' ? { ...params, validityHours: input.checkValidityHours } : params,
    });
  }
  return outcomeOf(reasons);
}

function vehiclesOnEveryLeg(input: GateInput): ItemOutcome {
  if (input.batch.legs.length === 0) return { state: 'unmet', reasons: [{ code: 'no-legs', params: {} }] };
  const empty = input.batch.legs.filter((leg) => leg.vehicles.length === 0).map((leg) => leg.legId);
  return outcomeOf(
    empty.length === 0 ? [] : [{ code: 'legs-without-vehicles', params: { count: empty.length, legIds: empty } }],
  );
}

function seatsEnough(input: GateInput, onBoard: readonly GatePassenger[]): ItemOutcome {
  const capacities = new Map(input.legCapacities.map((leg) => [leg.legId, leg.capacity]));
  const reasons: GateReason[] = [];
  for (const leg of input.batch.legs) {
    const capacity = capacities.get(leg.legId) ?? 0;
    if (onBoard.length > capacity) {
      reasons.push({
        code: 'seats-short',
        params: { legId: leg.legId, passengers: onBoard.length, capacity, short: onBoard.length - capacity },
      });
    }
  }
  return outcomeOf(reasons);
}

function seatPlanMade(input: GateInput, onBoard: readonly GatePassenger[]): ItemOutcome {
  const legIds = input.batch.legs.map((leg) => leg.legId);
  const unseatedLegs = new Set<string>();
  const unseated = onBoard.filter((passenger) => {
    const missing = legIds.filter((legId) => !passenger.seatedLegIds.includes(legId));
    for (const legId of missing) unseatedLegs.add(legId);
    return missing.length > 0;
  });
  if (unseated.length === 0) return outcomeOf([]);
  const legOrder = legIds.filter((legId) => unseatedLegs.has(legId));
  return outcomeOf([{ code: 'passengers-not-seated', params: { ...peopleParams(unseated), legIds: legOrder } }]);
}

function enterpriseHandover(_input: GateInput, onBoard: readonly GatePassenger[]): ItemOutcome {
  if (onBoard.length === 0) return noPassengers();
  const withoutEnterprise = onBoard.filter((passenger) => passenger.enterpriseId === null);
  const withoutContact = onBoard.filter(
    (passenger) => passenger.enterpriseId !== null && !passenger.enterpriseHasHandoverContact,
  );
  const reasons: GateReason[] = [];
  if (withoutEnterprise.length > 0) {
    reasons.push({ code: 'passengers-without-enterprise', params: peopleParams(withoutEnterprise) });
  }
  if (withoutContact.length > 0) {
    const enterpriseIds = [...new Set(withoutContact.map((passenger) => passenger.enterpriseId ?? ''))];
    reasons.push({
      code: 'enterprises-without-handover-contact',
      params: { ...peopleParams(withoutContact), enterprises: enterpriseIds.length, enterpriseIds },
    });
  }
  return outcomeOf(reasons);
}

function isolationSeats(input: GateInput): ItemOutcome {
  const without = vehiclesOf(input.batch).filter(
    (vehicle) => !vehicle.reserved.some((reserved) => reserved.role === 'isolation'),
  );
  return outcomeOf(
    without.length === 0 ? [] : [{ code: 'vehicles-without-isolation-seat', params: vehicleParams(without) }],
  );
}

/**
 * The items of the journey's end wait for the batch to leave: before `departed` they are
 * `not-due`, whatever is stored (see {@link ItemState}).
 */
function departed(input: GateInput): boolean {
  return BATCH_STATUSES.indexOf(input.batch.status) >= BATCH_STATUSES.indexOf('departed');
}

const notDue = (): ItemOutcome => ({ state: 'not-due', reasons: [{ code: 'due-after-departure', params: {} }] });

/** Every leg of the batch has its arrival recorded. */
function arrivalRecorded(input: GateInput): ItemOutcome {
  if (!departed(input)) return notDue();
  if (input.batch.legs.length === 0) return { state: 'unmet', reasons: [{ code: 'no-legs', params: {} }] };
  const arrived = new Set(input.arrivedLegIds ?? []);
  const missing = input.batch.legs.filter((leg) => !arrived.has(leg.legId)).map((leg) => leg.legId);
  return outcomeOf(
    missing.length === 0 ? [] : [{ code: 'legs-not-arrived', params: { count: missing.length, legIds: missing } }],
  );
}

/**
 * Every receiving enterprise of the passengers signed a handover for them, as the repository
 * reckons the step to handed-over: a passenger without an enterprise can be signed for by nobody,
 * so keeps the item unmet until an enterprise is given.
 */
function handoverSigned(input: GateInput, onBoard: readonly GatePassenger[]): ItemOutcome {
  if (!departed(input)) return notDue();
  if (onBoard.length === 0) return noPassengers();
  const signed = new Set(input.handedOverEnterpriseIds ?? []);
  const withoutEnterprise = onBoard.filter((passenger) => passenger.enterpriseId === null);
  const waiting = onBoard.filter((passenger) => passenger.enterpriseId !== null && !signed.has(passenger.enterpriseId));
  const reasons: GateReason[] = [];
  if (withoutEnterprise.length > 0) {
    reasons.push({ code: 'passengers-without-enterprise', params: peopleParams(withoutEnterprise) });
  }
  if (waiting.length > 0) {
    const enterpriseIds = [...new Set(waiting.map((passenger) => passenger.enterpriseId ?? ''))];
    reasons.push({
      code: 'enterprises-not-handed-over',
      params: { ...peopleParams(waiting), enterprises: enterpriseIds.length, enterpriseIds },
    });
  }
  return outcomeOf(reasons);
}

/** The rule of every derived item; the type makes a derived key without a rule a compile error. */
const DERIVED_RULES: Readonly<
  Record<DerivedItemKey, (input: GateInput, onBoard: readonly GatePassenger[]) => ItemOutcome>
> = {
  'organization.organizer-named': (input) =>
    outcomeOf(input.batch.organizer.trim() === '' ? [{ code: 'organizer-missing', params: {} }] : []),
  'organization.passengers-listed': (_input, onBoard) =>
    outcomeOf(onBoard.length === 0 ? [{ code: 'no-passengers', params: {} }] : []),
  'organization.escort-per-vehicle': escortPerVehicle,
  'medical.health-checks-passed': healthChecksPassed,
  'vehicle.vehicles-on-every-leg': vehiclesOnEveryLeg,
  'vehicle.seats-enough': seatsEnough,
  'vehicle.seat-plan-made': seatPlanMade,
  'follow-up.enterprise-handover': enterpriseHandover,
  'follow-up.arrival-recorded': arrivalRecorded,
  'follow-up.handover-signed': handoverSigned,
  'protection.isolation-seats': isolationSeats,
};

/**
 * The roster at the tick differs from the roster now: passengers who joined after the tick and are
 * still on, and passengers who were on at the tick and left after it. Someone who joined and left
 * after the tick changed nothing, so does not count.
 */
function rosterChangedAfter(tick: GateTick, passengers: readonly GatePassenger[]): GateReason | null {
  const added = passengers.filter((p) => p.removedAt === null && isAfter(p.addedAt, tick.tickedAt));
  const removed = passengers.filter(
    (p) => p.removedAt !== null && isAfter(p.removedAt, tick.tickedAt) && !isAfter(p.addedAt, tick.tickedAt),
  );
  const changed = [...added, ...removed];
  if (changed.length === 0) return null;
  const times = [...added.map((p) => p.addedAt), ...removed.map((p) => p.removedAt ?? p.addedAt)];
  const firstChangeAt = times.reduce((first, at) => (isAfter(first, at) ? at : first));
  const lastChangeAt = times.reduce((last, at) => (isAfter(at, last) ? at : last));
  return {
    code: 'roster-changed-after-tick',
    params: {
      count: changed.length,
      added: added.length,
      removed: removed.length,
      names: changed.slice(0, NAMES_PER_REASON).map((p) => p.name),
      workerIds: changed.map((p) => p.workerId),
      firstChangeAt,
      lastChangeAt,
      tickedAt: tick.tickedAt,
    },
  };
}

function latestLiveTick(key: string, ticks: readonly GateTick[]): GateTick | null {
  let latest: GateTick | null = null;
  for (const tick of ticks) {
    if (tick.item !== key || (tick.deletedAt !== undefined && tick.deletedAt !== null)) continue;
    if (latest === null || millisecondsBetween(latest.tickedAt, tick.tickedAt) >= 0) latest = tick;
  }
  return latest;
}

function evaluateTicked(item: TickedChecklistItem, input: GateInput): GateItemReport {
  const tick = latestLiveTick(item.key, input.ticks);
  const base = { key: item.key, kind: item.kind };
  if (tick === null) {
    return { ...base, state: 'unmet', reasons: [{ code: 'not-ticked', params: {} }], tick: null };
  }
  const reasons: GateReason[] = [];
  if (item.note?.required && tick.note.trim() === '') {
    reasons.push({ code: 'note-required', params: { holds: item.note.holds } });
  }
  const breaks: GateReason[] = [];
  for (const cause of item.brokenBy ?? []) {
    // One cause today; the switch makes a new TickBreak without its check a compile error.
    switch (cause) {
      case 'roster-change': {
        const reason = rosterChangedAfter(tick, input.passengers);
        if (reason) breaks.push(reason);
        break;
      }
    }
  }
  const state: ItemState = breaks.length > 0 ? 'broken' : reasons.length > 0 ? 'unmet' : 'met';
  return {
    ...base,
    state,
    reasons: [...reasons, ...breaks],
    tick: { by: tick.tickedBy, at: tick.tickedAt, note: tick.note },
  };
}

/** An item that counts for the light: not one that is not due yet. */
function isDone(item: GateItemReport): boolean {
  return item.state === 'met' || item.state === 'not-due';
}

function lightOf(items: readonly GateItemReport[]): Light {
  if (items.some((item) => item.state === 'broken' || (item.kind === 'derived' && item.state === 'unmet'))) {
    return 'red';
  }
  return items.every(isDone) ? 'green' : 'amber';
}

/**
 * Judges every item of `items` (the shipped table unless an office passes its own) and lights each
 * unification:
 * - green: every item under it is met (a unification with no items is green);
 * - red: a derived item is unmet (the data says no), or a ticked item is broken (a later change
 *   undid it), so someone must fix data, not just tick;
 * - amber: otherwise, that is only ticked items are still open (not ticked, or ticked without
 *   their required note) or the medical item waits for the health-check station (`no-checks-yet`).
 *
 * An item `not-due` (arrival and handover before the batch departed) counts as neither met nor
 * open: it leaves the light as the other items make it and is not in `unmet`, so that `allGreen`,
 * and with it the steps to ready and departed, are exactly what they were without these items.
 *
 * Derived rules ignore removed passengers; a derived rule over "every passenger" or "every vehicle"
 * is met when there are none (the passenger-list and vehicles-on-every-leg items catch that).
 */
export function evaluateGate(input: GateInput, items: readonly ChecklistItem[] = CHECKLIST_ITEMS): GateReport {
  const onBoard = input.passengers.filter((passenger) => passenger.removedAt === null);
  const reports = items.map((item): [Unification, GateItemReport] => {
    if (item.kind === 'ticked') return [item.unification, evaluateTicked(item, input)];
    const outcome = DERIVED_RULES[item.key](input, onBoard);
    return [item.unification, { key: item.key, kind: item.kind, ...outcome, tick: null }];
  });
  const unifications = UNIFICATIONS.map((unification): UnificationReport => {
    const own = reports.filter(([owner]) => owner === unification).map(([, report]) => report);
    return { unification, light: lightOf(own), items: own };
  });
  const unmet = reports.filter(([, report]) => !isDone(report)).map(([, report]) => report.key);
  return { unifications, unmet };
}

/** True when all five lights are green: what the step to `ready` (and to `departed`) asks. */
export function allGreen(report: GateReport): boolean {
  return report.unifications.every((unification) => unification.light === 'green');
}
