/**
 * The audit trail and privacy (issue 7), in Chromium against the built renderer: a change shows on
 * the record's page and on the audit page, filtered by table and operator; 校验 finds the chain
 * intact, and names the entry edited straight in IndexedDB afterwards. A batch closed long ago
 * offers its people for anonymisation, which backs up first and leaves their page anonymised.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

const OPERATOR = '黄干事';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
  await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
  await page.getByLabel('操作员姓名').fill(OPERATOR);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('设置已保存').waitFor();
}

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Page scripts that open the app's IndexedDB behind its back, as someone with access to the PC's
 * files could. Written as text: the page runs them, and the tests' TypeScript has no DOM types.
 */
const OPEN_DATABASE = `new Promise((resolve, reject) => {
  const request = indexedDB.open('point-to-point-planner');
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
})`;

/** Changes the `after` of the audit row of `recordId`'s update straight in IndexedDB; returns its seq. */
function tamperWith(page: Page, recordId: string): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const db = await ${OPEN_DATABASE};
    const store = db.transaction('audit', 'readwrite').objectStore('audit');
    const rows = await new Promise((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const row = rows.find((candidate) => candidate.recordId === ${JSON.stringify(recordId)} && candidate.action === 'update');
    if (!row) throw new Error('no update row');
    await new Promise((resolve) => {
      store.put({ ...row, after: { ...row.after, notes: '改过的备注' } }).onsuccess = resolve;
    });
    db.close();
    return row.seq;
  })()`);
}

/** Marks the first batch closed two years ago, straight in IndexedDB (no audit row: the time is its last change). */
const CLOSE_A_BATCH_LONG_AGO = `(async () => {
  const db = await ${OPEN_DATABASE};
  const transaction = db.transaction('batches', 'readwrite');
  const store = transaction.objectStore('batches');
  const batches = await new Promise((resolve) => {
    const request = store.getAll();
    request.onsuccess = () => resolve(request.result);
  });
  store.put({ ...batches[0], status: 'closed', updatedAt: '2024-01-01T00:00:00.000Z' });
  await new Promise((resolve) => (transaction.oncomplete = resolve));
  db.close();
})()`;

describe('the audit trail', () => {
  it('shows a change, filters it by table and operator, verifies, and names an entry edited in the database', async () => {
    const { context, page } = await openApp(browser);
    await loadDemo(page);

    // A change: a note on the first worker of the list.
    await page.getByRole('navigation').getByRole('link', { name: '务工人员' }).click();
    await page.getByTestId('worker-row').first().click();
    const workerId = page.url().split('/workers/')[1] ?? '';
    await page.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('备注').fill('会开叉车');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('history-changes').filter({ hasText: '会开叉车' }).waitFor();

    // The record's history leads to its entries on the audit page.
    await page.getByRole('link', { name: '在操作日志中查看' }).click();
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await page.getByTestId('audit-count').filter({ hasText: '1 条记录' }).waitFor();
    await expect(page.getByLabel('记录编号').inputValue()).resolves.toBe(workerId);

    // The whole trail, filtered by table and operator.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await choose(page, '类别', '务工人员');
    await choose(page, '操作员', OPERATOR);
    const rows = page.getByTestId('audit-row');
    await page.getByTestId('audit-count').filter({ hasText: '1 条记录' }).waitFor();
    const row = rows.first();
    await expect(row.getAttribute('data-action')).resolves.toBe('update');
    await expect(row.innerText()).resolves.toContain('备注');
    await expect(row.innerText()).resolves.toContain(OPERATOR);
    await choose(page, '类别', '设置');
    await page.getByTestId('audit-count').filter({ hasText: '1 条记录' }).waitFor();
    // The count can show before the list has drawn its new rows: wait for the row too.
    await expect.poll(() => rows.first().getAttribute('data-table')).toBe('settings');

    // The entry in full, before and after.
    await choose(page, '类别', '务工人员');
    await rows.first().click();
    const entry = page.getByTestId('audit-entry');
    await entry.getByRole('cell', { name: '会开叉车' }).waitFor();
    await page.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '校验操作日志是否被改动' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    await expect(result.getAttribute('data-intact')).resolves.toBe('true');
    await expect(result.innerText()).resolves.toContain('操作日志完好');

    // In English too.
    await page.getByRole('radiogroup', { name: '语言' }).getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('button', { name: 'Verify that the audit trail was not changed' }).click();
    await page.getByTestId('verify-result').filter({ hasText: 'The audit trail is intact' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '操作日志' }).waitFor();

    const seq = await tamperWith(page, workerId);
    await page.getByRole('button', { name: '校验操作日志是否被改动' }).click();
    const broken = page.getByTestId('verify-result').and(page.locator('[data-intact="false"]'));
    await broken.waitFor();
    await expect(broken.getAttribute('data-broken-seq')).resolves.toBe(String(seq));
    await expect(broken.innerText()).resolves.toContain(`第 ${seq} 条（务工人员，记录 ${workerId}`);
    await expect(broken.innerText()).resolves.toContain('内容与写入时不一致');

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('offers the people of a batch closed past the retention period, backs up, anonymises and says so', async () => {
    const { context, page } = await openApp(browser);
    await loadDemo(page);
    await page.evaluate(CLOSE_A_BATCH_LONG_AGO);
    // Dexie's live queries do not see a write made behind its back: the app starts again, as it would.
    await page.goto(appUrl());
    await page.reload();
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByTestId('retention-notice').waitFor();
    await page.getByRole('link', { name: '前往设置' }).click();
    const offer = page.getByTestId('retention-offer');
    await offer.waitFor();
    const people = Number(await offer.getAttribute('data-people'));
    expect(people).toBeGreaterThan(0);

    await page.getByRole('button', { name: '匿名化…' }).click();
    await page.getByRole('dialog').getByText('这一步不能撤销').waitFor();
    await page.getByRole('button', { name: '备份并匿名化' }).click();
    await page.getByText(`已将 ${people} 人的信息匿名化`).waitFor({ timeout: 60_000 });
    await page.getByTestId('retention-offer').and(page.locator('[data-people="0"]')).waitFor();

    // The trail records each person and the backup made before; the chain is intact.
    await page.getByRole('navigation').getByRole('link', { name: '操作日志' }).click();
    await page.getByTestId('audit-row').and(page.locator('[data-action="anonymise"]')).first().click();
    await page
      .getByTestId('audit-entry')
      .getByText(/planner-backup-.*\.ptpbackup/)
      .waitFor();
    await page.getByRole('link', { name: '打开这条记录' }).click();
    await page.getByTestId('anonymised-banner').waitFor();
    await expect(page.getByRole('heading', { level: 2 }).innerText()).resolves.toMatch(/^\S+\*$/);
    await expect(page.getByRole('button', { name: '编辑' }).count()).resolves.toBe(0);

    // The person's own data, as a file: what is left of it.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出个人数据' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^个人数据-[^*_\s]+-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      format: string;
      worker: { residentId: string; anonymisedAt?: string };
      assignments: unknown[];
    };
    expect(data.format).toBe('p2p-personal-data/1');
    expect(data.worker.anonymisedAt).toBeTruthy();
    expect(data.worker.residentId).toMatch(/^anon:/);
    expect(data.assignments.length).toBeGreaterThan(0);
    await page.getByText(/^已导出 \S+ 的个人数据$/).waitFor();

    await page.goto(`${appUrl()}#/audit`);
    await page.getByRole('button', { name: '校验操作日志是否被改动' }).click();
    await page.getByTestId('verify-result').and(page.locator('[data-intact="true"]')).waitFor();

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
