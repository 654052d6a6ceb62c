/**
 * The dashboard's filter and the lists behind its figures end to end (issue 19, item 3): on the demo,
 * a county chosen changes the people sent; a click on that number opens the list of exactly as many
 * people, counted by the dashboard's Web Worker, from which a worker's page opens. Set
 * DASHBOARD_LISTS_SCREENSHOTS to a folder to keep pictures of the home page and the list in both
 * languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const whole = (text: string) => Number(text.replace(/[^\d]/g, ''));

async function picture(page: Page, name: string) {
  const folder = process.env.DASHBOARD_LISTS_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

describe('the lists behind the dashboard', () => {
  it('a county chosen narrows the people sent, and their number opens a list of that many people', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });

    const figures = page.getByTestId('key-figures');
    const sent = figures.getByTestId('people-sent-count');
    await sent.waitFor({ timeout: 30_000 });
    // The demo's batches left in the last weeks: the last 12 months hold them whatever the day.
    await figures.getByText('近 12 个月').click();
    const today = formatCalendarDate(todayCalendarDate(), 'zh-CN');
    await figures
      .getByTestId('key-figures-period')
      .filter({ hasText: ` 至 ${today}` })
      .waitFor();
    await expect.poll(async () => whole(await sent.innerText()), { timeout: 30_000 }).toBeGreaterThan(0);
    const everyone = whole(await sent.innerText());

    // The counties come from the workers read: choose the first, then the people sent are theirs only.
    const county = figures.getByRole('combobox', { name: '县（区）' });
    await county.click();
    const first = page.getByRole('option').first();
    const name = (await first.innerText()).trim();
    await first.click();
    await expect.poll(async () => whole(await sent.innerText()), { timeout: 30_000 }).toBeLessThan(everyone);
    const theirs = whole(await sent.innerText());
    expect(theirs).toBeGreaterThan(0);
    await expect(figures.getByRole('combobox', { name: '乡镇' }).isEnabled()).resolves.toBe(true);
    await picture(page, 'home-zh');

    await sent.click();
    await page.waitForURL(/#\/dashboard\/people\?/);
    const count = page.getByTestId('list-count');
    await count.waitFor({ timeout: 30_000 });
    expect(whole(await count.innerText())).toBe(theirs);
    await expect(page.getByTestId('list-description').innerText()).resolves.toContain(`县（区）：${name}`);
    await expect(page.getByTestId('list-row').count()).resolves.toBe(Math.min(theirs, 100));
    await picture(page, 'list-zh');

    // The same list in English.
    await page.getByText('English').click();
    await page.getByRole('heading', { name: 'People sent' }).waitFor();
    await expect(count.innerText()).resolves.toMatch(/^[\d,]+ (person|people)$/);
    await picture(page, 'list-en');

    // Back to the figures, with the county still chosen.
    await page.getByTestId('list-back').click();
    await page.waitForURL(/#\/\?/);
    await expect.poll(async () => whole(await page.getByTestId('people-sent-count').innerText())).toBe(theirs);
    await expect(page.getByRole('combobox', { name: 'County' }).inputValue()).resolves.toBe(name);
    await picture(page, 'home-en');

    // The batches that carried them, as many as the figure says.
    const departed = page.getByTestId('batches-departed-link');
    const batches = whole(await departed.innerText());
    await departed.click();
    await page.waitForURL(/#\/dashboard\/batches\?/);
    await expect
      .poll(async () => whole(await page.getByTestId('list-count').innerText()), { timeout: 30_000 })
      .toBe(batches);
    await picture(page, 'batches-en');
    await page.getByTestId('list-back').click();
    await page.getByText('中文').click();

    // A person of the list opens their page.
    await page.getByTestId('people-sent-count').click();
    const firstRow = page.getByTestId('list-row').first();
    await firstRow.waitFor({ timeout: 30_000 });
    const person = firstRow.getByRole('link').first();
    const personName = (await person.innerText()).trim();
    await person.click();
    await page.waitForURL(/#\/workers\/[^/?]+$/);
    await page.getByRole('heading', { name: personName }).first().waitFor();

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('says what is wrong with an address that names no list', async () => {
    const { context, page } = await openApp(browser);
    await page.goto(`${appUrl()}#/dashboard/people?from=2026-02-30&to=2026-12-31`);
    await expect(page.getByTestId('list-problem').innerText()).resolves.toContain('起始日期“2026-02-30”不是有效日期');
    await picture(page, 'problem-zh');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
