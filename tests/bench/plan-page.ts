/**
 * Figures of the "Plan batches" screen at scale (issue 15, item 13), measured in the built app in
 * Chromium with the demo's 100,000 workers:
 * - `plan-page-100k`: from the click on "generate", with the pool's filter just chosen (the
 *   proposal on screen is stale), until the proposal for that filter is on the screen. The filter
 *   alternates between every destination city and none: both are the whole pool, so each run plans
 *   the full 100,000 workers (about 58,000 placed), and no run can reuse the one before.
 * - `plan-save-58k`: from the click on "save" until the batches list is on the screen: the
 *   proposal's batches (about 58,000 passengers), their vehicles and audit rows stored.
 * Both are printed with the baseline `plan-idb-getall-100k`, measured in the same page in the same
 * run: one bare IndexedDB getAll of the workers store, the read the screen used to make.
 *
 * The database is seeded with raw IndexedDB puts of the demo data set (workers, enterprises,
 * openings, the route and its two batches); between saves the batches and assignments stores are
 * put back as seeded.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/records';
import type { makeDemoData } from '@shared/demo';
import type { Figure } from './measure';
import { collectGarbage } from './measure';

const IN_PAGE_SCRIPT = fileURLToPath(new URL('./plan-page.browser.js', import.meta.url));
const WARM_UP_RUNS = 2;
const GENERATE_RUNS = 7;
const SAVE_RUNS = 3;
const SEEDED_AT = '2026-02-10T00:00:00.000Z';
/** The daily backup's minute of delay, and its time on a slow PC. */
const AUTOMATIC_BACKUP_WAIT_MS = 600_000;

interface PlanPageBench {
  browser: Browser;
  /** The built renderer's address (from startWebServer). */
  url: string;
  /** The demo data set of the run (100,000 workers). */
  demo: ReturnType<typeof makeDemoData>;
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

/** Opens the planning screen and chooses the demo route, 60 days from next week, two batches a day. */
async function openPlanning(page: Page, url: string, routeName: string): Promise<void> {
  await page.goto(`${url}#/batches/plan`);
  await page.getByRole('heading', { name: '自动编排批次', exact: true }).waitFor({ timeout: 120_000 });
  await page.addScriptTag({ path: IN_PAGE_SCRIPT });
  await page.getByRole('combobox', { name: '线路' }).click();
  await page.getByRole('option', { name: routeName }).click();
  await page.keyboard.press('Escape');
  const first = addCalendarDays(todayCalendarDate(), 7);
  await page.getByLabel('最早出发日期').fill(first);
  await page.getByLabel('最晚出发日期').fill(addCalendarDays(first, 59));
  await page.getByRole('textbox', { name: `${routeName} 每天批次数` }).fill('2');
}

/** Chooses every destination city in the pool's filter, or clears the filter again. */
async function chooseCities(page: Page, cities: readonly string[], choose: boolean): Promise<void> {
  const input = page.getByRole('combobox', { name: '目的城市' });
  if (choose) {
    await input.click();
    for (const city of cities) await page.getByRole('option', { name: city, exact: true }).click();
    await page.keyboard.press('Escape');
  } else {
    await input.click();
    for (let i = 0; i < cities.length; i++) await input.press('Backspace');
    await page.keyboard.press('Escape');
  }
  await page.locator('[data-testid="proposal"][data-stale="true"]').waitFor();
}

export async function planPageFigures(bench: PlanPageBench): Promise<void> {
  if (!bench.wanted('plan-page-100k', 'plan-save-58k', 'plan-idb-getall-100k')) return;
  const { demo } = bench;
  const route = demo.routes[0];
  if (!route) throw new Error('the demo has no route');
  const cities = [...new Set(demo.enterprises.map((enterprise) => enterprise.city))].sort();
  // The app's CSP (rightly) refuses the bench's in-page helper script; the app itself runs as shipped.
  const context = await bench.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(bench.url);
    await page.locator('[data-ready="true"]').waitFor();
    await page.addScriptTag({ path: IN_PAGE_SCRIPT });
    const settings: Settings = { ...DEFAULT_SETTINGS, operatorName: '测速员', updatedAt: SEEDED_AT };
    const stores = {
      workers: demo.workers,
      enterprises: demo.enterprises,
      openings: demo.openings,
      routes: demo.routes,
      batches: demo.batches,
      assignments: demo.assignments,
      settings: [settings],
    };
    await page.evaluate((records) => {
      (globalThis as unknown as { benchPlanStores: unknown }).benchPlanStores = records;
    }, stores);
    await page.evaluate('benchPlanSeed(benchPlanStores)');
    // A reload, so that every read starts from what the raw puts stored.
    await page.reload();
    await page.locator('[data-ready="true"]').waitFor();
    await openPlanning(page, bench.url, route.name);
    // The daily backup starts a minute after the app does and reads every table: measured beside
    // it, the screen's figures would be the backup's too.
    await page.getByText('已自动备份数据', { exact: false }).waitFor({ timeout: AUTOMATIC_BACKUP_WAIT_MS });

    const baseline: Figure = { name: 'plan-idb-getall-100k', unit: 'ms', samples: [] };
    const generate: Figure = { name: 'plan-page-100k', unit: 'ms', samples: [], baseline };
    const save: Figure = { name: 'plan-save-58k', unit: 'ms', samples: [], baseline };
    // The first proposal, not timed: the directory of workers may still be loading behind the screen.
    await page.evaluate<number>('benchPlanGenerate()');
    // With the save's figure alone, three samples of the baseline and no proposals timed.
    const generateRuns = bench.wanted('plan-page-100k') ? WARM_UP_RUNS + GENERATE_RUNS : 0;
    for (let run = 0; run < generateRuns; run++) {
      await chooseCities(page, cities, run % 2 === 0);
      await collectGarbage(page);
      const elapsed = await page.evaluate<number>('benchPlanGenerate()');

      baseline.samples.push(await page.evaluate<number>('benchPlanIdbGetAll()'));
      if (run >= WARM_UP_RUNS) generate.samples.push(elapsed);
    }
    for (let run = 0; generateRuns === 0 && run < 3; run++) {
      baseline.samples.push(await page.evaluate<number>('benchPlanIdbGetAll()'));
    }
    bench.print(baseline);
    if (bench.wanted('plan-page-100k')) bench.print(generate);
    if (!bench.wanted('plan-save-58k')) return;
    for (let run = 0; run < SAVE_RUNS; run++) {
      if (run > 0) {
        await page.evaluate(
          (seeded) =>
            (globalThis as unknown as { benchPlanReset: (stores: unknown) => Promise<void> }).benchPlanReset(seeded),
          { batches: demo.batches, assignments: demo.assignments },
        );
        await openPlanning(page, bench.url, route.name);
        await page.evaluate<number>('benchPlanGenerate()');
      } else if (generateRuns > 0) {
        // The proposal on screen is for every city: the same pool, made again for a clean start.
        await chooseCities(page, cities, false);
        await page.evaluate<number>('benchPlanGenerate()');
      }
      await collectGarbage(page);
      save.samples.push(await page.evaluate<number>('benchPlanSave()'));
    }
    bench.print(save);
  } finally {
    await context.close();
  }
}
