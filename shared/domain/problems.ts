/** A problem with one field; `code` is an i18n key under `problems.` (or a feature's own keys). */
export interface FieldProblem<F extends string = string> {
  field: F;
  code: string;
  /** Values for the message's placeholders, e.g. `{ age: 67 }`. */
  params?: Readonly<Record<string, string | number>>;
}

/**
 * Thrown by a repository that refuses to store a record; a form shows each problem by its field,
 * anything else shows them as one message. Pure, so that the UI pieces that report a refusal
 * (renderer/components) need not reach into the database layer to recognise one.
 */
export class RecordRejectedError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(`record rejected: ${problems.map((p) => `${p.field}:${p.code}`).join(', ')}`);
    this.name = 'RecordRejectedError';
    this.problems = problems;
  }
}

/** Thrown when a record that should exist does not (deleted in another window, or a stale link). */
export class RecordNotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`${table} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}

/** Who last changed a record and when, as the audit trail tells it. */
export interface LastChange {
  /** The operator's name as the row holds it ('' for a change made before anyone was named). */
  operator: string;
  /** The instant, UTC ISO. */
  at: string;
}

/** A version of a record, as a refused update names it; its other fields are the record's own. */
export interface RecordVersion {
  readonly id: string;
  readonly revision?: number;
}

/**
 * Thrown when an update was based on a revision of a record that is no longer the stored one:
 * someone (another window, another PC) saved the record after this form loaded it. Nothing is
 * written; the form shows both versions field by field and lets the user choose
 * (renderer/components/ConflictDialog.tsx), then saves again against `theirs`.
 */
export class RecordChangedError extends Error {
  readonly table: string;
  readonly recordId: string;
  /** The record as the user's form loaded it (the revision the edit was based on). */
  readonly base: RecordVersion;
  /** The record as the refused update would have stored it: `base` with the user's edit. */
  readonly mine: RecordVersion;
  /** The record as it is stored now. */
  readonly theirs: RecordVersion;
  /** Who stored `theirs` and when, when the audit trail tells; null when it does not. */
  readonly changedBy: LastChange | null;

  constructor(details: {
    table: string;
    recordId: string;
    base: RecordVersion;
    mine: RecordVersion;
    theirs: RecordVersion;
    changedBy: LastChange | null;
  }) {
    const revision = (record: RecordVersion) => record.revision ?? 0;
    super(
      `${details.table} ${details.recordId} changed meanwhile: based on revision ${revision(details.base)}, stored ${revision(details.theirs)}`,
    );
    this.name = 'RecordChangedError';
    this.table = details.table;
    this.recordId = details.recordId;
    this.base = details.base;
    this.mine = details.mine;
    this.theirs = details.theirs;
    this.changedBy = details.changedBy;
  }
}
