import { describe, expect, it, vi } from 'vitest';
import { BackupRefusedError, openBackup, packBackup } from '@shared/backup';
import { createI18n } from '@renderer/i18n';
import { refusalMessage, refusalOf } from '@renderer/features/settings/backup-actions';
import { BACKUP_KEY_PATHS, makeManifestInput } from '@tests/fixtures/backups';
import { makeWorker } from '@tests/fixtures/factories';

// The messages need no bridge; the module reaches for one as it loads.
vi.mock('@renderer/platform', () => ({ platform: {} }));

async function refusedMessages(tables: Record<string, unknown[]>): Promise<string[]> {
  const { bytes } = await packBackup(makeManifestInput(), tables);
  const error = await openBackup(bytes, {
    schemaVersion: 3,
    keyPaths: BACKUP_KEY_PATHS,
    uniqueFields: { workers: ['residentId'] },
  }).catch((e: unknown) => e);
  const refusal = refusalOf(error);
  if (!refusal) throw new Error(`expected a refusal, got ${String(error)}`);
  return (['zh-CN', 'en'] as const).map((language) => {
    const i18n = createI18n(language);
    return refusalMessage(refusal, i18n.t, i18n);
  });
}

describe('a refused backup says why in words', () => {
  it('names the table, the record and the field of a record the app could not have written', async () => {
    const [zh, en] = await refusedMessages({ workers: [makeWorker(), { ...makeWorker(), birthDate: 'garbage' }] });
    expect(zh).toContain('务工人员');
    expect(zh).toContain('第 2 条');
    expect(zh).toContain('出生日期');
    expect(en).toContain('Record 2 of Workers');
    expect(en).toContain('Birth date');
    for (const text of [zh, en]) expect(text).not.toMatch(/\{\{|backups\.|problems\./);
  });

  it('says which rule a record breaks, in the words the form uses', async () => {
    const good = makeWorker();
    const broken = `${good.residentId.slice(0, 17)}${good.residentId.endsWith('0') ? '1' : '0'}`;
    const [zh, en] = await refusedMessages({ workers: [{ ...good, residentId: broken }] });
    expect(zh).toContain('身份证号校验位不对');
    expect(en).toContain('The check character of the ID is wrong');
  });

  it('says in words that two workers share one resident ID, never "BulkError" or "ConstraintError"', async () => {
    const twin = makeWorker();
    const [zh, en] = await refusedMessages({ workers: [twin, { ...twin, id: crypto.randomUUID() }] });
    expect(zh).toContain('第 1 条和第 2 条');
    expect(zh).toContain('身份证号');
    expect(en).toContain('Records 1 and 2 of Workers');
    expect(en).toContain('Resident ID');
    for (const text of [zh, en]) expect(text).not.toMatch(/Error|\{\{/);
  });

  it('a refusal about the whole file never shows a placeholder', () => {
    const refusal = refusalOf(new BackupRefusedError('contents-mismatch', 'the sealed body does not open'));
    if (!refusal) throw new Error('not a refusal');
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      expect(refusalMessage(refusal, i18n.t, i18n)).not.toContain('{{');
    }
  });
});
