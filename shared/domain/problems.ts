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
