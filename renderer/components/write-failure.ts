import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { FieldProblem } from '@shared/domain/problems';
import { RecordChangedError, RecordNotFoundError, RecordRejectedError } from '@shared/domain/problems';
import { logger } from '../logger';
import { problemMessage } from './field-problems';

/** How a feature words one of the problems a repository reported; the default reads `problems.<code>`. */
export type DescribeProblem = (problem: FieldProblem) => string;

/**
 * Why a write failed, in the user's language: every problem of a refusal (each in its own words,
 * none dropped), a record deleted meanwhile, or an unexpected error with its message. The one
 * place that tells these apart, so that no screen shows a refusal half-said or an error in code.
 */
export function writeFailureMessage(error: unknown, t: TFunction, describe?: DescribeProblem): string {
  if (error instanceof RecordRejectedError) {
    const say = describe ?? ((problem: FieldProblem) => problemMessage(problem, t));
    return error.problems.map(say).join(' ');
  }
  if (error instanceof RecordNotFoundError) return t('problems.not-found');
  if (error instanceof RecordChangedError) return t('conflict.notSaved');
  const message = error instanceof Error ? error.message : String(error);
  return t('app.unexpectedError', { message });
}

/**
 * Shows why a write failed as a red notice (see `writeFailureMessage`). Errors that are not a
 * refusal are logged with `action`, which names what was being done, for whoever reads the log.
 */
export function notifyWriteFailure(error: unknown, t: TFunction, action: string, describe?: DescribeProblem): void {
  const expected = [RecordRejectedError, RecordNotFoundError, RecordChangedError].some((kind) => error instanceof kind);
  if (!expected) {
    logger.error(`${action} failed`, error);
  }
  notifications.show({ color: 'red', message: writeFailureMessage(error, t, describe) });
}
