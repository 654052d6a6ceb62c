import { MANIFEST_COLUMNS } from './records';
import type { Settings } from './records';
import type { FieldProblem } from './problems';
import { SHORT_TEXT, characterCount } from './field-bounds';
import { FOLLOWUP_SETTINGS_BOUNDS, contactDaysProblem } from '../followup/rules';

export type SettingsInput = Omit<Settings, 'id' | 'updatedAt'>;

/** Bounds of the policy settings: wide enough for any sane policy, narrow enough to catch typos (373 for 37.3). */
export const SETTINGS_BOUNDS = {
  feverThresholdC: { min: 36.0, max: 39.0 },
  checkValidityHours: { min: 1, max: 336 },
  recheckIntervalMinutes: { min: 5, max: 120 },
  loadFactor: { min: 0.1, max: 1 },
  workingAge: { min: 14, max: 80 },
  /** At least a month (a batch's follow-up runs 30 days after arrival), at most ten years. */
  retentionDays: { min: 30, max: 3650 },
  nameLength: 60,
} as const;

export function checkSettings(input: SettingsInput): FieldProblem<keyof SettingsInput>[] {
  const problems: FieldProblem<keyof SettingsInput>[] = [];
  const { feverThresholdC, checkValidityHours, loadFactor } = SETTINGS_BOUNDS;
  if (input.operatorName.trim().length > SETTINGS_BOUNDS.nameLength) {
    problems.push({ field: 'operatorName', code: 'too-long' });
  }
  if (input.organizationName.trim().length > SETTINGS_BOUNDS.nameLength) {
    problems.push({ field: 'organizationName', code: 'too-long' });
  }
  if (input.countyCode !== '' && !/^[1-9]\d{5}$/.test(input.countyCode)) {
    problems.push({ field: 'countyCode', code: 'county-code-invalid' });
  }
  if (
    !Number.isFinite(input.feverThresholdC) ||
    input.feverThresholdC < feverThresholdC.min ||
    input.feverThresholdC > feverThresholdC.max
  ) {
    problems.push({ field: 'feverThresholdC', code: 'fever-threshold-range' });
  }
  if (
    !Number.isInteger(input.checkValidityHours) ||
    input.checkValidityHours < checkValidityHours.min ||
    input.checkValidityHours > checkValidityHours.max
  ) {
    problems.push({ field: 'checkValidityHours', code: 'validity-hours-range' });
  }
  const recheck = SETTINGS_BOUNDS.recheckIntervalMinutes;
  if (
    !Number.isInteger(input.recheckIntervalMinutes) ||
    input.recheckIntervalMinutes < recheck.min ||
    input.recheckIntervalMinutes > recheck.max
  ) {
    problems.push({ field: 'recheckIntervalMinutes', code: 'recheck-interval-range' });
  }
  if (!Number.isFinite(input.loadFactor) || input.loadFactor < loadFactor.min || input.loadFactor > loadFactor.max) {
    problems.push({ field: 'loadFactor', code: 'load-factor-range' });
  }
  const age = SETTINGS_BOUNDS.workingAge;
  if (
    !Number.isInteger(input.workingAgeMin) ||
    !Number.isInteger(input.workingAgeMax) ||
    input.workingAgeMin < age.min ||
    input.workingAgeMax > age.max
  ) {
    problems.push({ field: 'workingAgeMin', code: 'working-age-range' });
  } else if (input.workingAgeMin >= input.workingAgeMax) {
    problems.push({ field: 'workingAgeMax', code: 'working-age-order' });
  }
  const retention = SETTINGS_BOUNDS.retentionDays;
  if (
    !Number.isInteger(input.retentionDays) ||
    input.retentionDays < retention.min ||
    input.retentionDays > retention.max
  ) {
    problems.push({ field: 'retentionDays', code: 'retention-days-range' });
  }
  if (!manifestColumnsAreValid(input.manifestColumns)) {
    problems.push({ field: 'manifestColumns', code: 'manifest-columns' });
  }
  const contactDays = contactDaysProblem(input.contactDays);
  if (contactDays) problems.push({ field: 'contactDays', code: contactDays });
  const staff = namedListProblem(input.staff, FOLLOWUP_SETTINGS_BOUNDS.staffMax);
  if (staff) problems.push({ field: 'staff', ...staff });
  const stations = namedListProblem(input.liaisonStations, FOLLOWUP_SETTINGS_BOUNDS.stationsMax);
  if (stations) problems.push({ field: 'liaisonStations', ...stations });
  return problems;
}

/** A manifest prints known columns, each once, and always the passenger's name. */
export function manifestColumnsAreValid(columns: readonly string[]): boolean {
  const known: readonly string[] = MANIFEST_COLUMNS;
  return (
    columns.includes('name') &&
    new Set(columns).size === columns.length &&
    columns.every((column) => known.includes(column))
  );
}

/**
 * The staff list and the liaison stations: each entry with an id, a name (unique, at most
 * SHORT_TEXT characters) and its other texts as short; at most `max` entries.
 */
function namedListProblem(
  entries: readonly { id: string; name: string; phone?: string; city?: string }[],
  max: number,
): Omit<FieldProblem, 'field'> | null {
  if (entries.length > max) return { code: 'list-too-long', params: { max } };
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const entry of entries) {
    const name = entry.name.trim();
    if (name === '' || entry.id === '') return { code: 'name-required' };
    if (names.has(name) || ids.has(entry.id)) return { code: 'name-duplicate', params: { name } };
    names.add(name);
    ids.add(entry.id);
    for (const text of [name, entry.phone ?? '', entry.city ?? '']) {
      if (characterCount(text) > SHORT_TEXT) return { code: 'label-too-long', params: { max: SHORT_TEXT } };
    }
  }
  return null;
}
