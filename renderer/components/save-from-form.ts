import type { TFunction } from 'i18next';
import { RecordChangedError, RecordRejectedError, type RecordVersion } from '@shared/domain/problems';
import type { ConflictResolver } from './ConflictDialog';
import { problemMessages } from './field-problems';
import { notifyWriteFailure } from './write-failure';

/**
 * How a form saves again when its record was changed meanwhile (a RecordChangedError): the
 * form's conflict dialog (`useConflictResolver`), the form's values as a record holds them, and
 * the save of the values the user chose, based on the stored record `stored` (R, the record type).
 */
export interface ConflictMerge<V extends object, R, T> {
  resolver: ConflictResolver;
  valuesOf: (record: R) => V;
  saveAgainst: (values: V, stored: R) => Promise<T>;
}

/** A form's `ConflictMerge`, its types read from `valuesOf` (name the record type of its parameter). */
export function conflictMerge<V extends object, R, T>(
  resolver: ConflictResolver,
  valuesOf: (record: R) => V,
  saveAgainst: (values: V, stored: R) => Promise<T>,
): ConflictMerge<V, R, T> {
  return { resolver, valuesOf, saveAgainst };
}

/**
 * Runs a repository write for a form. Problems the repository finds are shown next to their
 * fields (through `showProblems`); a record deleted meanwhile, or anything unexpected, is shown as
 * a message. A record changed meanwhile by someone else (another window) is shown in both versions
 * field by field, when the form gives `merge`: the user chooses per field and the choice is saved
 * against the stored revision, as a normal update (asked again if it changed once more); without
 * `merge`, a message says nothing was saved. Returns what was saved, or null when nothing was.
 */
export async function saveFromForm<T, V extends object, R>(
  save: () => Promise<T>,
  showProblems: (messages: Record<string, string>) => void,
  t: TFunction,
  merge?: ConflictMerge<V, R, T>,
): Promise<T | null> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof RecordChangedError && merge) {
      // The error's versions are records of the form's table: R.
      const valuesOf = (record: RecordVersion) => merge.valuesOf(record as R);
      const chosen = await merge.resolver.resolve(error, valuesOf);
      if (chosen === null) return null;
      return saveFromForm(() => merge.saveAgainst(chosen, error.theirs as R), showProblems, t, merge);
    }
    if (error instanceof RecordRejectedError) showProblems(problemMessages(error.problems, t));
    else notifyWriteFailure(error, t, 'saving a form');
    return null;
  }
}
