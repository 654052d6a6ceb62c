/**
 * Two windows of one PC (two pages of one browser profile, so one IndexedDB) edit the same worker
 * (issue 16, item 5): the first saves a new phone, the second, opened before, a new name. The
 * second save is refused and shows both versions field by field; what it then saves keeps both
 * changes, and nothing is silently reverted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeWorker } from '../fixtures/factories';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The worker as stored, read straight from IndexedDB (a string: the page runs it, not Node). */
function storedWorker(page: Page, id: string): Promise<{ name: string; phone: string; revision?: number }> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('point-to-point-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const worker = await new Promise((resolve) => {
      const request = db.transaction('workers').objectStore('workers').get(${JSON.stringify(id)});
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return worker;
  })()`);
}

async function openEditForm(page: Page) {
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  const form = page.getByRole('dialog', { name: '编辑务工人员' });
  await form.getByLabel(/^姓名/).waitFor();
  return form;
}

describe('two windows saving the same worker', () => {
  it('refuses the second save, shows both versions, and saves what the user chose without reverting the first', async () => {
    const person = makeWorker();
    const { context, page: first } = await openApp(browser);
    await first.getByRole('navigation').getByRole('link', { name: '务工人员' }).click();
    await first.getByRole('button', { name: '新增人员' }).click();
    const create = first.getByRole('dialog', { name: '新增务工人员' });
    await create.getByLabel(/^姓名/).fill('黄春燕');
    await create.getByLabel(/^身份证号/).fill(person.residentId);
    await create.getByLabel(/^手机号/).fill('13800138000');
    await create.getByRole('button', { name: '保存' }).click();
    await first.waitForURL(/#\/workers\/[\w-]+$/);
    const id = first.url().split('/workers/')[1] ?? '';

    // A second window on the same worker; both open the form.
    const second = await context.newPage();
    const secondErrors: string[] = [];
    second.on('pageerror', (error) => secondErrors.push(error.message));
    await second.goto(`${appUrl()}#/workers/${id}`);
    await second.locator('[data-ready="true"]').waitFor();
    const firstForm = await openEditForm(first);
    const secondForm = await openEditForm(second);

    await firstForm.getByLabel(/^手机号/).fill('13900139000');
    await firstForm.getByRole('button', { name: '保存' }).click();
    await firstForm.waitFor({ state: 'detached' });
    await expect(storedWorker(first, id)).resolves.toMatchObject({ phone: '13900139000', revision: 2 });

    await secondForm.getByLabel(/^姓名/).fill('黄春花');
    await secondForm.getByRole('button', { name: '保存' }).click();
    const conflict = second.getByRole('dialog', { name: '这条记录已被别人修改' });
    await conflict.waitFor();
    // Nothing was saved by the refused save: the first window's phone stands.
    await expect(storedWorker(second, id)).resolves.toMatchObject({ name: '黄春燕', phone: '13900139000' });
    const phone = conflict.getByTestId('conflict-row-phone');
    const name = conflict.getByTestId('conflict-row-name');
    await expect(phone.getAttribute('data-differs')).resolves.toBe('true');
    await expect(name.getAttribute('data-differs')).resolves.toBe('true');
    await expect(conflict.getByTestId('conflict-row-residentId').getAttribute('data-differs')).resolves.toBe('false');
    await expect(phone.innerText()).resolves.toContain('手机号');
    await expect(phone.innerText()).resolves.toContain('13800138000');
    await expect(phone.innerText()).resolves.toContain('13900139000');
    // The phone this window never touched proposes the saved one; the name it changed, its own.
    await expect(conflict.getByTestId('conflict-theirs-phone').isChecked()).resolves.toBe(true);
    await expect(conflict.getByTestId('conflict-mine-name').isChecked()).resolves.toBe(true);
    if (process.env.CONFLICT_SCREENSHOT) await second.screenshot({ path: process.env.CONFLICT_SCREENSHOT });
    await conflict.getByRole('button', { name: '按所选保存' }).click();

    await conflict.waitFor({ state: 'detached' });
    await secondForm.waitFor({ state: 'detached' });
    await expect(storedWorker(second, id)).resolves.toMatchObject({
      name: '黄春花',
      phone: '13900139000',
      revision: 3,
    });
    // The first window shows both changes too.
    await expect.poll(() => first.locator('main').innerText()).toContain('黄春花');
    expect(pageErrors(first)).toEqual([]);
    expect(secondErrors).toEqual([]);
    await context.close();
  });
});
