/**
 * When the backup before a schema upgrade fails (issue 21), the app neither upgrades nor opens the
 * data: it says why in Chinese and English, trying again keeps the data untouched, and only an
 * explicit, warned choice updates without a backup. The backup is made to fail with a record that a
 * backup can not write (a BigInt, which IndexedDB stores but JSON can not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, launchChromium } from './browser';
import { storedSchemaVersion, writeVersion2Database } from './old-database';
import { makeWorker } from '../fixtures/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('a failed backup before the upgrade', () => {
  it('stops the upgrade and says why; updating without a backup needs a warned choice', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const workers = [makeWorker({ name: '黄秀梅' }), makeWorker()];
    await writeVersion2Database(
      page,
      `{ workers: ${JSON.stringify(workers)}, checklistTicks: [{ id: 'tick-1', batchId: 'b', item: 'i', count: 12n }] }`,
    );

    await page.goto(appUrl());
    const blocked = page.getByTestId('upgrade-blocked');
    await blocked.waitFor();
    const text = await blocked.innerText();
    expect(text).toContain('新版本需要更新数据，但更新前的备份没有成功');
    expect(text).toContain('This version must update your data, but the backup before the update failed');
    expect(text).toContain('备份失败的原因');
    expect(await storedSchemaVersion(page)).toBe(2);

    // Trying again fails the same way, and still changes nothing.
    await page.getByRole('button', { name: '再试一次 / Try again' }).click();
    await page.getByTestId('upgrade-blocked').waitFor();
    expect(await storedSchemaVersion(page)).toBe(2);

    await page.getByRole('button', { name: '不备份，直接更新数据… / Update without a backup…' }).click();
    await page.getByText('不备份就更新：如果更新出了问题', { exact: false }).waitFor();
    await page.getByRole('button', { name: '我明白，不备份直接更新 / I understand: update without a backup' }).click();
    await page.locator('[data-ready="true"]').waitFor();
    expect(await storedSchemaVersion(page)).toBe(6);
    await context.close();
  });
});
