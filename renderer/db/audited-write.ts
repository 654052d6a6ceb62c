import Dexie from 'dexie';
import { revisionOf, type AuditAction, type AuditEntry, type RecordMeta } from '@shared/domain/records';
import { RecordChangedError, RecordRejectedError, type LastChange } from '@shared/domain/problems';
import { textTooLong } from '@shared/domain/text-bounds';
import { database, type PlannerDatabase, type RecordTableName } from './database';
import { AUDIT_TABLES, appendChange, beginChange, writeAuditAnchor, type Change } from './audit';

/** How an update of one record is recorded: an edit (the default), a soft delete or a restore. */
export interface UpdateOptions {
  action?: Extract<AuditAction, 'update' | 'delete' | 'restore'>;
  /** Why, as the operator wrote it (an override, a correction). */
  reason?: string;
  /**
   * The record as the user's form loaded it, when the update is a person's edit: the update is
   * refused with a RecordChangedError, and nothing written, when the stored record's revision is no
   * longer this one's (someone saved it meanwhile). Absent for a change computed from the record as
   * the transaction read it (a tick, a seat move, a status step): that one is current by definition.
   */
  basedOn?: RecordMeta;
}

/** The actions that change a record's content, as the audit trail names them: who last changed a record. */
const CHANGES: ReadonlySet<AuditAction> = new Set(['create', 'update', 'delete', 'restore', 'anonymise']);

/** What the body of {@link auditedWrite} writes with: each write goes with its audit row. */
export interface AuditedWrite {
  /** The database of the transaction, for reads and for writes that no row of their own records. */
  readonly db: PlannerDatabase;
  /** Adds a new record and its `create` row; the record (stamped revision 1) is the one returned. */
  readonly create: <T extends RecordMeta>(table: RecordTableName, record: T, reason?: string) => Promise<T>;
  /** Adds new records, each with its `create` row and stamped revision 1. */
  readonly createAll: (table: RecordTableName, records: readonly RecordMeta[]) => Promise<void>;
  /**
   * Stores `after` in place of `before` (the same record as this transaction read it) with one row
   * naming both: an edit, a soft delete or a restore. The stored record's revision is one more than
   * `before`'s; with `options.basedOn`, a `before` of another revision refuses the update.
   */
  readonly update: <T extends RecordMeta>(
    table: RecordTableName,
    before: T,
    after: T,
    options?: UpdateOptions,
  ) => Promise<T>;
  /**
   * Stores many changed records of one table that are read as a whole (a seat plan), with the one
   * row `summary` instead of a row each; no row when nothing changed.
   */
  readonly updateAll: <T extends RecordMeta>(
    table: RecordTableName,
    changes: readonly { before: T; after: T }[],
    summary: Change,
  ) => Promise<void>;
  /** A row that no single record write carries: a print, an export, a purge, a summary of bulk writes. */
  readonly record: (change: Change) => Promise<AuditEntry>;
}

/** Who stored a record as it is now and when, from its newest audit row that changed it (a print changes nothing). */
export function lastChangeOf(db: PlannerDatabase, table: string, id: string): Promise<LastChange | null> {
  return db.audit
    .where('[table+recordId]')
    .equals([table, id])
    .reverse()
    .filter((row) => CHANGES.has(row.action))
    .first()
    .then((row) => (row ? { operator: row.operator, at: row.at } : null));
}

/**
 * The one way a repository changes records: opens a read-write transaction on `tables` plus
 * `audit`, `settings` and `installation`, and hands `body` writes that each record their audit row in that same
 * transaction, chained to the row before (renderer/db/audit.ts), and moves the chain's anchor once at the end. A change and its row are stored
 * together or not at all, and no write can forget its row; like Actual's `mutator(undoable(fn))`,
 * the cross-cutting part is written once here, not at every call. Every update names its table,
 * the record as read and the record as written in one call, which is where a check of the revision
 * it was based on belongs (docs/architecture.md#data).
 *
 * Two writers keep their own transaction, and say why there: the roster import (worker-import.ts),
 * which asks for its audit row's reads before a chunk's writes so IndexedDB answers them while it
 * stores 25,000 workers, and the restore of a backup (backups.ts), which replaces the audit table.
 */
export async function auditedWrite<T>(
  tables: readonly RecordTableName[],
  body: (write: AuditedWrite) => Promise<T>,
): Promise<T> {
  const db = database();
  return db.transaction('rw', [...tables, ...AUDIT_TABLES], () => {
    // The end of the chain and the operator's name, asked for with the body's first reads rather
    // than after them: the body's first row then waits for nothing (renderer/db/audit.ts).
    beginChange(db).catch(() => undefined);
    // Every method returns Dexie's own promise, never a native one from an `async` function: Dexie
    // keeps its transaction current across an `await` of its own promises, and a native promise
    // that settles after a chain of them can leave the body's next write outside the transaction.
    // Each row goes through `recordChange`, which reads the operator's name afresh: a settings
    // change is attributed to the name it sets.
    const record = (change: Change): Promise<AuditEntry> => appendChange(db, change);
    const table = (name: RecordTableName) => db.table<RecordMeta, string>(name);
    // No record is stored with a text that a restore would refuse (shared/domain/text-bounds.ts).
    const refusal = (records: readonly object[]): Promise<never> | null => {
      for (const one of records) {
        const problem = textTooLong(one);
        if (problem) return Dexie.Promise.reject(new RecordRejectedError([problem]));
      }
      return null;
    };
    // A write and its row are asked for at once: IndexedDB runs them in order without a round trip
    // between (the health station's save is timed, issue 5).
    const write: AuditedWrite = {
      db,
      // A new record is at revision 1 (docs/architecture.md#data).
      create: (name, given, reason) => {
        // Stamped on the record given, so that a repository returning its own object returns it stored.
        const created = Object.assign(given, { revision: 1 });
        return (
          refusal([created]) ??
          Dexie.Promise.all([
            table(name).add(created),
            record({
              table: name,
              recordId: created.id,
              action: 'create',
              before: null,
              after: created,
              ...(reason === undefined ? {} : { reason }),
            }),
          ]).then(() => created)
        );
      },
      createAll: (name, given) => {
        const created = given.map((one) => Object.assign(one, { revision: 1 }));
        return (
          refusal(created) ??
          table(name)
            .bulkAdd(created)
            .then(() =>
              created.reduce<Promise<unknown>>(
                (previous, one) =>
                  previous.then(() =>
                    record({ table: name, recordId: one.id, action: 'create', before: null, after: one }),
                  ),
                Dexie.Promise.resolve(),
              ),
            )
            .then(() => undefined)
        );
      },
      update: (name, before, after, options = {}) => {
        const { basedOn } = options;
        // `before` is the stored record (read in this transaction), so this compare cannot race.
        if (basedOn && revisionOf(basedOn) !== revisionOf(before)) {
          return lastChangeOf(db, name, before.id).then((changedBy) =>
            Dexie.Promise.reject(
              new RecordChangedError({
                table: name,
                recordId: before.id,
                base: basedOn,
                mine: after,
                theirs: before,
                changedBy,
              }),
            ),
          );
        }
        // Stamped on `after` itself, as on a created record, so that the repository's object is the stored one.
        const stored = Object.assign(after, { revision: revisionOf(before) + 1 });
        return (
          refusal([stored]) ??
          Dexie.Promise.all([
            table(name).put(stored),
            record({
              table: name,
              recordId: before.id,
              action: options.action ?? 'update',
              before,
              after: stored,
              ...(options.reason === undefined ? {} : { reason: options.reason }),
            }),
          ]).then(() => stored)
        );
      },
      updateAll: (name, changes, summary) =>
        refusal(changes.map(({ after }) => after)) ??
        table(name)
          .bulkPut(changes.map(({ before, after }) => Object.assign(after, { revision: revisionOf(before) + 1 })))
          .then(() => (changes.length > 0 ? record(summary) : undefined))
          .then(() => undefined),
      record,
    };
    // The chain's anchor once, after the body's last row (issue 16, item 1).
    return Dexie.Promise.resolve(body(write)).then((result) => writeAuditAnchor(db).then(() => result));
  });
}
