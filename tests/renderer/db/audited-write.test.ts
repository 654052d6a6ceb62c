import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackup, restoreBackup, updateSettings, verifyAuditChain, type PlannerDatabase } from '@renderer/db';
import { RecordRejectedError } from '@shared/domain/problems';
import { MAX_RECORD_TEXT } from '@shared/domain/text-bounds';
import { ENTERPRISE_TEXT_BOUNDS } from '@shared/domain/field-bounds';
import { auditedWrite } from '@renderer/db/audited-write';
import { makeEnterprise } from '../../fixtures/factories';
import { freshDatabase } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await updateSettings({ operatorName: '黄干事' });
});
afterEach(() => {
  db.close();
});

describe('an audited write', () => {
  it('stores each change with its row, in the operator name, chained to the row before', async () => {
    const enterprise = makeEnterprise();
    await auditedWrite(['enterprises'], async ({ create, update }) => {
      await create('enterprises', enterprise);
      await update('enterprises', enterprise, { ...enterprise, name: '百色新材料有限公司' }, { reason: '改名' });
      await update('enterprises', enterprise, { ...enterprise, deletedAt: enterprise.updatedAt }, { action: 'delete' });
    });
    const rows = (await db.audit.orderBy('seq').toArray()).filter((row) => row.table === 'enterprises');
    expect(rows.map((row) => [row.action, row.operator, row.reason])).toEqual([
      ['create', '黄干事', undefined],
      ['update', '黄干事', '改名'],
      ['delete', '黄干事', undefined],
    ]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
    await expect(db.enterprises.get(enterprise.id)).resolves.toMatchObject({ deletedAt: enterprise.updatedAt });
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true });
  });

  it('names the operator a settings change sets on the row of that change and the rows after it, not on those before', async () => {
    const [a, b, c] = [makeEnterprise(), makeEnterprise(), makeEnterprise()];
    // The writes are asked for together, as a contact's save asks for its four.
    await auditedWrite(['enterprises'], async ({ db: inside, create, record }) => {
      await Promise.all([create('enterprises', a), create('enterprises', b)]);
      const before = await inside.settings.get('app');
      const after = { ...before, id: 'app', operatorName: '韦干事', updatedAt: a.updatedAt };
      await inside.settings.put(after as never);
      await record({ table: 'settings', recordId: 'app', action: 'update', before: before ?? null, after });
      await create('enterprises', c);
    });
    const rows = (await db.audit.orderBy('seq').toArray()).slice(-4);
    expect(rows.map((row) => [row.table, row.recordId, row.operator])).toEqual([
      ['enterprises', a.id, '黄干事'],
      ['enterprises', b.id, '黄干事'],
      ['settings', 'app', '韦干事'],
      ['enterprises', c.id, '韦干事'],
    ]);
    await expect(verifyAuditChain()).resolves.toMatchObject({ intact: true });
  });

  it('leaves neither the records nor their rows when the body fails after writing', async () => {
    const rowsBefore = await db.audit.count();
    const failed = auditedWrite(['enterprises'], async ({ create, createAll }) => {
      await create('enterprises', makeEnterprise());
      await createAll('enterprises', [makeEnterprise(), makeEnterprise()]);
      throw new Error('refused after the writes');
    });
    await expect(failed).rejects.toThrow('refused after the writes');
    await expect(db.enterprises.count()).resolves.toBe(0);
    await expect(db.audit.count()).resolves.toBe(rowsBefore);
  });

  it('writes one summary row for many changed records, and none when nothing changed', async () => {
    const [a, b] = [makeEnterprise(), makeEnterprise()];
    await db.enterprises.bulkAdd([a, b]);
    const summary = { table: 'enterprises', recordId: 'all', action: 'update', before: null, after: null } as const;
    await auditedWrite(['enterprises'], async ({ updateAll }) => {
      await updateAll('enterprises', [], summary);
      await updateAll(
        'enterprises',
        [a, b].map((before) => ({ before, after: { ...before, city: '深圳市' } })),
        summary,
      );
    });
    expect((await db.audit.toArray()).filter((row) => row.table === 'enterprises')).toHaveLength(1);
    expect((await db.enterprises.toArray()).map((enterprise) => enterprise.city)).toEqual(['深圳市', '深圳市']);
  });
  it('refuses a text longer than a restore accepts, so that every backup made restores', async () => {
    const enterprise = makeEnterprise();
    const refused = auditedWrite(['enterprises'], ({ create }) =>
      create('enterprises', { ...enterprise, notes: 'x'.repeat(MAX_RECORD_TEXT + 1) }),
    );
    await expect(refused).rejects.toBeInstanceOf(RecordRejectedError);
    await expect(refused).rejects.toMatchObject({
      problems: [{ field: 'notes', code: 'label-too-long', params: { max: MAX_RECORD_TEXT } }],
    });
    await expect(db.enterprises.count()).resolves.toBe(0);

    // The longest note the enterprise's own rules take (tighter than the backstop: field-bounds.ts) restores.
    const longest = { ...enterprise, notes: 'x'.repeat(ENTERPRISE_TEXT_BOUNDS.notes) };
    await auditedWrite(['enterprises'], ({ create }) => create('enterprises', longest));
    const tooLongLater = auditedWrite(['enterprises'], ({ update }) =>
      update('enterprises', longest, { ...longest, contactName: '黄'.repeat(MAX_RECORD_TEXT + 1) }),
    );
    await expect(tooLongLater).rejects.toMatchObject({ problems: [{ field: 'contactName' }] });
    const backup = await makeBackup({ kind: 'manual' });
    await restoreBackup(backup.bytes, undefined, { keepCurrent: () => Promise.resolve() });
    await expect(db.enterprises.get(enterprise.id)).resolves.toMatchObject({ notes: longest.notes });
  });
});
