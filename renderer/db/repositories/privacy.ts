/**
 * Privacy (issue 7): anonymising the people of batches closed longer than the retention period,
 * and a person's own data as one file.
 *
 * Anonymisation is never automatic: the settings page offers it, the user confirms, a backup is
 * made first, and only then `anonymiseExpiredPeople` runs, in one transaction. Its audit rows say
 * whose data was reduced, which fields, when, and which backup came before: never the old values,
 * which would undo the point of it. The audit rows written earlier about these people (their
 * record's history, the roster imports that listed them) have the same data removed; the hash
 * chain stays verifiable (shared/audit/chain.ts, "redaction").
 */
import {
  revisionOf,
  type Assignment,
  type AuditEntry,
  type Batch,
  type Contact,
  type EmploymentPeriod,
  type FollowUp,
  type Handover,
  type HealthCheck,
  type Introduction,
  type SubsidyClaim,
  type Timestamp,
  type Worker,
} from '@shared/domain/records';
import { canonicalJson } from '@shared/audit/canonical';
import { currentDigests, redactAuditEntry, type RedactedRow } from '@shared/audit/chain';
import {
  ANONYMISED_CONTACT_FIELDS,
  ANONYMISED_HANDOVER_FIELDS,
  ANONYMISED_INTRODUCTION_FIELDS,
  ANONYMISED_PERIOD_FIELDS,
  anonymisedIntroductionFields,
  anonymisedContactFields,
  anonymisedExceptions,
  anonymisedPeriodFields,
  redactFollowUpRecord,
} from '@shared/privacy/followup';
import { millisecondsBetween } from '@shared/dates';
import { REDACTION_TABLE, type RedactionRecord } from '@shared/audit/chain';
import { ANONYMISED_FIELDS, anonymiseWorker, isAnonymised } from '@shared/privacy/anonymise';
import { database, type PlannerDatabase } from '../database';
import { redactAuditRows } from '../audit';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { RecordNotFoundError } from '../problems';
import { getSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The format of the personal-data file, so that a later version can read it. */
export const PERSONAL_DATA_FORMAT = 'p2p-personal-data/1';

/** A closed batch whose retention period is over, with the people on it who can be anonymised. */
export interface ExpiredBatch {
  id: string;
  name: string;
  date: string;
  /** When it was closed: the audit row of the step to `closed`, else the batch's last change. */
  closedAt: Timestamp;
  /** People of this batch who can be anonymised now. */
  people: number;
}

/** What the settings page offers: how many people, on which batches. */
export interface RetentionOffer {
  retentionDays: number;
  /** People who can be anonymised (each counted once, whatever the number of batches they rode). */
  people: number;
  /** Batches with at least one such person, oldest closing first. */
  batches: ExpiredBatch[];
}

function statusIn(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'status' in value ? value.status : undefined;
}

/** When each closed batch was closed: the last audit row that moved it to `closed`, else its `updatedAt`. */
async function closingTimes(db: PlannerDatabase, closed: readonly Batch[]): Promise<Map<string, Timestamp>> {
  const times = new Map(closed.map((batch) => [batch.id, batch.updatedAt]));
  if (closed.length === 0) return times;
  const rows = await db.audit
    .where('[table+recordId]')
    .anyOf(closed.map((batch) => ['batches', batch.id]))
    .sortBy('seq');
  for (const row of rows) {
    if (statusIn(row.after) === 'closed' && statusIn(row.before) !== 'closed') times.set(row.recordId, row.at);
  }
  return times;
}

interface ExpiredPeople {
  batches: ExpiredBatch[];
  /** The people, with the expired batches they rode. */
  workers: Map<string, { worker: Worker; batchIds: string[] }>;
}

/**
 * The people who can be anonymised at `at`: on a live assignment of a live batch closed at least
 * `retentionDays` ago, not anonymised yet, and on no other live batch that is still running or was
 * closed more recently (their data is still needed there). With `only`, the batches are limited to those.
 */
async function expiredPeople(
  db: PlannerDatabase,
  at: Timestamp,
  retentionDays: number,
  only?: ReadonlySet<string>,
): Promise<ExpiredPeople> {
  const batches = (await db.batches.toArray()).filter((batch) => !batch.deletedAt);
  const closed = batches.filter((batch) => batch.status === 'closed');
  const closedAt = await closingTimes(db, closed);
  const expired = closed.filter((batch) => {
    const time = closedAt.get(batch.id);
    return time !== undefined && millisecondsBetween(time, at) >= retentionDays * DAY_MS;
  });
  const expiredIds = new Set(expired.map((batch) => batch.id));
  const chosen = only ? expired.filter((batch) => only.has(batch.id)) : expired;
  if (chosen.length === 0) return { batches: [], workers: new Map() };

  const onChosen = await db.assignments
    .where('batchId')
    .anyOf(chosen.map((batch) => batch.id))
    .filter((assignment) => !assignment.deletedAt)
    .toArray();
  const candidateIds = [...new Set(onChosen.map((assignment) => assignment.workerId))];
  const liveBatchIds = new Set(batches.map((batch) => batch.id));
  const elsewhere = await db.assignments
    .where('workerId')
    .anyOf(candidateIds)
    .filter((assignment) => !assignment.deletedAt && liveBatchIds.has(assignment.batchId))
    .toArray();
  const stillNeeded = new Set(
    elsewhere.filter((assignment) => !expiredIds.has(assignment.batchId)).map((assignment) => assignment.workerId),
  );
  const workers = new Map<string, { worker: Worker; batchIds: string[] }>();
  const stored = await db.workers.bulkGet(candidateIds.filter((id) => !stillNeeded.has(id)));
  for (const worker of stored) {
    if (worker && !isAnonymised(worker)) workers.set(worker.id, { worker, batchIds: [] });
  }
  const perBatch = new Map<string, number>();
  for (const assignment of onChosen) {
    const entry = workers.get(assignment.workerId);
    if (!entry || entry.batchIds.includes(assignment.batchId)) continue;
    entry.batchIds.push(assignment.batchId);
    perBatch.set(assignment.batchId, (perBatch.get(assignment.batchId) ?? 0) + 1);
  }
  const listed = chosen
    .filter((batch) => (perBatch.get(batch.id) ?? 0) > 0)
    .map((batch) => ({
      id: batch.id,
      name: batch.name,
      date: batch.date,
      closedAt: closedAt.get(batch.id) ?? batch.updatedAt,
      people: perBatch.get(batch.id) ?? 0,
    }))
    .sort((a, b) => millisecondsBetween(b.closedAt, a.closedAt));
  return { batches: listed, workers };
}

/** How many people of closed batches can be anonymised now, and on which batches. */
export async function retentionOffer(): Promise<RetentionOffer> {
  const db = database();
  const { retentionDays } = await getSettings();
  const found = await expiredPeople(db, now(), retentionDays);
  return { retentionDays, people: found.workers.size, batches: found.batches };
}

export interface AnonymiseOptions {
  /** The backup made just before, as its file is named: kept in the audit rows. Required: no backup, no anonymisation. */
  backupName: string;
  /** Only these batches (the ones the user saw offered); all expired ones when absent. */
  batchIds?: readonly string[];
}

export interface AnonymisationReport {
  people: number;
  batches: number;
  /** Earlier audit rows that had these people's data removed. */
  redactedAuditRows: number;
}

/** What the `anonymise` audit row of a person says: which fields, why, and the backup made before. */
export interface AnonymisedRecord {
  fields: readonly string[];
  batchIds: string[];
  retentionDays: number;
  backup: string;
}

/** Thrown when anonymisation is asked for without a backup made first. */
export class BackupRequiredError extends Error {
  constructor() {
    super('anonymisation needs a backup made just before');
    this.name = 'BackupRequiredError';
  }
}

/**
 * Anonymises the people of the closed batches past retention (see `expiredPeople`), in one
 * transaction: their records, the audit rows about them, one `anonymise` row per person and one
 * `redact` row naming the audit rows redacted. Runs only after a backup (`backupName`).
 */
export async function anonymiseExpiredPeople(options: AnonymiseOptions): Promise<AnonymisationReport> {
  if (options.backupName.trim() === '') throw new BackupRequiredError();
  const { retentionDays } = await getSettings();
  return auditedWrite(FOLLOW_UP_TABLES, async ({ db, record }) => {
    const at = now();
    const only = options.batchIds ? new Set(options.batchIds) : undefined;
    const found = await expiredPeople(db, at, retentionDays, only);
    if (found.workers.size === 0) return { people: 0, batches: 0, redactedAuditRows: 0 };
    const people = new Map([...found.workers].map(([id, { worker }]) => [id, worker]));
    await db.workers.bulkPut(
      [...people.values()].map((worker) => ({ ...anonymiseWorker(worker, at), revision: revisionOf(worker) + 1 })),
    );
    const redacted = await redactAuditRows(db, people, at);
    // The follow-up records about them (issue 17): what a caller wrote, reduced; and the audit rows that hold it.
    const related = await anonymiseFollowUps(db, new Set(people.keys()), at);
    redacted.push(...related.redacted);
    const why = { retentionDays, backup: options.backupName };
    for (const { table, id, fields, workerId } of related.records) {
      const after: AnonymisedRecord = { fields, batchIds: found.workers.get(workerId)?.batchIds ?? [], ...why };
      await record({ table, recordId: id, action: 'anonymise', before: null, after });
    }
    for (const [id, { batchIds }] of found.workers) {
      const after: AnonymisedRecord = {
        fields: ANONYMISED_FIELDS,
        batchIds,
        retentionDays,
        backup: options.backupName,
      };
      await record({ table: 'workers', recordId: id, action: 'anonymise', before: null, after });
    }
    if (redacted.length > 0) {
      const redaction: RedactionRecord = { cause: 'anonymise', people: people.size, redacted };
      await record({
        table: REDACTION_TABLE,
        recordId: newId(),
        action: 'redact',
        before: null,
        after: redaction,
      });
    }
    return { people: people.size, batches: found.batches.length, redactedAuditRows: redacted.length };
  });
}

/** The tables an anonymisation writes: the people, and the follow-up records about them. */
const FOLLOW_UP_TABLES = [
  'workers',
  'batches',
  'assignments',
  'contacts',
  'employmentPeriods',
  'handovers',
  'introductions',
] as const;

/** What `anonymiseFollowUps` reduced: each record (for its `anonymise` row) and the audit rows redacted. */
interface FollowUpAnonymisation {
  records: {
    table: 'contacts' | 'employmentPeriods' | 'handovers' | 'introductions';
    id: string;
    workerId: string;
    fields: string[];
  }[];
  redacted: RedactedRow[];
}

/**
 * Reduces the follow-up records about these people (shared/privacy/followup.ts says what and why):
 * their contacts, their employment periods and the notes of their exceptions on handovers, each
 * with its revision counted; and removes the same texts from the audit rows of those records.
 */
async function anonymiseFollowUps(
  db: PlannerDatabase,
  workerIds: ReadonlySet<string>,
  at: Timestamp,
): Promise<FollowUpAnonymisation> {
  const ids = [...workerIds];
  const [contacts, periods, assignments, introductions] = await Promise.all([
    db.contacts.where('workerId').anyOf(ids).toArray(),
    db.employmentPeriods.where('workerId').anyOf(ids).toArray(),
    db.assignments.where('workerId').anyOf(ids).toArray(),
    db.introductions.where('workerId').anyOf(ids).toArray(),
  ]);
  const handovers = (
    await db.handovers
      .where('batchId')
      .anyOf([...new Set(assignments.map((assignment) => assignment.batchId))])
      .toArray()
  ).filter((handover) => handover.exceptions.some((exception) => workerIds.has(exception.workerId)));
  const result: FollowUpAnonymisation = { records: [], redacted: [] };
  const changed = <T extends { revision?: number }>(before: T, after: T): T | null =>
    canonicalJson(before) === canonicalJson(after)
      ? null
      : { ...after, updatedAt: at, revision: revisionOf(before) + 1 };

  const contactPuts: Contact[] = [];
  for (const contact of contacts) {
    const next = changed(contact, { ...contact, ...anonymisedContactFields(contact) });
    if (!next) continue;
    contactPuts.push(next);
    result.records.push({
      table: 'contacts',
      id: contact.id,
      workerId: contact.workerId,
      fields: [...ANONYMISED_CONTACT_FIELDS],
    });
  }
  const periodPuts: EmploymentPeriod[] = [];
  for (const period of periods) {
    const next = changed(period, { ...period, ...anonymisedPeriodFields(period) });
    if (!next) continue;
    periodPuts.push(next);
    result.records.push({
      table: 'employmentPeriods',
      id: period.id,
      workerId: period.workerId,
      fields: [...ANONYMISED_PERIOD_FIELDS],
    });
  }
  const handoverPuts: Handover[] = [];
  for (const handover of handovers) {
    const next = changed(handover, { ...handover, exceptions: anonymisedExceptions(handover, workerIds) });
    if (!next) continue;
    handoverPuts.push(next);
    for (const exception of handover.exceptions.filter((candidate) => workerIds.has(candidate.workerId))) {
      result.records.push({
        table: 'handovers',
        id: handover.id,
        workerId: exception.workerId,
        fields: [...ANONYMISED_HANDOVER_FIELDS],
      });
    }
  }
  // An agency's note about the person (issue 18): the introduction itself (who, where, when) stays.
  const introductionPuts: Introduction[] = [];
  for (const introduction of introductions) {
    const next = changed(introduction, { ...introduction, ...anonymisedIntroductionFields() });
    if (!next) continue;
    introductionPuts.push(next);
    result.records.push({
      table: 'introductions',
      id: introduction.id,
      workerId: introduction.workerId,
      fields: [...ANONYMISED_INTRODUCTION_FIELDS],
    });
  }
  await db.introductions.bulkPut(introductionPuts);
  await db.contacts.bulkPut(contactPuts);
  await db.employmentPeriods.bulkPut(periodPuts);
  await db.handovers.bulkPut(handoverPuts);

  // Every audit row of these records, whether or not the record itself needed a change now.
  const keys: [string, string][] = [
    ...contacts.map((contact): [string, string] => ['contacts', contact.id]),
    ...periods.map((period): [string, string] => ['employmentPeriods', period.id]),
    ...handovers.map((handover): [string, string] => ['handovers', handover.id]),
    ...introductions.map((introduction): [string, string] => ['introductions', introduction.id]),
  ];
  if (keys.length === 0) return result;
  const rows = await db.audit.where('[table+recordId]').anyOf(keys).toArray();
  const redactedRows: AuditEntry[] = [];
  for (const row of rows) {
    const before = redactFollowUpRecord(row.table, row.before, workerIds);
    const after = redactFollowUpRecord(row.table, row.after, workerIds);
    const same =
      canonicalJson(before) === canonicalJson(row.before) && canonicalJson(after) === canonicalJson(row.after);
    if (!same) redactedRows.push(redactAuditEntry(row, before, after, at));
  }
  await db.audit.bulkPut(redactedRows);
  result.redacted = redactedRows.map((row) => ({ id: row.id, ...currentDigests(row) }));
  return result;
}

/** A batch as a person's data names it. */
export interface BatchSummary {
  id: string;
  name: string;
  date: string;
  status: Batch['status'];
}

/**
 * Everything the planner holds about one person, as the file of "export personal data" holds it:
 * their record, where they were placed, their batches, seats, health checks, follow-ups, contacts,
 * employment periods and the handovers naming them, and the audit rows about these records (from the roster imports, only the part about them).
 */
export interface PersonalData {
  /** The file's format, so that a later version can read it. */
  format: typeof PERSONAL_DATA_FORMAT;
  exportedAt: Timestamp;
  worker: Worker;
  enterprise: { id: string; name: string } | null;
  opening: { id: string; position: string } | null;
  assignments: (Assignment & { batch: BatchSummary | null })[];
  healthChecks: HealthCheck[];
  followUps: FollowUp[];
  /** Every contact logged about them, corrected ones too (issue 17). */
  contacts: Contact[];
  employmentPeriods: EmploymentPeriod[];
  /**
   * The handovers that name them, with only the part about them: other passengers are left out
   * (the person's own exception, if they were not handed over, stays).
   */
  handovers: (Omit<Handover, 'workerIds' | 'exceptions'> & {
    handedOver: boolean;
    exception: Handover['exceptions'][number] | null;
  })[];
  /**
   * The subsidies claimed for them and the agencies' introductions of them (issue 18). Claims are
   * public money's records and hold no identifying text: anonymisation keeps them as they are.
   */
  subsidyClaims: SubsidyClaim[];
  introductions: Introduction[];
  audit: AuditEntry[];
  imports: { seq?: number; at: Timestamp; operator: string; source: unknown; created: boolean; change?: unknown }[];
}

/** The part of a roster import's audit row about one worker, or null when it does not list them. */
function importPart(row: AuditEntry, workerId: string): PersonalData['imports'][number] | null {
  const after: unknown = row.after;
  if (typeof after !== 'object' || after === null) return null;
  const created = 'created' in after && Array.isArray(after.created) && after.created.includes(workerId);
  const updated =
    'updated' in after && Array.isArray(after.updated)
      ? (after.updated as unknown[]).find(
          (change) => typeof change === 'object' && change !== null && 'id' in change && change.id === workerId,
        )
      : undefined;
  if (!created && updated === undefined) return null;
  return {
    seq: row.seq,
    at: row.at,
    operator: row.operator,
    source: 'source' in after ? after.source : null,
    created,
    ...(updated === undefined ? {} : { change: updated }),
  };
}

/** A person's data (see `PersonalData`), or null when there is no such worker. */
export async function personalDataOf(workerId: string): Promise<PersonalData | null> {
  const db = database();
  const worker = await db.workers.get(workerId);
  if (!worker) return null;
  const [assignments, healthChecks, followUps, contacts, employmentPeriods, enterprise, opening] = await Promise.all([
    db.assignments.where('workerId').equals(workerId).toArray(),
    db.healthChecks.where('workerId').equals(workerId).toArray(),
    db.followUps.where('workerId').equals(workerId).toArray(),
    db.contacts.where('workerId').equals(workerId).toArray(),
    db.employmentPeriods.where('workerId').equals(workerId).toArray(),
    worker.enterpriseId ? db.enterprises.get(worker.enterpriseId) : undefined,
    worker.openingId ? db.openings.get(worker.openingId) : undefined,
  ]);
  const [subsidyClaims, introductions] = await Promise.all([
    db.subsidyClaims.where('workerId').equals(workerId).toArray(),
    db.introductions.where('workerId').equals(workerId).toArray(),
  ]);
  const batches = await db.batches.bulkGet([...new Set(assignments.map((assignment) => assignment.batchId))]);
  const batchById = new Map(batches.filter((batch) => batch !== undefined).map((batch) => [batch.id, batch]));
  const batchIds = [...new Set([...assignments, ...followUps].map((record) => record.batchId))];
  const handovers = (await db.handovers.where('batchId').anyOf(batchIds).toArray())
    .filter(
      (handover) =>
        handover.workerIds.includes(workerId) ||
        handover.exceptions.some((exception) => exception.workerId === workerId),
    )
    .map(({ workerIds, exceptions, ...rest }) => ({
      ...rest,
      handedOver: workerIds.includes(workerId),
      exception: exceptions.find((exception) => exception.workerId === workerId) ?? null,
    }));
  const recordKeys: [string, string][] = [
    ['workers', workerId],
    ...assignments.map((record): [string, string] => ['assignments', record.id]),
    ...healthChecks.map((record): [string, string] => ['healthChecks', record.id]),
    ...followUps.map((record): [string, string] => ['followUps', record.id]),
    ...contacts.map((record): [string, string] => ['contacts', record.id]),
    ...employmentPeriods.map((record): [string, string] => ['employmentPeriods', record.id]),
    ...subsidyClaims.map((record): [string, string] => ['subsidyClaims', record.id]),
    ...introductions.map((record): [string, string] => ['introductions', record.id]),
  ];
  const audit = await db.audit.where('[table+recordId]').anyOf(recordKeys).sortBy('seq');
  const importRows = await db.audit
    .where('[table+recordId]')
    .between(['workers', 'import:'], ['workers', 'import:\uffff'], true, true)
    .sortBy('seq');
  return {
    format: PERSONAL_DATA_FORMAT,
    exportedAt: now(),
    worker,
    enterprise: enterprise ? { id: enterprise.id, name: enterprise.name } : null,
    opening: opening ? { id: opening.id, position: opening.position } : null,
    assignments: assignments.map((assignment) => {
      const batch = batchById.get(assignment.batchId);
      return {
        ...assignment,
        batch: batch ? { id: batch.id, name: batch.name, date: batch.date, status: batch.status } : null,
      };
    }),
    healthChecks,
    followUps,
    contacts: contacts.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)),
    employmentPeriods,
    handovers,
    subsidyClaims,
    introductions,
    audit,
    imports: importRows.flatMap((row) => importPart(row, workerId) ?? []),
  };
}

/**
 * Records that a person's data was saved to a file at their request: who, when, which file; the row
 * holds no personal data. Throws RecordNotFoundError for a worker that does not exist.
 */
export async function recordPersonalDataExport(workerId: string, fileName: string): Promise<AuditEntry> {
  return auditedWrite(['workers'], async ({ db, record }) => {
    if (!(await db.workers.get(workerId))) throw new RecordNotFoundError('workers', workerId);
    return record({
      table: 'workers',
      recordId: workerId,
      action: 'export',
      before: null,
      after: { format: PERSONAL_DATA_FORMAT, file: fileName },
    });
  });
}
