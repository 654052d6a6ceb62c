/**
 * What makes a route acceptable (issue 4, "Routes and vehicles"): a named itinerary of ordered legs,
 * each leaving after the one before arrives, and pickup points, one per county: most gather before
 * the first departure, some are stops along the first leg (a coach that leaves one county at 05:30
 * and collects in a second at 06:10), listed in the order they are reached. The form shows
 * these problems beside their fields and the repository refuses a route that has any.
 */
import type { Leg, PickupPoint, RecordMeta, Route } from './records';
import type { FieldProblem } from './problems';
import { characterCount, LEG_MAX_STOPS, ROUTE_TEXT_BOUNDS, textProblems } from './field-bounds';

export type RouteInput = Omit<Route, keyof RecordMeta>;

/** A leg may leave on the batch date or up to two days later (a long train journey, then the shuttle). */
export const LAST_DEPARTURE_MINUTE = 3 * 1440 - 1;
/** The longest leg: two days on a slow train. */
export const LONGEST_LEG_MINUTES = 2 * 1440;
/** Assembly at most twelve hours before the first departure. */
export const LONGEST_ASSEMBLY_LEAD_MINUTES = 12 * 60;
/** A pickup point whose time is not typed gathers this long before the first departure. */
export const DEFAULT_ASSEMBLY_LEAD_MINUTES = 60;

const LEG_MODES: readonly Leg['mode'][] = ['coach', 'train'];
const MINUTES_PER_DAY = 1440;

const isWholeIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/** Minutes after midnight of the batch date at which a leg arrives. */
export function legArrivalMinutes(leg: Pick<Leg, 'departureMinutes' | 'durationMinutes'>): number {
  return leg.departureMinutes + leg.durationMinutes;
}

/** How long before the first departure people assemble, and whether the domain allows that lead. */
export interface AssemblyLead {
  /**
   * Minutes from the assembly to the first departure: 0 to 1439 before it, negative for a pickup
   * along the first leg (−40: picked up 40 minutes after the first departure).
   */
  minutesBeforeDeparture: number;
  /** False when the assembly is more than twelve hours ahead (`LONGEST_ASSEMBLY_LEAD_MINUTES`). */
  inWindow: boolean;
  /** True for a stop along the first leg, after its departure and before its arrival. */
  alongRoute: boolean;
}

/**
 * The lead of an assembly that people are told as a clock time (`assemblyClockMinutes`, minutes
 * after midnight, 0 to 1439). A timetable gives the time of day, not the day, so it is read as the
 * nearest moment that makes sense: before the first departure (on its day or the day before, less
 * than a day ahead), or, when the first leg takes `firstLegMinutes`, a stop along that leg after it
 * has left (a coach leaving at 05:30 collects a second county at 06:10). When both readings are
 * possible, the one closer to the departure wins.
 */
export function assemblyLead(
  firstDepartureMinutes: number,
  assemblyClockMinutes: number,
  firstLegMinutes = 0,
): AssemblyLead {
  const after =
    (((assemblyClockMinutes - firstDepartureMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const before = (MINUTES_PER_DAY - after) % MINUTES_PER_DAY;
  const beforeFits = before <= LONGEST_ASSEMBLY_LEAD_MINUTES;
  const alongFits = after > 0 && after < firstLegMinutes;
  if (alongFits && (!beforeFits || after < before)) {
    return { minutesBeforeDeparture: -after, inWindow: true, alongRoute: true };
  }
  return { minutesBeforeDeparture: before, inWindow: beforeFits, alongRoute: false };
}

/**
 * The earliest lead a pickup point may have on a route: minus the first leg's duration (exclusive),
 * so that a stop along the first leg is reached before that leg arrives; 0 when the first leg is
 * missing or unreadable.
 */
export function earliestPickupLead(legs: readonly Pick<Leg, 'durationMinutes'>[]): number {
  const duration = legs[0]?.durationMinutes;
  return duration !== undefined && isWholeIn(duration, 1, LONGEST_LEG_MINUTES) ? -(duration - 1) : 0;
}

/** Pickup points in the order they are reached: the earliest assembly first, a stop along the route after. */
export function pickupsInOrder<Point extends Pick<PickupPoint, 'minutesBeforeDeparture'>>(
  points: readonly Point[],
): Point[] {
  if (!points.every((point) => Number.isFinite(point.minutesBeforeDeparture))) return [...points];
  return [...points].sort((a, b) => b.minutesBeforeDeparture - a.minutesBeforeDeparture);
}

export function normalizeRouteInput(input: RouteInput): RouteInput {
  return {
    name: input.name.trim(),
    legs: input.legs.map((leg) => ({
      ...leg,
      from: leg.from.trim(),
      to: leg.to.trim(),
      stops: leg.stops.map((stop) => stop.trim()).filter((stop) => stop !== ''),
    })),
    pickupPoints: pickupsInOrder(
      input.pickupPoints.map((point) => ({
        ...point,
        county: point.county.trim(),
        place: point.place.trim(),
      })),
    ),
  };
}

function checkLeg(leg: Leg, index: number, previous: Leg | undefined): FieldProblem[] {
  const field = (name: keyof Leg) => `legs.${index}.${name}`;
  const problems: FieldProblem[] = [];
  if (!LEG_MODES.includes(leg.mode)) problems.push({ field: field('mode'), code: 'required' });
  if (leg.from.trim() === '') problems.push({ field: field('from'), code: 'required' });
  if (leg.to.trim() === '') problems.push({ field: field('to'), code: 'required' });
  const { place } = ROUTE_TEXT_BOUNDS;
  for (const long of textProblems(
    { from: leg.from, to: leg.to, stops: leg.stops },
    { from: place, to: place, stops: place },
  )) {
    problems.push({ ...long, field: field(long.field) });
  }
  if (leg.stops.length > LEG_MAX_STOPS) {
    problems.push({ field: field('stops'), code: 'stops-too-many', params: { max: LEG_MAX_STOPS } });
  }
  if (!isWholeIn(leg.departureMinutes, 0, LAST_DEPARTURE_MINUTE)) {
    problems.push({ field: field('departureMinutes'), code: 'leg-time-invalid' });
  } else if (previous && isWholeIn(previous.departureMinutes, 0, LAST_DEPARTURE_MINUTE)) {
    const previousArrival = legArrivalMinutes(previous);
    if (leg.departureMinutes < previousArrival) {
      problems.push({
        field: field('departureMinutes'),
        code: 'leg-departs-before-previous-arrives',
        params: { leg: index + 1, previous: index },
      });
    }
  }
  if (!isWholeIn(leg.durationMinutes, 1, LONGEST_LEG_MINUTES)) {
    problems.push({ field: field('durationMinutes'), code: 'leg-duration-invalid' });
  }
  if (!Number.isFinite(leg.distanceKm) || leg.distanceKm < 0 || leg.distanceKm > 5000) {
    problems.push({ field: field('distanceKm'), code: 'leg-distance-invalid' });
  }
  // A leg need not start where the one before ended (a shuttle from 广州南站 to 广州站 between
  // two trains), so that is not refused; the form shows the legs one under the other.
  return problems;
}

function checkPickupPoint(
  point: PickupPoint,
  index: number,
  counties: Map<string, number>,
  earliestLead: number,
): FieldProblem[] {
  const field = (name: keyof PickupPoint) => `pickupPoints.${index}.${name}`;
  const problems: FieldProblem[] = [];
  const county = point.county.trim();
  if (county === '') problems.push({ field: field('county'), code: 'required' });
  else if ((counties.get(county) ?? 0) > 1) problems.push({ field: field('county'), code: 'pickup-county-duplicate' });
  if (point.place.trim() === '') problems.push({ field: field('place'), code: 'required' });
  const { county: countyMax, assemblyPlace } = ROUTE_TEXT_BOUNDS;
  for (const long of textProblems(point, { county: countyMax, place: assemblyPlace })) {
    problems.push({ ...long, field: field(long.field) });
  }
  if (!isWholeIn(point.minutesBeforeDeparture, earliestLead, LONGEST_ASSEMBLY_LEAD_MINUTES)) {
    problems.push({ field: field('minutesBeforeDeparture'), code: 'pickup-lead-invalid' });
  }
  return problems;
}

/**
 * Checks a route. `others` are the live routes already stored (minus the one being edited): a
 * route is chosen by its name when planning a batch, so two may not share one.
 */
export function checkRoute(input: RouteInput, others: ReadonlyArray<Pick<Route, 'id' | 'name'>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'required' });
  else if (characterCount(name) > ROUTE_TEXT_BOUNDS.name) {
    problems.push({ field: 'name', code: 'label-too-long', params: { max: ROUTE_TEXT_BOUNDS.name } });
  } else if (others.some((other) => other.name.trim() === name))
    problems.push({ field: 'name', code: 'route-name-duplicate' });
  if (input.legs.length === 0) problems.push({ field: 'legs', code: 'route-no-legs' });
  input.legs.forEach((leg, index) => problems.push(...checkLeg(leg, index, input.legs[index - 1])));
  const counties = new Map<string, number>();
  for (const point of input.pickupPoints) {
    const county = point.county.trim();
    counties.set(county, (counties.get(county) ?? 0) + 1);
  }
  const earliestLead = earliestPickupLead(input.legs);
  input.pickupPoints.forEach((point, index) =>
    problems.push(...checkPickupPoint(point, index, counties, earliestLead)),
  );
  return problems;
}

/** When the batch's travellers are on the road: from the first leg's departure to the last leg's arrival. */
export function routeTravelMinutes(route: Pick<Route, 'legs'>): { start: number; end: number } | null {
  const first = route.legs[0];
  const last = route.legs[route.legs.length - 1];
  if (!first || !last) return null;
  return { start: first.departureMinutes, end: legArrivalMinutes(last) };
}
