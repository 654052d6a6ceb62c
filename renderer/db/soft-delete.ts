import type { RecordMeta } from '../../shared/domain/records';
import { database, type RecordTableName } from './database';
import { recordChange } from './audit';
import { now } from './clock';
import { RecordNotFoundError } from './problems';

/** Marks a live record deleted, with its audit row, in one transaction; it stays stored for undo and merging. */
export async function softDelete(tableName: RecordTableName, id: string): Promise<void> {
  const db = database();
  const table = db.table<RecordMeta, string>(tableName);
  await db.transaction('rw', [table, db.audit, db.settings], async () => {
    const before = await table.get(id);
    if (!before || before.deletedAt) throw new RecordNotFoundError(tableName, id);
    const at = now();
    const after: RecordMeta = { ...before, deletedAt: at, updatedAt: at };
    await table.put(after);
    await recordChange(db, { table: tableName, recordId: id, action: 'delete', before, after });
  });
}
