import type { ClaimStatus } from '../subsidy/claim-steps';
import type { Fen } from '../subsidy/money';
import type { Payee, SubsidyScheme } from '../subsidy/scheme';

/**
 * The records the planner stores. Every record carries a string id, creation and update times and
 * a soft-delete mark, so that two office PCs can exchange and merge records later
 * (docs/architecture.md#data). Calendar dates are `yyyy-MM-dd` strings; times are ISO strings.
 */

/** A calendar date written `yyyy-MM-dd`. */
export type CalendarDate = string;
/** An instant written as an ISO 8601 string with offset (`2026-02-18T08:30:00.000Z`). */
export type Timestamp = string;

export interface RecordMeta {
  id: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Set when the record is soft-deleted; absent or null while it is live. */
  deletedAt?: Timestamp | null;
  /** True for records that the demo data set loaded, so that "clear demo data" finds them. */
  demo?: boolean;
  /**
   * How many times the record was written: 1 when created, one more at each update
   * (docs/architecture.md#data). An update names the revision it was based on and is refused when
   * the stored one differs. Absent on records written before revisions existed: they count as 0.
   */
  revision?: number;
}

/** A record's revision; a record written before revisions existed counts as 0. */
export function revisionOf(record: { revision?: number } | null | undefined): number {
  return record?.revision ?? 0;
}

export type Gender = 'male' | 'female';

/** 建档立卡贫困户 / 相对贫困 / neither. */
export const POVERTY_STATUSES = ['registered-poor', 'relatively-poor', 'none'] as const;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

/** In the order a worker's journey goes through them. */
export const WORKER_STATUSES = ['registered', 'assigned', 'travelled', 'onboarded', 'left'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export interface Worker extends RecordMeta {
  name: string;
  /** Normalized 18-character resident ID (GB 11643-1999). */
  residentId: string;
  /** 11-digit mainland mobile number, digits only. */
  phone: string;
  gender: Gender;
  birthDate: CalendarDate;
  /** Name of the county-level division, e.g. 田东县. */
  county: string;
  /** Six-digit administrative code of the county-level division, e.g. 451022. */
  countyCode: string;
  township: string;
  village: string;
  /** Household number or householder's name: used to seat a family together. */
  household: string;
  povertyStatus: PovertyStatus;
  skills: string[];
  wantedJob: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  enterpriseId: string | null;
  openingId: string | null;
  status: WorkerStatus;
  notes: string;
  /**
   * Set when the person's identifying data was reduced after the retention period (issue 7,
   * shared/privacy): the name is the surname and `*`, the phone and the emergency contact's phone
   * are their masked forms, the birth date keeps its year only (`yyyy-01-01`), and `residentId`
   * holds `anon:<id>:<masked ID>` (unique, never a valid ID). Such a record is never edited again.
   */
  anonymisedAt?: Timestamp | null;
}

/** 复工复产 status of a receiving enterprise. */
export type ResumptionStatus = 'resumed' | 'partly-resumed' | 'not-resumed';

export interface Enterprise extends RecordMeta {
  name: string;
  /** Unified social credit code (GB 32100-2015), 18 characters, normalized. */
  creditCode: string;
  /** City name as written by the user, e.g. 广州市. */
  city: string;
  district: string;
  address: string;
  contactName: string;
  /** Contact phone, mobile or landline, as typed. */
  contactPhone: string;
  handoverPoint: string;
  resumptionStatus: ResumptionStatus;
  /** Key enterprise for epidemic-prevention supplies (重点防疫物资生产企业). */
  isKeyEnterprise: boolean;
  /** HR service agency that introduced workers, if any (empty when none). */
  hrAgency: string;
  notes: string;
  /**
   * Where a subsidy to the enterprise is paid (issue 18); absent or null while none is known.
   * Enterprises stored before the subsidies have none.
   */
  bankAccount?: BankAccount | null;
}

/** A bank account a subsidy is paid into (开户银行, 账号, 户名). */
export interface BankAccount {
  bankName: string;
  /** Digits only, as the bank prints it without spaces. */
  accountNumber: string;
  /** The name the account is held in. */
  accountName: string;
}

export type GenderRequirement = 'any' | Gender;

export interface Opening extends RecordMeta {
  enterpriseId: string;
  position: string;
  headcount: number;
  /** Monthly wage range in yuan. */
  wageMin: number;
  wageMax: number;
  ageMin: number;
  ageMax: number;
  genderRequirement: GenderRequirement;
  requirements: string;
}

export type LegMode = 'coach' | 'train';

export interface Leg {
  id: string;
  mode: LegMode;
  from: string;
  to: string;
  /** Planned departure, minutes after midnight of the batch date. */
  departureMinutes: number;
  /** Planned duration in minutes; the arrival may fall on a later day. */
  durationMinutes: number;
  distanceKm: number;
  stops: string[];
}

export interface PickupPoint {
  id: string;
  county: string;
  /** Assembly place, e.g. 田东县人民广场. */
  place: string;
  /** Assembly time, minutes before the first leg's departure. */
  minutesBeforeDeparture: number;
}

export interface Route extends RecordMeta {
  name: string;
  legs: Leg[];
  pickupPoints: PickupPoint[];
}

export type VehicleKind = 'train-second-class' | 'train-first-class' | 'train-hard-seat' | 'coach';

/** Why a seat is kept free of passengers. */
export type ReservedRole = 'escort' | 'medic' | 'isolation';

export interface ReservedSeat {
  /** The seat as printed on a ticket, without the carriage: 12F on a train, 3 on a coach. */
  seat: string;
  role: ReservedRole;
}

export interface Vehicle {
  id: string;
  kind: VehicleKind;
  /** Carriage number or coach plate, e.g. 05 or 粤A·12345. */
  label: string;
  seatCount: number;
  /** Seats kept free of passengers: escorts and medics at the ends, the last row for isolation. */
  reserved: ReservedSeat[];
  /** The escort in charge of this vehicle: an id from the batch's escorts, or null while none is named. */
  escortId: string | null;
}

export interface BatchLeg {
  legId: string;
  vehicles: Vehicle[];
}

/**
 * `arrived` once every leg has an arrival time, `handed-over` once every receiving enterprise has
 * signed for its passengers (issue 17): both are set by the facts recorded, not chosen.
 */
export type BatchStatus = 'draft' | 'planned' | 'ready' | 'departed' | 'arrived' | 'handed-over' | 'closed';

/** Batch statuses in the only order a batch may move through them. */
export const BATCH_STATUSES: readonly BatchStatus[] = [
  'draft',
  'planned',
  'ready',
  'departed',
  'arrived',
  'handed-over',
  'closed',
];

/** An escort or a medic travelling with a batch. */
export interface StaffMember {
  id: string;
  name: string;
  /** Mobile phone, digits only (printed on the manifest and the boarding cards). */
  phone: string;
}

/** A status step forced past the gate: stored, audited and shown wherever the batch is shown. */
export interface StatusOverride {
  from: BatchStatus;
  to: BatchStatus;
  /** The reason as the coordinator wrote it. */
  reason: string;
  /** Keys of the checklist items (or gate rules) that were not met when the step was forced. */
  unmet: string[];
  by: string;
  at: Timestamp;
}

export interface Batch extends RecordMeta {
  name: string;
  routeId: string;
  date: CalendarDate;
  legs: BatchLeg[];
  organizer: string;
  escorts: StaffMember[];
  medics: StaffMember[];
  status: BatchStatus;
  overrides: StatusOverride[];
  notes: string;
  /**
   * This batch's own load factor (settings bounds), for a charter sold at another share than the
   * office's; absent or null: the Settings value (docs/domain.md#load-factor). Batches stored before
   * the field existed have none.
   */
  loadFactor?: number | null;
}

export type BoardingStatus = 'pending' | 'boarded' | 'absent';

/** Where a passenger sits on one leg. */
export interface SeatPlace {
  legId: string;
  vehicleId: string;
  /** As printed on a ticket, without the carriage: 12F, 57, 3. */
  seat: string;
}

/**
 * A worker on a batch. Removing a passenger soft-deletes the assignment, and moving one to another
 * batch also names the batch moved to, so the history stays.
 */
export interface Assignment extends RecordMeta {
  batchId: string;
  workerId: string;
  /** At most one seat per leg; a leg without an entry is not seated yet. */
  seats: SeatPlace[];
  boarding: BoardingStatus;
  /** Set when the passenger was moved to another batch (the assignment is then deleted here). */
  movedToBatchId?: string | null;
}

export type HealthCodeColour = 'green' | 'yellow' | 'red';
export type Symptom = 'fever' | 'cough' | 'fatigue' | 'sore-throat' | 'short-breath' | 'diarrhoea';
export type HealthVerdict = 'pass' | 'fail' | 'recheck';

/** One temperature reading of a health check. */
export interface TemperatureReading {
  temperatureC: number;
  at: Timestamp;
}

/**
 * One check of one passenger for one batch (issue 5). Checks are never edited: a new reading is a
 * new check, and a correction is a new check that names the one it replaces, which is then marked
 * superseded and soft-deleted, so that the latest live check always decides (shared/gate).
 */
export interface HealthCheck extends RecordMeta {
  batchId: string;
  workerId: string;
  /** When the deciding (last) reading was taken. */
  checkedAt: Timestamp;
  examiner: string;
  /** The deciding (last) reading. */
  temperatureC: number;
  symptoms: Symptom[];
  healthCode: HealthCodeColour;
  contactWithConfirmedCase: boolean;
  result: HealthVerdict;
  note: string;
  /**
   * Every reading the result rests on, oldest first: one, or two on a recheck (the first reading at
   * or above the fever threshold, then the one that decided). The last is `temperatureC` at
   * `checkedAt`. Optional only for records written before the station; the station always writes it.
   */
  readings?: TemperatureReading[];
  /** On a recheck: the check that holds the first reading (it stays stored, with result `recheck`). */
  recheckOf?: string | null;
  /** On a correction: the check it replaces. */
  correctsId?: string | null;
  /** On a replaced check: the correction that replaced it (the check is soft-deleted too). */
  supersededById?: string | null;
  /** On a correction: why, as the examiner wrote it. */
  correctionReason?: string;
  /**
   * On a withdrawn check (recorded for the wrong person, say): why, as the examiner wrote it. The
   * check stays stored, soft-deleted, so the passenger is as if it had never been taken.
   */
  withdrawnReason?: string;
}

export interface ChecklistTick extends RecordMeta {
  batchId: string;
  /** Stable key of the checklist item, e.g. `organization.roster-locked`. */
  item: string;
  tickedBy: string;
  tickedAt: Timestamp;
  note: string;
}

/**
 * When one leg of a departed batch arrived (issue 17, "arrival and handover"): one record per batch
 * and leg. Recording it again updates it (audited); the batch is `arrived` once every leg has one.
 */
export interface Arrival extends RecordMeta {
  batchId: string;
  legId: string;
  /** The instant the leg arrived. */
  arrivedAt: Timestamp;
  /** Where, as the escort wrote it (the station, the factory gate); empty when the leg's end says it. */
  place: string;
  recordedBy: string;
  note: string;
}

/** Why a passenger of a batch was not handed over to the enterprise. */
export const HANDOVER_EXCEPTION_REASONS = ['did-not-board', 'left-on-way', 'refused', 'other'] as const;
export type HandoverExceptionReason = (typeof HANDOVER_EXCEPTION_REASONS)[number];

export interface HandoverException {
  workerId: string;
  reason: HandoverExceptionReason;
  /** In the escort's words; required for `other`. */
  note: string;
}

/**
 * One receiving enterprise signing for a batch's passengers (issue 17): who received them, when, and
 * who was not handed over and why. One record per batch and enterprise; the batch is `handed-over`
 * once every enterprise of its passengers has one. Each worker handed over gets a follow-up.
 */
export interface Handover extends RecordMeta {
  batchId: string;
  enterpriseId: string;
  receiverName: string;
  /** The receiver's phone, mobile or landline, as typed. */
  receiverPhone: string;
  handedOverAt: Timestamp;
  place: string;
  /** The passengers handed over, as ids of workers. */
  workerIds: string[];
  /** The batch's passengers for this enterprise who were not, each with the reason. */
  exceptions: HandoverException[];
  recordedBy: string;
  note: string;
}

/**
 * A worker's follow-up after one handover (issue 17, the fourth unification): the day the schedule
 * counts from, who on the office's staff calls, and the liaison station that looks after the
 * worker's destination city. Contacts and employment periods point at it. A worker handed over on a
 * second trip gets a second follow-up.
 */
export interface FollowUp extends RecordMeta {
  workerId: string;
  batchId: string;
  handoverId: string;
  /** The enterprise the worker was handed over to. */
  enterpriseId: string;
  /** The handover's day (Beijing calendar): the schedule's day 0. */
  handedOverOn: CalendarDate;
  /** The staff member (Settings' staff list) who makes the calls; null while no one is assigned. */
  staffId: string | null;
  /** The liaison station (Settings' list) for the destination city; null when none. */
  stationId: string | null;
  /**
   * When the next contact is due (shared/followup/schedule.ts), kept here by every write of the
   * follow-up's contacts and by a change of the schedule in Settings, so that the follow-up
   * workspace finds today's and overdue contacts by an index without reading the log; null once
   * the worker left the schedule or every point is answered.
   */
  nextDue: CalendarDate | null;
  /** The day and outcome of the newest live contact; null before the first. */
  lastContactOn: CalendarDate | null;
  lastOutcome: ContactOutcome | null;
}

/** What a contact found (issue 17, "outcomes"); shared/followup/schedule.ts says what each does to the schedule. */
export const CONTACT_OUTCOMES = ['in-post', 'changed-job', 'left-looking', 'returned-home', 'unreachable'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** How a contact was made; `enterprise-verification` is a row of an enterprise's confirmation list. */
export const CONTACT_METHODS = [
  'phone',
  'wechat',
  'visit',
  'enterprise',
  'liaison-station',
  'enterprise-verification',
] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** What a worker said they need help with. */
export const CONTACT_NEEDS = ['change-job', 'rights', 'training', 'other'] as const;
export type ContactNeed = (typeof CONTACT_NEEDS)[number];

/**
 * One contact with a worker (issue 17, "contact log"). Never edited: a correction is a new contact
 * that names the one it corrects, which is then marked superseded and soft-deleted, as the health
 * station does with its checks.
 */
export interface Contact extends RecordMeta {
  followUpId: string;
  workerId: string;
  /** The day of the contact (Beijing calendar); never after today. */
  date: CalendarDate;
  method: ContactMethod;
  /** Who made the contact: a name from the staff list, or the operator. */
  by: string;
  outcome: ContactOutcome;
  /** The employer now: the enterprise's id when it is one the office knows. */
  enterpriseId: string | null;
  /** The employer's name and city as told (for a new employer the office does not know). */
  employerName: string;
  employerCity: string;
  /** Since when at that employer, when told (an enterprise's on-board date, a new job's start). */
  startedOn: CalendarDate | null;
  /** For `changed-job`, `left-looking` and `returned-home`: the day the worker left, when told. */
  leftOn: CalendarDate | null;
  leftReason: string;
  /** Monthly income in yuan, when the worker tells it. */
  monthlyIncome: number | null;
  difficulties: string;
  needs: ContactNeed[];
  /** What was done about it (处理结果). */
  action: string;
  /** The next contact the person logging asked for; the schedule may make it sooner, never later. */
  nextDate: CalendarDate | null;
  /** On a correction: the contact it replaces. */
  correctsId?: string | null;
  /** On a replaced contact: the correction that replaced it (the contact is soft-deleted too). */
  supersededById?: string | null;
  correctionReason?: string;
}

/** Why an employment period ended. */
export const EMPLOYMENT_END_REASONS = ['changed-job', 'left', 'returned-home'] as const;
export type EmploymentEndReason = (typeof EMPLOYMENT_END_REASONS)[number];

/**
 * One spell of a worker at one employer (issue 17, "employment periods"), derived from the handover
 * and the contacts (shared/followup/employment.ts) and stored so that the subsidies can read and
 * audit it. The repository rewrites a follow-up's periods whenever one of its contacts is written.
 */
export interface EmploymentPeriod extends RecordMeta {
  followUpId: string;
  workerId: string;
  /** The employer's id when the office knows it; null for one only named in a contact. */
  enterpriseId: string | null;
  employerName: string;
  employerCity: string;
  start: CalendarDate;
  /** What the start rests on: the handover, an on-board date an enterprise or worker gave, a contact. */
  startSource: 'handover' | 'on-board' | 'contact';
  end: CalendarDate | null;
  endReason: EmploymentEndReason | null;
  /** The reason in the worker's or enterprise's words. */
  endNote: string;
}

/**
 * A subsidy scheme as the office entered it (issue 18, docs/domain.md#subsidies): the pure shape of
 * shared/subsidy/scheme.ts, stored as a record.
 */
export interface SubsidySchemeRecord extends RecordMeta, SubsidyScheme {}

/** An HR service agency (人力资源服务机构) that introduces workers to enterprises (issue 18). */
export interface Agency extends RecordMeta {
  name: string;
  /** Unified social credit code (GB 32100-2015), 18 characters, normalized. */
  creditCode: string;
  contactName: string;
  /** Contact phone, mobile or landline, as typed. */
  contactPhone: string;
  /** Where its placement subsidies are paid; null while none is known. */
  bankAccount: BankAccount | null;
  notes: string;
}

/** An agency introducing a worker to an enterprise on a day: what its placement subsidy rests on. */
export interface Introduction extends RecordMeta {
  agencyId: string;
  workerId: string;
  enterpriseId: string;
  introducedOn: CalendarDate;
  notes: string;
}

/**
 * One claim of a subsidy for one person under one scheme (and one instalment of it), and the
 * steps it went through (shared/subsidy/claim-steps.ts): the dates and figures of each step stay,
 * null until it is taken. At most one live, unrejected claim per person, scheme, year and instalment.
 */
export interface SubsidyClaim extends RecordMeta {
  schemeId: string;
  workerId: string;
  /** The scheme's year, copied: the duplicate rule is per person, scheme and year. */
  year: number;
  /** Who is paid: the enterprise, the agency or the worker (then `payeeId` is the worker's id). */
  payee: Payee;
  payeeId: string;
  /** What is owed, in whole fen. */
  amountFen: Fen;
  /** The instalment (0-based, in the scheme's order); null for a scheme paid at once. */
  instalment: number | null;
  /** The day the amount was owed from. */
  dueOn: CalendarDate;
  /** The employment period the claim rests on (employmentPeriods), and its completed months when claimed. */
  periodId: string | null;
  months: number;
  status: ClaimStatus;
  noticeFrom: CalendarDate | null;
  noticeDays: number | null;
  submittedOn: CalendarDate | null;
  approvedOn: CalendarDate | null;
  paidOn: CalendarDate | null;
  paidAmountFen: Fen | null;
  /** The payment voucher's number (凭证号); empty until paid. */
  voucher: string;
  rejectedOn: CalendarDate | null;
  /** Empty unless rejected. */
  rejectionReason: string;
}

/**
 * `print`: a document printed with full, unmasked numbers (issue 6); the row's `after` says which.
 * `anonymise`: a person's identifying data was reduced (issue 7); the row says which fields, never their old values.
 * `redact`: personal data was removed from earlier audit rows by an anonymisation; the row names them
 * and the digests of what they hold since (shared/audit/chain.ts).
 * `export`: a person's data was saved to a file at their request (issue 7); the row holds no personal data.
 */
export type AuditAction =
  'create' | 'update' | 'delete' | 'restore' | 'purge' | 'print' | 'anonymise' | 'redact' | 'export';

/**
 * Set on an audit row whose `before`/`after` had personal data removed by an anonymisation: the
 * digests of what they held when the row was written, which its hash covers, so the chain still
 * verifies without keeping that data (shared/audit/chain.ts).
 */
export interface AuditRedaction {
  /** When the row was first redacted. */
  at: Timestamp;
  /** SHA-256 (hex) of the canonical form of the original `before`. */
  beforeDigest: string;
  /** SHA-256 (hex) of the canonical form of the original `after`. */
  afterDigest: string;
}

/** One append-only line of the audit trail: who changed which record, when, from what to what. */
export interface AuditEntry {
  /** Auto-incremented by the database: the order in which changes happened on this PC. */
  seq?: number;
  id: string;
  at: Timestamp;
  operator: string;
  table: string;
  recordId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
  /** Why a rule was overridden (a placement beyond an opening's requirements), as the operator wrote it. */
  reason?: string;
  /**
   * The `hash` of the row before this one (by `seq`), or null for the first row of the chain.
   * Absent on rows written before the chain existed (issue 7).
   */
  prevHash?: string | null;
  /** SHA-256 (hex) over `prevHash` and this row's content (shared/audit/chain.ts); absent on older rows. */
  hash?: string;
  /** Set when an anonymisation removed personal data from `before`/`after`. */
  redaction?: AuditRedaction;
}

export type Language = 'zh-CN' | 'en';

/** The columns a passenger manifest can print, in their default order. */
export const MANIFEST_COLUMNS = [
  'sequence',
  'name',
  'gender',
  'age',
  'residentId',
  'phone',
  'home',
  'enterprise',
  'seat',
  'health',
  'boarded',
  'povertyStatus',
  'remarks',
] as const;

export type ManifestColumn = (typeof MANIFEST_COLUMNS)[number];

/**
 * Columns a manifest prints unless the office turns them off. Poverty status is off: the manifest
 * is shown at boarding, and whether a person is from a registered poor household is not for every
 * fellow passenger and gate keeper to read (issue 15).
 */
export const DEFAULT_MANIFEST_COLUMNS: readonly ManifestColumn[] = MANIFEST_COLUMNS.filter(
  (column) => column !== 'povertyStatus',
);

/** A member of the office's staff who makes follow-up contacts. */
export interface OfficeStaff {
  id: string;
  name: string;
  phone: string;
  /** False once the person no longer works on follow-ups: kept, so old contacts still name them. */
  active: boolean;
}

/** A liaison station in a destination city. */
export interface LiaisonStation {
  id: string;
  name: string;
  /** The city it serves, as enterprises write theirs (广州市): a follow-up there is assigned to it. */
  city: string;
}

/** The one settings record (id `app`). Policy defaults: docs/domain.md#health-checks and #load-factor. */
export interface Settings {
  id: 'app';
  operatorName: string;
  organizationName: string;
  /**
   * The office's county, by its six-digit administrative code (522601), '' until set: sync marks
   * and recognises the county's database by it (issue 20, docs/architecture.md#the-connection).
   */
  countyCode: string;
  language: Language;
  /** A temperature at or above this is a fever (°C). */
  feverThresholdC: number;
  /** A health check counts if taken within this many hours before departure. */
  checkValidityHours: number;
  /** A fever on the first reading is decided by a second one taken at least this many minutes later. */
  recheckIntervalMinutes: number;
  /** Share of seats that may be sold during an epidemic, 0 < f <= 1. */
  loadFactor: number;
  /** Ages outside this working range are flagged (a warning, not a refusal). */
  workingAgeMin: number;
  workingAgeMax: number;
  /** The manifest's columns, chosen and ordered by the office (issue 6). */
  manifestColumns: ManifestColumn[];
  /**
   * Days after a batch is closed before the app offers to anonymise its people (issue 7, privacy).
   * Never automatic: the offer needs a confirmation and makes a backup first.
   */
  retentionDays: number;
  /** The follow-up's contact points, in days after the handover (shared/followup/schedule.ts). */
  contactDays: number[];
  /** The office's staff who make follow-up contacts. */
  staff: OfficeStaff[];
  /** Liaison stations (驻外劳务工作站) in destination cities, which look after the workers there. */
  liaisonStations: LiaisonStation[];
  updatedAt: Timestamp;
  /** As a record's (RecordMeta): 1 once stored, one more at each change. */
  revision?: number;
}

export const DEFAULT_SETTINGS: Omit<Settings, 'updatedAt'> = {
  id: 'app',
  operatorName: '',
  organizationName: '',
  countyCode: '',
  language: 'zh-CN',
  feverThresholdC: 37.3,
  checkValidityHours: 72,
  recheckIntervalMinutes: 15,
  loadFactor: 0.5,
  workingAgeMin: 16,
  workingAgeMax: 65,
  manifestColumns: [...DEFAULT_MANIFEST_COLUMNS],
  retentionDays: 365,
  contactDays: [7, 30, 90, 180],
  staff: [],
  liaisonStations: [],
};
