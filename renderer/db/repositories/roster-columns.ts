import type { RosterField } from '@shared/roster';
import { database } from '../database';
import { now } from '../clock';

/** Kept in the settings table beside the settings record, under its own id. */
const RECORD_ID = 'roster-columns';

interface RememberedColumns {
  id: typeof RECORD_ID;
  /** Normalized header text -> the field the user mapped it to. */
  columns: Record<string, RosterField>;
  updatedAt: string;
}

/** The column choices the user confirmed on earlier imports, so the next file from a village maps itself. */
export async function rememberedColumns(): Promise<Record<string, RosterField>> {
  const record = (await database().table('settings').get(RECORD_ID)) as RememberedColumns | undefined;
  return record?.columns ?? {};
}

export async function rememberColumns(columns: Record<string, RosterField>): Promise<void> {
  const table = database().table('settings');
  await database().transaction('rw', table, async () => {
    const before = (await table.get(RECORD_ID)) as RememberedColumns | undefined;
    const record: RememberedColumns = { id: RECORD_ID, columns: { ...before?.columns, ...columns }, updatedAt: now() };
    await table.put(record);
  });
}

/** The resident IDs registered already (live or deleted), for the import preview's count. */
export async function registeredResidentIds(): Promise<Set<string>> {
  // One pass over the index's keys: an anyOf of 100,000 IDs walks the index far more slowly.
  const keys = await database().workers.orderBy('residentId').keys();
  return new Set(keys.filter((key): key is string => typeof key === 'string'));
}
