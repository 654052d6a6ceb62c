import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatTimestamp } from '@shared/dates';
import { gbkCsv, makeRoster } from '../fixtures/rosters';
import { appUrl, launchChromium, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** As in the issue: a roster of 50,000, two chunks of 25,000 (IMPORT_CHUNK). */
const PEOPLE = 50_000;
const CHUNK = 25_000;

/** What IndexedDB holds, read in the page: the workers, their distinct resident IDs, the journal. */
const STORED = `new Promise((resolve, reject) => {
  const open = indexedDB.open('point-to-point-planner');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['workers', 'imports']);
    const keys = tx.objectStore('workers').index('residentId').getAllKeys();
    const journal = tx.objectStore('imports').getAll();
    tx.oncomplete = () => {
      resolve({ workers: keys.result.length, ids: new Set(keys.result).size, journal: journal.result });
      db.close();
    };
  };
})`;

interface Stored {
  workers: number;
  ids: number;
  journal: { fileName: string; startedAt: string; state: string; chunksCommitted: number; rowsStored: number }[];
}

const stored = (page: Page) => page.evaluate<Stored>(STORED);

async function chooseFile(page: Page, button: string, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ ...file, mimeType: 'text/csv' });
}

describe('an import cut off half-way', () => {
  it(
    'is reported at the next start with its file and counts, and finished with the same file stores every row once',
    { timeout: 600_000 },
    async () => {
      const roster = makeRoster(PEOPLE);
      const file = { name: '田东县花名册.csv', buffer: gbkCsv(roster.rows) };
      // The PC is set to Los Angeles: the start of the import is still shown in Beijing time.
      const { context, page } = await openApp(browser, { timezoneId: 'America/Los_Angeles' });
      await page.goto(`${appUrl()}#/workers/import`);
      await chooseFile(page, '选择花名册文件', file);
      await page.getByRole('button', { name: '检查全部行' }).click({ timeout: 120_000 });
      await page.getByRole('button', { name: `导入 ${String(PEOPLE)} 行` }).click({ timeout: 120_000 });
      // The second chunk is being written (its first 5,000 rows, not committed): the window is closed.
      await page.getByText(new RegExp(`正在导入：(3|4)\\d{4} / ${String(PEOPLE)}`)).waitFor({ timeout: 120_000 });
      await page.close();

      const next = await context.newPage();
      const errors: string[] = [];
      next.on('pageerror', (error) => errors.push(error.message));
      next.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await next.goto(appUrl());
      await next.locator('[data-ready="true"]').waitFor();
      const before = await stored(next);
      // Only the first chunk is stored, and the journal says so.
      expect(before.workers).toBe(CHUNK);
      expect(before.journal).toMatchObject([
        { fileName: '田东县花名册.csv', state: 'interrupted', chunksCommitted: 1, rowsStored: CHUNK },
      ]);
      const startedAt = formatTimestamp(before.journal[0]?.startedAt ?? '', 'zh-CN');
      const notice = next.getByTestId('import-interrupted-notice');
      await expect(notice.innerText()).resolves.toContain(
        `上次导入“田东县花名册.csv”没有完成（${startedAt} 开始）：已存储 ${String(CHUNK)} / ${String(PEOPLE)} 行`,
      );

      await notice.getByRole('button', { name: '去完成导入' }).click();
      const card = next.getByTestId('import-interrupted');
      await expect(card.innerText()).resolves.toContain(`中断时已存储 ${String(CHUNK)} / ${String(PEOPLE)} 行`);

      // Another file (one person's phone changed) is refused, in words.
      const other = roster.rows.map((row, index) =>
        index === 5 ? row.map((cell, c) => (c === 3 ? '13912345678' : cell)) : row,
      );
      await chooseFile(next, '选择同一文件，完成导入', { name: '田东县花名册.csv', buffer: gbkCsv(other) });
      await expect(next.getByTestId('import-problem').innerText({ timeout: 120_000 })).resolves.toContain(
        '“田东县花名册.csv”不是中断的那次导入所用的文件（内容不同）',
      );
      await expect(stored(next)).resolves.toMatchObject({ workers: CHUNK });

      await chooseFile(next, '选择同一文件，完成导入', file);
      await next.getByTestId('import-resuming').waitFor({ timeout: 120_000 });
      await next.getByRole('button', { name: `导入 ${String(PEOPLE)} 行` }).click();
      const report = next.getByTestId('import-report');
      await report.waitFor({ timeout: 300_000 });
      const text = await report.innerText();
      expect(text).toContain('中断的导入已完成');
      expect(text).toContain(`新登记 ${String(PEOPLE - CHUNK)} 人`);
      expect(text).toContain(`已登记、未改动 ${String(CHUNK)} 人`);

      const after = await stored(next);
      expect(after.workers).toBe(PEOPLE);
      expect(after.ids).toBe(PEOPLE);
      expect(after.journal).toMatchObject([{ state: 'finished', chunksCommitted: 2, rowsStored: PEOPLE }]);
      // Finished: the next start says nothing.
      await next.reload();
      await next.locator('[data-ready="true"]').waitFor();
      await next.getByRole('navigation').getByRole('link', { name: '务工人员' }).click();
      await expect(next.getByTestId('import-interrupted-notice').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
