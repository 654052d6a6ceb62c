/**
 * What makes a worker record acceptable: one set of checks for the form and the roster import, so
 * that a person typed in by hand and the same person read from a cadre's file end up stored alike
 * (issue 3, "Checks"). Errors keep the record out; warnings are shown and the record may be stored.
 */
import { ageOn, subtractCalendarYears } from '../dates';
import { toHalfWidth } from './half-width';
import { foldNameDots, NAME_DOT_VARIANTS } from './person-name';
import { parsePhone } from './phone';
import type { PhoneProblem } from './phone';
import type { CalendarDate, Gender, RecordMeta, Worker } from './records';
import { regionOf } from './regions';
import { parseResidentId } from './resident-id';
import type { ResidentIdProblem } from './resident-id';
import { MAX_RECORD_TEXT, textTooLong } from './text-bounds';
import { textProblems, WORKER_MAX_SKILLS, WORKER_TEXT_BOUNDS } from './field-bounds';

/** What gets stored: the record without its id, times and soft-delete mark. */
export type WorkerFields = Omit<Worker, keyof RecordMeta>;

/**
 * A worker as typed in the form or read from a roster row, before any check: the stored fields
 * less those the resident ID decides. The county is as typed (empty to take the county of the ID's
 * region code); the gender as typed, null to take it from the ID, which wins anyway.
 */
export type WorkerInput = Omit<WorkerFields, 'gender' | 'birthDate' | 'countyCode'> & { gender: Gender | null };

/** What the form starts from when editing a stored worker. */
export function workerInputOf(worker: WorkerFields): WorkerInput {
  const { birthDate: _birthDate, countyCode: _countyCode, ...input } = worker;
  return input;
}

const RESIDENT_ID_CODES: Readonly<Record<ResidentIdProblem, `resident-id-${ResidentIdProblem}`>> = {
  length: 'resident-id-length',
  characters: 'resident-id-characters',
  'birth-date': 'resident-id-birth-date',
  'check-digit': 'resident-id-check-digit',
  'precision-lost': 'resident-id-precision-lost',
  region: 'resident-id-region',
};

const PHONE_CODES: Readonly<Record<PhoneProblem, `phone-${PhoneProblem}`>> = {
  length: 'phone-length',
  characters: 'phone-characters',
  prefix: 'phone-prefix',
};

/**
 * Every problem code that a worker check, the roster check or the worker repository reports. Each
 * is an i18n key under `problems.`, and a renderer test checks that both languages have a text for
 * each, so adding a code here without its texts fails the build.
 */
export const WORKER_PROBLEM_CODES = [
  'required',
  'name-too-long',
  // Any text over its bound (field-bounds.ts, WORKER_TEXT_BOUNDS) or over MAX_RECORD_TEXT (text-bounds.ts).
  'label-too-long',
  // More skills than WORKER_MAX_SKILLS.
  'skills-too-many',
  ...Object.values(RESIDENT_ID_CODES),
  ...Object.values(PHONE_CODES),
  'emergency-phone-invalid',
  'gender-mismatch',
  'age-outside-range',
  'region-unknown',
  'county-mismatch',
  // Reported by the roster check (shared/roster), for cells it can not read.
  'gender-unrecognized',
  'poverty-status-unrecognized',
  // Reported by the roster check: the same person twice in one file.
  'duplicate-in-file',
  // Reported by the worker repository: one person per resident ID in the whole database.
  'resident-id-duplicate',
] as const;

export type WorkerProblemCode = (typeof WORKER_PROBLEM_CODES)[number];

export type ProblemSeverity = 'error' | 'warning';

export interface WorkerProblem {
  field: keyof WorkerInput;
  /** An i18n key under `problems.`; one of {@link WORKER_PROBLEM_CODES}. */
  code: WorkerProblemCode;
  severity: ProblemSeverity;
  /** Values for the message's placeholders, e.g. `{ age: 67, min: 16, max: 65 }`. */
  params?: Readonly<Record<string, string | number>>;
}

export interface WorkerCheckOptions {
  /** The day ages are counted on and birth dates may not pass. */
  today: CalendarDate;
  /** Ages outside this range (inclusive) are a warning (settings `workingAgeMin`, `workingAgeMax`). */
  workingAge: { min: number; max: number };
}

export interface WorkerCheckResult {
  /** The normalized record, or null when any problem is an error. */
  worker: WorkerFields | null;
  problems: WorkerProblem[];
}

/** Longer than any real name, even a transcribed minority name with its dots. */
export const NAME_MAX_LENGTH = 40;

const HAN = /\p{Script=Han}/u;
const WHITESPACE = /\s+/gu;
/** Anything `normalizePersonName` changes: whitespace, a typed form of the middle dot, a doubled dot. */
const NAME_TO_FOLD = new RegExp(`\\s|${NAME_DOT_VARIANTS.source}|\u00b7\u00b7`, 'u');

/**
 * A person's name as it should be stored. A Chinese name has no spaces, so the stray ones that
 * rosters carry (张 三, 阿依古丽 · 买买提) go, and every typed form of the middle dot becomes U+00B7
 * (`foldNameDots`, which search uses too). Other names only lose doubled spaces. Characters are
 * never replaced or normalized (no NFC: it would turn CJK compatibility ideographs into other
 * characters), so rare characters such as 䶮 and surrogate pairs such as 𠮷 pass untouched.
 */
export function normalizePersonName(text: string): string {
  // Most names are clean already: nothing of what is folded below, returned as they are.
  if (!NAME_TO_FOLD.test(text)) return text;
  const trimmed = text.trim();
  if (!HAN.test(trimmed)) return trimmed.replace(WHITESPACE, ' ');
  return foldNameDots(trimmed.replace(WHITESPACE, '')).replace(/\u00b7{2,}/g, '\u00b7');
}

/** One trailing division word: 田东县 and 田东, 田阳县 (before 2019) and 田阳区 name one place. */
const DIVISION_SUFFIX = /(?:县|区|市|旗)$/u;
/** Shorter than two characters a stem would match too much (田 is not 田东县). */
const MIN_STEM_LENGTH = 2;

/** Characters as a person counts them: a surrogate pair such as 𠮷 is one. */
function characterCount(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

function stem(name: string): string {
  const stripped = name.replace(DIVISION_SUFFIX, '');
  return characterCount(stripped) >= MIN_STEM_LENGTH ? stripped : name;
}

/**
 * Whether a typed county names the county of the table, loosely: with or without its 县/区/市/旗
 * (and so across a county becoming a district or a city, as 田阳 and 平果 did), as the start of a
 * long official name (隆林 for 隆林各族自治县), or with the city in front (百色市田东县).
 */
export function sameCounty(typed: string, official: string): boolean {
  const written = toHalfWidth(typed).replace(WHITESPACE, '');
  if (written === official || written.endsWith(official)) return true;
  const writtenStem = stem(written);
  if (characterCount(writtenStem) >= MIN_STEM_LENGTH && official.startsWith(writtenStem)) return true;
  const officialStem = stem(official);
  return officialStem !== official && written.includes(officialStem);
}

interface BirthDateBounds {
  today: CalendarDate;
  min: number;
  max: number;
  /** Born on or before this day: older than the range. */
  tooOldUpTo: CalendarDate;
  /** Born after this day: younger than the range. */
  tooYoungAfter: CalendarDate;
}

let lastBounds: BirthDateBounds | null = null;

/**
 * The birth dates of people within the working age on `today`, as two yyyy-MM-dd strings to
 * compare with: a roster of 100,000 rows would otherwise make 200,000 Dates for `ageOn`, a fifth
 * of the time its check takes. Age in completed years is at least n exactly when the birth date is
 * on or before the same day n years back (29 February going back to a common year is 28 February),
 * which is how `ageOn` counts too (a test compares the two).
 */
function birthDateBounds({ today, workingAge: { min, max } }: WorkerCheckOptions): BirthDateBounds {
  if (lastBounds?.today !== today || lastBounds.min !== min || lastBounds.max !== max) {
    lastBounds = {
      today,
      min,
      max,
      tooOldUpTo: subtractCalendarYears(today, max + 1),
      tooYoungAfter: subtractCalendarYears(today, min),
    };
  }
  return lastBounds;
}

function normalizeSkills(skills: readonly string[]): string[] {
  // Most rows name no skill or one: no set needed to drop repeats.
  if (skills.length <= 1) {
    const only = skills[0]?.trim() ?? '';
    return only === '' ? [] : [only];
  }
  const seen = new Set<string>();
  for (const skill of skills) {
    const trimmed = skill.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return [...seen];
}

/**
 * Checks and normalizes a worker. Gender, birth date and region code come from the resident ID;
 * the typed gender and county are only compared with it.
 */
export function checkWorker(input: WorkerInput, options: WorkerCheckOptions): WorkerCheckResult {
  const problems: WorkerProblem[] = [];
  const report = (
    field: keyof WorkerInput,
    code: WorkerProblemCode,
    severity: ProblemSeverity,
    params?: WorkerProblem['params'],
  ): void => {
    problems.push(params ? { field, code, severity, params } : { field, code, severity });
  };

  const tooLong = textTooLong(input);
  if (tooLong) report(tooLong.field as keyof WorkerInput, 'label-too-long', 'error', { max: MAX_RECORD_TEXT });
  else {
    for (const problem of textProblems<keyof WorkerInput>(input, WORKER_TEXT_BOUNDS)) {
      report(problem.field, 'label-too-long', 'error', problem.params);
    }
  }
  if (input.skills.length > WORKER_MAX_SKILLS) {
    report('skills', 'skills-too-many', 'error', { max: WORKER_MAX_SKILLS });
  }

  const name = normalizePersonName(input.name);
  if (name === '') report('name', 'required', 'error');
  else if (characterCount(name) > NAME_MAX_LENGTH) {
    report('name', 'name-too-long', 'error', { max: NAME_MAX_LENGTH });
  }

  const idText = input.residentId.trim();
  const id = idText === '' ? null : parseResidentId(idText, options.today);
  if (id === null) report('residentId', 'required', 'error');
  else if (!id.ok) report('residentId', RESIDENT_ID_CODES[id.reason], 'error');
  const facts = id?.ok ? id : null;

  const phoneText = input.phone.trim();
  const phone = phoneText === '' ? null : parsePhone(phoneText);
  if (phone === null) report('phone', 'required', 'error');
  else if (!phone.ok) report('phone', PHONE_CODES[phone.reason], 'error');

  // An emergency contact is a courtesy: a bad number must not keep the worker off the list.
  let emergencyContactPhone = input.emergencyContactPhone.trim();
  if (emergencyContactPhone !== '') {
    const parsed = parsePhone(emergencyContactPhone);
    if (parsed.ok) emergencyContactPhone = parsed.phone;
    else report('emergencyContactPhone', 'emergency-phone-invalid', 'warning');
  }

  let county = input.county.trim();
  if (facts) {
    if (input.gender !== null && input.gender !== facts.gender) {
      report('gender', 'gender-mismatch', 'warning', { gender: facts.gender });
    }
    const bounds = birthDateBounds(options);
    // yyyy-MM-dd strings compare like the days they name.
    if (facts.birthDate <= bounds.tooOldUpTo || facts.birthDate > bounds.tooYoungAfter) {
      const { min, max } = options.workingAge;
      report('residentId', 'age-outside-range', 'warning', { age: ageOn(facts.birthDate, options.today), min, max });
    }

    const region = regionOf(facts.regionCode);
    if (!region) report('residentId', 'region-unknown', 'warning', { code: facts.regionCode });
    else if (county === '') county = region.county;
    // 田东 and 田东县 are one county: store the table's name, so the county filter lists it once.
    else if (region.county !== '' && sameCounty(county, region.county)) county = region.county;
    else if (region.county !== '') report('county', 'county-mismatch', 'warning', { county: region.county });
  }

  if (!facts || !phone?.ok || problems.some((problem) => problem.severity === 'error')) {
    return { worker: null, problems };
  }
  return {
    worker: {
      name,
      residentId: facts.id,
      phone: phone.phone,
      gender: facts.gender,
      birthDate: facts.birthDate,
      county,
      countyCode: facts.regionCode,
      township: input.township.trim(),
      village: input.village.trim(),
      household: input.household.trim(),
      povertyStatus: input.povertyStatus,
      skills: normalizeSkills(input.skills),
      wantedJob: input.wantedJob.trim(),
      emergencyContactName: normalizePersonName(input.emergencyContactName),
      emergencyContactPhone,
      enterpriseId: input.enterpriseId,
      openingId: input.openingId,
      status: input.status,
      notes: input.notes.trim(),
    },
    problems,
  };
}
