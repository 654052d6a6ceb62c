import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/**
 * The accessible name (「01车3A 何琴」) of the first seat of a map in `state` whose neighbours in the
 * row, with no aisle between, hold nobody: a passenger there sits beside no one, so the seating rules
 * do not depend on who the neighbours are. (In a row, seats of one block are sibling buttons; the
 * aisle is a span between blocks.)
 */
async function loneSeat(map: Locator, state: 'taken' | 'free' | 'closed', position?: 'middle'): Promise<string> {
  const where = position === undefined ? '' : `[data-position="${position}"]`;
  const lone = `button[data-seat][data-state="${state}"]${where}:not([data-state="taken"] + *):not(:has(+ [data-state="taken"]))`;
  return (await map.locator(lone).first().getAttribute('aria-label')) ?? '';
}

/** 「01车3A 何琴」 as the seat and the name. */
function split(accessibleName: string): [string, string] {
  const [seat = '', name = ''] = accessibleName.split(' ');
  return [seat, name];
}

async function openSeatsOfFirstBatch(page: Page): Promise<void> {
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor();
  await page.getByRole('navigation').getByRole('link', { name: '专列批次' }).click();
  // The first batch still to leave: the demo's past batches come first in the list, and are locked.
  await page.getByTestId('batch-row').filter({ hasText: '已编排' }).first().click();
  await page.getByRole('tab', { name: '座位', exact: true }).click();
}

const seat = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

describe('the seat maps of a batch', () => {
  it('auto-seats a leg, swaps two passengers, refuses a seat the load factor keeps free and moves one by drag', async () => {
    const { context, page } = await openApp(browser);
    await openSeatsOfFirstBatch(page);

    await page.getByRole('tab', { name: /^第2段 火车 / }).click();
    await page.getByTestId('unseated-passenger').first().waitFor();
    await page.getByRole('button', { name: '本段自动排座' }).click();
    await page.getByTestId('auto-seat-outcome').waitFor();
    // The demo train has room for everyone at the default load factor of 50%.
    await page.getByText('本段所有乘客都有座位。').waitFor();
    expect(await page.getByTestId('seats-short').count()).toBe(0);

    const maps = page.getByRole('region', { name: /座位图$/ });
    const [firstMap, secondMap, thirdMap] = [maps.nth(0), maps.nth(1), maps.nth(2)];

    // Swap two passengers who sit alone, in two carriages.
    const [a, b] = [await loneSeat(firstMap, 'taken'), await loneSeat(secondMap, 'taken')];
    const [seatA, nameA] = split(a);
    const [seatB, nameB] = split(b);
    await seat(page, a).click();
    await expect.poll(() => page.getByTestId('selected-seat').innerText()).toBe(seatA);
    expect(await seat(page, a).getAttribute('aria-pressed')).toBe('true');
    await seat(page, b).click();
    await seat(page, `${seatA} ${nameB}`).waitFor();
    await seat(page, `${seatB} ${nameA}`).waitFor();

    // A middle seat with nobody beside is one the load factor keeps free: refused, nothing changes.
    const c = await loneSeat(firstMap, 'taken');
    const middle = await loneSeat(thirdMap, 'closed', 'middle');
    await seat(page, c).click();
    await seat(page, middle).click();
    const refusal = page.getByTestId('seat-change-refused');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('按满载率这个座位要空着');
    expect(await seat(page, c).count()).toBe(1);
    expect(await seat(page, middle).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => refusal.count()).toBe(0);
    expect(await page.getByTestId('seat-status').getAttribute('data-picked')).toBeNull();

    // The keyboard picks up too: Enter on a focused seat, Escape puts down.
    await seat(page, c).focus();
    await page.keyboard.press('Enter');
    expect(await seat(page, c).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await seat(page, c).getAttribute('aria-pressed')).toBe('false');

    // Drag a passenger to a free seat of a carriage with room. Playwright scrolls to the target after
    // pressing the mouse on the source, and Chromium then starts the drag wherever the mouse now is:
    // so the whole carriage is put in view first, source and target in it.
    const roomy = maps.filter({ has: page.locator('button[data-state="free"]') }).last();
    expect(Number(await roomy.getAttribute('data-seated'))).toBeLessThan(
      Number(await roomy.getAttribute('data-capacity')),
    );
    await page.setViewportSize({ width: 1366, height: 1400 });
    await roomy.scrollIntoViewIfNeeded();
    const d = await loneSeat(roomy, 'taken');
    const free = await loneSeat(roomy, 'free');
    const [seatD] = split(d);
    const [freeSeat] = split(free);
    const [, nameD] = split(d);
    await seat(page, d).dragTo(seat(page, free));
    await seat(page, `${freeSeat} ${nameD}`).waitFor();
    await seat(page, `${seatD} 空`).waitFor();

    // The same seats in English.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: /^Leg 2 Train / }).waitFor();
    const english = await page
      .getByRole('region', { name: 'Seat map of Car 01', exact: true })
      .locator('button[data-state="taken"]')
      .first()
      .getAttribute('aria-label');
    expect(english).toMatch(/^Car 01 Seat \d+[A-F] \S+$/);

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('places a passenger without a seat on a free coach seat from the list', async () => {
    const { context, page } = await openApp(browser);
    await openSeatsOfFirstBatch(page);
    await page.getByRole('tab', { name: /^第3段 汽车 / }).click();

    const firstCoach = page.getByRole('region', { name: /座位图$/ }).first();
    const free = await loneSeat(firstCoach, 'free');
    expect(free).toMatch(/^\d+号座 空$/);
    const [freeSeat] = split(free);
    const pickUp = page.getByRole('button', { name: /^选中 / }).first();
    const name = ((await pickUp.getAttribute('aria-label')) ?? '').replace(/^选中 /, '');
    await pickUp.click();
    expect(await pickUp.getAttribute('aria-pressed')).toBe('true');
    await firstCoach.getByRole('button', { name: free, exact: true }).click();
    await firstCoach.getByRole('button', { name: `${freeSeat} ${name}`, exact: true }).waitFor();
    await page.getByText(`已把 ${name} 安排到 ${freeSeat}`).waitFor();

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
