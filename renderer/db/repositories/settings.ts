import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/records';
import { checkSettings, type SettingsInput } from '@shared/domain/settings-rules';
import { database } from '../database';
import { auditedWrite } from '../audited-write';
import { now } from '../clock';
import { RecordRejectedError } from '../problems';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The settings, with the defaults of docs/domain.md for anything never set. */
export async function getSettings(): Promise<Settings> {
  const stored = await database().settings.get(DEFAULT_SETTINGS.id);
  return { ...DEFAULT_SETTINGS, updatedAt: EPOCH, ...stored };
}

export async function updateSettings(patch: Partial<SettingsInput>): Promise<Settings> {
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
    };
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
