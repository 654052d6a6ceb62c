/**
 * A worker's employment timeline and an enterprise's retention (issue 17, item 4), on the home
 * page's demo as a new user loads it today, in Chinese and English at 1366 px: screenshots under
 * the system's temporary directory (timeline-*.png) to look at.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeDemoData } from '@shared/demo';
import { todayCalendarDate } from '@shared/dates';
import { appUrl, launchChromium, openApp, pageErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function go(page: Page, path: string): Promise<void> {
  await page.goto(`${appUrl()}#${path}`);
  await page.locator('[data-ready="true"]').waitFor();
}

describe('the employment timeline and retention', () => {
  it(
    'shows a changed job, a correction and the schedule on a worker page, and the retention on an enterprise page',
    { timeout: 240_000 },
    async () => {
      // The home page's demo (DEMO_OPTIONS), as generated today.
      const demo = makeDemoData({ seed: 20200218, workers: 2000, today: todayCalendarDate() });
      const corrected = new Set(
        demo.contacts.filter((contact) => contact.correctsId).map((contact) => contact.workerId),
      );
      const changed = demo.contacts.find((contact) => contact.outcome === 'changed-job');
      const worker = demo.workers.find((candidate) => corrected.has(candidate.id));
      const mover = demo.workers.find((candidate) => candidate.id === changed?.workerId);
      const enterpriseId = demo.followUps.find((followUp) => followUp.workerId === worker?.id)?.enterpriseId;
      if (!worker || !mover || !enterpriseId) throw new Error('the demo has no corrected contact or no change of job');

      const { context, page } = await openApp(browser);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.getByRole('button', { name: '加载演示数据' }).click();
      await page.getByText('演示数据已加载').waitFor({ timeout: 60_000 });

      await go(page, `/workers/${worker.id}`);
      const timeline = page.getByTestId('worker-follow-ups');
      await timeline.getByTestId('contact-superseded').first().waitFor();
      await expect(timeline.getByTestId('correction-reason').first().textContent()).resolves.toContain('更正原因');
      await expect(timeline.getByTestId('open-workspace').getAttribute('href')).resolves.toBe(
        `#/followup?worker=${worker.id}`,
      );
      await timeline.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(tmpdir(), 'timeline-worker-zh.png'), fullPage: true });

      await go(page, `/workers/${mover.id}`);
      await page.getByTestId('employment-periods').getByRole('row').nth(2).waitFor();
      await page.screenshot({ path: join(tmpdir(), 'timeline-mover-zh.png'), fullPage: true });

      await go(page, `/enterprises/${enterpriseId}`);
      const retention = page.getByTestId('enterprise-retention');
      await retention.waitFor();
      expect(
        Number(await retention.getByTestId('retention-handed-over').locator('p').last().textContent()),
      ).toBeGreaterThan(0);
      await page.screenshot({ path: join(tmpdir(), 'timeline-enterprise-zh.png'), fullPage: true });

      await go(page, '/');
      await page.getByText('English').click();
      await go(page, `/workers/${mover.id}`);
      await page.getByText('Employment follow-up').waitFor();
      await page.screenshot({ path: join(tmpdir(), 'timeline-mover-en.png'), fullPage: true });
      await go(page, `/enterprises/${enterpriseId}`);
      await page.getByText('Retention of the workers handed over').waitFor();
      await page.screenshot({ path: join(tmpdir(), 'timeline-enterprise-en.png'), fullPage: true });

      expect(pageErrors(page)).toEqual([]);
      await context.close();
    },
  );
});
