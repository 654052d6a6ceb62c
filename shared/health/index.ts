/**
 * The health-check station's rules (issue 5): temperatures, the verdict of a check, which checks
 * count for a batch and what they add up to, and the station's search. Pure: it runs in the
 * renderer and in tests.
 */
export type { TemperatureProblem, TemperatureProblemCode, TemperatureReadResult } from './temperature';
export {
  TEMPERATURE_MAX_C,
  TEMPERATURE_MIN_C,
  formatTemperature,
  readTemperature,
  temperatureProblem,
} from './temperature';

export type { CheckFindings, FirstReading, HealthPolicy, Judgement, VerdictReason, VerdictReasonCode } from './verdict';
export { HEALTH_CODE_COLOURS, SYMPTOMS, VERDICT_REASON_CODES, firstReadingOf, isFever, judgeCheck } from './verdict';

export type { CheckWindow, HealthProgress, PassengerHealth, PassengerHealthState, StateCheck } from './window';
export { checkWindow, compareChecks, healthProgress, latestCheck, passengerHealth } from './window';

export type {
  SeatQuery,
  StationMatch,
  StationMatchReason,
  StationSearchPassenger,
  StationSearchResult,
  StationSeat,
} from './station-search';
export { StationSearch, parseSeatQuery } from './station-search';

export type { HealthProblemCode } from './problems';
export { HEALTH_PROBLEM_CODES, isHealthProblemCode } from './problems';
