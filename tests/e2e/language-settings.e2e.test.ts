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

/** Visible text with Chinese characters, leaving out the switch's own "中文" label. */
async function chineseLeftOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text
    .split('\n')
    .map((line) => line.replace('中文', ''))
    .filter((line) => /[\u3400-\u9fff]/.test(line));
}

describe('language and settings', () => {
  it('turns every visible string to English and back, and remembers the choice', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('heading', { name: '点对点专列规划', exact: true }).waitFor();
    await page.getByText('English').click();
    await page.getByRole('heading', { name: 'Point-to-Point Planner', exact: true }).waitFor();
    for (const [link, heading] of [
      ['Home', 'Welcome to Point-to-Point Planner'],
      ['Receiving enterprises', 'Receiving enterprises'],
      ['Settings', 'Settings'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await expect(chineseLeftOn(page)).resolves.toEqual([]);
    }
    await page.getByRole('navigation').getByRole('link', { name: 'Receiving enterprises' }).click();
    await page.getByRole('button', { name: 'New enterprise' }).click();
    await page.getByRole('dialog').getByLabel('Unified social credit code').fill('91350100M000100Y4');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByText('A unified social credit code has 18 characters').waitFor();
    await expect(chineseLeftOn(page)).resolves.toEqual([]);

    // A restart: a new window on the same profile opens in English.
    await page.close();
    const again = await context.newPage();
    await again.goto(appUrl());
    await again.getByRole('heading', { name: 'Point-to-Point Planner', exact: true }).waitFor();
    await again.getByText('中文').click();
    await again.getByRole('heading', { name: '点对点专列规划', exact: true }).waitFor();
    await expect(again.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('stamps the operator on changes and refuses policy values outside their range', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('操作员姓名').fill('覃主任');
    await page.getByLabel('发热判定温度（°C）').fill('373');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('发热判定温度应在 36.0 到 39.0 °C 之间').waitFor();
    await page.getByLabel('发热判定温度（°C）').fill('37.5');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('设置已保存').waitFor();
    await page.reload();
    await expect(page.getByLabel('发热判定温度（°C）').inputValue()).resolves.toBe('37.5');
    await expect(page.getByLabel('操作员姓名').inputValue()).resolves.toBe('覃主任');
    await page.getByTestId('persistence').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
    await page.getByRole('button', { name: '新增企业' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('企业名称').fill('东莞市测试制衣有限公司');
    await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
    await dialog.getByLabel('所在城市').fill('东莞市');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('修改记录').waitFor();
    await expect(page.getByText(/覃主任 · 新增/).count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
