/**
 * The longest text any field of a stored record may hold, in UTF-16 code units: far beyond a note
 * typed by hand or a spreadsheet cell, and far below what freezes a list or a printed page that
 * shows it. Every write refuses more (renderer/db/audited-write.ts), and a restore refuses a backup
 * that holds more (shared/backup/records.ts), so a backup the app made always restores.
 * Per-field bounds from the domain are tighter where a field's rules say so.
 */
import type { FieldProblem } from './problems';

export const MAX_RECORD_TEXT = 10_000;

function longestText(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length;
  if (depth > 8 || typeof value !== 'object' || value === null) return 0;
  let longest = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    longest = Math.max(longest, longestText(item, depth + 1));
  }
  return longest;
}

/**
 * The first field of `record` holding a text longer than MAX_RECORD_TEXT, anywhere inside it (a
 * leg's vehicle label counts for `legs`), as the problem a form shows; null when there is none.
 */
export function textTooLong(record: object): FieldProblem | null {
  for (const [field, value] of Object.entries(record)) {
    if (longestText(value, 0) > MAX_RECORD_TEXT) {
      return { field, code: 'label-too-long', params: { max: MAX_RECORD_TEXT } };
    }
  }
  return null;
}
