/**
 * The dashboard printed and exported end to end (issue 19, item 4): a user loads the demo, picks
 * the last 12 months and prints the dashboard: one A4 page made in the print worker with the
 * document font, saying the period and the people sent as the screen shows them; then exports the
 * figures as Excel, whose key-figures sheet holds the same number. The page is rendered with
 * pdftoppm into .artifacts/dashboard-print/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { addCalendarDays, addCalendarMonths, formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { pdfLines, pdfText } from '../fixtures/documents';
import { launchChromium, openApp, pageErrors } from './browser';

const ARTIFACTS = join(import.meta.dirname, '.artifacts', 'dashboard-print');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

async function download(page: Page, button: string, name: string): Promise<{ suggested: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('key-figures').getByRole('button', { name: button }).click(),
  ]);
  const path = join(ARTIFACTS, name);
  await file.saveAs(path);
  await page.getByTestId('dashboard-export').waitFor();
  return { suggested: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the dashboard printed and exported', () => {
  it('prints one A4 page with the people sent as on screen, and exports the figures as Excel', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });

    const figures = page.getByTestId('key-figures');
    await figures.getByTestId('figure-people-sent').waitFor({ timeout: 30_000 });
    await figures.getByText('近 12 个月').click();
    const today = todayCalendarDate();
    const from = addCalendarDays(addCalendarMonths(today, -12), 1);
    await figures
      .getByTestId('key-figures-period')
      .filter({ hasText: ` 至 ${formatCalendarDate(today, 'zh-CN')}` })
      .waitFor();
    const shown = await figures.getByTestId('people-sent-count').innerText();
    const count = Number(shown.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);

    const pdf = await download(page, '打印 PDF', 'dashboard.pdf');
    expect(pdf.suggested).toBe(`工作情况-${from}至${today}.pdf`);
    const bytes = new Uint8Array(pdf.bytes);
    expect((await pdfLines(bytes)).length).toBe(1);
    const text = await pdfText(bytes);
    expect(text).toContain('务工人员点对点输送工作情况');
    expect(text).toContain(`统计期间：${formatCalendarDate(from, 'zh-CN')}至${formatCalendarDate(today, 'zh-CN')}`);
    expect(text).toContain(`${shown}人`);
    for (const title of [
      '每月输出人数',
      '接收人数最多的企业',
      '稳岗情况：输出 → 交接 → 在岗',
      '各补贴项目金额（按状态，元）',
    ]) {
      expect(text).toContain(title);
    }
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      join(ARTIFACTS, 'dashboard.pdf'),
      join(ARTIFACTS, 'page'),
    ]);

    const xlsx = await download(page, '导出 Excel', 'dashboard.xlsx');
    expect(xlsx.suggested).toBe(`工作情况-${from}至${today}.xlsx`);
    const sheets = await readXlsxFile(xlsx.bytes);
    expect(sheets[0]?.sheet).toBe('关键指标');
    expect(sheets[0]?.data.find((row) => row[0] === '输送人数')?.[1]).toBe(count);
    expect(sheets.length).toBe(9);

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
