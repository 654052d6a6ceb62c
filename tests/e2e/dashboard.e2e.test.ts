/**
 * The key figures on the home page end to end (issue 19): a new user loads the demo and, without
 * leaving the home page, reads how many people were sent in the last 12 months with the registered-poor share,
 * counted by the dashboard's Web Worker from the browser's IndexedDB; the overdue contacts open their
 * list, and a row of it the follow-up desk. Set DASHBOARD_SCREENSHOT to a file name to keep a picture of the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('the key figures on the home page', () => {
  it('shows the people sent in the last 12 months with their registered-poor share, and leads to the overdue contacts', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });

    const figures = page.getByTestId('key-figures');
    await figures.getByRole('heading', { name: '关键指标' }).waitFor();
    const sent = figures.getByTestId('figure-people-sent');
    await sent.waitFor({ timeout: 30_000 });
    // The demo's batches left in the last weeks: in early January they belong to last year, so the
    // last 12 months hold them whatever the day the test runs.
    await figures.getByText('近 12 个月').click();
    const today = formatCalendarDate(todayCalendarDate(), 'zh-CN');
    await figures
      .getByTestId('key-figures-period')
      .filter({ hasText: ` 至 ${today}` })
      .waitFor();
    const count = Number((await sent.getByTestId('people-sent-count').innerText()).replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);
    // "其中建档立卡 354 / 756，46.83%": the share of the same people sent.
    const share = await figures.getByTestId('figure-registered-poor').innerText();
    const match = /^其中建档立卡 ([\d,]+) \/ ([\d,]+)，(\d+\.\d\d)%$/.exec(share);
    expect(match, share).not.toBeNull();
    const [, poor = '', of = '', percent = ''] = match ?? [];
    expect(Number(of.replace(/,/g, ''))).toBe(count);
    expect(Number(poor.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(Number(percent)).toBeCloseTo((100 * Number(poor.replace(/,/g, ''))) / count, 2);
    await expect(figures.getByTestId('figure-subsidies').innerText()).resolves.toMatch(/已发\s*[\d,]+\.\d\d 元/);

    const screenshot = process.env.DASHBOARD_SCREENSHOT;
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    // The overdue contacts open their list, as many as the figure said, each leading to the desk.
    const overdue = figures.getByTestId('overdue-link');
    const overdueCount = (await overdue.innerText()).replace(/,/g, '');
    await overdue.click();
    await page.waitForURL(/#\/dashboard\/contacts\?/);
    await page.getByRole('heading', { name: '逾期未回访名单' }).waitFor();
    await expect(page.getByTestId('list-count').innerText()).resolves.toBe(`共 ${overdueCount} 人次`);
    if (Number(overdueCount) > 0) {
      await page.getByTestId('list-row').first().getByRole('link').click();
      await page.waitForURL(/#\/followup\?worker=/);
      await page.getByRole('heading', { name: '跟踪服务' }).first().waitFor();
    }

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
