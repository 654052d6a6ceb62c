import type { FieldProblem } from '../../shared/domain/enterprise-rules';

/** Thrown by a repository that refuses to store a record; the form shows each problem by its field. */
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
