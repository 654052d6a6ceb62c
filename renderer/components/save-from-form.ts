import type { TFunction } from 'i18next';
import { RecordRejectedError } from '@shared/domain/problems';
import { problemMessages } from './field-problems';
import { notifyWriteFailure } from './write-failure';

/**
 * Runs a repository write for a form. Problems the repository finds are shown next to their
 * fields (through `showProblems`); a record deleted meanwhile, or anything unexpected, is shown as
 * a message. Returns what was saved, or null when nothing was.
 */
export async function saveFromForm<T>(
  save: () => Promise<T>,
  showProblems: (messages: Record<string, string>) => void,
  t: TFunction,
): Promise<T | null> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof RecordRejectedError) showProblems(problemMessages(error.problems, t));
    else notifyWriteFailure(error, t, 'saving a form');
    return null;
  }
}
