import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { gbkCsv, makeRoster } from '../fixtures/rosters';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** A restore made in another window: its notice stays until closed (BackupNotices.tsx). */
async function restoreElsewhere(page: Page): Promise<void> {
  await page.evaluate(
    `new BroadcastChannel('planner-backups').postMessage({ restored: true, from: 'another-window' })`,
  );
  await page.locator('.mantine-Notification-root').first().waitFor();
}

/** The labels of the visible buttons, links, fields and tabs that a notice lies over, at the current scroll. */
const COVERED = `(() => {
  const notices = [...document.querySelectorAll('.mantine-Notification-root')].map((n) => n.getBoundingClientRect());
  return [...document.querySelectorAll('button, a[href], input, [role="tab"]')]
    .filter((element) => !element.closest('.mantine-Notification-root'))
    .filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.top >= window.innerHeight) return false;
      return notices.some((n) => n.left < box.right && box.left < n.right && n.top < box.bottom && box.top < n.bottom);
    })
    .map((element) => element.textContent.trim() || element.getAttribute('aria-label') || element.tagName);
})()`;

function coveredButtons(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(COVERED);
}

async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
}

describe('notices', () => {
  it('cover none of the import page’s buttons at 1366×768, and its buttons stay clickable', async () => {
    const { context, page } = await openApp(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('navigation').getByRole('link', { name: '务工人员' }).click();
    await page.getByRole('button', { name: '导入花名册' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择花名册文件' }).click();
    await (await chooser).setFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: gbkCsv(makeRoster(3).rows) });
    const check = page.getByRole('button', { name: '检查全部行' });
    await check.waitFor();

    await restoreElsewhere(page);
    await scrollToEnd(page);
    expect(await coveredButtons(page)).toEqual([]);
    // `trial` runs every check of a click, the element on top at its point included, without clicking.
    await page.getByRole('button', { name: '上一步' }).click({ trial: true, timeout: 3000 });
    await check.click({ trial: true, timeout: 3000 });

    await check.click();
    await page.getByTestId('import-counts').waitFor();
    await scrollToEnd(page);
    expect(await coveredButtons(page)).toEqual([]);
    await page.getByRole('button', { name: /^导入 \d+ 行$/ }).click({ trial: true, timeout: 3000 });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('cover none of a form’s buttons when a save is confirmed', async () => {
    const { context, page } = await openApp(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
    await page.getByRole('button', { name: '新增企业' }).click();
    await restoreElsewhere(page);
    await scrollToEnd(page);
    expect(await coveredButtons(page)).toEqual([]);
    await page.getByRole('button', { name: '保存' }).click({ trial: true, timeout: 3000 });

    await page.keyboard.press('Escape');
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('操作员姓名').fill('王调度');
    await page.getByRole('button', { name: '保存', exact: true }).first().click();
    await page.getByText('设置已保存').waitFor();
    for (const end of [false, true]) {
      if (end) await scrollToEnd(page);
      expect(await coveredButtons(page)).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
