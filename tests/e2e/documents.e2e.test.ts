/**
 * Printed documents end to end (issue 6): a batch's documents are made in the documents worker,
 * previewed as page thumbnails and saved as a download. "Print all" holds every document, in one
 * file, page for page; nothing on it shows a whole resident ID or phone until someone switches on
 * full numbers, which asks first, is recorded in the batch's change history and is printed in the
 * footer. A cancelled build saves nothing; the fonts are fetched once for all the builds; the cover
 * sheet's QR code checks out against the batch. In both languages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeDemoData } from '@shared/demo';
import { todayCalendarDate } from '@shared/dates';
import { maskResidentId } from '@shared/domain/masking';
import { decodeQrOnPage, pdfLines, pdfText } from '../fixtures/documents';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

/** The one-click demo of the home page (renderer/features/home/HomePage.tsx), dated from today. */
const DEMO = makeDemoData({ seed: 20200218, workers: 2000, today: todayCalendarDate() });
const BATCH = DEMO.batches[0];
const PASSENGERS = (() => {
  const onBatch = new Set(DEMO.assignments.filter((a) => a.batchId === BATCH?.id).map((a) => a.workerId));
  return DEMO.workers.filter((worker) => onBatch.has(worker.id));
})();

const ARTIFACTS = join(import.meta.dirname, '.artifacts', 'documents');
const OPERATOR = '王调度';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

function pdfPages(file: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file]).toString());
  return Number(match?.[1] ?? 0);
}

/** Clicks a save button and keeps the download it starts; returns the file and its page count. */
async function download(page: Page, button: string, name: string): Promise<{ file: string; pages: number }> {
  const [started] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = join(ARTIFACTS, name);
  await started.saveAs(file);
  await page.getByTestId('documents-panel').and(page.locator('[data-busy="false"]')).waitFor();
  return { file, pages: pdfPages(file) };
}

async function loadDemo(page: Page, operator: string | null): Promise<void> {
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
  if (operator !== null) {
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('操作员姓名').fill(operator);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('设置已保存').waitFor();
  }
}

/** Seats every passenger of the batch, so the documents show a full manifest. */
async function seatEveryone(page: Page): Promise<void> {
  await page.goto(`${appUrl()}#/batches/${BATCH?.id ?? ''}`);
  await page.getByRole('tab', { name: '座位', exact: true }).click();
  await page.getByRole('button', { name: '全部行程段自动排座' }).click();
  await page
    .getByText(/人有座位/)
    .first()
    .waitFor();
}

async function openDocuments(page: Page, tab: string): Promise<void> {
  await page.goto(`${appUrl()}#/batches/${BATCH?.id ?? ''}`);
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByTestId('documents-panel').waitFor();
}

describe('printed documents', () => {
  it('prints all as one masked PDF holding every document, previews it, reads the fonts once, and cancels cleanly', async () => {
    expect(PASSENGERS.length).toBeGreaterThan(10);
    const { context, page } = await openApp(browser);
    const fontRequests: string[] = [];
    context.on('request', (request) => {
      if (request.url().endsWith('.ttf')) fontRequests.push(request.url());
    });
    await loadDemo(page, OPERATOR);
    await seatEveryone(page);
    await openDocuments(page, '文件');
    await page.screenshot({ path: join(ARTIFACTS, 'panel-zh.png'), fullPage: true });

    const all = await download(page, '保存全部打印', 'all.pdf');
    expect(existsSync(all.file)).toBe(true);
    expect(statSync(all.file).size).toBeGreaterThan(10_000);
    expect(all.file).toBeTruthy();
    await page
      .getByTestId('document-saved')
      .getByText(/全部文件/)
      .waitFor();
    // Open to print: in a browser, the saved PDF opens in a tab of its own.
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: /^打开“.*全部文件.*”打印$/ }).click(),
    ]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();

    // "Print all" is every document, page for page: the sum of the documents saved one by one.
    const parts = [
      await download(page, '保存封面', 'cover.pdf'),
      await download(page, '保存乘客名单', 'manifest.pdf'),
      await download(page, '保存体检表（已填结果）', 'health-filled.pdf'),
      await download(page, '保存交接单', 'handover.pdf'),
      await download(page, '保存登车卡', 'boarding-cards.pdf'),
    ];
    expect(parts.every((part) => part.pages > 0)).toBe(true);
    expect(all.pages).toBe(parts.reduce((sum, part) => sum + part.pages, 0));
    // Five documents, three font files (the third is the fallback), one read for the app's whole life.
    expect(fontRequests.filter((url) => url.endsWith('/fonts/NotoSansSC-Regular.ttf'))).toHaveLength(1);
    expect(fontRequests.filter((url) => url.endsWith('/fonts/NotoSansSC-Bold.ttf'))).toHaveLength(1);
    expect(fontRequests.filter((url) => url.endsWith('/fonts/NotoSansTC-Regular.ttf'))).toHaveLength(1);

    // Masked: no passenger's resident ID or phone in full, but in masked form.
    const text = await pdfText(new Uint8Array(readFileSync(all.file)));
    expect(text).not.toMatch(/\d{17}[\dX]/);
    for (const worker of PASSENGERS) {
      expect(text).not.toContain(worker.residentId);
      expect(text).not.toContain(worker.phone);
    }
    expect(text).toContain(maskResidentId(PASSENGERS[0]?.residentId ?? ''));
    expect(text).toContain('乘客的身份证号、电话已遮挡');

    // One page as a person sees it; the QR code on the cover checks out against the batch.
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      all.file,
      join(ARTIFACTS, 'all-page'),
    ]);
    expect(existsSync(join(ARTIFACTS, 'all-page.png'))).toBe(true);
    const code = decodeQrOnPage(new Uint8Array(readFileSync(all.file)), 1);
    expect(code).toMatch(/^P2P-MANIFEST:1:/);
    await page.getByLabel('封面二维码内容').fill(code ?? '');
    await page.getByRole('button', { name: '核对', exact: true }).click();
    await expect(page.getByTestId('printed-copy-result').getAttribute('data-result')).resolves.toBe('current');
    await page.getByText('一致：打印件上的名单与这个批次现在的数据相同。').waitFor();
    await page.getByLabel('封面二维码内容').fill('P2P-MANIFEST:1:another-batch:' + '0'.repeat(64));
    await page.getByRole('button', { name: '核对', exact: true }).click();
    await expect(page.getByTestId('printed-copy-result').getAttribute('data-result')).resolves.toBe('other-batch');

    // The preview: thumbnails of the first pages and the page count, the same as the file's.
    await page.getByRole('button', { name: '预览全部打印', exact: true }).click();
    const preview = page.getByTestId('document-preview');
    await preview.and(page.locator('[data-status="ready"]')).waitFor({ timeout: 120_000 });
    await page.getByRole('img', { name: '第 12 页', exact: true }).waitFor();
    await expect(page.getByTestId('preview-page-count').textContent()).resolves.toContain(`共 ${all.pages} 页`);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-zh.png') });
    await page.getByRole('button', { name: '关闭', exact: true }).click();
    await preview.waitFor({ state: 'detached' });

    // Cancel: the build stops, nothing is downloaded.
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByRole('button', { name: '保存全部打印', exact: true }).click();
    await page.getByTestId('document-progress').waitFor();
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await page.getByText('已取消，没有保存任何文件').waitFor();
    await page.getByTestId('document-progress').waitFor({ state: 'detached' });
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 600_000);

  it('prints full numbers only after asking, records it in the change history and says so in the footer', async () => {
    const { context, page } = await openApp(browser);
    await loadDemo(page, null);
    await openDocuments(page, '文件');
    // No operator named yet: the switch is off limits, and says why.
    await page.getByTestId('full-numbers-operator-missing').waitFor();
    await expect(page.getByRole('switch', { name: '完整号码' }).isDisabled()).resolves.toBe(true);

    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('操作员姓名').fill(OPERATOR);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('设置已保存').waitFor();
    // The manifest's columns: no phone, the resident ID moved up beside the number (by keyboard).
    const columns = page.getByTestId('manifest-columns');
    await columns.getByRole('checkbox', { name: '打印“联系电话”' }).click();
    await columns.getByRole('button', { name: '上移“身份证号”' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(columns.getByRole('checkbox', { name: '打印“姓名”' }).isDisabled()).resolves.toBe(true);
    await columns.getByRole('button', { name: '保存列设置' }).click();
    await page.getByText('乘客名单的列已保存').waitFor();
    await seatEveryone(page);
    await openDocuments(page, '文件');

    // Asking first; cancelling leaves the numbers masked.
    await page.getByRole('switch', { name: '完整号码' }).click({ force: true });
    const dialog = page.getByRole('dialog', { name: '打印完整号码？' });
    await dialog.getByText(/记入这个批次的变更记录/).waitFor();
    await dialog.getByRole('button', { name: '取消', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByTestId('documents-panel').getAttribute('data-full-numbers')).resolves.toBe('false');

    await page.getByRole('switch', { name: '完整号码' }).click({ force: true });
    await dialog.getByLabel('用途（可不填）').fill('保险公司投保名单');
    await dialog.getByRole('button', { name: '打开完整号码', exact: true }).click();
    await page.getByTestId('full-numbers-on').waitFor();
    await page.getByTestId('numbers-badge').getByText('完整号码').waitFor();

    const manifest = await download(page, '保存乘客名单', 'manifest-full.pdf');
    expect(manifest.file.endsWith('.pdf')).toBe(true);
    const lines = (await pdfLines(new Uint8Array(readFileSync(manifest.file)))).flat();
    const text = lines.join('\n');
    expect(PASSENGERS.some((worker) => text.includes(worker.residentId))).toBe(true);
    expect(lines.some((line) => line.startsWith('序号 身份证号 姓名 性别 年龄 县、乡镇、村'))).toBe(true);
    expect(text).not.toContain('联系电话');
    expect(text).toContain(`完整号码版本，由 ${OPERATOR}`);
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      manifest.file,
      join(ARTIFACTS, 'full-page'),
    ]);

    await page.getByRole('tab', { name: '变更记录', exact: true }).click();
    const entry = page.locator('[data-action="print"]');
    await entry.getByText(`${OPERATOR} · 打印完整号码版“乘客名单” · 用途：保险公司投保名单`).waitFor();
    await expect(entry.count()).resolves.toBe(1);

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 300_000);

  it('works in English: the panel, the preview of the cover sheet, and the footer of a saved document', async () => {
    const { context, page } = await openApp(browser);
    await loadDemo(page, OPERATOR);
    await page.getByRole('radiogroup', { name: '语言' }).getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Point-to-Point Planner', exact: true }).waitFor();
    await openDocuments(page, 'Documents');
    await page.getByRole('heading', { name: 'Printed documents' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'panel-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Preview Cover sheet', exact: true }).click();
    await page.getByTestId('document-preview').and(page.locator('[data-status="ready"]')).waitFor({ timeout: 120_000 });
    await page.getByRole('img', { name: 'Page 1', exact: true }).waitFor();
    await expect(page.getByTestId('preview-page-count').textContent()).resolves.toMatch(
      /^(1 page|(?!1 )\d+ pages)(?!\w)/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'preview-en.png') });
    const [started] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Save this file', exact: true }).click(),
    ]);
    expect(started.suggestedFilename()).toMatch(/-Cover sheet-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(ARTIFACTS, 'cover-en.pdf');
    await started.saveAs(file);
    const text = await pdfText(new Uint8Array(readFileSync(file)));
    expect(text).toContain('ID numbers and phones masked');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 300_000);
  it('prints a name with an Extension B character that Noto Sans SC lacks, and warns by name before □', async () => {
    const [rare, missing] = PASSENGERS;
    if (!rare || !missing) throw new Error('the demo batch has too few passengers');
    // 𠕇 (U+20547) is in the fallback font only; U+F0000 (Plane 15, private use) is in no font.
    const rareName = '张\u{20547}三';
    const missingName = '王\u{F0000}芳';
    const { context, page } = await openApp(browser);
    await loadDemo(page, OPERATOR);
    await seatEveryone(page);
    for (const [worker, name] of [
      [rare, rareName],
      [missing, missingName],
    ] as const) {
      await page.goto(`${appUrl()}#/workers/${worker.id}`);
      await page.getByRole('button', { name: '编辑', exact: true }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: /^姓名/ }).fill(name);
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await page.getByText(`已保存“${name}”`).waitFor();
    }
    await openDocuments(page, '文件');

    // Before anything is made: a warning names the person whose name would print with □, and only them.
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByRole('button', { name: '保存乘客名单', exact: true }).click();
    const warning = page.getByTestId('unprintable-warning');
    await warning.waitFor({ timeout: 60_000 });
    const entries = await warning.getByTestId('unprintable-entry').allInnerTexts();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain(`乘客“${missingName}”的姓名`);
    expect(entries[0]).toContain('U+F0000');
    await page.screenshot({ path: join(ARTIFACTS, 'unprintable-warning-zh.png') });
    // Cancel: nothing is made.
    await page.getByRole('button', { name: '取消，先去改正', exact: true }).click();
    await warning.waitFor({ state: 'detached' });
    await page.getByTestId('documents-panel').and(page.locator('[data-busy="false"]')).waitFor();
    expect(downloads).toBe(0);

    // Go on: the manifest is made; the rare name reads back from the PDF as stored, the other with □.
    const [started] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      (async () => {
        await page.getByRole('button', { name: '保存乘客名单', exact: true }).click();
        await page.getByRole('button', { name: '仍然打印（这些字印成□）', exact: true }).click();
      })(),
    ]);
    const file = join(ARTIFACTS, 'manifest-rare-names.pdf');
    await started.saveAs(file);
    const bytes = new Uint8Array(readFileSync(file));
    // Each font's run of a line is a piece of text of its own; the reader joins pieces with a space.
    const rows = (await pdfLines(bytes)).flat().map((line) => line.replaceAll(' ', ''));
    expect(rows.some((row) => row.includes(rareName) && row.includes(maskResidentId(rare.residentId)))).toBe(true);
    expect(rows.some((row) => row.includes('王□芳') && row.includes(maskResidentId(missing.residentId)))).toBe(true);
    expect(rows.join('\n')).not.toContain('张□三');
    // The fallback font is embedded as a subset: the file stays small.
    expect(statSync(file).size).toBeLessThan(3_000_000);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 600_000);
});
