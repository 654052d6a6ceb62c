/**
 * The dashboard's first view on the home page (issue 19, "speed": `dashboard-100k`), measured in
 * Chromium with the app's own database class and the dashboard's own feed (bundled from
 * `dashboard.bench-entry.web.ts`), on the pure benchmark's source (dashboard.ts, built here and
 * handed to the page): 100,000 workers, 300,000 contacts and 50,000 claims, stored as whole records.
 * Each first view is a new feed (as the home page's new Web Worker has): its load, every figure and
 * chart of this year, and the structured clone the screen receives.
 * - `dashboard-100k`: the first view on an unchanged database: the projection an earlier opening
 *   stored is current. What a user gets opening the home page.
 * - `dashboard-100k-changed`: the first view after a change (a worker edited, a contact logged): the
 *   stored projection is stale and takes in what changed since.
 * - `dashboard-100k-load`: of the first view, the feed's load alone (the stored projection read and
 *   decoded); the rest of the first view is counting every figure and the clone.
 * - `dashboard-100k-rebuild`: the first view with no projection stored (the first opening after an
 *   upgrade, a restore or the demo's load): every table read, the projection made.
 * - `dashboard-100k-filter`, `-filter-county`, `-filter-enterprise`: a change of period (this year to
 *   the last 12 months), to the largest county, to the top enterprise, on what the first view
 *   loaded, as the worker's `compute` answers it (with the clone of the result).
 * Baseline: `dashboard-read-100k`, a bare read of the same tables in the same page.
 */
import type { Browser } from 'playwright-core';
import { stageBrowserBundle } from './browser-bundle';
import { collectGarbage, type Figure } from './measure';
import { buildSource } from './dashboard';

const RUNS = 3;

export const DASHBOARD_DB_FIGURES = [
  'dashboard-read-100k',
  'dashboard-100k',
  'dashboard-100k-load',
  'dashboard-100k-changed',
  'dashboard-100k-rebuild',
  'dashboard-100k-filter',
  'dashboard-100k-filter-county',
  'dashboard-100k-filter-enterprise',
];

interface DashboardBench {
  browser: Browser;
  url: string;
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

interface View {
  ms: number;
  loadMs: number;
  peopleSent: number;
  handedOver: number;
  before: number;
}

export async function dashboardDbFigures(bench: DashboardBench): Promise<void> {
  if (!bench.wanted(...DASHBOARD_DB_FIGURES)) return;
  await stageBrowserBundle(
    new URL('./dashboard.bench-entry.web.ts', import.meta.url),
    'bench-dashboard.js',
    'plannerDashboardBenchBundle',
  );
  const context = await bench.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${bench.url}bench-blank.html`);
    await page.addScriptTag({ url: `${bench.url}bench-dashboard.js` });
    // Handed over table by table: one argument of every table would be one very large message.
    const source = buildSource();
    await page.evaluate('globalThis.benchDashboardSource = {}');
    for (const [table, rows] of Object.entries(source)) {
      await page.evaluate(
        ([name, value]) => {
          (globalThis as unknown as { benchDashboardSource: Record<string, unknown> }).benchDashboardSource[name] =
            value;
        },
        [table, rows] as const,
      );
    }
    await page.evaluate<number>('plannerDashboardBench.seed()');

    const baseline: Figure = { name: 'dashboard-read-100k', unit: 'ms', samples: [] };
    for (let run = 0; run < RUNS; run++) {
      await collectGarbage(page);
      baseline.samples.push((await page.evaluate<{ ms: number }>('plannerDashboardBench.read()')).ms);
    }
    bench.print(baseline);

    const figure = (name: string): Figure => ({ name, unit: 'ms', samples: [], baseline });
    const first = figure('dashboard-100k');
    const firstLoad = figure('dashboard-100k-load');
    const changed = figure('dashboard-100k-changed');
    const rebuilt = figure('dashboard-100k-rebuild');
    const filters = {
      period: figure('dashboard-100k-filter'),
      county: figure('dashboard-100k-filter-county'),
      enterprise: figure('dashboard-100k-filter-enterprise'),
    };
    // Checked, so that the workload stays one: this year has people sent, handed over, and a year before.
    const check = (view: View, what: string): View => {
      if (view.peopleSent === 0 || view.handedOver === 0 || view.before === 0) {
        throw new Error(`an empty dashboard (${what}): ${JSON.stringify(view)}`);
      }
      return view;
    };
    check(await page.evaluate<View>('plannerDashboardBench.prepare()'), 'prepare');
    for (let run = 0; run < RUNS; run++) {
      await collectGarbage(page);
      const view = check(await page.evaluate<View>('plannerDashboardBench.firstView()'), 'first');
      first.samples.push(view.ms);
      firstLoad.samples.push(view.loadMs);
      for (const [kind, samples] of Object.entries(filters)) {
        await collectGarbage(page);
        const view = await page.evaluate<View>(`plannerDashboardBench.filterChange('${kind}')`);
        if (view.peopleSent === 0) throw new Error(`the ${kind} filter sent no one`);
        samples.samples.push(view.ms);
      }
    }
    for (let run = 0; run < RUNS; run++) {
      await collectGarbage(page);
      changed.samples.push(check(await page.evaluate<View>('plannerDashboardBench.changedView()'), 'changed').ms);
    }
    for (let run = 0; run < RUNS; run++) {
      await collectGarbage(page);
      rebuilt.samples.push(check(await page.evaluate<View>('plannerDashboardBench.rebuiltView()'), 'rebuilt').ms);
    }
    for (const one of [first, firstLoad, changed, rebuilt, filters.period, filters.county, filters.enterprise]) {
      bench.print(one);
    }
  } finally {
    await context.close();
  }
}
