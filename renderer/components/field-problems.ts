import type { TFunction } from 'i18next';
import type { FieldProblem } from '@shared/domain/problems';

/** The message of one problem in the user's language, its placeholders filled. */
export function problemMessage(problem: FieldProblem, t: TFunction): string {
  return t(`problems.${problem.code}`, problem.params ?? {});
}

/** Turns the domain's field problems into the `{ field: message }` map that Mantine forms show. */
export function problemMessages(problems: readonly FieldProblem[], t: TFunction): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const problem of problems) messages[problem.field] ??= problemMessage(problem, t);
  return messages;
}

/** What a Mantine NumberInput holds: a number, or '' while the field is empty. */
export type NumberFieldValue = number | string;

/** Reads a NumberInput value; an empty field is NaN (not 0), so the domain checks report it. */
export function numberFrom(value: NumberFieldValue): number {
  return typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
}
