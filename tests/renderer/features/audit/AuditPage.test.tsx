// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import { shortAuditHash } from '@shared/audit/anchor';
import { formatTimestamp } from '@shared/dates';
import { createWorker, currentAuditAnchor, type PlannerDatabase } from '@renderer/db';
import { platform } from '@renderer/platform';
import { AuditPage } from '@renderer/features/audit/AuditPage';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeWorkerInput } from '@tests/fixtures/factories';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  await createWorker(makeWorkerInput());
  await createWorker(makeWorkerInput());
});
afterEach(() => db.close());

const page = (
  <Routes>
    <Route path="/audit" element={<AuditPage />} />
  </Routes>
);

async function newest() {
  const row = await db.audit.orderBy(':id').last();
  if (!row?.hash) throw new Error('no sealed row');
  return { hash: row.hash, at: row.at, seq: row.seq ?? 0 };
}

describe('the audit page’s anchor (issue 16, item 1)', { timeout: 30_000 }, () => {
  it('shows the latest hash, the number of entries and the time in Beijing time', async () => {
    const { hash, at } = await newest();
    render(page, { route: '/audit' });
    const line = await screen.findByTestId('audit-anchor');
    await waitFor(() => expect(line.textContent).toContain(shortAuditHash(hash)));
    expect(line.textContent).toBe(
      `锚点：最新校验码 ${shortAuditHash(hash)}，共 3 条，${formatTimestamp(at, 'zh-CN')}（北京时间）`,
    );
  });

  it('shows it in English too', async () => {
    const { hash, at } = await newest();
    render(page, { route: '/audit', language: 'en' });
    const line = await screen.findByTestId('audit-anchor');
    await waitFor(() =>
      expect(line.textContent).toBe(
        `Anchor: latest hash ${shortAuditHash(hash)}, 3 entries, ${formatTimestamp(at, 'en')} (Beijing time)`,
      ),
    );
  });

  it('says in words what 校验 proved, and what it could not', async () => {
    render(page, { route: '/audit' });
    fireEvent.click(await screen.findByRole('button', { name: '校验操作日志是否被改动' }));
    const result = await screen.findByTestId('verify-result', {}, { timeout: 10_000 });
    await waitFor(() => expect(result.getAttribute('data-intact')).toBe('true'));
    expect(result.textContent).toContain('操作日志完好：共 3 条');
    expect(result.textContent).toContain('与本机');
    expect(result.textContent).toContain('不能证明');
  });

  it('reports the newest entry deleted as red, naming how many the anchor counts', async () => {
    const { seq } = await newest();
    await db.audit.delete(seq);
    render(page, { route: '/audit' });
    fireEvent.click(await screen.findByRole('button', { name: '校验操作日志是否被改动' }));
    const result = await screen.findByTestId('verify-result', {}, { timeout: 10_000 });
    await waitFor(() => expect(result.getAttribute('data-intact')).toBe('false'));
    expect(result.getAttribute('data-anchor')).toBe('behind');
    expect(result.textContent).toContain('操作日志最新的 1 条被删除了：本机锚点记下 3 条');
    expect(result.textContent).toContain('现在只有 2 条');
  });

  it('compares with the newest backup’s anchor too, and says so', async () => {
    // The head of a backup file as the backups folder lists it: the manifest carries the anchor.
    const auditChain = await currentAuditAnchor();
    const createdAt = '2026-02-18T02:00:00.000Z';
    const header = {
      format: 1,
      manifest: {
        appVersion: 't',
        schemaVersion: 4,
        createdAt,
        operator: '王调度',
        kind: 'manual',
        counts: {},
        encrypted: false,
        auditChain,
      },
      body: { compression: 'gzip', byteLength: 0, encryption: null },
    };
    const head = new TextEncoder().encode(`POINT-TO-POINT-PLANNER-BACKUP\n${JSON.stringify(header)}\n`);
    const listing = vi.spyOn(platform, 'listBackups').mockResolvedValue({
      kept: 'session',
      lastBackupAt: createdAt,
      backups: [{ fileName: 'b.ptpbackup', size: 1, head }],
    });
    await createWorker(makeWorkerInput());
    render(page, { route: '/audit' });
    fireEvent.click(await screen.findByRole('button', { name: '校验操作日志是否被改动' }));
    const result = await screen.findByTestId('verify-result', {}, { timeout: 10_000 });
    await waitFor(() => expect(result.getAttribute('data-intact')).toBe('true'));
    expect(result.textContent).toContain(`与 ${formatTimestamp(createdAt, 'zh-CN')} 的备份中记下的锚点也一致（第 3 条`);
    listing.mockRestore();
  });
});
