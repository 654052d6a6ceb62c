import Dexie, { type Transaction } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { currentDigests, redactAuditEntry, sealAuditEntry, type RedactedRow } from '@shared/audit/chain';
import {
  advanceAnchor,
  anchorOfTrail,
  auditAnchorSchema,
  type AuditAnchor,
  type AuditChainStart,
} from '@shared/audit/anchor';
import { redactPersonalData, type AnonymisedPerson } from '@shared/privacy/anonymise';
import type { PlannerDatabase } from './database';
import { newId, now } from './clock';

/** How the roster import names the record of its audit rows: `import:<import id>` (worker-import.ts). */
const IMPORT_RECORD_PREFIX = 'import:';

/** Name written into audit rows while no operator is set in settings. */
export const UNNAMED_OPERATOR = '';

/** What a change says; who and when are added here, and the link and hash of the chain. */
export type Change = Omit<AuditEntry, 'seq' | 'id' | 'at' | 'operator' | 'prevHash' | 'hash' | 'redaction'>;

/** The key of the chain's anchor in the `installation` table (shared/audit/anchor.ts). */
export const AUDIT_ANCHOR_ID = 'audit-chain';

/** This installation's anchor of the audit chain, as the `installation` table holds it. */
export interface AuditAnchorRecord extends AuditAnchor {
  id: typeof AUDIT_ANCHOR_ID;
  /** When it was last written. */
  anchoredAt: string;
}

/** The anchor in the `installation` table; null when there is none (or it is not an anchor any more). */
export async function readAuditAnchor(db: PlannerDatabase): Promise<AuditAnchor | null> {
  return anchorOf(await db.installation.get(AUDIT_ANCHOR_ID));
}

function anchorOf(record: unknown): AuditAnchor | null {
  const parsed = auditAnchorSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/** Stores `anchor` as this installation's (inside the caller's transaction on `installation`). */
export function putAuditAnchor(db: PlannerDatabase, anchor: AuditAnchor): Promise<unknown> {
  const record: AuditAnchorRecord = { ...anchor, id: AUDIT_ANCHOR_ID, anchoredAt: now() };
  return db.installation.put(record);
}

/** What a running transaction has added to the chain, and the anchor it started from. */
interface ChainState {
  /** The hash of the last row written (or, before any, of the row before). */
  head: string | null;
  /** The anchor as this transaction first read it. */
  base: AuditAnchor | null;
  /** Rows in the trail when the transaction began (read only when there is no anchor). */
  rowsBefore: number;
  /** The first row this transaction sealed, and the newest. */
  first?: AuditChainStart;
  newest?: { hash: string; at: string };
  added: number;
  /** The operator's name as this transaction last read it from settings. */
  operator: string;
}

/**
 * The end of the chain as each running transaction left it, so that a transaction recording many
 * changes (an anonymisation, a batch plan) reads the end of the chain and its anchor once, not once
 * per row, and writes the anchor once; and so that changes recorded without waiting for each other
 * (a `Promise.all`) would still chain one after another (Dexie already runs nested transactions one
 * at a time; this does not rely on it). Keyed by the IndexedDB transaction, which a nested Dexie
 * transaction shares with its parent.
 */
const chainStates = new WeakMap<IDBTransaction, ChainState>();

/** The tables a transaction that writes audit rows must include. */
export const AUDIT_TABLES = ['audit', 'settings', 'installation'] as const;

/**
 * Appends one audit row, linked to the row before it by the hash chain (shared/audit/chain.ts), and
 * moves the chain's anchor to it. Must run inside the caller's transaction, which includes the
 * `audit`, `settings` and `installation` tables, so that the change, its audit row and the anchor
 * are written together or not at all (called outside one, it opens its own).
 */
export async function recordChange(db: PlannerDatabase, change: Change): Promise<AuditEntry> {
  return db.transaction('rw', [...AUDIT_TABLES], async () => {
    const entry = await (await beginChange(db, change.table === 'settings'))(change);
    await writeAuditAnchor(db);
    return entry;
  });
}

/**
 * Appends one audit row like `recordChange` but leaves the anchor to the caller, who writes it once
 * with `writeAuditAnchor` before its transaction ends (auditedWrite: one put per transaction).
 */
export async function appendChange(db: PlannerDatabase, change: Change): Promise<AuditEntry> {
  return db.transaction('rw', [...AUDIT_TABLES], async () =>
    (await beginChange(db, change.table === 'settings'))(change),
  );
}

/**
 * Writes the anchor (issue 16, item 1) after the rows this transaction appended: the count and the
 * newest hash, and where the chain began when this transaction began it. Nothing when it appended
 * none. Must run inside that transaction, after its last row was asked for.
 */
export function writeAuditAnchor(db: PlannerDatabase): Promise<unknown> {
  const transaction = Dexie.currentTransaction;
  const state = transaction ? chainStates.get(transaction.idbtrans) : undefined;
  if (!state?.first || !state.newest) return Dexie.Promise.resolve();
  return putAuditAnchor(db, advanceAnchor(state.base, state.rowsBefore, state.first, state.newest, state.added, now()));
}

/**
 * The first half of `recordChange`, for a caller about to ask for many writes: asks at once for
 * what an audit row needs (the operator's name, the end of the chain), so that IndexedDB answers
 * before the writes asked for after it, and resolves with the function that seals the row and adds
 * it. The roster import seals its row while IndexedDB stores the chunk's workers, instead of after.
 * Must be called inside a transaction that includes the `audit`, `settings` and `installation`
 * tables; the caller then writes the anchor (`writeAuditAnchor`) before the transaction ends.
 *
 * The row before is the last one by `seq`, read in this transaction: a read-write transaction on
 * `audit` has the table to itself until it ends, in this window and in any other, so no other row
 * can come between. The hash is computed synchronously (@noble/hashes): waiting for WebCrypto here
 * would let IndexedDB commit the caller's transaction before it is done.
 *
 * The first change of a transaction reads the end of the chain and the operator's name; the others
 * read nothing, so a transaction's later writes and their rows are asked for without a round trip
 * (a contact's save writes four records, issue 17). `operatorChanged` reads the name again: the row
 * of a change to the settings, asked for after the settings are written, names the operator they set.
 */
export async function beginChange(
  db: PlannerDatabase,
  operatorChanged = false,
): Promise<(change: Change) => Promise<AuditEntry>> {
  const transaction = Dexie.currentTransaction;
  if (!transaction || !AUDIT_TABLES.every((name) => transaction.storeNames.includes(name))) {
    throw new Error('beginChange runs inside a transaction on the audit, settings and installation tables');
  }
  const key = transaction.idbtrans;
  const known = chainStates.has(key);
  if (!known || operatorChanged) {
    const [settings, last, anchor] = await Dexie.Promise.all([
      db.settings.get(DEFAULT_SETTINGS.id),
      known ? undefined : db.audit.orderBy(':id').last(),
      known ? undefined : db.installation.get(AUDIT_ANCHOR_ID),
    ]);
    const operator = settings?.operatorName ?? UNNAMED_OPERATOR;
    // Another change of this transaction may have taken its place in the chain meanwhile.
    if (!chainStates.has(key)) {
      const base = anchorOf(anchor);
      // Without an anchor, the rows already there are counted once (a lost anchor: anchor.ts).
      const rowsBefore = base === null && last !== undefined ? await db.audit.count() : 0;
      if (!chainStates.has(key)) {
        chainStates.set(key, { head: last?.hash ?? null, base, rowsBefore, added: 0, operator });
      }
    }
    const read = chainStates.get(key);
    if (read && (operatorChanged || !known)) read.operator = operator;
  }
  const state = chainStates.get(key);
  if (!state) throw new Error('the chain state of this transaction is gone');
  return (change) => {
    const entry = sealAuditEntry(
      {
        id: newId(),
        at: now(),
        operator: state.operator,
        ...change,
      },
      state.head,
    );
    // Set before the add is asked for, with no await between: the next change of this transaction
    // links to this row, and IndexedDB adds them in the order they were asked for.
    state.head = entry.hash;
    state.first ??= { id: entry.id, hash: entry.hash, at: entry.at };
    state.newest = { hash: entry.hash, at: entry.at };
    state.added += 1;
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

/**
 * Anchors the trail as it stands when a database without anchors is upgraded to schema 4 (Dexie's
 * upgrade of version 4): the rows it holds are taken on trust, since nothing older says otherwise;
 * from then on every row moves the anchor. Nothing for an empty trail (the first row will start it).
 */
export async function anchorTrailOnUpgrade(transaction: Transaction): Promise<void> {
  const rows: { id: string; at: string; hash?: string | undefined }[] = [];
  await transaction
    .table<AuditEntry, number>('audit')
    .orderBy(':id')
    .each((row) => {
      rows.push({ id: row.id, at: row.at, ...(row.hash === undefined ? {} : { hash: row.hash }) });
    });
  if (rows.length === 0) return;
  const record: AuditAnchorRecord = { ...anchorOfTrail(rows), id: AUDIT_ANCHOR_ID, anchoredAt: now() };
  await transaction.table('installation').put(record);
}
