import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, pageErrors } from './browser';
import { chineseLeftOn, EN, field, fillLeg, ZH } from './route-form';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('routes', () => {
  it('creates a coach and an overnight train leg with a pickup point, refusing a leg that leaves too early', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('navigation').getByRole('link', { name: '线路' }).click();
    await page.getByText('还没有线路').waitFor();

    await page.getByRole('button', { name: '新建线路' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('线路名称').fill('田东—广州 点对点专列');
    const first = dialog.getByRole('group', { name: '第 1 段', exact: true });
    await fillLeg(first, ZH, {
      from: '田东县',
      to: '百色站',
      departure: '06:00',
      arrival: '08:30',
      distance: '120',
      stops: '田阳区、右江区',
    });
    await first.getByText('用时 2小时30分').waitFor();

    await dialog.getByRole('button', { name: '添加一段行程' }).click();
    const second = dialog.getByRole('group', { name: '第 2 段', exact: true });
    // A new leg starts where the one before ended.
    await expect(field(second, '出发地').inputValue()).resolves.toBe('百色站');
    await fillLeg(second, ZH, { mode: '火车', to: '广州南站', departure: '08:00', arrival: '06:10', distance: '800' });
    await fillLeg(second, ZH, { stops: '南宁东站' });

    await dialog.getByRole('button', { name: '添加上车点' }).click();
    const pickup = dialog.getByRole('group', { name: '第 1 个上车点', exact: true });
    await pickup.getByLabel('县（区）').fill('田东县');
    await pickup.getByLabel('集合地点').fill('田东县人民广场');
    await pickup.getByLabel('集合时间').fill('05:00');
    await pickup.getByText('首段出发前 1小时').waitFor();

    // Leaving at 08:00 while the coach arrives at 08:30, and arriving "at 06:10 the same day": both refused, beside their fields.
    await dialog.getByRole('button', { name: '保存' }).click();
    await second.getByText('第 2 段在第 1 段到达之前就出发了').waitFor();
    await second.getByText('到达应晚于出发；第二天才到的，请把到达日选为“第2天”').waitFor();
    await expect(field(second, '出发时间').getAttribute('aria-invalid')).resolves.toBe('true');

    await fillLeg(second, ZH, { departure: '20:00', arrivalDay: '第2天' });
    await second.getByText('用时 10小时10分').waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();

    await page.getByRole('heading', { name: '田东—广州 点对点专列', exact: true }).waitFor();
    await page.getByText('已新建线路“田东—广州 点对点专列”').waitFor();
    const legs = page.getByTestId('leg-row');
    await expect(legs.count()).resolves.toBe(2);
    const train = await legs.nth(1).innerText();
    for (const part of ['火车', '百色站', '广州南站', '20:00', '06:10 +1天', '10小时10分', '800 公里', '南宁东站']) {
      expect(train).toContain(part);
    }
    await expect(legs.nth(1).getAttribute('data-arrival-day')).resolves.toBe('1');
    await expect(legs.nth(0).innerText()).resolves.toContain('田阳区、右江区');
    const assembly = await page.getByTestId('pickup-row').innerText();
    for (const part of ['田东县', '田东县人民广场', '05:00', '出发前 60 分钟']) expect(assembly).toContain(part);
    await page.getByText('24小时10分').waitFor();
    await page.getByText('修改记录').waitFor();

    // The list sums the legs up on one line.
    await page.getByRole('link', { name: '线路', exact: true }).first().click();
    const row = page.getByTestId('route-row');
    await expect(row.innerText()).resolves.toContain('汽车 田东县→百色站 → 火车 百色站→广州南站');

    // Editing keeps the times; a route no batch uses can be deleted.
    await row.click();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await expect(
      field(dialog.getByRole('group', { name: '第 2 段', exact: true }), '到达日').inputValue(),
    ).resolves.toBe('1');
    await dialog.getByLabel('线路名称').fill('田东—广州南 点对点专列');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '田东—广州南 点对点专列', exact: true }).waitFor();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText('已删除线路“田东—广州南 点对点专列”').waitFor();
    await page.getByText('还没有线路').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('will not delete the demo route while its batches use it', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByText('演示数据已加载').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '线路' }).click();
    await page.getByTestId('route-row').click();
    await page.getByTestId('leg-row').first().waitFor();
    await expect(page.getByTestId('leg-row').count()).resolves.toBe(3);
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog').getByText('有 6 个批次使用这条线路，不能删除').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { name: '百色—广州/深圳 点对点专列', exact: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('works in English: refuses a time that is not a time, then shows the next-day arrival', async () => {
    const { context, page } = await openApp(browser);
    await page.getByText('English').click();
    await page.getByRole('navigation').getByRole('link', { name: 'Routes' }).click();
    await page.getByRole('button', { name: 'New route' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Route name').fill('Baise to Shenzhen night train');
    const leg = dialog.getByRole('group', { name: 'Leg 1', exact: true });
    await fillLeg(leg, EN, {
      mode: 'Train',
      from: 'Baise',
      to: 'Shenzhen North',
      departure: '2200',
      arrival: '07:30',
      distance: '750',
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await leg.getByText('Write the time as hours:minutes, such as 08:30').waitFor();

    await fillLeg(leg, EN, { departure: '22:00' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await leg
      .getByText('The arrival must come after the departure; for an arrival the next day, choose “Day 2”')
      .waitFor();
    await expect(chineseLeftOn(page)).resolves.toEqual([]);

    await fillLeg(leg, EN, { arrivalDay: 'Day 2' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Baise to Shenzhen night train', exact: true }).waitFor();
    const row = await page.getByTestId('leg-row').innerText();
    for (const part of ['Train', '22:00', '07:30 +1 day', '9 h 30 min', '750 km']) expect(row).toContain(part);
    await expect(chineseLeftOn(page)).resolves.toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
