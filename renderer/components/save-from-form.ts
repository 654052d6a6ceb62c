import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { RecordNotFoundError, RecordRejectedError } from '../db';
import { logger } from '../logger';
import { problemMessages } from './field-problems';

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
    if (error instanceof RecordRejectedError) {
      showProblems(problemMessages(error.problems, t));
    } else if (error instanceof RecordNotFoundError) {
      notifications.show({ color: 'red', message: t('problems.not-found') });
    } else {
      logger.error('saving failed', error);
      const message = error instanceof Error ? error.message : String(error);
      notifications.show({ color: 'red', message: t('app.unexpectedError', { message }) });
    }
    return null;
  }
}
