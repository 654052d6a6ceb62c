import { DEFAULT_SETTINGS, revisionOf, type Settings } from '@shared/domain/records';
import { canonicalJson } from '@shared/audit/canonical';
import { checkSettings, type SettingsInput } from '@shared/domain/settings-rules';
import { database } from '../database';
import { auditedWrite, lastChangeOf } from '../audited-write';
import { now } from '../clock';
import { RecordChangedError, RecordRejectedError } from '../problems';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The settings, with the defaults of docs/domain.md for anything never set. */
export async function getSettings(): Promise<Settings> {
  const stored = await database().settings.get(DEFAULT_SETTINGS.id);
  return { ...DEFAULT_SETTINGS, updatedAt: EPOCH, ...stored };
}

/**
 * Changes some settings. With `basedOn`, the settings as the form loaded them: the change is refused
 * with a RecordChangedError when one of the fields it sets was changed meanwhile (another window);
 * changes to other fields are kept, as each card of the settings page saves its own fields.
 */
export async function updateSettings(patch: Partial<SettingsInput>, basedOn?: Partial<Settings>): Promise<Settings> {
  return auditedWrite([], async ({ db, record }) => {
    const stored = await db.settings.get(DEFAULT_SETTINGS.id);
    const before: Settings = { ...DEFAULT_SETTINGS, updatedAt: EPOCH, ...stored };
    const merged: Settings = {
      ...before,
      ...patch,
      operatorName: (patch.operatorName ?? before.operatorName).trim(),
      organizationName: (patch.organizationName ?? before.organizationName).trim(),
      id: DEFAULT_SETTINGS.id,
      updatedAt: now(),
      revision: revisionOf(stored) + 1,
    };
    const base = { ...before, ...basedOn };
    const changedMeanwhile = (Object.keys(patch) as (keyof SettingsInput)[]).some(
      (field) => canonicalJson(base[field]) !== canonicalJson(before[field]),
    );
    if (basedOn && changedMeanwhile) {
      const changedBy = await lastChangeOf(db, 'settings', DEFAULT_SETTINGS.id);
      throw new RecordChangedError({
        table: 'settings',
        recordId: DEFAULT_SETTINGS.id,
        base,
        mine: merged,
        theirs: before,
        changedBy,
      });
    }
    const problems = checkSettings(merged);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    await db.settings.put(merged);
    // The audit row names the operator after the change, so renaming yourself is attributed to the new name.
    await record({
      table: 'settings',
      recordId: merged.id,
      action: stored ? 'update' : 'create',
      before: stored ?? null,
      after: merged,
    });
    return merged;
  });
}
