/**
 * What a record of each backed-up table must be before a restore writes it (issue 16, item 3): a
 * backup is a file from outside, and a record the app could never have written (a birth date of
 * "garbage", a status no screen knows, a note of 100,000 characters) would crash the screens that
 * show it. Every record is checked twice, before anything is replaced:
 * - its shape: a zod schema per table, the types of shared/domain/records.ts with their enums;
 * - the rules the app writes it with (shared/domain/*-rules.ts): checkWorker for a worker (but an
 *   anonymised one, whose ID is no ID any more), checkEnterprise, checkOpening, checkRoute and
 *   checkSettings. Rules that compare records with each other (a batch's legs with its route's
 *   today) are left out: a route edited after its batches were planned is a backup the app made.
 * The first problem found is returned, with the table, the record's position and id, and the field.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { checkEnterprise, checkOpening } from '../domain/enterprise-rules';
import {
  BATCH_STATUSES,
  CONTACT_METHODS,
  CONTACT_NEEDS,
  CONTACT_OUTCOMES,
  DEFAULT_SETTINGS,
  EMPLOYMENT_END_REASONS,
  HANDOVER_EXCEPTION_REASONS,
  MANIFEST_COLUMNS,
  POVERTY_STATUSES,
  WORKER_STATUSES,
  type EmploymentPeriod,
  type Worker,
} from '../domain/records';
import { checkRoute } from '../domain/route-rules';
import { checkBatchTexts } from '../domain/batch-rules';
import { checkSettings } from '../domain/settings-rules';
import { checkWorker, workerInputOf } from '../domain/worker-rules';
import { MAX_RECORD_TEXT } from '../domain/text-bounds';
import { textProblems } from '../domain/field-bounds';
import { checkEmploymentSpan } from '../followup/employment';
import { ARRIVAL_TEXT_BOUNDS, CONTACT_TEXT_BOUNDS, HANDOVER_TEXT_BOUNDS, MONTHLY_INCOME } from '../followup/rules';
import { checkAgency } from '../subsidy/agency-rules';
import { CLAIM_STATUSES } from '../subsidy/claim-steps';
import { MAX_FEN } from '../subsidy/money';
import {
  DESTINATION_TIERS,
  EVIDENCE_KINDS,
  ORGANISED_BATCH_RULES,
  PAYEES,
  SCHEME_KINDS,
  checkScheme,
  type SubsidyScheme,
} from '../subsidy/scheme';

/** Longest text a field of a restored record may hold: what every write allows (shared/domain/text-bounds.ts). */
export { MAX_RECORD_TEXT };

const text = z.string().max(MAX_RECORD_TEXT);
const id = z.string().min(1).max(200);
const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  .refine((value) => Number.isFinite(Date.parse(value)));
const calendarDate = z.string().refine(isCalendarDate);
const count = z.number().int().nonnegative().max(1_000_000);
/** zod 4 refuses NaN and the infinities in any number. */
const finite = z.number();

const meta = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable().optional(),
  demo: z.boolean().optional(),
  revision: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
};

const worker = z.looseObject({
  ...meta,
  name: text,
  residentId: z.string().max(100),
  phone: z.string().max(100),
  gender: z.enum(['male', 'female']),
  birthDate: calendarDate,
  county: text,
  countyCode: z.string().regex(/^\d{6}$/),
  township: text,
  village: text,
  household: text,
  povertyStatus: z.enum(POVERTY_STATUSES),
  skills: z.array(text).max(1000),
  wantedJob: text,
  emergencyContactName: text,
  emergencyContactPhone: text,
  enterpriseId: id.nullable(),
  openingId: id.nullable(),
  status: z.enum(WORKER_STATUSES),
  notes: text,
  anonymisedAt: timestamp.nullable().optional(),
});

const bankAccount = z.looseObject({ bankName: text, accountNumber: text, accountName: text });

const enterprise = z.looseObject({
  ...meta,
  name: text,
  creditCode: z.string().max(100),
  city: text,
  district: text,
  address: text,
  contactName: text,
  contactPhone: text,
  handoverPoint: text,
  resumptionStatus: z.enum(['resumed', 'partly-resumed', 'not-resumed']),
  isKeyEnterprise: z.boolean(),
  hrAgency: text,
  notes: text,
  bankAccount: bankAccount.nullable().optional(),
});

const opening = z.looseObject({
  ...meta,
  enterpriseId: id,
  position: text,
  headcount: count,
  wageMin: finite,
  wageMax: finite,
  ageMin: count,
  ageMax: count,
  genderRequirement: z.enum(['any', 'male', 'female']),
  requirements: text,
});

const leg = z.looseObject({
  id,
  mode: z.enum(['coach', 'train']),
  from: text,
  to: text,
  departureMinutes: finite,
  durationMinutes: finite,
  distanceKm: finite,
  stops: z.array(text).max(1000),
});

const route = z.looseObject({
  ...meta,
  name: text,
  legs: z.array(leg).max(100),
  pickupPoints: z.array(z.looseObject({ id, county: text, place: text, minutesBeforeDeparture: finite })).max(1000),
});

const staff = z.looseObject({ id, name: text, phone: text });

const batch = z.looseObject({
  ...meta,
  name: text,
  routeId: z.string().max(200),
  date: calendarDate,
  legs: z
    .array(
      z.looseObject({
        legId: id,
        vehicles: z
          .array(
            z.looseObject({
              id,
              kind: z.enum(['train-second-class', 'train-first-class', 'train-hard-seat', 'coach']),
              label: text,
              seatCount: count,
              reserved: z
                .array(z.looseObject({ seat: text, role: z.enum(['escort', 'medic', 'isolation']) }))
                .max(10_000),
              escortId: id.nullable(),
            }),
          )
          .max(1000),
      }),
    )
    .max(100),
  organizer: text,
  escorts: z.array(staff).max(1000),
  medics: z.array(staff).max(1000),
  status: z.enum(BATCH_STATUSES as readonly [string, ...string[]]),
  overrides: z
    .array(
      z.looseObject({
        from: z.enum(BATCH_STATUSES as readonly [string, ...string[]]),
        to: z.enum(BATCH_STATUSES as readonly [string, ...string[]]),
        reason: text,
        unmet: z.array(text).max(1000),
        by: text,
        at: timestamp,
      }),
    )
    .max(1000),
  notes: text,
});

const assignment = z.looseObject({
  ...meta,
  batchId: id,
  workerId: id,
  seats: z.array(z.looseObject({ legId: id, vehicleId: id, seat: text })).max(100),
  boarding: z.enum(['pending', 'boarded', 'absent']),
  movedToBatchId: id.nullable().optional(),
});

const healthCheck = z.looseObject({
  ...meta,
  batchId: id,
  workerId: id,
  checkedAt: timestamp,
  examiner: text,
  temperatureC: finite,
  symptoms: z.array(z.enum(['fever', 'cough', 'fatigue', 'sore-throat', 'short-breath', 'diarrhoea'])).max(20),
  healthCode: z.enum(['green', 'yellow', 'red']),
  contactWithConfirmedCase: z.boolean(),
  result: z.enum(['pass', 'fail', 'recheck']),
  note: text,
  readings: z
    .array(z.looseObject({ temperatureC: finite, at: timestamp }))
    .max(100)
    .optional(),
  recheckOf: id.nullable().optional(),
  correctsId: id.nullable().optional(),
  supersededById: id.nullable().optional(),
  correctionReason: text.optional(),
  withdrawnReason: text.optional(),
});

const checklistTick = z.looseObject({
  ...meta,
  batchId: id,
  item: text,
  tickedBy: text,
  tickedAt: timestamp,
  note: text,
});

const followUp = z.looseObject({
  ...meta,
  workerId: id,
  batchId: id,
  handoverId: id,
  enterpriseId: id,
  handedOverOn: calendarDate,
  staffId: id.nullable(),
  stationId: id.nullable(),
  nextDue: calendarDate.nullable(),
  lastContactOn: calendarDate.nullable(),
  lastOutcome: z.enum(CONTACT_OUTCOMES).nullable(),
});

const arrival = z.looseObject({
  ...meta,
  batchId: id,
  legId: id,
  arrivedAt: timestamp,
  place: text,
  recordedBy: text,
  note: text,
});

const handover = z.looseObject({
  ...meta,
  batchId: id,
  enterpriseId: id,
  receiverName: text,
  receiverPhone: text,
  handedOverAt: timestamp,
  place: text,
  workerIds: z.array(id).max(100_000),
  exceptions: z
    .array(z.looseObject({ workerId: id, reason: z.enum(HANDOVER_EXCEPTION_REASONS), note: text }))
    .max(100_000),
  recordedBy: text,
  note: text,
});

const contact = z.looseObject({
  ...meta,
  followUpId: id,
  workerId: id,
  date: calendarDate,
  method: z.enum(CONTACT_METHODS),
  by: text,
  outcome: z.enum(CONTACT_OUTCOMES),
  enterpriseId: id.nullable(),
  employerName: text,
  employerCity: text,
  startedOn: calendarDate.nullable(),
  leftOn: calendarDate.nullable(),
  leftReason: text,
  monthlyIncome: z.number().int().min(MONTHLY_INCOME.min).max(MONTHLY_INCOME.max).nullable(),
  difficulties: text,
  needs: z.array(z.enum(CONTACT_NEEDS)).max(CONTACT_NEEDS.length),
  action: text,
  nextDate: calendarDate.nullable(),
  correctsId: id.nullable().optional(),
  supersededById: id.nullable().optional(),
  correctionReason: text.optional(),
});

const employmentPeriod = z.looseObject({
  ...meta,
  followUpId: id,
  workerId: id,
  enterpriseId: id.nullable(),
  employerName: text,
  employerCity: text,
  start: calendarDate,
  startSource: z.enum(['handover', 'on-board', 'contact']),
  end: calendarDate.nullable(),
  endReason: z.enum(EMPLOYMENT_END_REASONS).nullable(),
  endNote: text,
});

const fen = z.number().int().nonnegative().max(MAX_FEN);

const subsidyScheme = z.looseObject({
  ...meta,
  name: text,
  year: z.number().int(),
  kind: z.enum(SCHEME_KINDS),
  payee: z.enum(PAYEES),
  amountFen: fen.nullable(),
  tiers: z.array(z.looseObject({ destination: z.enum(DESTINATION_TIERS), amountFen: fen })).max(10),
  conditions: z.looseObject({
    householdTypes: z.array(z.enum(POVERTY_STATUSES)).max(10),
    minMonths: count,
    sameEmployer: z.boolean(),
    keyEnterpriseOnly: z.boolean(),
    organisedBatch: z.enum(ORGANISED_BATCH_RULES),
    destinations: z.array(z.enum(DESTINATION_TIERS)).max(10),
    startFrom: calendarDate.nullable(),
    startTo: calendarDate.nullable(),
  }),
  instalments: z.array(z.looseObject({ share: finite, afterMonths: count })).max(100),
  evidence: z.array(z.enum(EVIDENCE_KINDS)).max(EVIDENCE_KINDS.length),
});

const agency = z.looseObject({
  ...meta,
  name: text,
  creditCode: z.string().max(100),
  contactName: text,
  contactPhone: text,
  bankAccount: bankAccount.nullable(),
  notes: text,
});

const introduction = z.looseObject({
  ...meta,
  agencyId: id,
  workerId: id,
  enterpriseId: id,
  introducedOn: calendarDate,
  notes: text,
});

const subsidyClaim = z.looseObject({
  ...meta,
  schemeId: id,
  workerId: id,
  year: z.number().int(),
  payee: z.enum(PAYEES),
  payeeId: id,
  amountFen: fen,
  instalment: count.nullable(),
  dueOn: calendarDate,
  periodId: id.nullable(),
  months: count,
  status: z.enum(CLAIM_STATUSES),
  noticeFrom: calendarDate.nullable(),
  noticeDays: count.nullable(),
  submittedOn: calendarDate.nullable(),
  approvedOn: calendarDate.nullable(),
  paidOn: calendarDate.nullable(),
  paidAmountFen: fen.nullable(),
  voucher: text,
  rejectedOn: calendarDate.nullable(),
  rejectionReason: text,
});

const audit = z.looseObject({
  seq: z.number().int().positive(),
  id,
  at: timestamp,
  operator: text,
  table: z.string().max(100),
  recordId: z.string().max(200),
  action: z.enum(['create', 'update', 'delete', 'restore', 'purge', 'print', 'anonymise', 'redact', 'export']),
  reason: text.optional(),
  prevHash: z.string().max(200).nullable().optional(),
  hash: z.string().max(200).optional(),
});

const settings = z.looseObject({
  id: z.literal('app'),
  operatorName: text,
  organizationName: text,
  language: z.enum(['zh-CN', 'en']),
  feverThresholdC: finite,
  checkValidityHours: finite,
  recheckIntervalMinutes: finite,
  loadFactor: finite,
  workingAgeMin: finite,
  workingAgeMax: finite,
  manifestColumns: z.array(z.enum(MANIFEST_COLUMNS)).max(100),
  retentionDays: finite,
  contactDays: z.array(finite).max(100).optional(),
  staff: z
    .array(z.looseObject({ id, name: text, phone: text, active: z.boolean() }))
    .max(1000)
    .optional(),
  liaisonStations: z
    .array(z.looseObject({ id, name: text, city: text }))
    .max(1000)
    .optional(),
  updatedAt: timestamp,
  revision: meta.revision,
});

/** The shape of each table's records; a table not named here is refused (the app has no such table). */
export const BACKUP_RECORD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  workers: worker,
  enterprises: enterprise,
  openings: opening,
  routes: route,
  batches: batch,
  assignments: assignment,
  healthChecks: healthCheck,
  checklistTicks: checklistTick,
  followUps: followUp,
  arrivals: arrival,
  handovers: handover,
  contacts: contact,
  employmentPeriods: employmentPeriod,
  subsidySchemes: subsidyScheme,
  agencies: agency,
  introductions: introduction,
  subsidyClaims: subsidyClaim,
  audit,
  settings,
};

/** Why a field of a record was refused: a message key under `backups.recordProblem.` */
export type RecordProblemCode = 'invalid' | 'too-long' | 'unknown-value' | 'missing' | 'rule';

export interface RecordProblem {
  table: string;
  /** 1-based position of the record in its table, as the file holds it. */
  position: number;
  /** The record's key, when it has one that can be shown. */
  key: string;
  /** The field, as a dotted path (`legs.0.mode`); empty when the record itself is not an object. */
  field: string;
  code: RecordProblemCode;
  /** For `rule`: the rule's problem code (an i18n key under `problems.`) and its message's values. */
  rule?: string;
  ruleParams?: Readonly<Record<string, string | number>>;
}

export interface RecordCheckOptions {
  /** The day a worker's birth date may not pass (Beijing calendar). */
  today: string;
  /** Records of the table before `records` (checked in slices): positions count on from it. */
  offset?: number;
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function problemOfIssue(issue: z.core.$ZodIssue, record: unknown): { field: string; code: RecordProblemCode } {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'too_big' && issue.origin === 'string') return { field, code: 'too-long' };
  if (issue.code === 'invalid_value') return { field, code: 'unknown-value' };
  if (issue.code === 'invalid_type' && valueAt(record, issue.path) === undefined) return { field, code: 'missing' };
  return { field, code: 'invalid' };
}

interface RuleProblem {
  field: string;
  code: string;
  params?: Readonly<Record<string, string | number>> | undefined;
}

type Rule = (record: Record<string, unknown>, options: RecordCheckOptions) => RuleProblem | null;

const firstProblem = (problems: readonly RuleProblem[]) => problems[0] ?? null;

/** The rules the app writes each table with, on a record whose shape is right. */
const RULES: Readonly<Record<string, Rule>> = {
  workers: (record, { today }) => {
    const stored = record as unknown as Worker;
    // An anonymised worker holds a masked ID and name on purpose (shared/privacy): only its shape is checked.
    if (stored.anonymisedAt) return null;
    // Ages are a warning only: a range of 0 to 200 years reports none.
    const { worker: checked, problems } = checkWorker(workerInputOf(stored), {
      today,
      workingAge: { min: 0, max: 200 },
    });
    const error = problems.find((problem) => problem.severity === 'error');
    if (error) return { field: error.field, code: error.code, params: error.params };
    if (!checked) return { field: 'residentId', code: 'required' };
    // What the resident ID decides must be what the ID says.
    if (checked.residentId !== stored.residentId) return { field: 'residentId', code: 'resident-id-characters' };
    if (checked.birthDate !== stored.birthDate) return { field: 'birthDate', code: 'resident-id-birth-date' };
    if (checked.gender !== stored.gender) return { field: 'gender', code: 'gender-mismatch' };
    return null;
  },
  enterprises: (record) => firstProblem(checkEnterprise(record as never, [])),
  openings: (record) => firstProblem(checkOpening(record as never)),
  routes: (record) => firstProblem(checkRoute(record as never, [])),
  // A batch's own texts only: its legs are checked against its route nowhere in a restore (above).
  batches: (record) => firstProblem(checkBatchTexts(record as never)),
  // Older settings records lack the fields added since: the app reads them over its defaults.
  settings: (record) => firstProblem(checkSettings({ ...DEFAULT_SETTINGS, ...record })),
  // A contact's texts; its dates were checked against its day when it was logged, which a restore cannot repeat.
  contacts: (record) => firstProblem(textProblems(record, CONTACT_TEXT_BOUNDS)),
  handovers: (record) => firstProblem(textProblems(record, HANDOVER_TEXT_BOUNDS)),
  arrivals: (record) => firstProblem(textProblems(record, ARRIVAL_TEXT_BOUNDS)),
  // A scheme the app could not pay out as written (overlapping tiers, no amount) is never stored.
  subsidySchemes: (record) => firstProblem(checkScheme(record as unknown as SubsidyScheme)),
  agencies: (record) => firstProblem(checkAgency(record as never, [])),
  employmentPeriods: (record) => {
    const { start, end } = record as unknown as EmploymentPeriod;
    const problem = checkEmploymentSpan({ start, end });
    return problem ? { field: 'end', code: problem } : null;
  },
};

function keyOf(record: unknown, keyPath: string): string {
  if (typeof record !== 'object' || record === null) return '';
  const key = (record as Record<string, unknown>)[keyPath];
  return typeof key === 'string' || typeof key === 'number' ? String(key).slice(0, 80) : '';
}

/**
 * The first problem of a table's records, or null when every record could have been written by
 * the app. `keyPath` names the record's key, to say which record it is.
 */
export function checkBackupRecords(
  table: string,
  records: readonly unknown[],
  keyPath: string,
  options: RecordCheckOptions,
): RecordProblem | null {
  const schema = BACKUP_RECORD_SCHEMAS[table];
  if (!schema) return null;
  const rule = RULES[table];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    const at = { table, position: (options.offset ?? 0) + index + 1, key: keyOf(record, keyPath) };
    const shape = schema.safeParse(record);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      return { ...at, ...(issue ? problemOfIssue(issue, record) : { field: '', code: 'invalid' as const }) };
    }
    const broken = rule?.(record as Record<string, unknown>, options);
    if (broken) {
      return {
        ...at,
        field: broken.field,
        code: 'rule',
        rule: broken.code,
        ...(broken.params && { ruleParams: broken.params }),
      };
    }
  }
  return null;
}
