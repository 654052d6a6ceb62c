import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, pageErrors } from './browser';

// A real, published unified social credit code, and the same with its check character changed.
const VALID_CODE = '91350100M000100Y43';
const WRONG_CHECK = '91350100M000100Y44';
const FULL_WIDTH_VALID = '９１３５０１００ｍ０００１００ｙ４３';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function fillEnterpriseForm(page: Page, values: { name?: string; code?: string; city?: string }) {
  const dialog = page.getByRole('dialog');
  if (values.name !== undefined) await dialog.getByLabel('企业名称').fill(values.name);
  if (values.code !== undefined) await dialog.getByLabel('统一社会信用代码').fill(values.code);
  if (values.city !== undefined) await dialog.getByLabel('所在城市').fill(values.city);
}

describe('receiving enterprises', () => {
  it('loads the demo data and filters the enterprise list by name, city and key flag', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('heading', { name: '欢迎使用点对点专列规划', exact: true }).waitFor();
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor();
    await expect(page.getByTestId('count-workers').innerText()).resolves.toContain('2,000');

    await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
    const rows = page.getByTestId('enterprise-row');
    await rows.first().waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThan(5);

    await page.getByRole('combobox', { name: '城市' }).click();
    await page.getByRole('option', { name: '深圳市' }).click();
    await expect.poll(() => rows.count()).toBeLessThan(total);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('深圳市');

    await page.getByLabel('只看重点企业').check();
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('重点企业'))).toBe(true);

    await page.getByLabel('只看重点企业').uncheck();
    const firstName = (await rows.first().locator('td').first().innerText()).split('\n')[0] ?? '';
    await page.getByPlaceholder('按企业名称搜索').fill(firstName.slice(0, 6));
    await expect
      .poll(async () => (await rows.allInnerTexts()).every((t) => t.includes(firstName.slice(0, 6))))
      .toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('refuses a wrong credit code with a clear message, then saves, edits, deletes and undoes', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
    await page.getByText('还没有接收企业').waitFor();

    await page.getByRole('button', { name: '新增企业' }).click();
    await fillEnterpriseForm(page, { name: '广州市百色人电子科技有限公司', code: WRONG_CHECK, city: '广州市' });
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    // The message names the check character that the first 17 call for (91350100M000100Y43 is right).
    await page.getByText('统一社会信用代码校验位不正确：按前 17 位应为 3。', { exact: false }).waitFor();

    // Nothing was stored: cancelling leaves the list empty.
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.getByText('还没有接收企业').waitFor();

    await page.getByRole('button', { name: '新增企业' }).click();
    await fillEnterpriseForm(page, { name: '广州市百色人电子科技有限公司', code: FULL_WIDTH_VALID, city: '广州市' });
    await page.getByRole('dialog').getByLabel('联系电话').fill('020-8888 1234');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '广州市百色人电子科技有限公司', exact: true }).waitFor();
    // Full-width input is stored as the normalized code.
    await page.getByText(VALID_CODE).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: '广州市百色人电子科技有限公司', exact: true }).waitFor();

    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByRole('dialog').getByLabel('联系人').fill('黄经理');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('黄经理', { exact: true }).waitFor();

    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText('已删除企业“广州市百色人电子科技有限公司”').waitFor();
    await page.getByText('还没有接收企业').waitFor();

    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByTestId('enterprise-row').filter({ hasText: '黄经理' }).waitFor();
    await page.reload();
    await page.getByTestId('enterprise-row').first().waitFor();
    await expect(page.getByTestId('enterprise-row').count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps a second enterprise from reusing a credit code, and checks job openings', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
    for (const name of ['深圳市甲电子有限公司', '深圳市乙电子有限公司']) {
      await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
      await page.getByRole('button', { name: '新增企业' }).click();
      await fillEnterpriseForm(page, { name, code: VALID_CODE, city: '深圳市' });
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      if (name.includes('甲')) await page.getByRole('heading', { name }).waitFor();
    }
    await page.getByText('已有另一家企业使用这个统一社会信用代码').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    await page.getByTestId('enterprise-row').click();
    await page.getByRole('button', { name: '新增岗位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('岗位').fill('普工');
    await dialog.getByLabel('最小年龄').fill('45');
    await dialog.getByLabel('最大年龄').fill('30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('最大年龄不能小于最小年龄').waitFor();
    await dialog.getByLabel('最大年龄').fill('55');
    await dialog.getByRole('button', { name: '保存' }).click();
    const opening = page.getByTestId('opening-row');
    await opening.waitFor();
    await expect(opening.innerText()).resolves.toContain('45–55 岁');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
  it('closes a dialog when the browser goes back to another page', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('navigation').getByRole('link', { name: '接收企业' }).click();
    await page.getByText('还没有接收企业').waitFor();
    await page.getByRole('button', { name: '新增企业' }).click();
    await page.getByRole('dialog').getByLabel('企业名称').waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: '欢迎使用点对点专列规划', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
