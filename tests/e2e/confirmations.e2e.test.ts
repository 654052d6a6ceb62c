/**
 * An enterprise confirmation list end to end (issue 17, item 6): an XLSX list with two workers
 * handed over to the enterprise and one ID nobody registered is reported before anything is
 * written, the report names the unknown ID, the confirmation writes the two contacts by enterprise
 * verification (read back from IndexedDB), and the same list imported again writes nothing twice.
 * The report is also looked at in English.
 *
 * The demo has no batch handed over yet, so the test hands three passengers of its first batch over
 * to their enterprise by putting their follow-ups and first employment periods into IndexedDB, as
 * the handover would (renderer/db/repositories/followup.ts, recordHandover).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/universal';
import type { SheetData } from 'write-excel-file/universal';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { makeDemoData } from '@shared/demo';
import type { Worker } from '@shared/domain/records';
import { residentIdCheckChar } from '@shared/domain/resident-id';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

const ARTIFACTS = 'tests/e2e/.artifacts';
const TODAY = todayCalendarDate();
const HANDED_OVER_ON = addCalendarDays(TODAY, -20);
/** The one-click demo of the home page (renderer/features/home/HomePage.tsx, DEMO_OPTIONS), dated from today. */
const DEMO = makeDemoData({ seed: 20200218, workers: 2000, today: TODAY });

/** The first batch's enterprise with the most passengers, and three of them. */
const { enterprise, handedOver } = (() => {
  const workers = new Map(DEMO.workers.map((worker) => [worker.id, worker]));
  const batch = DEMO.batches[0];
  const byEnterprise = new Map<string, Worker[]>();
  for (const assignment of DEMO.assignments.filter((one) => one.batchId === batch?.id)) {
    const worker = workers.get(assignment.workerId);
    if (!worker?.enterpriseId) continue;
    byEnterprise.set(worker.enterpriseId, [...(byEnterprise.get(worker.enterpriseId) ?? []), worker]);
  }
  const [enterpriseId, passengers] = [...byEnterprise.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const found = DEMO.enterprises.find((one) => one.id === enterpriseId);
  if (!found || !passengers || passengers.length < 3 || !batch)
    throw new Error('the demo has no enterprise to hand over to');
  return { enterprise: found, handedOver: passengers.slice(0, 3).map((worker) => ({ worker, batchId: batch.id })) };
})();

/** A valid resident ID that nobody in the demo holds. */
const UNKNOWN_ID = (() => {
  const taken = new Set(DEMO.workers.map((worker) => worker.residentId));
  for (let serial = 100; ; serial += 2) {
    const first17 = `45102219850505${String(serial).padStart(3, '0')}`;
    const id = `${first17}${residentIdCheckChar(first17)}`;
    if (!taken.has(id)) return id;
  }
})();

/** Follow-ups and first periods for the workers handed over, put into the app's IndexedDB. */
const SEED = `new Promise((resolve, reject) => {
  const handedOver = ${JSON.stringify(handedOver.map(({ worker, batchId }) => ({ workerId: worker.id, batchId })))};
  const enterprise = ${JSON.stringify({ id: enterprise.id, name: enterprise.name, city: enterprise.city })};
  const on = ${JSON.stringify(HANDED_OVER_ON)};
  const nextDue = ${JSON.stringify(addCalendarDays(HANDED_OVER_ON, 7))};
  const at = new Date().toISOString();
  const open = indexedDB.open('point-to-point-planner');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['followUps', 'employmentPeriods'], 'readwrite');
    handedOver.forEach((one, index) => {
      const id = 'e2e-follow-up-' + index;
      tx.objectStore('followUps').put({
        id, workerId: one.workerId, batchId: one.batchId, handoverId: 'e2e-handover', enterpriseId: enterprise.id,
        handedOverOn: on, staffId: null, stationId: null, nextDue, lastContactOn: null, lastOutcome: null,
        createdAt: at, updatedAt: at, revision: 1,
      });
      tx.objectStore('employmentPeriods').put({
        id: id + ':1', followUpId: id, workerId: one.workerId, enterpriseId: enterprise.id,
        employerName: enterprise.name, employerCity: enterprise.city, start: on, startSource: 'handover',
        end: null, endReason: null, endNote: '', createdAt: at, updatedAt: at, revision: 1,
      });
    });
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/** The contacts and periods stored, read in the page. */
const STORED = `new Promise((resolve, reject) => {
  const open = indexedDB.open('point-to-point-planner');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['contacts', 'employmentPeriods']);
    const contacts = tx.objectStore('contacts').getAll();
    const periods = tx.objectStore('employmentPeriods').getAll();
    tx.oncomplete = () => { db.close(); resolve({ contacts: contacts.result, periods: periods.result }); };
  };
})`;

interface Stored {
  contacts: {
    workerId: string;
    method: string;
    by: string;
    date: string;
    outcome: string;
    startedOn: string | null;
    leftOn: string | null;
    leftReason: string;
  }[];
  periods: { workerId: string; start: string; end: string | null; endReason: string | null }[];
}

const OPERATOR = '韦小燕';
const [STAYS, LEFT, EARLY] = handedOver.map((one) => one.worker);
const STARTED_ON = addCalendarDays(HANDED_OVER_ON, 1);
const LEFT_ON = addCalendarDays(TODAY, -5);

async function listFile(): Promise<Buffer> {
  const data: SheetData = [
    [{ value: `${enterprise.name}在岗人员核实表` }],
    ['序号', '姓名', '身份证号', '是否在岗', '入职日期', '离职日期', '离职原因'],
    ['1', STAYS?.name ?? '', STAYS?.residentId ?? '', '在职', STARTED_ON, '', ''],
    ['2', LEFT?.name ?? '', LEFT?.residentId.toLowerCase() ?? '', '已离职', '', LEFT_ON, '家中有事'],
    ['3', '张不明', UNKNOWN_ID, '在岗', '', '', ''],
    // Left three days before they were handed over: contradicts the handover, and cannot be written.
    ['4', EARLY?.name ?? '', EARLY?.residentId ?? '', '离职', '', addCalendarDays(HANDED_OVER_ON, -3), ''],
    // An ID that Excel stored as a number: its last digits are lost.
    ['5', '陆某', Number(UNKNOWN_ID.slice(0, 17)), '在岗', '', '', ''],
  ];
  const blob = await writeExcelFile(data).toBlob();
  return Buffer.from(await blob.arrayBuffer());
}

async function importList(
  page: Page,
  labels: { open: string; check: string },
  file: Buffer,
  columnsShot?: string,
): Promise<void> {
  await page.goto(`${appUrl()}#/enterprises/${enterprise.id}`);
  // A fresh page: the import card starts over at its first step.
  await page.reload();
  await page.locator('[data-ready="true"]').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: labels.open }).click();
  await (
    await chooser
  ).setFiles({
    name: '在岗核实名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  const check = page.getByRole('button', { name: labels.check });
  await check.waitFor();
  if (columnsShot) await page.getByTestId('confirmation-import').screenshot({ path: join(ARTIFACTS, columnsShot) });
  await check.click();
  await page.getByTestId('confirmation-report').waitFor();
}

async function count(page: Page, category: string): Promise<number> {
  return Number(await page.getByTestId(`count-${category}`).getAttribute('data-count'));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('an enterprise confirmation list', () => {
  it(
    'reports the unknown ID before writing, writes the confirmed rows as verification contacts, and never twice',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await openApp(browser);
      await page.getByRole('button', { name: '加载演示数据' }).click();
      await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
      await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
      await page.getByLabel('操作员姓名').fill(OPERATOR);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByText('设置已保存').waitFor();
      await page.evaluate(SEED);
      const file = await listFile();

      await importList(page, { open: '导入在岗核实名单', check: '生成核对报告' }, file, 'confirmation-columns-zh.png');
      await expect(count(page, 'matched')).resolves.toBe(2);
      await expect(count(page, 'not-found')).resolves.toBe(1);
      await expect(count(page, 'contradicts')).resolves.toBe(1);
      await expect(count(page, 'invalid')).resolves.toBe(1);
      await expect(page.getByTestId('rows-contradicts').innerText()).resolves.toContain('早于交接日期');
      await expect(page.getByTestId('rows-invalid').innerText()).resolves.toContain('Excel 把身份证号存成了数字');
      const unknown = page.getByTestId('rows-not-found');
      await expect(unknown.innerText()).resolves.toContain(UNKNOWN_ID);
      await expect(unknown.innerText()).resolves.toContain('系统里没有登记这个身份证号');
      // Nothing is written before the coordinator confirms.
      await expect(page.evaluate<Stored>(STORED)).resolves.toMatchObject({ contacts: [] });
      await page.getByTestId('confirmation-import').screenshot({ path: join(ARTIFACTS, 'confirmation-report-zh.png') });

      await page.getByRole('button', { name: '写入 2 条核实记录' }).click();
      await page.getByTestId('confirmation-done').waitFor();
      await expect(page.getByTestId('confirmation-written').getAttribute('data-count')).resolves.toBe('2');
      const stored = await page.evaluate<Stored>(STORED);
      expect(stored.contacts).toHaveLength(2);
      expect(stored.contacts.find((contact) => contact.workerId === STAYS?.id)).toMatchObject({
        method: 'enterprise-verification',
        by: OPERATOR,
        date: TODAY,
        outcome: 'in-post',
        startedOn: STARTED_ON,
      });
      expect(stored.contacts.find((contact) => contact.workerId === LEFT?.id)).toMatchObject({
        method: 'enterprise-verification',
        outcome: 'left-looking',
        leftOn: LEFT_ON,
        leftReason: '家中有事',
      });
      expect(stored.periods.find((period) => period.workerId === LEFT?.id)).toMatchObject({
        end: LEFT_ON,
        endReason: 'left',
      });

      // The same list again: both rows are recorded already, and nothing is logged twice.
      await importList(page, { open: '导入在岗核实名单', check: '生成核对报告' }, file);
      await expect(count(page, 'already-recorded')).resolves.toBe(2);
      await expect(count(page, 'matched')).resolves.toBe(0);
      await expect(page.getByRole('button', { name: '写入 0 条核实记录' }).isDisabled()).resolves.toBe(true);

      // In English, the report of the same list.
      await page.goto(appUrl());
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Point-to-Point Planner', exact: true }).waitFor();
      await importList(page, { open: 'Import a confirmation list', check: 'Check the list' }, file);
      await expect(page.getByTestId('rows-not-found').innerText()).resolves.toContain(
        'No worker is registered with this resident ID',
      );
      await page.getByTestId('confirmation-import').screenshot({ path: join(ARTIFACTS, 'confirmation-report-en.png') });
      expect((await page.evaluate<Stored>(STORED)).contacts).toHaveLength(2);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    },
  );

  it('says so in words when the file is not a spreadsheet', { timeout: 120_000 }, async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
    await page.goto(`${appUrl()}#/enterprises/${enterprise.id}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入在岗核实名单' }).click();
    await (
      await chooser
    ).setFiles({
      name: '名单.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
    });
    await expect(page.getByTestId('confirmation-problem').innerText()).resolves.toBe(
      '无法读取这个文件：只能导入 .xlsx 或 .csv 文件',
    );
    await context.close();
  });
});
