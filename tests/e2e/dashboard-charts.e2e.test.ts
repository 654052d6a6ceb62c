/**
 * The dashboard's charts end to end (issue 19, items 2 to 4): after loading the demo, the home page
 * draws every chart that has figures (an SVG with bars, drawn by Recharts in real Chromium), says so
 * in a sentence for one that has none, saves a chart as a PNG twice its size on screen, and a click
 * on a month's bar opens the people sent that month, one on the bar of a batch leaving soon (the
 * demo's next batch, moved to tomorrow) its page. Set DASHBOARD_CHARTS_SCREENSHOT to a file name
 * prefix to keep pictures of the home page in Chinese and in English, and two saved PNGs.
 */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { makeDemoData } from '@shared/demo';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The charts the demo has figures for (with a batch moved to tomorrow); it makes no subsidy claims. */
const DRAWN = ['month', 'funnel', 'county', 'destination', 'enterprises', 'weeks', 'health'] as const;

describe('the dashboard charts', () => {
  it('draws every chart of the demo, saves one as PNG, and opens a batch leaving soon and the people of a month from their bars', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
    // The demo's next batch leaves in 5 days: moved to tomorrow, its health checks are due.
    const today = todayCalendarDate();
    const soon = makeDemoData({ seed: 20200218, workers: 2000, today }).batches.find(
      (batch) => batch.date === addCalendarDays(today, 5),
    );
    if (!soon) throw new Error('the demo has no batch leaving in 5 days');
    await page.getByRole('navigation').getByRole('link', { name: '专列批次' }).click();
    await page.getByText(soon.name, { exact: true }).first().click();
    await page.getByRole('heading', { name: soon.name, exact: true }).waitFor();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^出发日期/).fill(addCalendarDays(today, 1));
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();

    const figures = page.getByTestId('key-figures');
    // The demo's batches left in the last weeks: the last 12 months hold them whatever the day.
    await figures.getByText('近 12 个月').click();
    await figures.getByTestId('key-figures-period').filter({ hasText: '至' }).waitFor({ timeout: 30_000 });

    for (const name of DRAWN) {
      const card = page.getByTestId(`chart-${name}`);
      await card.locator('svg.recharts-surface .recharts-bar-rectangle path').first().waitFor({ timeout: 30_000 });
    }
    await expect(page.getByTestId('chart-subsidies').getByTestId('chart-empty').innerText()).resolves.toBe(
      '此期间没有补贴申领',
    );
    const screenshot = process.env.DASHBOARD_CHARTS_SCREENSHOT;
    if (screenshot) await page.screenshot({ path: `${screenshot}-zh.png`, fullPage: true });

    // The month chart as PNG: twice the chart's size, under its title.
    const month = page.getByTestId('chart-month');
    const box = await month.locator('svg.recharts-surface').boundingBox();
    const download = page.waitForEvent('download');
    await month.getByTestId('chart-png').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^每月输出人数-\d{4}-\d\d-\d\d至\d{4}-\d\d-\d\d\.png$/);
    if (screenshot) await saved.saveAs(`${screenshot}-month-chart.png`);
    const bytes = await readFile((await saved.path()) ?? '');
    expect(bytes.length).toBeGreaterThan(10_000);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(Math.ceil(((box?.width ?? 0) + 32) * 2));
    expect(png.height).toBeGreaterThan(2 * (box?.height ?? 0));
    await page.getByText(/图表已保存为 每月输出人数/).waitFor();

    if (screenshot) {
      const health = page.waitForEvent('download');
      await page.getByTestId('chart-health').getByTestId('chart-png').click();
      await (await health).saveAs(`${screenshot}-health-chart.png`);
    }

    // In English, the same charts with English titles.
    await page.getByText('English').click();
    await page.getByTestId('chart-month').getByText('People sent per month').waitFor();
    await page.getByTestId('chart-funnel').getByText('In post 30 days').waitFor();
    if (screenshot) await page.screenshot({ path: `${screenshot}-en.png`, fullPage: true });
    await page.getByText('中文').click();
    await page.getByTestId('chart-month').getByText('每月输出人数').waitFor();

    // A click on the batch leaving soon opens its page.
    const soonPage = page.waitForURL(new RegExp(`#/batches/${soon.id}$`));
    await page.getByTestId('chart-health').locator('.recharts-bar-rectangle path').first().click();
    await soonPage;
    await page.getByRole('heading', { name: soon.name, exact: true }).waitFor();
    await page.goBack();
    await figures.getByText('近 12 个月').click();
    await month.locator('.recharts-bar-rectangle path').first().waitFor();

    // A click on the tallest month's bar opens the people sent that month.
    const bars = month.locator('.recharts-bar-rectangle path');
    const heights: number[] = [];
    for (let index = 0; index < (await bars.count()); index += 1) {
      heights.push((await bars.nth(index).boundingBox())?.height ?? 0);
    }
    const tallest = heights.indexOf(Math.max(...heights));
    const landed = page.waitForURL(/#\/dashboard\/people\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&month=\d{4}-\d\d$/);
    await bars.nth(tallest).click();
    await landed;

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
