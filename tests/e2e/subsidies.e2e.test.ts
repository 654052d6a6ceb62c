/**
 * Subsidy claims end to end (issue 18, items 3 and 4) on the one-click demo, whose schemes are the
 * seed's: the hiring subsidy's eligible workers are claimed for, put on the public notice (dated so
 * that it is over), submitted and approved, and one paid under a voucher (a voucher pays one payee); the totals say so, the
 * report counts the payment under the scheme and the worker's township, and the scheme and tab chosen
 * are still there after going back and after a reload.
 */
import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function loadDemoAsOperator(page: Page): Promise<void> {
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
  await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
  await page.getByLabel('操作员姓名').fill('黄干事');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('设置已保存').waitFor();
}

/** Ticks `rows` (every claim when none are named), takes `step`, fills its form with `fill`, and waits for it to be done. */
async function step(page: Page, name: string, fill?: (form: Locator) => Promise<void>, rows?: Locator): Promise<void> {
  const table = page.getByTestId('claims-table');
  if (rows) await rows.getByRole('checkbox').check();
  else await table.getByRole('checkbox', { name: '全选' }).check();
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('step-form').waitFor();
  if (fill) await fill(dialog);
  await dialog.getByTestId('step-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await page
    .getByText(new RegExp(`已办理：${name}`))
    .first()
    .waitFor();
}

describe('subsidy claims', () => {
  it('defines a scheme in Settings and sees on the subsidies page who is eligible under it, and why not', async () => {
    const { context, page } = await openApp(browser);
    await loadDemoAsOperator(page);
    const year = todayCalendarDate().slice(0, 4);
    await page.getByRole('button', { name: '新增补贴方案' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('名称').fill('试点稳岗补助');
    await form.getByLabel('年度').fill(year);
    await form.getByRole('combobox', { name: '补贴类型' }).click();
    await page.getByRole('option', { name: '稳岗补助', exact: true }).click();
    await form.getByLabel('每人金额（元）').fill('800');
    await form.getByLabel('务工满几个月').fill('1');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('scheme-row').filter({ hasText: '试点稳岗补助' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '补贴' }).click();
    await page.getByTestId('scheme-select').click();
    await page.getByRole('option', { name: '试点稳岗补助', exact: true }).click();
    await expect.poll(() => page.getByTestId('scheme-select').inputValue()).toBe('试点稳岗补助');
    // Those in post a month or more are eligible, at the scheme's 800 yuan.
    await expect.poll(() => page.getByTestId('eligibility-row').first().innerText()).toContain('800.00');
    // Everyone else handed over is placed too: eligible later (with the day), or not, with why.
    const states = page.getByTestId('eligibility-states');
    const counted = [...(await states.innerText()).matchAll(/\((\d+)\)/g)].map((match) => Number(match[1]));
    expect(counted[0]).toBeGreaterThan(0);
    // The demo holds people handed over lately and people gone home: some are not (yet) eligible, with why.
    const notYet = ['尚未符合', '不符合'].filter((_, index) => (counted[index + 1] ?? 0) > 0);
    expect(notYet.length).toBeGreaterThan(0);
    await states.getByText(new RegExp(`^${notYet[0] ?? ''}`)).click();
    await expect(page.getByTestId('eligibility-reasons').first().innerText()).resolves.toMatch(/\S/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('claims for the eligible, runs the notice, submission, approval and payment, keeps the totals, and sees the payment in the report', async () => {
    const { context, page } = await openApp(browser);
    await loadDemoAsOperator(page);
    await page.getByRole('navigation').getByRole('link', { name: '补贴' }).click();
    await page.getByTestId('subsidies-page').waitFor();
    const hiring = `${todayCalendarDate().slice(0, 4)}年重点企业吸纳就业补贴`;
    await page.getByTestId('scheme-select').click();
    await page.getByRole('option', { name: hiring, exact: true }).click();
    await expect.poll(() => page.getByTestId('scheme-select').inputValue()).toBe(hiring);

    // Everyone eligible under the hiring subsidy, claimed at once.
    const eligible = page.getByTestId('eligibility-table').getByTestId('eligibility-row');
    await eligible.first().waitFor();
    await page.getByTestId('eligibility-table').getByRole('checkbox', { name: '全选' }).check();
    const selected = await page.getByTestId('selected-count').innerText();
    const count = Number(/(\d+)/.exec(selected)?.[1]);
    expect(count).toBeGreaterThan(0);
    await page.getByRole('button', { name: '生成申领' }).click();
    await page.getByText(`已为 ${String(count)} 人生成申领`).waitFor();

    await page.getByRole('tab', { name: /申领记录/ }).click();
    const total = `${(count * 1000).toLocaleString('en-US')}.00`;
    await expect(page.getByTestId('total-eligible').innerText()).resolves.toBe(
      `符合条件：${String(count)} 份，${total} 元`,
    );
    // The notice went up ten days ago for seven days: it is over, so the claims may be submitted.
    const noticeFrom = addCalendarDays(todayCalendarDate(), -10);
    await step(page, '公示', async (form) => {
      await form.getByLabel('公示开始日期').fill(noticeFrom);
      await form.getByLabel('公示天数').fill('7');
    });
    await page
      .getByText(`公示 ${noticeFrom} 至 ${addCalendarDays(noticeFrom, 6)}`)
      .first()
      .waitFor();
    await step(page, '上报');
    await step(page, '审核通过');
    // A voucher pays one payee: the first claim is paid alone, the others stay approved.
    const first = page.getByTestId('claim-row').first();
    await step(
      page,
      '发放',
      async (form) => {
        await expect(form.getByLabel(/实发金额/).inputValue()).resolves.toBe('1,000.00');
        await form.getByLabel('凭证号').fill('财付〔2026〕18号');
      },
      first,
    );
    await expect.poll(() => first.getByTestId('claim-status').innerText()).toBe('已发放');
    await expect.poll(() => page.getByTestId('total-paid').innerText()).toBe('已发放：1 份，1,000.00 元');
    const approved = `${(count * 1000 - 1000).toLocaleString('en-US')}.00`;
    await expect
      .poll(() => page.getByTestId('total-approved').innerText())
      .toBe(`已审核：${String(count - 1)} 份，${approved} 元`);

    const township = await first.getByTestId('claim-township').innerText();

    // The report: the payment is counted under the scheme and the paid worker's township, and nowhere else.
    await page.getByTestId('open-report').click();
    await page.getByTestId('subsidy-report').waitFor();
    await page.getByTestId('report-year').click();
    await page.getByRole('option', { name: `${todayCalendarDate().slice(0, 4)} 年`, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('report-total-paid').getByTestId('report-total-amount').innerText())
      .toBe('1,000.00 元');
    const schemeLine = page.getByTestId('report-table-scheme').getByTestId('report-line').filter({ hasText: hiring });
    await expect.poll(() => schemeLine.getByTestId('report-line-paid').innerText()).toContain('1,000.00');
    await expect.poll(() => schemeLine.getByTestId('report-line-owed').innerText()).toContain(approved);
    await page.getByRole('tab', { name: '按乡镇' }).click();
    const townshipLines = page.getByTestId('report-table-township').getByTestId('report-line');
    const paidLine = townshipLines.filter({
      has: page.getByRole('button', { name: township || '（未填乡镇）', exact: true }),
    });
    await expect.poll(() => paidLine.getByTestId('report-line-paid').innerText()).toContain('1,000.00');
    await expect
      .poll(() => page.getByTestId('report-table-township').getByTestId('report-grand-paid').innerText())
      .toContain('1,000.00');

    // The report as Excel: the scheme's line says the same.
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^补贴汇总报表.*\.xlsx$/);
    const sheets = await readXlsxFile(new Uint8Array(await readFile((await saved.path()) ?? '')).buffer);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['按补贴项目', '按领款方', '按乡镇', '按月份']);
    const hiringRow = sheets[0]?.data.find((row) => row[0] === hiring);
    expect(hiringRow?.slice(3, 4)).toEqual([1000]);

    // Back on the claims page, the scheme and the claims tab are as they were; and after a reload too.
    await page.goBack();
    await page.getByTestId('subsidies-page').waitFor();
    await expect.poll(() => page.getByTestId('scheme-select').inputValue()).toBe(hiring);
    await expect.poll(() => page.getByTestId('total-paid').innerText()).toBe('已发放：1 份，1,000.00 元');
    await page.reload();
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByTestId('subsidies-page').waitFor();
    await expect.poll(() => page.getByTestId('scheme-select').inputValue()).toBe(hiring);
    await expect.poll(() => page.getByTestId('total-paid').innerText()).toBe('已发放：1 份，1,000.00 元');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
