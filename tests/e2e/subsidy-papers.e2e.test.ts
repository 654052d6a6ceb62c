/**
 * The subsidy papers end to end (issue 18, item 5) on the one-click demo: the hiring subsidy's
 * eligible workers are claimed for and put on the public notice; the notice is made as a PDF in
 * the papers worker and read back (every name on it, no resident ID and no phone, masked or not);
 * a roster with no claims in the chosen statuses is refused in words, and so is a roster for an
 * enterprise without a bank account, naming it; once the account is given on the enterprise's
 * page, the roster is made as XLSX and read back (one line per claim, IDs masked, the total and
 * the sum in capital numerals); a cancelled paper saves nothing; the summary with its people is
 * made as XLSX and PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { maskResidentId } from '@shared/domain/masking';
import { capitalYuan, formatYuan } from '@shared/subsidy/money';
import { pdfText } from '../fixtures/documents';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

const ARTIFACTS = join(import.meta.dirname, '.artifacts', 'subsidy-papers');
const COUNTY = '田东县';
const BUREAU = '田东县人力资源和社会保障局';
const PHONE = '0776-5212345';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

/** A claim as the test checks the papers against it, read from the app's IndexedDB. */
interface StoredClaim {
  id: string;
  payee: string;
  payeeId: string;
  payeeName: string;
  amountFen: number;
  status: string;
  name: string;
  residentId: string;
  phone: string;
}

/** The claims of a scheme with their worker and payee, straight from IndexedDB (the page runs it). */
function readClaims(page: Page, schemeName: string): Promise<StoredClaim[]> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('point-to-point-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (name) => new Promise((resolve) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const [schemes, claims, workers, enterprises] = await Promise.all([
      all('subsidySchemes'), all('subsidyClaims'), all('workers'), all('enterprises'),
    ]);
    db.close();
    const scheme = schemes.find((one) => one.name === ${JSON.stringify(schemeName)});
    const worker = new Map(workers.map((one) => [one.id, one]));
    const enterprise = new Map(enterprises.map((one) => [one.id, one]));
    return claims
      .filter((claim) => claim.schemeId === scheme.id && !claim.deletedAt)
      .map((claim) => ({
        id: claim.id, payee: claim.payee, payeeId: claim.payeeId,
        payeeName: enterprise.get(claim.payeeId)?.name ?? '', amountFen: claim.amountFen, status: claim.status,
        name: worker.get(claim.workerId).name, residentId: worker.get(claim.workerId).residentId,
        phone: worker.get(claim.workerId).phone,
      }));
  })()`);
}

async function loadDemoAsOperator(page: Page): Promise<void> {
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
  await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
  await page.getByLabel('操作员姓名').fill('黄干事');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('设置已保存').waitFor();
}

async function openSubsidies(page: Page, scheme: string): Promise<void> {
  await page.goto(`${appUrl()}#/subsidies`);
  await page.getByTestId('subsidies-page').waitFor();
  await page.getByTestId('scheme-select').click();
  await page.getByRole('option', { name: scheme, exact: true }).click();
}

/** Ticks every claim of the scheme, takes `name`, fills its form and waits for it to be done. */
async function stepAll(page: Page, name: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('tab', { name: /申领记录/ }).click();
  await page.getByTestId('claims-table').getByRole('checkbox', { name: '全选' }).check();
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('dialog').getByTestId('step-form').waitFor();
  if (fill) await fill(page);
  await page.getByRole('dialog').getByTestId('step-confirm').click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page
    .getByText(new RegExp(`已办理：${name}`))
    .first()
    .waitFor();
}

async function openPapers(page: Page, paper: '申请花名册' | '公示名单' | '汇总表'): Promise<void> {
  await page.getByRole('tab', { name: '文书', exact: true }).click();
  await page.getByTestId('papers-panel').waitFor();
  await page.getByTestId('paper-kind').getByText(paper, { exact: true }).click();
}

async function chooseFormat(page: Page, format: 'PDF' | 'Excel (XLSX)'): Promise<void> {
  await page.getByTestId('paper-format').getByText(format, { exact: true }).click();
}

/** Makes the paper and keeps the file it downloads. */
async function produce(page: Page, name: string): Promise<{ download: Download; bytes: Buffer; file: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('paper-produce').click(),
  ]);
  const file = join(ARTIFACTS, name);
  await download.saveAs(file);
  await page.locator('[data-testid="papers-panel"][data-busy="false"]').waitFor();
  return { download, bytes: readFileSync(file), file };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('subsidy papers', () => {
  it('makes the notice, refuses a roster without claims or a bank account, then makes the roster and the summary', async () => {
    const { context, page } = await openApp(browser);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await loadDemoAsOperator(page);
    const year = todayCalendarDate().slice(0, 4);
    const hiring = `${year}年重点企业吸纳就业补贴`;
    await openSubsidies(page, hiring);

    // Everyone eligible is claimed for and put on a notice that is over (so they may be submitted).
    await page.getByTestId('eligibility-table').getByTestId('eligibility-row').first().waitFor();
    await page.getByTestId('eligibility-table').getByRole('checkbox', { name: '全选' }).check();
    await page.getByRole('button', { name: '生成申领' }).click();
    await page.getByText(/已为 \d+ 人生成申领/).waitFor();
    const noticeFrom = addCalendarDays(todayCalendarDate(), -10);
    await stepAll(page, '公示', async () => {
      const form = page.getByRole('dialog');
      await form.getByLabel('公示开始日期').fill(noticeFrom);
      await form.getByLabel('公示天数').fill('7');
    });
    const claims = await readClaims(page, hiring);
    expect(claims.length).toBeGreaterThan(2);
    const totalFen = claims.reduce((sum, claim) => sum + claim.amountFen, 0);

    // The public notice: the period of the claims on notice, its head, the count and total shown first.
    await openPapers(page, '公示名单');
    await expect(page.getByTestId('paper-notice-period').inputValue()).resolves.toBe(
      `${noticeFrom} 至 ${addCalendarDays(noticeFrom, 6)}（${String(claims.length)} 份申领）`,
    );
    await expect(page.getByTestId('paper-tally').innerText()).resolves.toContain(
      `共 ${String(claims.length)} 人，${String(claims.length)} 份申领，合计 ${formatYuan(totalFen)} 元`,
    );
    await page.getByLabel('县（市、区）').fill(COUNTY);
    await page.getByLabel('审核单位').fill(BUREAU);
    await page.getByLabel('异议受理电话').fill(PHONE);
    await chooseFormat(page, 'PDF');
    await page.screenshot({ path: join(ARTIFACTS, 'papers-tab.png'), fullPage: true });
    // The first PDF reads the font: cancelled while it is on its way, nothing is saved.
    let releaseFonts: () => void = () => undefined;
    const fontsHeld = new Promise<void>((resolve) => {
      releaseFonts = resolve;
    });
    await context.route('**/*.ttf', async (route) => {
      await fontsHeld;
      await route.continue().catch(() => undefined);
    });
    const before = downloads.length;
    await page.getByTestId('paper-produce').click();
    await page.getByText('第 2 步，共 3 步：读取字体').waitFor();
    await page.getByTestId('paper-cancel').click();
    await page.getByText('已取消，没有保存文件').waitFor();
    await page.locator('[data-testid="papers-panel"][data-busy="false"]').waitFor();
    releaseFonts();
    await context.unroute('**/*.ttf');
    expect(downloads.length).toBe(before);

    const notice = await produce(page, 'notice.pdf');
    expect(notice.download.suggestedFilename()).toBe(`${hiring}-公示名单-${noticeFrom}.pdf`);
    const noticeText = await pdfText(new Uint8Array(notice.bytes));
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', notice.file, join(ARTIFACTS, 'notice')]);
    // The title says the year once, though the scheme's name begins with it.
    expect(noticeText).toContain(`${COUNTY}${year}年度重点企业吸纳就业补贴拟补贴人员公示名单`);
    expect(noticeText).toContain(PHONE);
    const flat = noticeText.replace(/\s+/g, '');
    for (const claim of claims) {
      // A long name (帕提古丽·吾买尔) wraps in its cell after the middle dot.
      for (const part of claim.name.split('·')) expect(noticeText).toContain(part);
      // Neither whole nor masked: no ID and no phone of anyone on it, whatever the line breaks.
      expect(flat).not.toContain(claim.residentId);
      expect(flat).not.toContain(maskResidentId(claim.residentId));
      expect(flat).not.toContain(claim.residentId.slice(-8));
      if (claim.phone !== '') expect(flat).not.toContain(claim.phone);
    }
    expect(noticeText).not.toMatch(/身份证|户类型|贫困户|一般户/);
    expect(noticeText).toContain(formatYuan(totalFen));

    // A roster takes the submitted and approved claims by default: none yet, so nothing is made.
    await openPapers(page, '申请花名册');
    await expect(page.getByTestId('paper-tally').innerText()).resolves.toContain('共 0 人，0 份申领，合计 0.00 元');
    await page.getByTestId('paper-produce').click();
    await expect(page.getByTestId('paper-refusal').innerText()).resolves.toContain('没有符合所选条件的申领');

    // Submitted: the roster of the first payee is refused while the enterprise has no bank account.
    await stepAll(page, '上报');
    await openPapers(page, '申请花名册');
    const payee = page.getByTestId('paper-payee');
    const payeeName = (await payee.inputValue()).replace(/（\d+ 份申领）$/, '');
    const mine = claims.filter((claim) => claim.payeeName === payeeName);
    expect(mine.length).toBeGreaterThan(0);
    await page.getByTestId('paper-produce').click();
    await expect(page.getByTestId('paper-refusal').innerText()).resolves.toContain(`“${payeeName}”没有完整的银行账户`);
    expect(downloads).toEqual([notice.download.suggestedFilename()]);

    // The account, given on the enterprise's page as the office would.
    await page.goto(`${appUrl()}#/enterprises/${mine[0]?.payeeId ?? ''}`);
    await page.getByRole('button', { name: '修改补贴信息' }).click();
    const account = page.getByRole('dialog');
    await account.getByLabel('开户银行').fill('中国农业银行田东县支行');
    await account.getByLabel('账号').fill('6228480123456789012');
    await account.getByLabel('户名').fill(payeeName);
    await account.getByRole('button', { name: '保存' }).click();
    await account.waitFor({ state: 'detached' });

    await openSubsidies(page, hiring);
    await openPapers(page, '申请花名册');
    await page.getByTestId('paper-payee').click();
    await page.getByRole('option', { name: new RegExp(`^${escaped(payeeName)}（`) }).click();
    await expect(page.getByTestId('paper-county').inputValue()).resolves.toBe(COUNTY);
    const mineFen = mine.reduce((sum, claim) => sum + claim.amountFen, 0);
    await expect(page.getByTestId('paper-tally').innerText()).resolves.toContain(
      `共 ${String(mine.length)} 人，${String(mine.length)} 份申领，合计 ${formatYuan(mineFen)} 元`,
    );
    await chooseFormat(page, 'Excel (XLSX)');
    const roster = await produce(page, 'roster.xlsx');
    expect(roster.download.suggestedFilename()).toBe(`${hiring}-花名册-${payeeName}-${todayCalendarDate()}.xlsx`);
    const [sheet] = await readXlsxFile(roster.bytes);
    const rows = (sheet?.data ?? []).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    expect(rows[0]?.[0]).toBe(`${COUNTY}${year}年度重点企业吸纳就业补贴申请花名册`);
    const header = rows.findIndex((row) => row[0] === '序号');
    expect(rows[header]?.slice(0, 4)).toEqual(['序号', '姓名', '性别', '身份证号']);
    const lines = rows.slice(header + 1, header + 1 + mine.length);
    expect(lines.map((row) => row[1]).sort()).toEqual(mine.map((claim) => claim.name).sort());
    for (const claim of mine) {
      const line = lines.find((row) => row[1] === claim.name);
      expect(line?.[3]).toBe(maskResidentId(claim.residentId));
      expect(Number(line?.[11])).toBe(claim.amountFen / 100);
    }
    const totalRow = rows[header + 1 + mine.length];
    expect(totalRow?.[0]).toBe('合计');
    expect(Number(totalRow?.[11])).toBe(mineFen / 100);
    expect(
      rows.some(
        (row) =>
          row[0] ===
          `合计人数：${String(mine.length)}人\u3000补贴金额合计：人民币（大写）${capitalYuan(mineFen)}（¥${formatYuan(mineFen)}）`,
      ),
    ).toBe(true);
    expect(capitalYuan(mineFen)).toMatch(/元整$/);
    const everything = rows.flat().join('\n');
    for (const claim of mine) expect(everything).not.toContain(claim.residentId);

    // Full numbers with a purpose: recorded on the scheme before the file is made, and said in its name.
    await page.getByTestId('full-numbers-switch').click();
    const confirm = page.getByRole('dialog');
    await confirm.getByLabel('用途（可不填）').fill('银行代发核对');
    await confirm.getByRole('button', { name: '打开完整号码' }).click();
    await confirm.waitFor({ state: 'detached' });
    const full = await produce(page, 'roster-full.xlsx');
    expect(full.download.suggestedFilename()).toBe(
      `${hiring}-花名册-${payeeName}-${todayCalendarDate()}-完整号码.xlsx`,
    );
    const [fullSheet] = await readXlsxFile(full.bytes);
    const fullText = (fullSheet?.data ?? []).flat().map(String).join('\n');
    for (const claim of mine) expect(fullText).toContain(claim.residentId);
    expect(fullText).toContain('黄干事');
    const prints = await page.evaluate<{ reason?: string; after: { document: string; rows: number } }[]>(`(async () => {
      const db = await new Promise((resolve) => {
        const request = indexedDB.open('point-to-point-planner');
        request.onsuccess = () => resolve(request.result);
      });
      const rows = await new Promise((resolve) => {
        const request = db.transaction('audit').objectStore('audit').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return rows.filter((row) => row.table === 'subsidySchemes' && row.action === 'print');
    })()`);
    expect(prints).toMatchObject([
      {
        operator: '黄干事',
        reason: '银行代发核对',
        after: { document: 'subsidy-roster', fullNumbers: true, rows: mine.length },
      },
    ]);

    // The summary of the year with its people, as XLSX: the line of this payee and the grand total.
    await openPapers(page, '汇总表');
    await page.getByTestId('paper-with-people').check();
    await chooseFormat(page, 'Excel (XLSX)');
    const summary = await produce(page, 'summary.xlsx');
    expect(summary.download.suggestedFilename()).toBe(`${year}年度-汇总表-${todayCalendarDate()}.xlsx`);
    const [lines2, people] = await readXlsxFile(summary.bytes);
    const summaryRows = (lines2?.data ?? []).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    expect(summaryRows[0]?.[0]).toBe(`${COUNTY}就业补贴汇总表（${year}年度）`);
    const totalLine = summaryRows.find((row) => row[0] === '总计');
    expect(totalLine?.[3]).toBe(String(claims.length));
    expect(Number(totalLine?.[4])).toBe(totalFen / 100);
    const payeeLines = summaryRows.filter((row) => row[2] === payeeName);
    expect(payeeLines.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(mine.length);
    expect((people?.data.length ?? 0) - 1).toBeGreaterThanOrEqual(claims.length);

    // And as PDF, which reads the font this time.
    await chooseFormat(page, 'PDF');
    const summaryPdf = await produce(page, 'summary.pdf');
    const summaryText = await pdfText(new Uint8Array(summaryPdf.bytes));
    expect(summaryText).toContain(payeeName);
    expect(summaryText).toContain(capitalYuan(totalFen));
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', summaryPdf.file, join(ARTIFACTS, 'summary')]);

    // Every file saved is one asked for: the cancelled paper and the refused rosters left none.
    expect(downloads).toEqual([
      notice.download.suggestedFilename(),
      roster.download.suggestedFilename(),
      full.download.suggestedFilename(),
      summary.download.suggestedFilename(),
      summaryPdf.download.suggestedFilename(),
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
