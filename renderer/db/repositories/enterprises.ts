import type { Enterprise, Opening } from '@shared/domain/records';
import {
  checkEnterprise,
  checkOpening,
  normalizeEnterpriseInput,
  type EnterpriseInput,
  type OpeningInput,
} from '@shared/domain/enterprise-rules';
import { database } from '../database';
import { historyOf } from '../audit';
import { auditedWrite } from '../audited-write';
import type { AuditEntry } from '@shared/domain/records';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive, softDelete } from '../soft-delete';

export interface EnterpriseFilter {
  /** Part of the name, any case. */
  search?: string;
  /** Exact city, e.g. 广州市; empty for all. */
  city?: string;
  /** Only key enterprises for epidemic-prevention supplies. */
  keyOnly?: boolean;
}

export interface EnterpriseRow extends Enterprise {
  openingCount: number;
  headcount: number;
}

/** Live enterprises matching the filter, by name in Chinese collation, with their openings summed. */
export async function listEnterprises(filter: EnterpriseFilter = {}): Promise<EnterpriseRow[]> {
  const db = database();
  const needle = filter.search?.trim().toLowerCase() ?? '';
  const [enterprises, openings] = await Promise.all([db.enterprises.toArray(), db.openings.toArray()]);
  const byEnterprise = new Map<string, { count: number; headcount: number }>();
  for (const opening of openings) {
    if (!isLive(opening)) continue;
    const sum = byEnterprise.get(opening.enterpriseId) ?? { count: 0, headcount: 0 };
    sum.count += 1;
    sum.headcount += opening.headcount;
    byEnterprise.set(opening.enterpriseId, sum);
  }
  const collator = new Intl.Collator('zh-CN');
  return enterprises
    .filter(isLive)
    .filter((e) => needle === '' || e.name.toLowerCase().includes(needle))
    .filter((e) => !filter.city || e.city === filter.city)
    .filter((e) => !filter.keyOnly || e.isKeyEnterprise)
    .map((e) => ({
      ...e,
      openingCount: byEnterprise.get(e.id)?.count ?? 0,
      headcount: byEnterprise.get(e.id)?.headcount ?? 0,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The cities of live enterprises, for the filter. */
export async function listEnterpriseCities(): Promise<string[]> {
  const enterprises = await database().enterprises.toArray();
  const cities = new Set(
    enterprises
      .filter(isLive)
      .map((e) => e.city)
      .filter((c) => c !== ''),
  );
  return [...cities].sort(new Intl.Collator('zh-CN').compare);
}

/** One enterprise, deleted or not (the detail page shows a deleted one as such). */
export async function getEnterprise(id: string): Promise<Enterprise | undefined> {
  return database().enterprises.get(id);
}

async function othersThan(id: string | null): Promise<Enterprise[]> {
  const all = await database().enterprises.toArray();
  return all.filter((e) => isLive(e) && e.id !== id);
}

export async function createEnterprise(input: EnterpriseInput): Promise<Enterprise> {
  return auditedWrite(['enterprises'], async ({ create }) => {
    const problems = checkEnterprise(input, await othersThan(null));
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const at = now();
    const enterprise: Enterprise = { ...normalizeEnterpriseInput(input), id: newId(), createdAt: at, updatedAt: at };
    return create('enterprises', enterprise);
  });
}

/** Changes an enterprise from a form; `basedOn` is the enterprise as the form loaded it (see updateWorker). */
export async function updateEnterprise(id: string, input: EnterpriseInput, basedOn: Enterprise): Promise<Enterprise> {
  return auditedWrite(['enterprises'], async ({ db, update }) => {
    const before = await db.enterprises.get(id);
    if (!before || before.deletedAt) throw new RecordNotFoundError('enterprises', id);
    const problems = checkEnterprise(input, await othersThan(id));
    if (problems.length > 0) throw new RecordRejectedError(problems);
    return update(
      'enterprises',
      before,
      { ...before, ...normalizeEnterpriseInput(input), updatedAt: now() },
      { basedOn },
    );
  });
}

/** Marks an enterprise deleted; it stays stored, so `restoreEnterprise` can undo this. */
export function deleteEnterprise(id: string): Promise<void> {
  return softDelete('enterprises', id);
}

/** Undoes a soft delete, unless another live enterprise took the credit code meanwhile. */
export async function restoreEnterprise(id: string): Promise<Enterprise> {
  return auditedWrite(['enterprises'], async ({ db, update }) => {
    const before = await db.enterprises.get(id);
    if (!before) throw new RecordNotFoundError('enterprises', id);
    if (!before.deletedAt) return before;
    if ((await othersThan(id)).some((e) => e.creditCode === before.creditCode)) {
      throw new RecordRejectedError([{ field: 'creditCode', code: 'credit-code-duplicate' }]);
    }
    return update('enterprises', before, { ...before, deletedAt: null, updatedAt: now() }, { action: 'restore' });
  });
}

/** Live openings of an enterprise, by position. */
export async function listOpenings(enterpriseId: string): Promise<Opening[]> {
  const openings = await database().openings.where('enterpriseId').equals(enterpriseId).toArray();
  return openings.filter(isLive).sort((a, b) => new Intl.Collator('zh-CN').compare(a.position, b.position));
}

/** Creates (id null) or changes an opening; a change names the opening as the form loaded it (see updateWorker). */
export async function saveOpening(id: null, input: OpeningInput): Promise<Opening>;
export async function saveOpening(id: string, input: OpeningInput, basedOn: Opening): Promise<Opening>;
export async function saveOpening(id: string | null, input: OpeningInput, basedOn?: Opening): Promise<Opening> {
  return auditedWrite(['enterprises', 'openings'], async ({ db, create, update }) => {
    const problems = checkOpening(input);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const enterprise = await db.enterprises.get(input.enterpriseId);
    if (!enterprise || enterprise.deletedAt) throw new RecordNotFoundError('enterprises', input.enterpriseId);
    const cleaned = { ...input, position: input.position.trim(), requirements: input.requirements.trim() };
    const at = now();
    if (id === null) {
      const opening: Opening = { ...cleaned, id: newId(), createdAt: at, updatedAt: at };
      return create('openings', opening);
    }
    const before = await db.openings.get(id);
    if (!before || before.deletedAt) throw new RecordNotFoundError('openings', id);
    return update('openings', before, { ...before, ...cleaned, updatedAt: at }, basedOn ? { basedOn } : {});
  });
}

export function deleteOpening(id: string): Promise<void> {
  return softDelete('openings', id);
}

/** Every change to an enterprise, oldest first. */
export async function enterpriseHistory(id: string): Promise<AuditEntry[]> {
  return historyOf(database(), 'enterprises', id);
}
