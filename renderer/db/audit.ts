import Dexie from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { currentDigests, redactAuditEntry, sealAuditEntry, type RedactedRow } from '@shared/audit/chain';
import { redactPersonalData, type AnonymisedPerson } from '@shared/privacy/anonymise';
import type { PlannerDatabase } from './database';
import { newId, now } from './clock';

/** How the roster import names the record of its audit rows: `import:<import id>` (worker-import.ts). */
const IMPORT_RECORD_PREFIX = 'import:';

/** Name written into audit rows while no operator is set in settings. */
export const UNNAMED_OPERATOR = '';

/** What a change says; who and when are added here, and the link and hash of the chain. */
export type Change = Omit<AuditEntry, 'seq' | 'id' | 'at' | 'operator' | 'prevHash' | 'hash' | 'redaction'>;

/**
 * The hash of the last row each running transaction wrote, so that a transaction recording many
 * changes (an anonymisation, a batch plan) reads the end of the chain once, not once per row; and
 * so that changes recorded without waiting for each other (a `Promise.all`) would still chain one
 * after another (Dexie already runs nested transactions one at a time; this does not rely on it).
 * Keyed by the IndexedDB transaction, which a nested Dexie transaction shares with its parent.
 */
const chainHeads = new WeakMap<IDBTransaction, string | null>();

/**
 * Appends one audit row, linked to the row before it by the hash chain (shared/audit/chain.ts).
 * Must run inside the caller's transaction, which includes the `audit` and `settings` tables, so
 * that the change and its audit row are written together or not at all (called outside one, it
 * opens its own).
 */
export async function recordChange(db: PlannerDatabase, change: Change): Promise<AuditEntry> {
  return db.transaction('rw', [db.audit, db.settings], async () => (await beginChange(db))(change));
}

/**
 * The first half of `recordChange`, for a caller about to ask for many writes: asks at once for
 * what an audit row needs (the operator's name, the end of the chain), so that IndexedDB answers
 * before the writes asked for after it, and resolves with the function that seals the row and adds
 * it. The roster import seals its row while IndexedDB stores the chunk's workers, instead of after.
 * Must be called inside a transaction that includes the `audit` and `settings` tables.
 *
 * The row before is the last one by `seq`, read in this transaction: a read-write transaction on
 * `audit` has the table to itself until it ends, in this window and in any other, so no other row
 * can come between. The hash is computed synchronously (@noble/hashes): waiting for WebCrypto here
 * would let IndexedDB commit the caller's transaction before it is done.
 */
export async function beginChange(db: PlannerDatabase): Promise<(change: Change) => Promise<AuditEntry>> {
  const transaction = Dexie.currentTransaction;
  if (!transaction || !['audit', 'settings'].every((name) => transaction.storeNames.includes(name))) {
    throw new Error('beginChange runs inside a transaction on the audit and settings tables');
  }
  const key = transaction.idbtrans;
  const [settings, last] = await Dexie.Promise.all([
    db.settings.get(DEFAULT_SETTINGS.id),
    chainHeads.has(key) ? undefined : db.audit.orderBy(':id').last(),
  ]);
  // Another change of this transaction may have taken its place in the chain meanwhile.
  if (!chainHeads.has(key)) chainHeads.set(key, last?.hash ?? null);
  return (change) => {
    const entry = sealAuditEntry(
      {
        id: newId(),
        at: now(),
        operator: settings?.operatorName ?? UNNAMED_OPERATOR,
        ...change,
      },
      chainHeads.get(key) ?? null,
    );
    // Set before the add is asked for, with no await between: the next change of this transaction
    // links to this row, and IndexedDB adds them in the order they were asked for.
    chainHeads.set(key, entry.hash);
    return db.audit.add(entry).then(() => entry);
  };
}

/** The audit history of one record, oldest first. */
export async function historyOf(db: PlannerDatabase, table: string, recordId: string): Promise<AuditEntry[]> {
  return db.audit.where('[table+recordId]').equals([table, recordId]).sortBy('seq');
}

/**
 * Removes these people's personal data from the audit rows about them (rows on their worker
 * records, and the roster imports' rows, which list the workers they changed), keeping each row's
 * hash verifiable (shared/audit/chain.ts, "redaction"). The one write to the audit table other than
 * `recordChange`: the caller must then record a `redact` row naming what this returns, in the same
 * transaction, or the chain reports the rows as changed. Returns the rows redacted, as that row names them.
 */
export async function redactAuditRows(
  db: PlannerDatabase,
  people: ReadonlyMap<string, AnonymisedPerson>,
  at: string,
): Promise<RedactedRow[]> {
  if (people.size === 0) return [];
  const own = await db.audit
    .where('[table+recordId]')
    .anyOf([...people.keys()].map((id) => ['workers', id]))
    .toArray();
  const imports = await db.audit
    .where('[table+recordId]')
    .between(['workers', IMPORT_RECORD_PREFIX], ['workers', `${IMPORT_RECORD_PREFIX}\uffff`], true, true)
    .toArray();
  const redacted: AuditEntry[] = [];
  for (const row of [...own, ...imports]) {
    const before = redactPersonalData(row.before, people);
    const after = redactPersonalData(row.after, people);
    if (before !== row.before || after !== row.after) redacted.push(redactAuditEntry(row, before, after, at));
  }
  await db.audit.bulkPut(redacted);
  return redacted.map((row) => ({ id: row.id, ...currentDigests(row) }));
}
