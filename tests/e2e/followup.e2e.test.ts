/**
 * The follow-up workspace end to end (issue 17, item 5): handed-over workers are stored in the
 * browser's IndexedDB as the handover stores them; a clerk opens 跟踪服务, logs three contacts from
 * the keyboard (N, a digit, Enter, the next person opens), meets the message for a change of job
 * without an employer, and sees the counts follow. Then on a PC set to Los Angeles time, where the
 * date of a contact is still Beijing's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { DEFAULT_SETTINGS, type FollowUp, type Worker } from '@shared/domain/records';
import { contactSchedule } from '@shared/followup';
import { makeEnterprise, makeWorker } from '../fixtures/factories';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const AT = '2026-01-01T00:00:00.000Z';

interface Seeded {
  workers: Worker[];
  followUps: FollowUp[];
}

/** Workers handed over `daysAgo[i]` days ago (Beijing), an enterprise, a batch, the follow-ups and an operator. */
function seedData(daysAgo: readonly number[], names: readonly string[]) {
  const today = todayCalendarDate();
  const enterprise = makeEnterprise({ name: '深圳市华强电子有限公司', city: '深圳市' });
  const batch = {
    id: crypto.randomUUID(),
    name: '春风行动1号',
    routeId: 'route',
    date: addCalendarDays(today, -(daysAgo[0] ?? 7)),
    legs: [],
    organizer: '',
    escorts: [],
    medics: [],
    status: 'handed-over',
    createdAt: AT,
    updatedAt: AT,
    revision: 1,
  };
  const workers = daysAgo.map((_, index) =>
    makeWorker({ enterpriseId: enterprise.id, status: 'onboarded', name: names[index] ?? `工人${index}` }),
  );
  const followUps: FollowUp[] = workers.map((worker, index) => {
    const handedOverOn = addCalendarDays(today, -(daysAgo[index] ?? 7));
    return {
      id: crypto.randomUUID(),
      workerId: worker.id,
      batchId: batch.id,
      handoverId: 'handover',
      enterpriseId: enterprise.id,
      handedOverOn,
      staffId: 'staff-1',
      stationId: null,
      nextDue: contactSchedule(handedOverOn, []).nextDue,
      lastContactOn: null,
      lastOutcome: null,
      createdAt: AT,
      updatedAt: AT,
      revision: 1,
    };
  });
  const settings = {
    ...DEFAULT_SETTINGS,
    operatorName: '韦小燕',
    staff: [{ id: 'staff-1', name: '黄志强', phone: '13800001111', active: true }],
    updatedAt: AT,
    revision: 1,
  };
  return { enterprise, batch, workers, followUps, settings };
}

async function seed(page: Page, daysAgo: readonly number[], names: readonly string[]): Promise<Seeded> {
  const data = seedData(daysAgo, names);
  await page.evaluate(`(async () => {
    const data = ${JSON.stringify(data)};
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('point-to-point-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['settings', 'enterprises', 'batches', 'workers', 'followUps'], 'readwrite');
    tx.objectStore('settings').put(data.settings);
    tx.objectStore('enterprises').put({ ...data.enterprise, revision: 1 });
    tx.objectStore('batches').put(data.batch);
    for (const worker of data.workers) tx.objectStore('workers').put({ ...worker, revision: 1 });
    for (const followUp of data.followUps) tx.objectStore('followUps').put(followUp);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  })()`);
  return { workers: data.workers, followUps: data.followUps };
}

/** The live contacts stored, as [workerId, date, outcome, employerName]. */
function storedContacts(page: Page): Promise<[string, string, string, string][]> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('point-to-point-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const contacts = await new Promise((resolve) => {
      const request = db.transaction('contacts').objectStore('contacts').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return contacts.filter((c) => !c.deletedAt).map((c) => [c.workerId, c.date, c.outcome, c.employerName]);
  })()`);
}

async function openDesk(page: Page): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/followup');
  await page.reload();
  await page.getByTestId('follow-up-desk').waitFor();
}

const count = (page: Page, id: string) => page.getByTestId(id).innerText();

describe('the follow-up workspace', () => {
  it('logs three contacts from the keyboard, the next person opening after each save', async () => {
    const { context, page } = await openApp(browser);
    // Day 7 came 23 days ago, 3 days ago and today.
    const seeded = await seed(page, [30, 10, 7], ['陆春燕', '黄海涛', '农秀兰']);
    await openDesk(page);
    await page.screenshot({ path: '/tmp/followup-zh.png', fullPage: true });
    expect(await count(page, 'count-due')).toBe('1');
    expect(await count(page, 'count-overdue')).toBe('2');
    expect(await count(page, 'count-done')).toBe('0');
    // Soonest first: the most overdue at the top.
    expect(await page.getByTestId('due-row').allInnerTexts()).toEqual([
      expect.stringContaining('陆春燕'),
      expect.stringContaining('黄海涛'),
      expect.stringContaining('农秀兰'),
    ]);

    await page.keyboard.press('n');
    const form = page.getByTestId('contact-form');
    await expect.poll(() => form.getAttribute('data-worker-id')).toBe(seeded.workers[0]?.id);
    // The assigned staff member calls, by phone, today.
    await expect.poll(() => form.getByLabel('回访人').inputValue()).toBe('黄志强');
    await page.screenshot({ path: '/tmp/followup-form-zh.png', fullPage: true });
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');

    await expect.poll(() => form.getAttribute('data-worker-id')).toBe(seeded.workers[1]?.id);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    // A change of job names the new employer: refused in words, nothing stored.
    await expect.poll(() => form.getByText('换工作时请填写新单位名称').isVisible()).toBe(true);
    expect(await storedContacts(page)).toHaveLength(1);
    await form.getByRole('textbox', { name: '现单位' }).fill('东莞市长安五金厂');
    await page.keyboard.press('Enter');

    await expect.poll(() => form.getAttribute('data-worker-id')).toBe(seeded.workers[2]?.id);
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await page.getByTestId('due-empty').waitFor();
    expect(await count(page, 'count-done')).toBe('3');
    expect(await count(page, 'count-overdue')).toBe('0');

    const today = todayCalendarDate();
    const stored = await storedContacts(page);
    expect(stored.sort()).toEqual(
      [
        [seeded.workers[0]?.id, today, 'in-post', ''],
        [seeded.workers[1]?.id, today, 'changed-job', '东莞市长安五金厂'],
        [seeded.workers[2]?.id, today, 'unreachable', ''],
      ].sort(),
    );

    // After a reload the list reads what was stored: nobody is due.
    await page.reload();
    await page.getByTestId('due-empty').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('dates a contact by Beijing’s calendar on a PC in Los Angeles, and opens a worker from a link', async () => {
    const { context, page } = await openApp(browser, { timezoneId: 'America/Los_Angeles' });
    const seeded = await seed(page, [7], ['韦明辉']);
    const id = seeded.workers[0]?.id ?? '';
    await page.goto(page.url().replace(/#.*$/, '') + `#/followup?worker=${id}`);
    await page.reload();
    const form = page.getByTestId('contact-form');
    await expect.poll(() => form.getAttribute('data-worker-id')).toBe(id);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => storedContacts(page)).toEqual([[id, todayCalendarDate(), 'in-post', '']]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads in English', async () => {
    const { context, page } = await openApp(browser);
    await seed(page, [30, 10, 7], ['Lu Chunyan', 'Huang Haitao', 'Nong Xiulan']);
    await page.evaluate(`(async () => {
      const db = await new Promise((resolve) => {
        const request = indexedDB.open('point-to-point-planner');
        request.onsuccess = () => resolve(request.result);
      });
      const tx = db.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const request = store.get('app');
      request.onsuccess = () => store.put({ ...request.result, language: 'en' });
      await new Promise((resolve) => { tx.oncomplete = resolve; });
      db.close();
    })()`);
    await openDesk(page);
    await page.getByRole('button', { name: 'Contact the next person' }).waitFor();
    await page.screenshot({ path: '/tmp/followup-en.png', fullPage: true });
    await page.keyboard.press('n');
    await page.getByTestId('contact-form').waitFor();
    await page.keyboard.press('3');
    await page.screenshot({ path: '/tmp/followup-form-en.png', fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('contact-form').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('recomputes the next due dates when Settings changes the contact points, and keeps a new liaison station', async () => {
    const { context, page } = await openApp(browser);
    const seeded = await seed(page, [10], ['覃丽娟']);
    await page.goto(page.url().replace(/#.*$/, '') + '#/settings');
    await page.reload();
    const card = page.getByTestId('follow-up-settings');
    await card.getByLabel('回访节点（交接后第几天）').fill('14, 60, 180');
    await card.getByRole('button', { name: '添加工作站' }).click();
    await card.getByRole('textbox', { name: '名称' }).fill('深圳驻外劳务工作站');
    await card.getByRole('textbox', { name: '所在城市' }).fill('深圳市');
    await page.screenshot({ path: '/tmp/followup-settings-zh.png', fullPage: true });
    await card.getByRole('button', { name: '保存跟踪服务设置' }).click();
    await page.getByText('跟踪服务设置已保存').waitFor();
    const handedOverOn = seeded.followUps[0]?.handedOverOn ?? '';
    const nextDue = () =>
      page.evaluate(`(async () => {
        const db = await new Promise((resolve) => {
          const request = indexedDB.open('point-to-point-planner');
          request.onsuccess = () => resolve(request.result);
        });
        const followUp = await new Promise((resolve) => {
          const request = db.transaction('followUps').objectStore('followUps').get(${JSON.stringify(seeded.followUps[0]?.id)});
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return followUp.nextDue;
      })()`);
    await expect.poll(nextDue).toBe(addCalendarDays(handedOverOn, 14));

    // A point typed wrong is refused in words, and nothing changes.
    await card.getByLabel('回访节点（交接后第几天）').fill('60, 14');
    await card.getByRole('button', { name: '保存跟踪服务设置' }).click();
    await card.getByText('回访节点要从小到大排列，且不能重复').waitFor();
    expect(await nextDue()).toBe(addCalendarDays(handedOverOn, 14));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
