import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The flags of docs/architecture.md#tests-e2e-and-bench: this machine's closed network refuses Chromium's background calls. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function appUrl(): string {
  return inject('appUrl');
}

/**
 * A fresh profile (its own IndexedDB) with a page on the app's first screen. `timezoneId` sets the
 * PC's zone, for tests that prove times are Beijing time wherever the PC is set.
 */
export async function openApp(
  browser: Browser,
  options: { timezoneId?: string; clockFrom?: Date } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    ...(options.timezoneId === undefined ? {} : { timezoneId: options.timezoneId }),
  });
  // The page's clock starts at `clockFrom` and runs on in real time from there.
  if (options.clockFrom !== undefined) await context.clock.install({ time: options.clockFrom });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  Object.assign(page, { plannerErrors: errors });
  await page.goto(appUrl());
  await page.locator('[data-ready="true"]').waitFor();
  return { context, page };
}

/** Errors the page logged; a test ends by asserting there were none. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { plannerErrors?: string[] }).plannerErrors ?? [];
}
