import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/universal';
import { residentIdCheckChar } from '@shared/domain/resident-id';
import { readRoster } from '@shared/roster';
import { makeWorker } from '../fixtures/factories';
import { gbkCsv, makeRoster, xlsx } from '../fixtures/rosters';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

/** Goes through the import page with one file, up to the report. */
async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, labels: Labels) {
  await nav(page, labels.workers);
  await page.getByRole('button', { name: labels.importRoster }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: labels.chooseFile }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: labels.checkAll }).click();
  await page.getByTestId('import-counts').waitFor();
}

interface Labels {
  workers: string;
  importRoster: string;
  chooseFile: string;
  checkAll: string;
}
const ZH: Labels = {
  workers: '务工人员',
  importRoster: '导入花名册',
  chooseFile: '选择花名册文件',
  checkAll: '检查全部行',
};
const EN: Labels = {
  workers: 'Workers',
  importRoster: 'Import roster',
  chooseFile: 'Choose roster file',
  checkAll: 'Check all rows',
};

describe('workers and roster import', () => {
  it('imports an XLSX with bad rows, reports each, saves the rejected rows, and finds people by pinyin', async () => {
    const roster = makeRoster(30);
    // Row 4 of the data gets its ID stored as a number by "Excel": it must be refused, not guessed.
    const damaged = roster.rows[4]?.[1] ?? '';
    const { context, page } = await openApp(browser);
    await importFile(
      page,
      { name: '田东县花名册.xlsx', mimeType: 'application/octet-stream', buffer: await xlsx(roster.rows, 4) },
      ZH,
    );

    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('可导入 29 行');
    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('4 行有错误');
    await page.getByText('有错误的', { exact: true }).click();
    const errors = page.getByTestId('verdict-row');
    await expect.poll(() => errors.count()).toBe(4);
    const errorTexts = (await errors.allInnerTexts()).join('\n');
    expect(errorTexts).toContain('校验位不对');
    expect(errorTexts).toContain('出生日期不存在');
    expect(errorTexts).toContain('应为 18 位');
    expect(errorTexts).toContain('Excel 把身份证号存成了数字');
    expect(errorTexts).toContain(damaged);
    // Each reason also stands on its cell: here the ID cell of each of the four rows.
    await expect(errors.locator('td[data-problem="error"]').count()).resolves.toBe(4);
    await expect(errors.locator('td[data-problem="error"]').first().getAttribute('title')).resolves.toMatch(/身份证号/);

    await page.getByRole('button', { name: '导入 29 行' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain('新登记 29 人');
    await expect(report.innerText()).resolves.toContain('未导入 4 行');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存未导入的行' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await saved.path()) ?? '');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    await page.getByRole('button', { name: '查看人员名单' }).click();
    await expect.poll(() => page.getByTestId('worker-count').innerText()).toBe('共 29 人');
    await page.getByRole('textbox', { name: '搜索' }).fill('zs');
    await expect.poll(async () => (await page.getByTestId('worker-row').allInnerTexts()).join('|')).toContain('张三');

    await page.getByTestId('worker-row').filter({ hasText: '张三' }).first().click();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByRole('dialog').getByLabel('村').fill('百林村');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存“张三”').waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('百林村');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads a GBK CSV without asking, in English, and saves the rejected rows as CSV with the reason', async () => {
    const roster = makeRoster(12);
    const { context, page } = await openApp(browser);
    await page.getByText('English').click();
    await page.getByRole('heading', { name: 'Point-to-Point Planner', exact: true }).waitFor();
    await importFile(page, { name: 'roster.csv', mimeType: 'text/csv', buffer: gbkCsv(roster.rows) }, EN);
    await expect(page.getByText(/encoding GB18030/).count()).resolves.toBe(1);
    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('12 rows can be imported');
    await page.getByText('Errors', { exact: true }).click();
    const rows = page.getByTestId('verdict-row');
    await expect.poll(() => rows.count()).toBe(3);
    const text = (await rows.allInnerTexts()).join('\n');
    expect(text).toContain('The check character of the ID is wrong');
    expect(text).toContain('赵短号');

    await page.getByRole('button', { name: 'Import 12 rows' }).click();
    await page.getByTestId('import-report').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the rows not imported' }).click();
    const csv = (await readFile((await (await download).path()) ?? '')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Reason not imported');
    for (const { name } of roster.bad) expect(csv).toContain(name);

    // Importing the same file again registers nobody twice.
    await page.getByRole('button', { name: 'Import another file' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose roster file' }).click();
    await (await chooser).setFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: gbkCsv(roster.rows) });
    await page.getByRole('button', { name: 'Check all rows' }).click();
    await page.getByText('12 of these people are registered already').waitFor();
    await page.getByRole('button', { name: 'Import 12 rows' }).click();
    await expect(page.getByTestId('import-report').innerText()).resolves.toContain('12 registered already, unchanged');

    // The list exports as a file that a cadre can open, in the reader's language.
    await page.getByRole('button', { name: 'Go to the list of workers' }).click();
    await expect.poll(() => page.getByTestId('worker-count').innerText()).toBe('12 in all');
    await page.getByRole('button', { name: 'Export' }).click();
    const exported = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export as CSV' }).click();
    const list = (await readFile((await (await exported).path()) ?? '')).toString('utf8').trim().split(/\r?\n/);
    expect(list).toHaveLength(13);
    expect(list[0]).toContain('Resident ID');
    for (const name of roster.good) expect(list.some((line) => line.startsWith(name))).toBe(true);
    // The workbook is written in the directory's Web Worker too.
    await page.getByRole('button', { name: 'Export' }).click();
    const workbook = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export as Excel (XLSX)' }).click();
    const xlsx = await workbook;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const table = await readRoster(xlsx.suggestedFilename(), await readFile((await xlsx.path()) ?? ''));
    expect(table.format).toBe('xlsx');
    expect(table.headers).toContain('Resident ID');
    expect(table.rows).toHaveLength(12);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('a workbook with its instructions before the roster', () => {
  it('reads the roster sheet, leaves the footer out, shows the ID upgraded, and stores the right workers', async () => {
    const [zhang, wei] = [makeWorker({ name: '张三' }), makeWorker()];
    // A legacy 15-digit ID (born 1980-01-01, sequence 123): stored as 18 digits with 19 and a check character.
    const legacy = `${wei.countyCode}800101123`;
    const first17 = `${wei.countyCode}19800101123`;
    const upgraded = `${first17}${residentIdCheckChar(first17)}`;
    const text = (rows: string[][]) => rows.map((row) => row.map((value) => ({ value, type: String })));
    const blob = await writeExcelFile([
      { sheet: '填表说明', data: text([['填表说明'], ['1. 身份证号一栏请设为文本'], ['2. 每人一行']]) },
      {
        sheet: '花名册',
        data: text([
          ['田东县外出务工人员花名册'],
          ['序号', '姓名', '身份证号', '人联系电话'],
          ['1', zhang.name, zhang.residentId, zhang.phone],
          ['2', '韦小宝', legacy, '13800000099'],
          ['填表人：韦某某', '审核人：黄某', '', ''],
        ]),
      },
    ]).toBlob();
    const { context, page } = await openApp(browser);
    await nav(page, ZH.workers);
    await page.getByRole('button', { name: ZH.importRoster }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: ZH.chooseFile }).click();
    await (
      await chooser
    ).setFiles({
      name: '林逢镇花名册.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await blob.arrayBuffer()),
    });

    const sheet = page.getByRole('combobox', { name: '工作表' });
    await expect(sheet.inputValue()).resolves.toBe('花名册');
    await expect(page.getByTestId('import-footer').innerText()).resolves.toContain(
      '第 5 行：填表人：韦某某 / 审核人：黄某',
    );
    // The instructions are another sheet the user may choose; then back to the roster.
    await sheet.click();
    await page.getByRole('option', { name: '填表说明' }).click();
    await expect.poll(() => sheet.inputValue()).toBe('填表说明');
    await expect(page.getByRole('button', { name: ZH.checkAll }).isDisabled()).resolves.toBe(true);
    await sheet.click();
    await page.getByRole('option', { name: '花名册' }).click();
    await expect.poll(() => sheet.inputValue()).toBe('花名册');

    await page.getByRole('button', { name: ZH.checkAll }).click();
    const counts = page.getByTestId('import-counts');
    await expect(counts.innerText()).resolves.toContain('可导入 2 行');
    await expect(counts.innerText()).resolves.toContain('0 行有错误');
    await expect(page.getByTestId('import-changed').innerText()).resolves.toContain('1 行的内容已自动规范');
    await expect(page.getByTestId('import-footer').innerText()).resolves.toContain('填表人：韦某某');
    const changed = page.getByTestId('verdict-row').filter({ hasText: '韦小宝' });
    await expect(changed.getByTestId('verdict-change').innerText()).resolves.toBe(
      `已规范：身份证号：${legacy} → ${upgraded}`,
    );
    // Only the tidied rows, on demand.
    await page.getByText('已规范的', { exact: true }).click();
    await expect.poll(() => page.getByTestId('verdict-row').count()).toBe(1);
    await expect(page.getByTestId('verdict-row').innerText()).resolves.toContain('韦小宝');

    await page.getByRole('button', { name: '导入 2 行' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain('新登记 2 人');
    await expect(report.innerText()).resolves.toContain('未导入 0 行');
    await page.getByRole('button', { name: '查看人员名单' }).click();
    await expect.poll(() => page.getByTestId('worker-count').innerText()).toBe('共 2 人');
    await page.getByRole('textbox', { name: '搜索' }).fill(upgraded);
    await expect.poll(async () => (await page.getByTestId('worker-row').allInnerTexts()).join('|')).toContain('韦小宝');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('the column choices of an import', () => {
  it('checks the rows with the columns as the user left them, not as first recognised', async () => {
    // The rows start being checked as soon as the file is read, with the recognised columns; a
    // column the user then changes must be what the check follows.
    const roster = makeRoster(4);
    const csv = Buffer.from(`\ufeff${roster.rows.map((row) => row.join(',')).join('\r\n')}\r\n`);
    const { context, page } = await openApp(browser);
    await nav(page, ZH.workers);
    await page.getByRole('button', { name: ZH.importRoster }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: ZH.chooseFile }).click();
    await (await chooser).setFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv });
    // As recognised, four rows import and three have bad IDs; read from the household column,
    // no row's support category can be understood.
    await page.getByRole('combobox', { name: '帮扶类别' }).click();
    await page.getByRole('option', { name: '户号', exact: true }).click();
    await page.getByRole('button', { name: ZH.checkAll }).click();
    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('可导入 0 行');
    await context.close();
  });

  it('shows the first 50 checked rows at once and the rest on demand', async () => {
    const roster = makeRoster(60);
    const csv = Buffer.from(`\ufeff${roster.rows.map((row) => row.join(',')).join('\r\n')}\r\n`);
    const { context, page } = await openApp(browser);
    await importFile(page, { name: 'sixty.csv', mimeType: 'text/csv', buffer: csv }, ZH);
    const rows = page.getByTestId('verdict-row');
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByText(`50 / ${String(roster.rows.length - 1)}`).waitFor();
    await page.getByRole('button', { name: `再显示 ${String(roster.rows.length - 51)} 行` }).click();
    await expect.poll(() => rows.count()).toBe(roster.rows.length - 1);
    await context.close();
  });
});

describe('the workers list across restarts', () => {
  it('starts from the snapshot of the last session and still shows the workers registered since', async () => {
    const roster = makeRoster(5);
    const csv = (from: number, to: number) =>
      Buffer.from(
        `\ufeff${[roster.rows[0], ...roster.rows.slice(from, to)].map((row) => row?.join(',')).join('\r\n')}\r\n`,
      );
    const { context, page } = await openApp(browser);
    await importFile(page, { name: 'first.csv', mimeType: 'text/csv', buffer: csv(1, 4) }, ZH);
    await page.getByRole('button', { name: '导入 3 行' }).click();
    await page.getByRole('button', { name: '查看人员名单' }).click();
    await expect.poll(() => page.getByTestId('worker-count').innerText()).toBe('共 3 人');
    // The directory keeps its snapshot once the list has been quiet for a few seconds.
    const snapshotCount = `new Promise((resolve) => {
      const open = indexedDB.open('point-to-point-planner');
      open.onsuccess = () => {
        const get = open.result.transaction('caches').objectStore('caches').get('workers-directory');
        get.onsuccess = () => { resolve(get.result ? get.result.knownIds.length : -1); open.result.close(); };
      };
    })`;
    await expect.poll(() => page.evaluate<number>(snapshotCount), { timeout: 15_000 }).toBe(3);
    await page.close();

    // A new window registers two more before its list opens: the list starts from the snapshot of
    // three and must take the two in.
    const next = await context.newPage();
    await next.goto(`${appUrl()}#/workers/import`);
    const chooser = next.waitForEvent('filechooser');
    await next.getByRole('button', { name: ZH.chooseFile }).click();
    await (await chooser).setFiles({ name: 'second.csv', mimeType: 'text/csv', buffer: csv(4, 6) });
    await next.getByRole('button', { name: ZH.checkAll }).click();
    await next.getByRole('button', { name: '导入 2 行' }).click();
    await next.getByRole('button', { name: '查看人员名单' }).click();
    await expect.poll(() => next.getByTestId('worker-count').innerText()).toBe('共 5 人');
    const added = roster.rows[5]?.[1] ?? '';
    await next.getByRole('textbox', { name: '搜索' }).fill(added);
    await expect.poll(async () => (await next.getByTestId('worker-row').allInnerTexts()).join('|')).toContain(added);
    await context.close();
  });
});

describe('placing workers in jobs', () => {
  it('enforces the opening’s requirements, allows an override with a reason, and shows the places filled', async () => {
    const roster = makeRoster(3);
    const { context, page } = await openApp(browser);
    await nav(page, '接收企业');
    await page.getByRole('button', { name: '新增企业' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('企业名称').fill('深圳市口罩厂有限公司');
    await dialog.getByLabel('统一社会信用代码').fill('91440300708461136T');
    await dialog.getByLabel('所在城市').fill('深圳市');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '新增岗位' }).click();
    await dialog.getByLabel('岗位').fill('质检员');
    await dialog.getByLabel('招聘人数').fill('1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('opening-row').waitFor();

    const csv = Buffer.from(
      `\ufeff${roster.rows
        .slice(0, 4)
        .map((row) => row.join(','))
        .join('\r\n')}\r\n`,
    );
    await importFile(page, { name: 'three.csv', mimeType: 'text/csv', buffer: csv }, ZH);
    await page.getByRole('button', { name: '导入 3 行' }).click();
    await page.getByTestId('import-report').waitFor();
    await page.getByRole('button', { name: '查看人员名单' }).click();
    await expect.poll(() => page.getByTestId('worker-count').innerText()).toBe('共 3 人');

    const [first, second] = roster.good;
    await page.getByRole('checkbox', { name: first }).check();
    await page.getByRole('checkbox', { name: second }).check();
    await page.getByRole('button', { name: '分配到岗位' }).click();
    await dialog.getByRole('combobox', { name: '接收企业' }).click();
    await page.getByRole('option', { name: '深圳市口罩厂有限公司' }).click();
    await dialog.getByRole('combobox', { name: '岗位' }).click();
    await page.getByRole('option', { name: /质检员/ }).click();
    await expect(page.getByTestId('placement-misfits').innerText()).resolves.toContain('岗位已满（招聘 1 人）');
    await dialog.getByRole('button', { name: '仍然分配' }).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByLabel('仍要分配的原因').fill('企业同意多招一人');
    await dialog.getByRole('button', { name: '仍然分配' }).click();
    await page.getByText('已将 2 人分配到“质检员”').waitFor();

    await nav(page, '接收企业');
    await page.getByTestId('enterprise-row').click();
    await expect.poll(() => page.getByTestId('opening-row').innerText()).toContain('2 / 0');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
