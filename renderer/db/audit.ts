import type { AuditEntry } from '../../shared/domain/records';
import { DEFAULT_SETTINGS } from '../../shared/domain/records';
import type { PlannerDatabase } from './database';
import { newId, now } from './clock';

/** Name written into audit rows while no operator is set in settings. */
export const UNNAMED_OPERATOR = '';

/** What a change says; who and when are added here. */
type Change = Omit<AuditEntry, 'seq' | 'id' | 'at' | 'operator'>;

/**
 * Appends one audit row. Must run inside the caller's transaction, which includes the `audit` and
 * `settings` tables, so that the change and its audit row are written together or not at all.
 */
export async function recordChange(db: PlannerDatabase, change: Change): Promise<AuditEntry> {
  const settings = await db.settings.get(DEFAULT_SETTINGS.id);
  const entry: AuditEntry = {
    id: newId(),
    at: now(),
    operator: settings?.operatorName ?? UNNAMED_OPERATOR,
    ...change,
  };
  await db.audit.add(entry);
  return entry;
}

/** The audit history of one record, oldest first. */
export async function historyOf(db: PlannerDatabase, table: string, recordId: string): Promise<AuditEntry[]> {
  return db.audit.where('[table+recordId]').equals([table, recordId]).sortBy('seq');
}
