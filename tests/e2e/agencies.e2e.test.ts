/**
 * HR service agencies end to end (issue 18, item 2) on the one-click demo: a new agency with a
 * credit code whose check character is wrong is refused with the message beside the field, then
 * stored once put right; it records that it introduced a handed-over worker to a key enterprise,
 * the worker's page says so, and the subsidies page names it as the payee of the worker's placement
 * subsidy (职业介绍补贴). Screenshots go to AGENCIES_SCREENSHOTS when it names a folder.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { todayCalendarDate } from '@shared/dates';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.AGENCIES_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

const NAME = '田东县华桂人力资源服务有限公司';
const FIRST_17 = '91451022MA5KWH3T8';
const CODE = `${FIRST_17}${creditCodeCheckChar(FIRST_17)}`;
const WRONG = `${FIRST_17}${CODE.endsWith('0') ? '1' : '0'}`;

/** Opens this year's placement subsidy on the subsidies page, on its eligible people. */
async function openPlacementScheme(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '补贴' }).click();
  await page.getByTestId('subsidies-page').waitFor();
  const placement = `${todayCalendarDate().slice(0, 4)}年人力资源服务机构职业介绍补贴`;
  await page.getByTestId('scheme-select').click();
  await page.getByRole('option', { name: placement, exact: true }).click();
  await page.getByTestId('eligibility-table').getByTestId('eligibility-row').first().waitFor();
}

describe('HR service agencies', () => {
  it('refuses a wrong credit code, records an introduction, and names the agency as the payee', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('操作员姓名').fill('黄干事');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('设置已保存').waitFor();

    // Eligible people under the placement subsidy that no agency introduced: a few to choose from.
    await openPlacementScheme(page);
    const unpaid = page
      .getByTestId('eligibility-table')
      .getByTestId('eligibility-row')
      .filter({ has: page.getByText('无领款方') });
    await unpaid.first().waitFor();
    const candidates: { id: string; name: string; employer: string }[] = [];
    for (const row of (await unpaid.all()).slice(0, 8)) {
      const cells = row.getByRole('cell');
      candidates.push({
        id: (await row.getAttribute('data-worker-id')) ?? '',
        name: await cells.nth(1).innerText(),
        employer: await cells.nth(3).innerText(),
      });
    }
    expect(candidates.length).toBeGreaterThan(0);

    // The demo's agencies are listed; a new one with a wrong check character is refused.
    await page.getByRole('navigation').getByRole('link', { name: '人力资源机构' }).click();
    await page.getByTestId('agencies-page').waitFor();
    await expect(page.getByTestId('agency-row').count()).resolves.toBe(3);
    await page.getByRole('button', { name: '新增机构' }).click();
    const form = page.getByTestId('agency-form');
    await form.getByLabel('机构名称').fill(NAME);
    await form.getByLabel('统一社会信用代码').fill(WRONG);
    await form.getByLabel('联系电话').fill('0776-5212345');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText(`统一社会信用代码校验位不正确：按前 17 位应为 ${CODE.slice(17)}`).waitFor();
    await screenshot(page, 'agency-refused');

    await form.getByLabel('统一社会信用代码').fill(CODE);
    await form.getByLabel('开户银行').fill('广西农村信用社田东县联社');
    await form.getByLabel('账号').fill('6230 0000 1111 2222 333');
    await form.getByLabel('户名').fill(NAME);
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByTestId('agency-details').getByText('6230000011112222333').waitFor();

    // The introduction: the first candidate whose name finds one worker only, to the employer it is eligible at.
    await page.getByRole('button', { name: '登记介绍' }).click();
    const introduce = page.getByTestId('introduce-form');
    const search = introduce.getByLabel('查找务工人员');
    let chosen: (typeof candidates)[number] | undefined;
    for (const candidate of candidates) {
      await search.fill(candidate.name);
      const results = introduce.getByTestId('introduce-result');
      await results.first().waitFor();
      if ((await results.count()) === 1 && (await results.first().getAttribute('data-worker-id')) === candidate.id) {
        chosen = candidate;
        break;
      }
    }
    if (!chosen) throw new Error('every candidate shares a name with someone else');
    await introduce.getByRole('button', { name: `选择 ${chosen.name}` }).click();
    await introduce.getByTestId('introduce-worker').waitFor();
    // The enterprise the worker is employed at is chosen already; it is chosen again all the same.
    const enterprise = introduce.getByLabel('介绍到的企业');
    await expect(enterprise.inputValue()).resolves.toBe(chosen.employer);
    await enterprise.fill(chosen.employer);
    await page.getByRole('option', { name: chosen.employer, exact: true }).click();
    await expect(enterprise.inputValue()).resolves.toBe(chosen.employer);
    await expect(introduce.getByTestId('introduce-not-key').count()).resolves.toBe(0);
    await expect(introduce.getByTestId('introduce-no-employment').count()).resolves.toBe(0);
    await screenshot(page, 'introduce-form');
    await introduce.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已登记：“${NAME}”介绍 ${chosen.name} 到“${chosen.employer}”`).waitFor();
    const row = page.getByTestId('introduction-row');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getByRole('link', { name: chosen.name }).getAttribute('href')).resolves.toBe(
      `#/workers/${chosen.id}`,
    );
    await screenshot(page, 'agency-page');

    // The worker's page says who introduced them.
    await row.getByRole('link', { name: chosen.name }).click();
    const line = page.getByTestId('worker-introduction');
    await line.waitFor();
    await expect(line.innerText()).resolves.toMatch(new RegExp(`由“${NAME}”介绍到“${chosen.employer}”$`));
    await screenshot(page, 'worker-page');

    // The subsidies page names the new agency as the one the worker's placement subsidy is paid to.
    await openPlacementScheme(page);
    const eligible = page.getByTestId('eligibility-table').locator(`[data-worker-id="${chosen.id}"]`);
    await eligible.getByTestId('eligibility-reasons').getByText(NAME).waitFor();
    await screenshot(page, 'subsidies-payee');

    // Still so after a reload.
    await page.goto(`${appUrl()}#/workers/${chosen.id}`);
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByTestId('worker-introduction').getByText(NAME, { exact: false }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
