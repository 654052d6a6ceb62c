/**
 * The range of every number and the length of every text a record may hold, per record type, from
 * the domain (docs/domain.md#bounds). The rules of each record (worker-rules, enterprise-rules,
 * batch-rules, route-rules, settings-rules) check them, so a form, the roster import, a repository
 * write and a restore all refuse the same values; the forms show the same figures beside their
 * fields. A value out of range is refused with a message, never clamped or cut (issue 16, item 7).
 *
 * Texts are counted in characters as a person counts them (𠮷 is one). Every bound is far below
 * MAX_RECORD_TEXT (text-bounds.ts), the backstop of any field not named here.
 */
import type { FieldProblem } from './problems';

/** A range of numbers from `min` to `max`, both included. */
export interface NumberRange {
  min: number;
  max: number;
}

/**
 * Place names and short labels: a village with its 屯 (那坡县城厢镇 is 6, a long 行政村 and 屯
 * together under 20), a position, a city. 50 leaves room for a hamlet and a house number typed into
 * the village cell of a roster, and keeps a manifest line one line.
 */
export const SHORT_TEXT = 50;
/** Names of organisations: an enterprise's registered name (广西百色某某电子科技有限责任公司 is 17). */
export const ORGANISATION_TEXT = 100;
/** An address or a meeting place written out in full, with directions. */
export const ADDRESS_TEXT = 200;
/** Requirements of an opening: a few lines, printed on the placement sheet. */
export const REQUIREMENTS_TEXT = 1_000;
/**
 * Notes on a record: a paragraph or two. A page of a printed manifest holds about 2,000 characters,
 * so one note never makes a document longer than a page.
 */
export const NOTE_TEXT = 2_000;

/** Every text of a worker (the name's own bound, 40, is NAME_MAX_LENGTH in worker-rules.ts). */
export const WORKER_TEXT_BOUNDS = {
  county: SHORT_TEXT,
  township: SHORT_TEXT,
  village: SHORT_TEXT,
  household: SHORT_TEXT,
  wantedJob: SHORT_TEXT,
  emergencyContactName: SHORT_TEXT,
  /** Each skill (电工, 叉车证); a worker lists a few. */
  skills: SHORT_TEXT,
  notes: NOTE_TEXT,
} as const;

/** At most this many skills: more is a cell pasted into the wrong column. */
export const WORKER_MAX_SKILLS = 20;

export const ENTERPRISE_TEXT_BOUNDS = {
  name: ORGANISATION_TEXT,
  city: SHORT_TEXT,
  district: SHORT_TEXT,
  address: ADDRESS_TEXT,
  contactName: SHORT_TEXT,
  handoverPoint: ADDRESS_TEXT,
  hrAgency: ORGANISATION_TEXT,
  notes: NOTE_TEXT,
} as const;

export const OPENING_BOUNDS = {
  /**
   * People wanted for one position: a 16-carriage train carries about 1,200 (docs/domain.md#scale),
   * and the largest factory campaigns ask for a few thousand; 10,000 is beyond any one position.
   */
  headcount: { min: 1, max: 10_000 },
  /**
   * Monthly wage in yuan: factory wages are 3,000 to 10,000; 100,000 is beyond any wage an office
   * would advertise and catches a yearly figure or extra zeros. Not necessarily whole: the rule has
   * always taken jiao and fen, and a stored opening with them must still restore.
   */
  wage: { min: 0, max: 100_000 },
  /**
   * Ages an opening may ask for: 16 is the legal working age; 70 as the rule has allowed since
   * openings existed, so that no stored opening (nor a backup of one) is refused now.
   */
  age: { min: 16, max: 70 },
  text: { position: SHORT_TEXT, requirements: REQUIREMENTS_TEXT },
} as const;

export const BATCH_TEXT_BOUNDS = {
  name: ORGANISATION_TEXT,
  organizer: ORGANISATION_TEXT,
  notes: NOTE_TEXT,
  /** An escort's or a medic's name. */
  staffName: SHORT_TEXT,
} as const;

export const ROUTE_TEXT_BOUNDS = {
  name: ORGANISATION_TEXT,
  /** A leg's start, end and each stop: a station or a town (广州南站, 田东县汽车总站). */
  place: SHORT_TEXT,
  /** A pickup point's county. */
  county: SHORT_TEXT,
  /** A pickup point's assembly place, which may carry directions (人民广场东门，加油站对面). */
  assemblyPlace: ADDRESS_TEXT,
} as const;

/** At most this many stops on one leg: a slow train stops at a few dozen stations. */
export const LEG_MAX_STOPS = 60;

/** Characters as a person counts them: a surrogate pair such as 𠮷 is one. */
export function characterCount(text: string): number {
  // Most texts hold no surrogate pair: their length is their count.
  if (!/[\uD800-\uDBFF]/.test(text)) return text.length;
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

/** A problem when `text` (trimmed, as it is stored) is longer than `max` characters. */
export function textProblem<F extends string>(field: F, text: string, max: number): FieldProblem<F> | null {
  // The trimmed text is stored; spaces around it are not counted.
  return text.length > max && characterCount(text.trim()) > max
    ? { field, code: 'label-too-long', params: { max } }
    : null;
}

/** Every text of `record` named in `bounds` that is too long; a list of texts is checked item by item. */
export function textProblems<F extends string>(
  record: Readonly<Partial<Record<F, unknown>>>,
  bounds: Readonly<Partial<Record<F, number>>>,
): FieldProblem<F>[] {
  const problems: FieldProblem<F>[] = [];
  for (const field in bounds) {
    const max = bounds[field] as number;
    const value = record[field];
    const tooLong =
      typeof value === 'string'
        ? textProblem(field, value, max) !== null
        : Array.isArray(value) && value.some((text) => typeof text === 'string' && textProblem(field, text, max));
    if (tooLong) problems.push({ field, code: 'label-too-long', params: { max } });
  }
  return problems;
}

/** Whether `value` is a whole number within `range`. */
export function isWholeIn(value: number, range: NumberRange): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** The problem of a number that must be whole and within `range`, reported with `code` and the range. */
export function wholeProblem<F extends string>(
  field: F,
  value: number,
  range: NumberRange,
  code: string,
): FieldProblem<F> | null {
  return isWholeIn(value, range) ? null : { field, code, params: { min: range.min, max: range.max } };
}

/** The problem of a number that must lie within `range` (any finite number, fractions too). */
export function rangeProblem<F extends string>(
  field: F,
  value: number,
  range: NumberRange,
  code: string,
): FieldProblem<F> | null {
  return Number.isFinite(value) && value >= range.min && value <= range.max
    ? null
    : { field, code, params: { min: range.min, max: range.max } };
}
