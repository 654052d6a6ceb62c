import type { RecordMeta } from '@shared/domain/records';
import type { RecordTableName } from './database';
import { auditedWrite } from './audited-write';
import { now } from './clock';
import { RecordNotFoundError } from './problems';

/** A record that is not soft-deleted: what lists, counts and rules see. */
export function isLive(record: { deletedAt?: string | null }): boolean {
  return !record.deletedAt;
}

/** Marks a live record deleted, with its audit row, in one transaction; it stays stored for undo and merging. */
export async function softDelete(tableName: RecordTableName, id: string): Promise<void> {
  await auditedWrite([tableName], async ({ db, update }) => {
    const before = await db.table<RecordMeta, string>(tableName).get(id);
    if (!before || before.deletedAt) throw new RecordNotFoundError(tableName, id);
    const at = now();
    await update(tableName, before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
  });
}
