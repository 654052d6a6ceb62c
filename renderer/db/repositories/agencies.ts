/**
 * HR service agencies (人力资源服务机构) and who they introduced to which enterprise (issue 18,
 * "agencies"; docs/domain.md#subsidies): an agency's placement subsidy rests on an introduction, and
 * is paid into the agency's bank account. Every write goes through auditedWrite.
 */
import type { Agency, AuditEntry, CalendarDate, Introduction } from '@shared/domain/records';
import { isCalendarDate, todayCalendarDate } from '@shared/dates';
import { checkAgency, normalizeAgencyInput, type AgencyInput } from '@shared/subsidy/agency-rules';
import { historyOf } from '../audit';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { database, type PlannerDatabase } from '../database';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';

export type { AgencyInput };

/** Live agencies by name in Chinese collation. */
export async function listAgencies(): Promise<Agency[]> {
  const collator = new Intl.Collator('zh-CN');
  return (await database().agencies.toArray()).filter(isLive).sort((a, b) => collator.compare(a.name, b.name));
}

async function liveAgency(db: PlannerDatabase, id: string): Promise<Agency> {
  const agency = await db.agencies.get(id);
  if (!agency || !isLive(agency)) throw new RecordNotFoundError('agencies', id);
  return agency;
}

/**
 * Stores a new agency (`id` null) or changes one; `basedOn` is the agency as the form loaded it.
 * Refused, with nothing stored, for a missing name, a credit code whose check character is wrong or
 * that another agency has, a bank account given in part.
 */
export async function saveAgency(id: string | null, input: AgencyInput, basedOn?: Agency): Promise<Agency> {
  return auditedWrite(['agencies'], async ({ db, create, update }) => {
    const others = (await db.agencies.toArray()).filter((agency) => isLive(agency) && agency.id !== id);
    const problems = checkAgency(input, others);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const fields = normalizeAgencyInput(input);
    const at = now();
    if (id === null) return create<Agency>('agencies', { id: newId(), ...fields, createdAt: at, updatedAt: at });
    const before = await liveAgency(db, id);
    return update('agencies', before, { ...before, ...fields, updatedAt: at }, basedOn ? { basedOn } : {});
  });
}

/** An agency, deleted or not (its page shows a deleted one with the way back). */
export async function getAgency(id: string): Promise<Agency | undefined> {
  return database().agencies.get(id);
}

/** The audit history of an agency, oldest first. */
export async function agencyHistory(id: string): Promise<AuditEntry[]> {
  return historyOf(database(), 'agencies', id);
}

/**
 * Marks an agency deleted. Refused, naming it and how many, while a claim for it is still open or
 * paid (it must stay named), or while introductions by it are recorded: they are what its
 * placement subsidy rests on, and are removed one by one first.
 */
export async function deleteAgency(id: string): Promise<void> {
  await auditedWrite(['agencies', 'introductions', 'subsidyClaims'], async ({ db, update }) => {
    const before = await liveAgency(db, id);
    const claims = (await db.subsidyClaims.where('payeeId').equals(id).toArray()).filter(
      (claim) => isLive(claim) && claim.status !== 'rejected',
    );
    if (claims.length > 0) {
      throw new RecordRejectedError([
        { field: 'id', code: 'payee-has-claims', params: { payee: before.name, count: claims.length } },
      ]);
    }
    const introductions = (await db.introductions.where('agencyId').equals(id).toArray()).filter(isLive);
    if (introductions.length > 0) {
      throw new RecordRejectedError([
        { field: 'id', code: 'agency-has-introductions', params: { agency: before.name, count: introductions.length } },
      ]);
    }
    const at = now();
    await update('agencies', before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
  });
}

/** Undoes the delete of an agency; refused when another agency has taken its credit code meanwhile. */
export async function restoreAgency(id: string): Promise<Agency> {
  return auditedWrite(['agencies'], async ({ db, update }) => {
    const before = await db.agencies.get(id);
    if (!before) throw new RecordNotFoundError('agencies', id);
    if (isLive(before)) return before;
    const taken = (await db.agencies.where('creditCode').equals(before.creditCode).toArray()).some(
      (other) => other.id !== id && isLive(other),
    );
    if (taken) throw new RecordRejectedError([{ field: 'creditCode', code: 'agency-credit-code-duplicate' }]);
    return update('agencies', before, { ...before, deletedAt: null, updatedAt: now() }, { action: 'restore' });
  });
}

export interface IntroductionInput {
  agencyId: string;
  workerId: string;
  enterpriseId: string;
  introducedOn: CalendarDate;
  notes: string;
}

/**
 * Records that an agency introduced a worker to an enterprise. Refused when the day is not a date
 * or is after today, or when the worker was already introduced to that enterprise (by this agency
 * or another: one placement is paid once), naming the agency that did.
 */
export async function recordIntroduction(input: IntroductionInput): Promise<Introduction> {
  return auditedWrite(['agencies', 'introductions', 'workers', 'enterprises'], async ({ db, create }) => {
    await liveAgency(db, input.agencyId);
    const worker = await db.workers.get(input.workerId);
    if (!worker || !isLive(worker)) throw new RecordNotFoundError('workers', input.workerId);
    const enterprise = await db.enterprises.get(input.enterpriseId);
    if (!enterprise || !isLive(enterprise)) throw new RecordNotFoundError('enterprises', input.enterpriseId);
    const day = input.introducedOn.trim();
    if (!isCalendarDate(day)) throw new RecordRejectedError([{ field: 'introducedOn', code: 'date-invalid' }]);
    if (day > todayCalendarDate()) {
      throw new RecordRejectedError([{ field: 'introducedOn', code: 'date-in-future' }]);
    }
    const earlier = (await db.introductions.where('workerId').equals(input.workerId).toArray()).find(
      (introduction) => isLive(introduction) && introduction.enterpriseId === input.enterpriseId,
    );
    if (earlier) {
      const by = await db.agencies.get(earlier.agencyId);
      throw new RecordRejectedError([
        {
          field: 'workerId',
          code: 'introduction-duplicate',
          params: {
            name: worker.name,
            enterprise: enterprise.name,
            agency: by?.name ?? '',
            date: earlier.introducedOn,
          },
        },
      ]);
    }
    const notes = input.notes.trim();
    if (notes.length > 2_000) {
      throw new RecordRejectedError([{ field: 'notes', code: 'label-too-long', params: { max: 2_000 } }]);
    }
    const at = now();
    return create<Introduction>('introductions', {
      id: newId(),
      agencyId: input.agencyId,
      workerId: input.workerId,
      enterpriseId: input.enterpriseId,
      introducedOn: day,
      notes,
      createdAt: at,
      updatedAt: at,
    });
  });
}

/** Removes an introduction recorded by mistake; refused once a claim rests on it. */
export async function deleteIntroduction(id: string): Promise<void> {
  await auditedWrite(['introductions', 'subsidyClaims', 'workers'], async ({ db, update }) => {
    const before = await db.introductions.get(id);
    if (!before || !isLive(before)) throw new RecordNotFoundError('introductions', id);
    const claimed = (await db.subsidyClaims.where('workerId').equals(before.workerId).toArray()).some(
      (claim) =>
        isLive(claim) && claim.payee === 'agency' && claim.payeeId === before.agencyId && claim.status !== 'rejected',
    );
    if (claimed) {
      const worker = await db.workers.get(before.workerId);
      throw new RecordRejectedError([
        { field: 'id', code: 'introduction-claimed', params: { name: worker?.name ?? '' } },
      ]);
    }
    const at = now();
    await update('introductions', before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
  });
}

/** A worker's live introductions, oldest first. */
export async function introductionsOf(workerId: string): Promise<Introduction[]> {
  return (await database().introductions.where('workerId').equals(workerId).toArray())
    .filter(isLive)
    .sort((a, b) => a.introducedOn.localeCompare(b.introducedOn));
}

/** An introduction with the names it points at, as the agency's page and the worker's page list it. */
export interface IntroductionRow {
  introduction: Introduction;
  agencyName: string;
  workerName: string;
  enterpriseName: string;
  /** The enterprise is a key enterprise (重点企业): what the placement subsidy asks for. */
  isKeyEnterprise: boolean;
}

async function introductionRows(introductions: readonly Introduction[]): Promise<IntroductionRow[]> {
  const db = database();
  const live = introductions.filter(isLive);
  const [agencies, workers, enterprises] = await Promise.all([
    db.agencies.bulkGet([...new Set(live.map((introduction) => introduction.agencyId))]),
    db.workers.bulkGet([...new Set(live.map((introduction) => introduction.workerId))]),
    db.enterprises.bulkGet([...new Set(live.map((introduction) => introduction.enterpriseId))]),
  ]);
  const names = <T extends { id: string; name: string }>(records: (T | undefined)[]) =>
    new Map(records.filter((record): record is T => record !== undefined).map((record) => [record.id, record]));
  const agencyOf = names(agencies);
  const workerOf = names(workers);
  const enterpriseOf = names(enterprises);
  return live.map((introduction) => ({
    introduction,
    agencyName: agencyOf.get(introduction.agencyId)?.name ?? '',
    workerName: workerOf.get(introduction.workerId)?.name ?? '',
    enterpriseName: enterpriseOf.get(introduction.enterpriseId)?.name ?? '',
    isKeyEnterprise: enterpriseOf.get(introduction.enterpriseId)?.isKeyEnterprise ?? false,
  }));
}

/** An agency's live introductions with the names, newest first (then by the person's name). */
export async function introductionsByAgency(agencyId: string): Promise<IntroductionRow[]> {
  const collator = new Intl.Collator('zh-CN');
  const rows = await introductionRows(await database().introductions.where('agencyId').equals(agencyId).toArray());
  return rows.sort(
    (a, b) =>
      b.introduction.introducedOn.localeCompare(a.introduction.introducedOn) ||
      collator.compare(a.workerName, b.workerName),
  );
}

/** A worker's live introductions with the names, oldest first: the first is the one a subsidy pays for. */
export async function introductionsOfWorker(workerId: string): Promise<IntroductionRow[]> {
  return introductionRows(await introductionsOf(workerId));
}

/** How many live introductions each agency recorded, by agency id (for the agencies list). */
export async function introductionCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const introduction of (await database().introductions.toArray()).filter(isLive)) {
    counts.set(introduction.agencyId, (counts.get(introduction.agencyId) ?? 0) + 1);
  }
  return counts;
}

/**
 * The enterprises a worker has a live employment period at (of a live follow-up), earliest start
 * first: those a placement subsidy can rest on, so the introduction form starts with one of them
 * and says when the enterprise chosen is not among them.
 */
export async function employersOfWorker(workerId: string): Promise<string[]> {
  const db = database();
  const [followUps, periods] = await Promise.all([
    db.followUps.where('workerId').equals(workerId).toArray(),
    db.employmentPeriods.where('workerId').equals(workerId).toArray(),
  ]);
  const live = new Set(followUps.filter(isLive).map((followUp) => followUp.id));
  const ids = periods
    .filter((period) => isLive(period) && live.has(period.followUpId))
    .sort((a, b) => a.start.localeCompare(b.start))
    .flatMap((period) => (period.enterpriseId === null ? [] : [period.enterpriseId]));
  return [...new Set(ids)];
}
