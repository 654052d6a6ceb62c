/**
 * The follow-up register export (issue 17, item 7), end to end in Chromium: follow-ups and contacts
 * are written into the app's database (as the handover and the contact log would write them), the
 * follow-up workspace (`#/followup`) exports its register with the button in its header, with the
 * PC set to another zone, and the downloaded XLSX is read back: the headers of the issue, in their
 * order, and the row of each contact, a correction standing in for the contact it replaced.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const AT = '2026-03-01T02:00:00.000Z';

/**
 * Hands a demo worker not yet followed up over on 2026-03-01 and logs two contacts, the first of
 * them corrected, straight in IndexedDB: the screens that write them are other items of the issue.
 * Written as text: the page runs it, and the tests' TypeScript has no DOM types. Answers the worker.
 */
const SEED_FOLLOW_UP = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('point-to-point-planner');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = (name) => new Promise((resolve) => {
    const request = db.transaction(name).objectStore(name).getAll();
    request.onsuccess = () => resolve(request.result);
  });
  const [workers, batches, enterprises, followUps] = await Promise.all([
    all('workers'), all('batches'), all('enterprises'), all('followUps'),
  ]);
  const enterprise = enterprises[0];
  // A worker the demo did not hand over, so that the register's rows of this worker are these.
  const followed = new Set(followUps.map((one) => one.workerId));
  const worker = workers.find((one) => one.povertyStatus === 'registered-poor' && !one.deletedAt && !followed.has(one.id));
  const batch = batches[0];
  const meta = (id) => ({ id, createdAt: '${AT}', updatedAt: '${AT}', revision: 1 });
  const contact = (id, fields) => ({
    ...meta(id), followUpId: 'e2e-f1', workerId: worker.id, method: 'phone', by: '李干事', enterpriseId: null,
    employerName: '', employerCity: '', startedOn: null, leftOn: null, leftReason: '', monthlyIncome: null,
    difficulties: '', needs: [], action: '', nextDate: null, ...fields,
  });
  const transaction = db.transaction(['followUps', 'contacts', 'employmentPeriods'], 'readwrite');
  transaction.objectStore('followUps').put({
    ...meta('e2e-f1'), workerId: worker.id, batchId: batch.id, handoverId: 'e2e-h1', enterpriseId: enterprise.id,
    handedOverOn: '2026-03-01', staffId: null, stationId: null, nextDue: '2026-03-31', lastContactOn: '2026-03-08',
    lastOutcome: 'in-post',
  });
  const contacts = transaction.objectStore('contacts');
  contacts.put(contact('e2e-c1', { date: '2026-03-08', outcome: 'left-looking', leftOn: '2026-03-06',
    deletedAt: '${AT}', supersededById: 'e2e-c2' }));
  contacts.put(contact('e2e-c2', { date: '2026-03-08', outcome: 'in-post', monthlyIncome: 4800,
    difficulties: '宿舍离厂远（端到端）', needs: ['rights'], action: '已联系企业', correctsId: 'e2e-c1' }));
  contacts.put(contact('e2e-c3', { date: '2026-03-20', outcome: 'unreachable', method: 'wechat' }));
  transaction.objectStore('employmentPeriods').put({
    ...meta('e2e-f1:0'), followUpId: 'e2e-f1', workerId: worker.id, enterpriseId: enterprise.id,
    employerName: enterprise.name, employerCity: enterprise.city, start: '2026-03-01', startSource: 'handover',
    end: null, endReason: null, endNote: '',
  });
  await new Promise((resolve) => (transaction.oncomplete = resolve));
  db.close();
  return { name: worker.name, residentId: worker.residentId, phone: worker.phone, village: worker.village,
    township: worker.township, batch: batch.name, enterprise: enterprise.name, city: enterprise.city };
})()`;

interface Seeded {
  name: string;
  residentId: string;
  phone: string;
  village: string;
  township: string;
  batch: string;
  enterprise: string;
  city: string;
}

async function exportRegister(page: Page): Promise<unknown[][]> {
  await page.getByRole('button', { name: '导出回访台账' }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('dialog').getByRole('button', { name: '导出', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^回访台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await readFile(await file.path());
  const [sheet] = await readXlsxFile(bytes);
  return sheet?.data ?? [];
}

describe('the follow-up register', () => {
  it('exports from the workspace and reads back with the columns of the issue and one row per live contact', async () => {
    const { context, page } = await openApp(browser, { timezoneId: 'America/Los_Angeles' });
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
    const seeded = await page.evaluate<Seeded>(SEED_FOLLOW_UP);
    await page.goto(`${page.url().split('#')[0] ?? ''}#/followup`);
    await page.locator('[data-ready="true"]').waitFor();

    const rows = await exportRegister(page);
    expect(rows[0]).toEqual([
      '序号',
      '乡镇',
      '行政村',
      '姓名',
      '身份证号',
      '户类型',
      '联系电话',
      '批次',
      '输入企业',
      '务工省市',
      '到岗日期',
      '回访节点',
      '回访日期',
      '回访方式',
      '回访人',
      '是否在岗',
      '现单位',
      '月收入',
      '存在困难',
      '离职/返乡日期及原因',
      '需要帮助',
      '处理结果',
      '下次回访日期',
    ]);
    const mine = rows.slice(1).filter((row) => row[3] === seeded.name && row[6] === seeded.phone);
    expect(mine).toHaveLength(2);
    const [corrected, unreachable] = mine;
    expect(corrected?.slice(1)).toEqual([
      seeded.township,
      seeded.village,
      seeded.name,
      `${seeded.residentId.slice(0, 6)}********${seeded.residentId.slice(-4)}`,
      '建档立卡贫困户',
      seeded.phone,
      seeded.batch,
      seeded.enterprise,
      seeded.city,
      '2026-03-01',
      '第7天',
      '2026-03-08',
      '电话',
      '李干事',
      '是',
      seeded.enterprise,
      4800,
      '宿舍离厂远（端到端）',
      null,
      '欠薪或其他维权',
      '已联系企业',
      '2026-03-31',
    ]);
    expect(unreachable?.[11]).toBe('补充回访');
    expect(unreachable?.[12]).toBe('2026-03-20');
    expect(unreachable?.[15]).toBe('未联系上');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
