import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The texts of the column headers on screen whose text is cut (wider than the cell shows). */
const CUT_HEADERS = `(() => [...document.querySelectorAll('th, [role="columnheader"], [role="table"] > [role="row"] > *')]
  .filter((cell) => cell.getBoundingClientRect().width > 0)
  .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || [...cell.querySelectorAll('*')].some((inner) => inner.scrollWidth > inner.clientWidth + 1 && getComputedStyle(inner).overflow !== 'visible'))
  .map((cell) => cell.textContent.trim()))()`;

function cutHeaders(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(CUT_HEADERS);
}

/** The texts of buttons, tabs, badges and labels on screen whose text is cut. */
const CUT_CONTROLS = `(() => [...document.querySelectorAll('button, [role="tab"], label, [class*="Badge-root"]')]
  .filter((element) => element.getBoundingClientRect().width > 0)
  .filter((element) => [element, ...element.querySelectorAll('*')].some((inner) => inner.scrollWidth > inner.clientWidth + 1 && getComputedStyle(inner).overflow !== 'visible'))
  .map((element) => element.textContent.trim()))()`;

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

describe('English at 1366 px', () => {
  it(
    'cuts no column header on the main lists and the batch page’s tabs, and no control on the health station',
    { timeout: 240_000 },
    async () => {
      const { context, page } = await openApp(browser);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('button', { name: '加载演示数据' }).click();
      await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
      await page.getByText('English').click();
      const cut: Record<string, string[]> = {};
      const look = async (name: string) => {
        const headers = await cutHeaders(page);
        if (headers.length > 0) cut[name] = headers;
      };
      await nav(page, 'Workers');
      await page.getByRole('table').first().waitFor();
      await look('workers');
      await nav(page, 'Receiving enterprises');
      await page.getByRole('table').first().waitFor();
      await look('enterprises');
      await nav(page, 'Routes');
      await page.getByRole('table').first().waitFor();
      await look('routes');
      await nav(page, 'Audit trail');
      await page.getByTestId('audit-row').first().waitFor();
      await look('audit');
      await nav(page, 'Batches');
      await page.getByTestId('batch-row').first().click();
      await page.getByRole('tab').first().waitFor();
      // Names are listed with English commas, not the Chinese enumeration comma.
      const escorts = await page.getByText('Escorts', { exact: true }).locator('xpath=..').innerText();
      expect(escorts).toContain(', ');
      expect(escorts).not.toContain('、');
      for (const tab of await page.getByRole('tab').allInnerTexts()) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.getByRole('tabpanel', { name: tab, exact: true }).waitFor();
        await look(`batch: ${tab}`);
      }
      // The health station, where the medical team works down the passenger lists.
      await page.getByRole('link', { name: 'Health-check station' }).first().click();
      await page.getByTestId('health-station').waitFor();
      await page.locator('[data-testid^="list-tab-"]').first().waitFor();
      const station = await page.evaluate<string[]>(CUT_CONTROLS);
      if (station.length > 0) cut['health station'] = station;
      expect(cut).toEqual({});
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    },
  );
});
