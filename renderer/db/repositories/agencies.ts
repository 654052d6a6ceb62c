/**
 * HR service agencies (人力资源服务机构) and who they introduced to which enterprise (issue 18,
 * "agencies"; docs/domain.md#subsidies): an agency's placement subsidy rests on an introduction, and
 * is paid into the agency's bank account. Every write goes through auditedWrite.
 */
import type { Agency, CalendarDate, Introduction } from '@shared/domain/records';
import { isCalendarDate, todayCalendarDate } from '@shared/dates';
import { checkAgency, normalizeAgencyInput, type AgencyInput } from '@shared/subsidy/agency-rules';
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

/** Marks an agency deleted; refused while a claim for it is still open or paid (it must stay named). */
export async function deleteAgency(id: string): Promise<void> {
  await auditedWrite(['agencies', 'subsidyClaims'], async ({ db, update }) => {
    const before = await liveAgency(db, id);
    const claims = (await db.subsidyClaims.where('payeeId').equals(id).toArray()).filter(
      (claim) => isLive(claim) && claim.status !== 'rejected',
    );
    if (claims.length > 0) {
      throw new RecordRejectedError([
        { field: 'id', code: 'payee-has-claims', params: { payee: before.name, count: claims.length } },
      ]);
    }
    const at = now();
    await update('agencies', before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
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
