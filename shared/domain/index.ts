export type {
  Assignment,
  AuditAction,
  AuditEntry,
  Batch,
  BatchLeg,
  BatchStatus,
  BoardingStatus,
  CalendarDate,
  ChecklistTick,
  Enterprise,
  FollowUp,
  Gender,
  GenderRequirement,
  HealthCheck,
  HealthCodeColour,
  HealthVerdict,
  Language,
  Leg,
  LegMode,
  Opening,
  PickupPoint,
  PovertyStatus,
  RecordMeta,
  ResumptionStatus,
  Route,
  Settings,
  Symptom,
  ReservedRole,
  ReservedSeat,
  SeatPlace,
  StaffMember,
  StatusOverride,
  Timestamp,
  Vehicle,
  VehicleKind,
  Worker,
  WorkerStatus,
} from './records';
export { BATCH_STATUSES, DEFAULT_SETTINGS, POVERTY_STATUSES, WORKER_STATUSES } from './records';

export type { CreditCodeParseResult, CreditCodeProblem } from './credit-code';
export { CREDIT_CODE_ALPHABET, creditCodeCheckChar, parseCreditCode } from './credit-code';

export { compactIdentifier, toHalfWidth } from './half-width';

export { maskPhone, maskResidentId } from './masking';

export type { PhoneParseResult, PhoneProblem } from './phone';
export { parsePhone } from './phone';

export type { Region } from './regions';
export { BAISE_COUNTIES, PROVINCE_CODES, regionOf } from './regions';

export type { ResidentIdFacts, ResidentIdParseResult, ResidentIdProblem } from './resident-id';
export { parseResidentId, residentIdCheckChar } from './resident-id';

export type {
  ProblemSeverity,
  WorkerCheckOptions,
  WorkerCheckResult,
  WorkerFields,
  WorkerInput,
  WorkerProblem,
  WorkerProblemCode,
} from './worker-rules';
export { NAME_MAX_LENGTH, WORKER_PROBLEM_CODES, checkWorker, normalizePersonName, sameCounty } from './worker-rules';
