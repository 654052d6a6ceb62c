/**
 * The health-check station end to end (issue 5): medical staff check a batch keyboard first, by ID
 * (typed as a card reader or scanner types it: the characters, then Enter) and by name, with a fever
 * recheck and a fail; the figures, the gate and the audit rows follow, and all of it is there after a
 * reload. In both languages. The demo batch leaves in February 2026, so each test first moves it to
 * the day after tomorrow: a check taken now then counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  addCalendarDays,
  addMinutesToTimestamp,
  beijingCalendarDate,
  beijingClockTime,
  beijingTimestamp,
  formatTimestamp,
  todayCalendarDate,
} from '@shared/dates';
import { batchDepartureAt } from '@shared/domain/departure';
import { makeDemoData } from '@shared/demo';
import type { Worker } from '@shared/domain/records';
import { residentIdCheckChar } from '@shared/domain/resident-id';
import { launchChromium, openApp, pageErrors } from './browser';

/** The one-click demo of the home page (renderer/features/home/HomePage.tsx, DEMO_OPTIONS), dated from today. */
const DEMO = makeDemoData({ seed: 20200218, workers: 2000, today: todayCalendarDate() });
const [FIRST_BATCH, SECOND_BATCH] = DEMO.batches;
const WORKERS = new Map(DEMO.workers.map((worker) => [worker.id, worker]));

function passengersOf(batchId: string | undefined): Worker[] {
  return DEMO.assignments
    .filter((assignment) => assignment.batchId === batchId)
    .flatMap((assignment) => {
      const worker = WORKERS.get(assignment.workerId);
      return worker ? [worker] : [];
    });
}

/** Passengers of the first batch whose name no one else on it has, so that a name names one. */
const UNIQUE = (() => {
  const passengers = passengersOf(FIRST_BATCH?.id);
  const count = new Map<string, number>();
  for (const worker of passengers) count.set(worker.name, (count.get(worker.name) ?? 0) + 1);
  return passengers.filter((worker) => count.get(worker.name) === 1);
})();
const TOTAL = passengersOf(FIRST_BATCH?.id).length;

/**
 * Now, or half past midnight in Beijing when now is earlier than that: the keyboard test types a
 * first reading 16 minutes in the past as a clock time (HH:mm), which just after midnight would name
 * the evening before. That test's page clock starts from here (`openApp`'s `clockFrom`). Its page
 * is also set to Beijing's zone: under Playwright's fake clock, `@date-fns/tz` dates fall back to the
 * page's own zone, so a page left in UTC would take the Beijing day for the UTC one between Beijing's
 * midnight and UTC's and load a demo other than `DEMO` (the app itself runs on the real clock).
 */
const CLOCK_FROM = ((): Date => {
  const now = new Date();
  const halfPastMidnight = new Date(beijingTimestamp(beijingCalendarDate(now.toISOString()), 30));
  return now < halfPastMidnight ? halfPastMidnight : now;
})();

/** A clock time `minutes` before the page's clock started, in Beijing time. */
function minutesBeforeStart(minutes: number): string {
  return beijingClockTime(addMinutesToTimestamp(CLOCK_FROM.toISOString(), -minutes));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

interface Labels {
  settings: string;
  operator: string;
  save: string;
  saved: string;
  batches: string;
  edit: string;
  date: string;
  station: string;
  search: string;
}

const ZH: Labels = {
  settings: '设置',
  operator: '操作员姓名',
  save: '保存',
  saved: '设置已保存',
  batches: '专列批次',
  edit: '编辑',
  date: '出发日期',
  station: '体检站',
  search: '查找乘客',
};

const EN: Labels = {
  settings: 'Settings',
  operator: 'Operator name',
  save: 'Save',
  saved: 'Settings saved',
  batches: 'Batches',
  edit: 'Edit',
  date: 'Departure date',
  station: 'Health-check station',
  search: 'Find a passenger',
};

/** Loads the demo, names the operator, moves the first batch to the day after tomorrow and opens its station. */
async function openStation(page: Page, labels: Labels, operator: string): Promise<void> {
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });
  if (labels === EN) {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Point-to-Point Planner', exact: true }).waitFor();
  }
  await page.getByRole('navigation').getByRole('link', { name: labels.settings }).click();
  await page.getByLabel(labels.operator).fill(operator);
  await page.getByRole('button', { name: labels.save, exact: true }).click();
  await page.getByText(labels.saved).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: labels.batches }).click();
  await page
    .getByText(FIRST_BATCH?.name ?? '', { exact: true })
    .first()
    .click();
  await page.getByRole('button', { name: labels.edit, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(labels.date).fill(addCalendarDays(todayCalendarDate(), 2));
  await dialog.getByRole('button', { name: labels.save, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  if (labels === ZH) {
    // Seats, so that a seat finds a passenger and a failed one can be taken off the seat plan.
    await page.getByRole('tab', { name: '座位', exact: true }).click();
    await page.getByRole('button', { name: '全部行程段自动排座' }).click();
    await page
      .getByText(/人有座位/)
      .first()
      .waitFor();
  }
  await page.getByRole('link', { name: labels.station }).click();
  await page.getByTestId('health-station').waitFor();
  await searchFocused(page, labels);
}

async function searchFocused(page: Page, labels: Labels): Promise<void> {
  // A string, not a function: tsx would add its __name helper, which the page does not have.
  await page.waitForFunction(`document.activeElement?.getAttribute('aria-label') === ${JSON.stringify(labels.search)}`);
}

/** Types a query as a scanner or a person does and presses Enter; the check form of `worker` opens. */
async function find(page: Page, query: string, worker: Worker): Promise<void> {
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="check-form"][data-worker-id="${worker.id}"]`).waitFor();
}

/** Presses Enter in the form and waits for the search field to have the focus back, the check shown. */
async function saveAndBack(page: Page, labels: Labels, worker: Worker, verdict: string): Promise<void> {
  await page.keyboard.press('Enter');
  const saved = page.getByTestId('last-saved');
  await saved.filter({ hasText: worker.name }).waitFor();
  await expect(saved.getAttribute('data-verdict')).resolves.toBe(verdict);
  await searchFocused(page, labels);
}

/** The checks in the open form's history, once it shows `count` of them. */
async function historyChecks(page: Page, count: number) {
  const checks = page.getByTestId('check-history').getByTestId('history-check');
  await checks.nth(count - 1).waitFor();
  await expect(checks.count()).resolves.toBe(count);
  return checks;
}

async function figures(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const key of ['checked', 'passed', 'failed', 'recheck', 'notChecked', 'expired']) {
    out[key] = Number(await page.getByTestId(`progress-${key}`).getAttribute('data-count'));
  }
  return out;
}

/** A valid resident ID that nobody in the demo holds. */
function unregisteredId(): string {
  const taken = new Set(DEMO.workers.map((worker) => worker.residentId));
  for (let sequence = 101; ; sequence += 2) {
    const first17 = `45100219900101${String(sequence).padStart(3, '0')}`;
    const id = `${first17}${residentIdCheckChar(first17)}`;
    if (!taken.has(id)) return id;
  }
}

describe('the health-check station', () => {
  it('shows the departure and a check’s time in Beijing time on a PC set to Los Angeles', async () => {
    const { context, page } = await openApp(browser, { timezoneId: 'America/Los_Angeles' });
    await openStation(page, ZH, '覃医生');
    // openStation moved the batch to the day after tomorrow; its route's first leg sets the hour.
    const route = DEMO.routes.find((candidate) => candidate.id === FIRST_BATCH?.routeId);
    if (!route) throw new Error('the demo has no route for its first batch');
    const departure = formatTimestamp(
      batchDepartureAt({ date: addCalendarDays(todayCalendarDate(), 2) }, route),
      'zh-CN',
    );
    await page.getByText(`出发：${departure}`, { exact: false }).first().waitFor();

    // A check typed at 07:40 is 07:40 in Beijing, shown so in its history, whatever the PC's clock says.
    const [worker] = UNIQUE;
    if (!worker) throw new Error('no demo passenger');
    await find(page, worker.residentId, worker);
    await page.keyboard.type('36.5');
    await page.keyboard.press('Tab');
    // (Just after midnight, 00:00: a time typed as HH:mm is today's.)
    const now = new Date().toISOString();
    const midnight = beijingTimestamp(beijingCalendarDate(now), 0);
    const fiveBefore = addMinutesToTimestamp(now, -5);
    const earlier = beijingClockTime(new Date(fiveBefore) < new Date(midnight) ? midnight : fiveBefore);
    await page.keyboard.type(earlier);
    await saveAndBack(page, ZH, worker, 'pass');
    await find(page, worker.residentId, worker);
    const [check] = await (await historyChecks(page, 1)).allInnerTexts();
    expect(check).toContain(earlier);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('with several matches, checks the highlighted one, says why each matched, and finds a bare seat number first', async () => {
    const { context, page } = await openApp(browser);
    await openStation(page, ZH, '覃医生');
    const results = page.getByTestId('search-result');

    // A bare number of a seat's size (a coach seat someone sits in): the passengers in that seat come
    // first, marked as such, before the IDs that end in it.
    const someRow = await page.getByTestId('list-notChecked').getByTestId('station-row').first().innerText();
    const coachSeat = /(\d{1,2})号座/.exec(someRow)?.[1];
    if (!coachSeat) throw new Error(`no coach seat in ${someRow}`);
    await page.keyboard.type(coachSeat);
    await results.first().waitFor();
    await expect(page.getByTestId('search-reason').first().getAttribute('data-reason')).resolves.toBe('seat');
    await page.keyboard.press('Escape');

    // A surname many share: Enter selects the first row and says so; Enter again checks that one.
    await page.keyboard.type('黄');
    await results.nth(1).waitFor();
    const reasons = await page.getByTestId('search-reason').allInnerTexts();
    expect(new Set(reasons)).toEqual(new Set(['姓名相符']));
    const first = await results.first().getAttribute('data-worker-id');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-message').filter({ hasText: '已选中第一位，按回车为其体检' }).waitFor();
    await expect(results.first().getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="check-form"][data-worker-id="${first ?? ''}"]`).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('checks 20 passengers in a row by keyboard, with a fever recheck and a fail, and keeps it all', async () => {
    expect(UNIQUE.length).toBeGreaterThanOrEqual(20);
    const { context, page } = await openApp(browser, { clockFrom: CLOCK_FROM, timezoneId: 'Asia/Shanghai' });
    await openStation(page, ZH, '覃医生');
    const [fever, failed, typo, ...rest] = UNIQUE.slice(0, 20);
    if (!fever || !failed || !typo) throw new Error('not enough demo passengers');
    // The first reading 16 minutes ago, typed as the examiner would copy it from a paper list.
    const firstReading = minutesBeforeStart(16);

    // 1. A fever by scanned ID: a recheck, from 15 minutes after the first reading.
    await find(page, fever.residentId, fever);
    await page.keyboard.type('37.8');
    await page.keyboard.press('Tab');
    await page.keyboard.type(firstReading);
    await page.getByTestId('verdict').and(page.locator('[data-verdict="recheck"]')).waitFor();
    await saveAndBack(page, ZH, fever, 'recheck');

    // 2. By name, with a cough: fail.
    await find(page, failed.name, failed);
    await page.keyboard.type('36.6');
    for (let tab = 0; tab < 4; tab++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.locator('[data-symptom="cough"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await saveAndBack(page, ZH, failed, 'fail');

    // 3. 365 is refused with a message, not read as 36.5; the examiner fixes it.
    await find(page, typo.residentId, typo);
    await page.keyboard.type('365');
    await page.keyboard.press('Enter');
    await page.getByText('“365”没有小数点，无法判断是多少度：请写成 36.5 这样带小数点的数').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('36.5');
    await saveAndBack(page, ZH, typo, 'pass');

    // 4. One by the train seat on their ticket, then sixteen more, by ID and by name in turn.
    const firstUnchecked = await page.getByTestId('list-notChecked').getByTestId('station-row').first().innerText();
    const seat = /\d{2}车\d{1,2}[A-F]/.exec(firstUnchecked)?.[0];
    const bySeat = DEMO.workers.find((worker) => firstUnchecked.includes(worker.residentId));
    if (!seat || !bySeat) throw new Error(`no seat or ID in ${firstUnchecked}`);
    await find(page, seat, bySeat);
    await page.keyboard.type('36.6');
    await saveAndBack(page, ZH, bySeat, 'pass');
    for (const [index, worker] of rest
      .filter((one) => one.id !== bySeat.id)
      .slice(0, 16)
      .entries()) {
      await find(page, index % 2 === 0 ? worker.residentId : worker.name, worker);
      await page.keyboard.type(index % 3 === 0 ? '36.8' : '36.4');
      await saveAndBack(page, ZH, worker, 'pass');
    }
    await expect(figures(page)).resolves.toEqual({
      checked: 20,
      passed: 18,
      failed: 1,
      recheck: 1,
      notChecked: TOTAL - 20,
      expired: 0,
    });

    // 5. The second reading of the fever decides: pass; both readings are kept.
    await find(page, fever.residentId.slice(-6), fever);
    await page.getByTestId('pending-recheck').waitFor();
    await page.keyboard.type('36.7');
    await saveAndBack(page, ZH, fever, 'pass');
    await expect(figures(page)).resolves.toMatchObject({ checked: 20, passed: 19, failed: 1, recheck: 0 });

    // 6. Someone not on the batch, and an ID nobody holds.
    const outsider = passengersOf(SECOND_BATCH?.id)[0];
    if (!outsider) throw new Error('the second demo batch is empty');
    await page.keyboard.type(outsider.residentId);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('search-message')
      .filter({ hasText: `${outsider.name}（${outsider.residentId}）不在本批次，在：` })
      .waitFor();
    await page.keyboard.press('Escape');
    const nobody = unregisteredId();
    await page.keyboard.type(nobody);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('search-message')
      .filter({ hasText: `身份证号 ${nobody} 没有登记` })
      .waitFor();
    await page.keyboard.press('Escape');

    // 7. A correction keeps the earlier record, with who, when and why.
    await find(page, typo.name, typo);
    await page.getByRole('button', { name: /^更正 .* 的体检记录$/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="check-form"][data-mode="correct"]').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('36.9');
    await page.getByLabel('更正原因').focus();
    await page.keyboard.type('体温抄错');
    await saveAndBack(page, ZH, typo, 'pass');
    await find(page, typo.name, typo);
    const history = page.getByTestId('check-history');
    await historyChecks(page, 2);
    await history.locator('[data-superseded="true"]').filter({ hasText: '36.5 °C' }).waitFor();
    await history.getByText('更正记录，原因：体温抄错').waitFor();
    const audit = await history.getByTestId('history-audit').allInnerTexts();
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatch(/覃医生 · 录入$/);
    expect(audit[1]).toMatch(/覃医生 · 标记为已被更正 · 原因：体温抄错$/);
    expect(audit[2]).toMatch(/覃医生 · 录入 · 原因：体温抄错$/);
    await page.keyboard.press('Escape');
    await searchFocused(page, ZH);
    await expect(figures(page)).resolves.toMatchObject({ checked: 20, passed: 19, failed: 1 });

    // 8. The failed passenger is flagged, with the actions that keep them off the train.
    await page.getByTestId('progress-failed').click();
    const failedList = page.getByTestId('list-failed');
    await failedList.getByTestId('failed-flag').waitFor();
    const failedRow = failedList.getByTestId('station-row').filter({ hasText: failed.name });
    await failedRow.filter({ hasText: /\d{2}车\d{1,2}[A-F]/ }).waitFor();
    await failedList.getByRole('button', { name: '将不合格人员移出座位表（1 人）' }).click();
    await page.getByRole('dialog').getByText(`以下 1 名体检不合格人员的座位将被清空`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '移出座位表' }).click();
    await page.getByText('已将 1 人移出座位表').waitFor();
    await failedRow.filter({ hasText: '未安排座位' }).waitFor();
    await failedList.getByRole('button', { name: '将不合格人员转到后续批次（1 人）' }).click();
    await page.getByRole('dialog').getByText('将 1 名体检不合格人员转到：').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // 9. The gate reads the checks: no longer "no checks yet", and it names the failed passenger.
    await page.getByRole('link', { name: '返回批次' }).click();
    const medical = page.locator('[data-testid="gate-item"][data-item="medical.health-checks-passed"]');
    await expect(medical.getAttribute('data-state')).resolves.not.toBe('no-checks-yet');
    await medical.locator('[data-reason="health-checks-failed"]').filter({ hasText: failed.name }).waitFor();

    // 10. After a reload everything is still there.
    await page.goBack();
    await page.getByTestId('health-station').waitFor();
    await page.reload();
    await page.getByTestId('health-station').waitFor();
    await expect(figures(page)).resolves.toEqual({
      checked: 20,
      passed: 19,
      failed: 1,
      recheck: 0,
      notChecked: TOTAL - 20,
      expired: 0,
    });
    await searchFocused(page, ZH);
    await find(page, fever.name, fever);
    const feverHistory = await historyChecks(page, 2);
    await feverHistory.filter({ hasText: '首次 37.8 °C → 复测 36.7 °C' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 240_000);

  it('works in English, refuses bad input, and shows a second station its conflict', async () => {
    const { context, page } = await openApp(browser);
    await openStation(page, EN, 'Dr Qin');
    const [first, second] = UNIQUE;
    if (!first || !second) throw new Error('not enough demo passengers');
    await page.getByText('Checks count within 72 hours before departure').waitFor();

    // Out of range, then the recheck wording.
    await find(page, first.residentId, first);
    await page.keyboard.type('43.5');
    await page.keyboard.press('Enter');
    await page
      .getByText('The temperature must be between 34.0 and 43.0 °C: check the reading or the thermometer')
      .waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('37.3');
    await page.getByTestId('verdict').getByText('RECHECK').waitFor();
    await page.getByText(/^Temperature at or above 37\.3 °C: measure again after \d\d:\d\d$/).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('36.6');
    await saveAndBack(page, EN, first, 'pass');
    await page.getByTestId('last-saved').getByText('PASS').waitFor();

    // A second station opens the same passenger before the first one saves.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByTestId('health-station').waitFor();
    await searchFocused(other, EN);
    await find(other, second.name, second);
    await find(page, second.residentId, second);
    await page.keyboard.type('36.5');
    await saveAndBack(page, EN, second, 'pass');
    await other.keyboard.type('36.9');
    await other.keyboard.press('Enter');
    const conflict = other.getByTestId('conflict');
    await conflict.getByText(`Another station has just saved a check of ${second.name}`).waitFor();
    await conflict
      .getByTestId('conflict-other')
      .filter({ hasText: /Dr Qin · 36\.5 °C · PASS$/ })
      .waitFor();
    await conflict.getByText('What you entered is still below, not saved.').waitFor();
    await expect(other.getByLabel('Temperature (°C)').inputValue()).resolves.toBe('36.9');
    // The examiner decides by keyboard: "keep theirs" has the focus, Tab leads to "save mine as well".
    await other.keyboard.press('Tab');
    await other.keyboard.press('Enter');
    await other.getByTestId('last-saved').filter({ hasText: second.name }).waitFor();
    await expect(figures(other)).resolves.toMatchObject({ checked: 2, passed: 2 });
    await expect(figures(page)).resolves.toMatchObject({ checked: 2, passed: 2 });
    await find(page, second.name, second);
    await historyChecks(page, 2);
    await page.keyboard.press('Escape');

    // The list of those not yet checked is one click away.
    await page.getByRole('button', { name: `Show the list: Not yet checked (${TOTAL - 2})` }).click();
    await expect(
      page.getByTestId('list-notChecked').getByTestId('station-row').first().getAttribute('data-state'),
    ).resolves.toBe('not-checked');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(other)).toEqual([]);
    await context.close();
  }, 240_000);
});
