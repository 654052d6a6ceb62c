/**
 * The benchmarks of the planner. Each figure is printed with the baseline it is compared with,
 * measured in the same run, so that the ratio means the same on a fast and on a slow machine.
 * Benchmarks print; they never fail a build over a time.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { makeDemoData } from '@shared/demo';
import type { Worker } from '@shared/domain/records';
import { launchChromium } from '../e2e/browser';
import { startWebServer } from '../e2e/web-server';
import { benchLine, collectGarbage, timeRuns, type Figure } from './measure';
import { searchFigures } from './search';
import { appFigures } from './app-figures';
import { planningFigures } from './planning';
import { seatingFigures } from './seating';
import { healthFigures } from './health';
import { documentFigures } from './documents';
import { backupFigures } from './backup';
import { planPageFigures } from './plan-page';
import { followUpFigures } from './followup';
import { subsidyFigures } from './subsidy';
import { subsidyPaperFigures } from './subsidy-papers';
import { dashboardFigures } from './dashboard';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { registerFigures } from './register';
import { DASHBOARD_DB_FIGURES, dashboardDbFigures } from './dashboard-db';
import { SYNC_FIGURES, syncFigures } from './sync';

const SEED = 20200218;
/** The baseline of four figures, and it varies about ±10% from run to run: five samples. */
const IDB_RAW_RUNS = 5;

/** The workers store as the app declares it (primary key first, `&` for unique), for the raw baseline. */
const WORKERS_STORE = (() => {
  const [key = 'id', ...rest] = SCHEMA_V2.workers.split(',').map((part) => part.trim());
  return { keyPath: key, indexes: rest.map((spec) => ({ name: spec.replace('&', ''), unique: spec.startsWith('&') })) };
})();
const filter = process.argv[2] ?? '';
const wanted = (...names: string[]) => names.some((name) => name.includes(filter));
const print = (figure: Figure) => process.stdout.write(`${benchLine(figure)}\n`);

async function generatorFigures(): Promise<void> {
  if (!wanted('demo-generate-100k', 'json-roundtrip-100k')) return;
  let workers: Worker[] = [];
  const generate = await timeRuns(3, () => {
    workers = makeDemoData({ seed: SEED, workers: 100_000 }).workers;
  });
  // Baseline: one JSON round trip of the same 100,000 workers, a unit of work of the same size.
  const baseline: Figure = {
    name: 'json-roundtrip-100k',
    unit: 'ms',
    samples: await timeRuns(3, () => JSON.parse(JSON.stringify(workers)) as unknown),
  };
  print(baseline);
  print({ name: 'demo-generate-100k', unit: 'ms', samples: generate, baseline });
}

/**
 * Raw IndexedDB puts of 100,000 workers in one transaction: the baseline of later storage figures.
 * Each run in a fresh context, as each import runs: the same empty database to start from.
 */
async function idbRawFigure(browser: Browser, url: string, workers: Worker[]): Promise<Figure> {
  const samples: number[] = [];
  for (let run = 0; run < IDB_RAW_RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The blank page of the app's own origin: the app's CSP (rightly) refuses injected scripts.
    await page.goto(`${url}bench-blank.html`);
    await page.evaluate((records) => {
      (globalThis as unknown as { benchRecords: unknown[] }).benchRecords = records;
    }, workers);
    await page.addScriptTag({ path: fileURLToPath(new URL('./idb-raw.browser.js', import.meta.url)) });
    // The records just handed to the page are garbage to collect: not during the puts.
    await collectGarbage(page);
    samples.push(
      await page.evaluate<number>(
        `benchIdbRawPut('bench-raw', benchRecords, ${JSON.stringify(WORKERS_STORE.keyPath)}, ${JSON.stringify(WORKERS_STORE.indexes)})`,
      ),
    );
    await context.close();
  }
  const figure: Figure = { name: 'idb-raw-100k', unit: 'ms', samples };
  print(figure);
  return figure;
}

/** From navigation to the first screen interactive, against a blank page from the same server. */
async function appStartFigure(browser: Browser, url: string): Promise<void> {
  if (!wanted('app-start', 'blank-page-start')) return;
  const measure = async (target: string, ready: string): Promise<number[]> => {
    const samples: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(target);
      await page.locator(ready).waitFor();
      samples.push(performance.now() - start);
      await context.close();
    }
    return samples;
  };
  const baseline: Figure = {
    name: 'blank-page-start',
    unit: 'ms',
    samples: await measure(`${url}bench-blank.html`, '#ready'),
  };
  print(baseline);
  print({ name: 'app-start', unit: 'ms', samples: await measure(url, '[data-ready="true"]'), baseline });
}

/** Figures measured in the built renderer in Chromium. */
const BROWSER_FIGURES = [
  'idb-raw-100k',
  'blank-page-start',
  'app-start',
  'import-csv-100k',
  'import-xlsx-100k',
  'list-open-100k',
  'search-first-100k',
  'search-name-100k',
  'search-pinyin-100k',
  'search-idsuffix-100k',
  'health-idb-get-100k',
  'health-lookup-1200-of-100k',
  'health-save-1200',
  'font-load',
  'pdf-helvetica-1000',
  'manifest-1000',
  'manifest-1000-size',
  'pdf-helvetica-10000',
  'manifest-10000',
  'manifest-10000-size',
  'manifest-10000-heap',
  'backup-100k',
  'backup-100k-size',
  'restore-100k',
  'plan-idb-getall-100k',
  'plan-page-100k',
  'plan-save-58k',
  'followup-idb-due-100k',
  'followup-due-100k',
  'followup-log-save',
  'followup-register-read-100k',
  'followup-register-100k',
  ...DASHBOARD_DB_FIGURES,
  ...SYNC_FIGURES,
];

/** Figures that need neither the demo's 100,000 workers nor a database. */
const DOCUMENT_FIGURES: ReadonlySet<string> = new Set(
  BROWSER_FIGURES.filter((name) => /font|manifest|pdf-/.test(name)),
);

async function main(): Promise<void> {
  await generatorFigures();
  if (wanted('search-index', 'array-scan-100k')) await searchFigures(print);
  if (wanted('plan-100k', 'sort-workers-100k')) await planningFigures(print);
  if (wanted('seat-allocation-1200', 'json-roundtrip-seating-1200')) await seatingFigures(print);
  if (wanted('subsidy-eligibility-100k', 'completed-months-100k')) await subsidyFigures(print);
  if (wanted('subsidy-roster-10000-xlsx', 'subsidy-roster-10000-pdf')) await subsidyPaperFigures(print);
  if (wanted('dashboard-figures-100k', 'dashboard-filter-100k', 'dashboard-group-100k')) await dashboardFigures(print);
  if (!wanted(...BROWSER_FIGURES)) return;
  writeFileSync(
    fileURLToPath(new URL('../../out/renderer/bench-blank.html', import.meta.url)),
    '<!doctype html><html><body><p id="ready">ready</p></body></html>',
  );
  const needsWorkers = wanted(...BROWSER_FIGURES.filter((name) => !DOCUMENT_FIGURES.has(name)));
  const demo = needsWorkers ? makeDemoData({ seed: SEED, workers: 100_000 }) : null;
  const workers = demo?.workers ?? [];
  const server = await startWebServer();
  const browser = await launchChromium();
  try {
    const idbRaw = wanted('idb-raw-100k', 'import-csv-100k', 'import-xlsx-100k', 'backup-100k', 'restore-100k')
      ? await idbRawFigure(browser, server.url, workers)
      : undefined;
    await appStartFigure(browser, server.url);
    await appFigures({ browser, url: server.url, workers, print, wanted, idbRaw });
    await healthFigures({ browser, url: server.url, workers, print, wanted });
    await documentFigures({ browser, url: server.url, print, wanted });
    if (demo) await backupFigures({ browser, url: server.url, demo, print, wanted, idbRaw });
    if (demo) await planPageFigures({ browser, url: server.url, demo, print, wanted });
    if (demo) await followUpFigures({ browser, url: server.url, demo, print, wanted });
    await registerFigures({ browser, url: server.url, workers, print, wanted });
    await dashboardDbFigures({ browser, url: server.url, print, wanted });
    await syncFigures({ browser, url: server.url, workers, print, wanted });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
