import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Reads "1,234" as 1234. */
const count = (text: string | undefined): number => Number((text ?? '').replaceAll(',', ''));

/** The vehicles and the lower bound of the proposal's totals, as the user reads them. */
async function vehicleTotals(page: Page, pattern: RegExp): Promise<{ vehicles: number; bound: number; gap: number }> {
  const text = await page.getByTestId('total-vehicles').innerText();
  const match = pattern.exec(text);
  if (!match) throw new Error(`no vehicle totals in “${text}”`);
  return { vehicles: count(match[1]), bound: count(match[2]), gap: Number(match[3]) };
}

describe('plan batches', () => {
  it('proposes batches for the demo roster, shows the vehicles beside their lower bound, and saves them in one go', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '专列批次' }).click();
    const batchRows = page.getByTestId('batch-row');
    // The demo's two coming batches and the four that left weeks and months ago (issue 17).
    const DEMO_BATCHES = 6;
    await expect.poll(() => batchRows.count()).toBe(DEMO_BATCHES);
    await page.getByRole('link', { name: '自动编排' }).click();
    await page.getByRole('heading', { name: '自动编排批次', exact: true }).waitFor();

    await page.getByRole('combobox', { name: '线路' }).click();
    await page.getByRole('option', { name: '百色—广州/深圳 点对点专列' }).click();
    await page.keyboard.press('Escape');
    // The route's legs get the usual vehicles: coaches of 49 seats, second-class carriages of 90.
    await expect(page.getByRole('textbox', { name: /第 2 段座位数/ }).inputValue()).resolves.toBe('90');
    await page.getByLabel('最早出发日期').fill('2026-03-02');
    await page.getByLabel('最晚出发日期').fill('2026-03-04');
    await page.getByRole('button', { name: '生成方案' }).click();

    await page.getByTestId('proposal').waitFor();
    const totals = await vehicleTotals(page, /车辆 ([\d,]+) 辆（下限 ([\d,]+)，高出 ([\d.]+)%）/);
    expect(totals.vehicles).toBeGreaterThanOrEqual(totals.bound);
    expect(totals.bound).toBeGreaterThan(0);
    expect(totals.gap).toBeCloseTo(((totals.vehicles - totals.bound) / totals.bound) * 100, 1);
    const proposed = page.getByTestId('proposed-batch');
    const batchCount = await proposed.count();
    expect(batchCount).toBeGreaterThan(0);
    const firstName = await proposed.first().locator('td').first().innerText();
    expect(firstName).toBe('百色—广州/深圳 点对点专列 3月2日 第1批');
    // The demo roster has workers without a receiving enterprise: counted, in words, with their names.
    const noEnterprise = page.getByTestId('unplaced-reason').filter({ hasText: '没有接收企业' });
    await noEnterprise.getByRole('button').click();
    await noEnterprise.getByText('请先在“务工人员”中为他们分配岗位。').waitFor();

    // Nothing is stored before the save button: another window still sees only the demo batches.
    const other = await context.newPage();
    await other.goto(`${appUrl()}#/batches`);
    await other.getByTestId('batch-row').first().waitFor();
    await expect(other.getByTestId('batch-row').count()).resolves.toBe(DEMO_BATCHES);
    await other.close();

    // The same proposal in English.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Proposal (not saved yet)' }).waitFor();
    const english = await vehicleTotals(page, /([\d,]+) vehicles \(lower bound ([\d,]+), ([\d.]+)% above\)/);
    expect(english).toEqual(totals);
    await page.getByRole('button', { name: new RegExp(`^Save ${batchCount} batch(es)?$`) }).waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '编排方案（尚未保存）' }).waitFor();

    await page.getByRole('button', { name: `保存 ${batchCount} 个批次` }).click();
    await page.getByText(new RegExp(`已保存 ${batchCount} 个批次，共 [\\d,]+ 人`)).waitFor();
    await expect.poll(() => batchRows.count()).toBe(DEMO_BATCHES + batchCount);
    await batchRows.filter({ hasText: firstName }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
