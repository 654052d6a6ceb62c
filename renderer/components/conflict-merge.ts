/**
 * Two versions of a form's values, field by field: the user's edit ("mine") and the record as it
 * is stored now ("theirs", saved meanwhile by someone else), both read from the version the form
 * loaded ("base"). Pure, so that the choice and the merge are tested without a screen; the dialog
 * that shows them is ConflictDialog.tsx.
 */
import { canonicalJson } from '@shared/audit/canonical';

/** Fields of every record that no form edits: never shown, never chosen. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'revision', 'demo', 'anonymisedAt']);

/** Which version of a field the user keeps. */
export type ConflictSide = 'mine' | 'theirs';

/** One field of a form in the three versions. */
export interface ConflictField {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** True when the two versions hold different values: the user chooses. */
  differs: boolean;
  /** True when both the user and the other person changed it from what the form loaded. */
  bothChanged: boolean;
  /** The version kept unless the user chooses otherwise (see `conflictFields`). */
  proposed: ConflictSide;
}

/** Equal as stored data (lists and objects compared by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Every field of the form (not the record's bookkeeping), in the form's order, with what each version holds. A field the user
 * did not touch proposes the stored value (it was their change, and keeping the form's old value
 * would silently revert it); a field the user changed proposes the user's.
 */
export function conflictFields<V extends object>(base: V, mine: V, theirs: V): ConflictField[] {
  const fields = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(
    (field) => !BOOKKEEPING.has(field),
  );
  return fields.map((field) => {
    const read = (values: V): unknown => (values as Record<string, unknown>)[field];
    const [was, ours, stored] = [read(base), read(mine), read(theirs)];
    const differs = !sameValue(ours, stored);
    const iChanged = !sameValue(ours, was);
    return {
      field,
      base: was,
      mine: ours,
      theirs: stored,
      differs,
      bothChanged: differs && iChanged && !sameValue(stored, was),
      proposed: differs && iChanged ? 'mine' : 'theirs',
    };
  });
}

/** The choices the dialog starts with: each differing field's proposed version. */
export function proposedChoices(fields: readonly ConflictField[]): Record<string, ConflictSide> {
  return Object.fromEntries(fields.filter((one) => one.differs).map((one) => [one.field, one.proposed]));
}

/** The stored values, with the user's value for each field chosen `mine`: what is saved next. */
export function mergedValues<V extends object>(mine: V, theirs: V, choices: Readonly<Record<string, ConflictSide>>): V {
  const merged: Record<string, unknown> = { ...(theirs as Record<string, unknown>) };
  for (const [field, side] of Object.entries(choices)) {
    if (side === 'mine') merged[field] = (mine as Record<string, unknown>)[field];
  }
  return merged as V;
}
