/**
 * Figures of the workers registry measured in the built app in Chromium (issue 3, "Performance"):
 * importing 100,000 workers from CSV and XLSX through the import page, opening the list, and
 * searching it from keystroke to rows shown.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Worker } from '@shared/domain/records';
import { namePinyin } from '@shared/domain/pinyin';
import { workersFile, type RosterFormat } from '@shared/roster';
import { collectGarbage, type Figure } from './measure';

const IN_PAGE_SCRIPT = fileURLToPath(new URL('./idb-raw.browser.js', import.meta.url));

interface AppBench {
  browser: Browser;
  url: string;
  workers: Worker[];
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
  /** The raw IndexedDB figure of this run, the baseline of the imports. */
  idbRaw: Figure | undefined;
}

async function newAppContext(browser: Browser): Promise<BrowserContext> {
  // The app's CSP refuses the bench's in-page helper script; the app itself runs as shipped.
  return browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 860 }, acceptDownloads: false });
}

/** Imports a file through the import page; resolves with ms from the file chosen to the report shown. */
async function importThroughPage(page: Page, url: string, name: string, bytes: Uint8Array): Promise<number> {
  await page.goto(`${url}#/workers/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择花名册文件' }).click();
  // Clicks each button in the animation frame it becomes usable (benchDriveImport, in the page).
  await page.addScriptTag({ path: IN_PAGE_SCRIPT });
  await collectGarbage(page);
  const driven = page.evaluate<string>('benchDriveImport()');
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  // From the file chosen: handing 17 MB from Playwright to the page is the harness's cost, not the app's.
  const start = performance.now();
  const report = await driven;
  const elapsed = performance.now() - start;
  if (!report.includes('新登记 100000 人')) throw new Error(`the import did not register every worker: ${report}`);
  return elapsed;
}

async function importFigure(bench: AppBench, format: RosterFormat, runs: number): Promise<BrowserContext> {
  const name = `import-${format}-100k`;
  const file = await workersFile(bench.workers, format, 'zh-CN');
  const samples: number[] = [];
  let context: BrowserContext | null = null;
  for (let run = 0; run < runs; run++) {
    await context?.close();
    context = await newAppContext(bench.browser);
    samples.push(await importThroughPage(await context.newPage(), bench.url, `roster.${format}`, file.bytes));
  }
  if (bench.wanted(name)) bench.print({ name, unit: 'ms', samples, baseline: bench.idbRaw });
  if (!context) throw new Error('no run');
  return context;
}

/** From navigation to the first worker row on screen, with 100,000 workers stored. */
async function listOpenFigure(bench: AppBench, context: BrowserContext): Promise<void> {
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`${bench.url}#/workers`);
    await page.getByTestId('worker-row').first().waitFor({ timeout: 60_000 });
    samples.push(performance.now() - start);
    // Let the directory finish reading before the next run: a read left running in the browser's
    // IndexedDB backend would hold up the next page's first rows and measure the bench, not the app.
    await page.getByTestId('worker-count').waitFor({ timeout: 60_000 });
    await page.close();
  }
  bench.print({ name: 'list-open-100k', unit: 'ms', samples });
}

/** Waits until the workers directory has stored its snapshot (a few quiet seconds after loading). */
async function waitForSnapshot(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await page.evaluate<boolean>('benchHasDirectorySnapshot()')) return;
    await page.waitForTimeout(500);
  }
  throw new Error('the workers directory stored no snapshot within a minute');
}

async function searchFigures(bench: AppBench, context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const sources = Array.from({ length: 20 }, (_, i) => bench.workers[i * 4_999 + 11]).filter(
    (worker): worker is Worker => worker !== undefined,
  );
  // The first search after start: from navigation to the answer of a search typed at once. Once
  // without the directory's snapshot (the list never opened since the import), then as every later
  // start finds it.
  const first = sources[0];
  if (first) {
    const firstSearch = async (target: Page): Promise<number> => {
      const start = performance.now();
      await target.goto(`${bench.url}#/workers`);
      await target.getByRole('textbox', { name: '搜索' }).fill(first.residentId.slice(-6));
      await target.getByTestId('worker-row').filter({ hasText: first.name }).first().waitFor({ timeout: 60_000 });
      return performance.now() - start;
    };
    const cold = await context.newPage();
    const coldSample = await firstSearch(cold);
    await cold.addScriptTag({ path: IN_PAGE_SCRIPT });
    bench.print({ name: 'search-first-100k-no-snapshot', unit: 'ms', samples: [coldSample] });
    await waitForSnapshot(cold);
    await cold.close();
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) {
      const warm = await context.newPage();
      samples.push(await firstSearch(warm));
      await warm.close();
    }
    bench.print({ name: 'search-first-100k', unit: 'ms', samples });
  }
  // The warm searches: the list open, the directory loaded.
  await page.goto(`${bench.url}#/workers`);
  await page.getByTestId('worker-count').waitFor({ timeout: 60_000 });
  await page.addScriptTag({ path: IN_PAGE_SCRIPT });
  const search = async (query: string): Promise<number> => {
    await page.evaluate(`benchSearch('')`);
    return page.evaluate<number>(`benchSearch(${JSON.stringify(query)})`);
  };
  const figures: [string, (worker: Worker) => string[]][] = [
    ['search-name-100k', (w) => [w.name.slice(0, 1), w.name.slice(0, 2)]],
    ['search-pinyin-100k', (w) => [namePinyin(w.name).initials, namePinyin(w.name).full.slice(0, 5)]],
    ['search-idsuffix-100k', (w) => [w.residentId.slice(-4), w.residentId.slice(-6)]],
  ];
  for (const [name, queries] of figures) {
    if (!bench.wanted(name)) continue;
    const samples: number[] = [];
    for (const query of sources.flatMap(queries)) samples.push(await search(query));
    bench.print({ name, unit: 'ms', samples });
  }
  await page.close();
}

export async function appFigures(bench: AppBench): Promise<void> {
  const listOrSearch = bench.wanted(
    'list-open-100k',
    'search-first-100k',
    'search-name-100k',
    'search-pinyin-100k',
    'search-idsuffix-100k',
  );
  if (bench.wanted('import-csv-100k') || listOrSearch) {
    const context = await importFigure(bench, 'csv', bench.wanted('import-csv-100k') ? 3 : 1);
    await searchFigures(bench, context);
    if (bench.wanted('list-open-100k')) await listOpenFigure(bench, context);
    await context.close();
  }
  if (bench.wanted('import-xlsx-100k')) await (await importFigure(bench, 'xlsx', 1)).close();
}
