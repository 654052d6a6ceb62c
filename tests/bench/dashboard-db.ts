/**
 * The dashboard's first view on the home page (issue 19, "speed": `dashboard-100k`), measured in
 * Chromium with the app's own database class and the dashboard's own repository (bundled from
 * `dashboard.bench-entry.web.ts`), on the pure benchmark's source (dashboard.ts, built here and
 * handed to the page): 100,000 workers, 300,000 contacts and 50,000 claims, stored as whole records.
 * - `dashboard-100k`: the first view, as the home page's Web Worker computes it: the repository's
 *   read of every table, the source's index, every figure and chart of this year, and the
 *   structured clone the screen receives.
 * - `dashboard-100k-filter`: a change of period (this year to the last 12 months) on the source
 *   the first view kept, as the worker's `compute` does.
 * Baseline: `dashboard-read-100k`, a bare read of the same tables in the same page.
 */
import type { Browser } from 'playwright-core';
import { stageBrowserBundle } from './browser-bundle';
import { collectGarbage, type Figure } from './measure';
import { buildSource } from './dashboard';

const RUNS = 3;

export const DASHBOARD_DB_FIGURES = ['dashboard-read-100k', 'dashboard-100k', 'dashboard-100k-filter'];

interface DashboardBench {
  browser: Browser;
  url: string;
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

interface View {
  ms: number;
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

    const first: Figure = { name: 'dashboard-100k', unit: 'ms', samples: [], baseline };
    const change: Figure = { name: 'dashboard-100k-filter', unit: 'ms', samples: [], baseline };
    for (let run = 0; run < RUNS; run++) {
      await collectGarbage(page);
      const view = await page.evaluate<View>('plannerDashboardBench.firstView()');
      // Checked, so that the workload stays one: this year has people sent, handed over, and a year before.
      if (view.peopleSent === 0 || view.handedOver === 0 || view.before === 0) {
        throw new Error(`an empty dashboard: ${JSON.stringify(view)}`);
      }
      first.samples.push(view.ms);
      const changed = await page.evaluate<View>('plannerDashboardBench.filterChange()');
      if (changed.peopleSent === 0) throw new Error('the last 12 months sent no one');
      change.samples.push(changed.ms);
    }
    bench.print(first);
    bench.print(change);
  } finally {
    await context.close();
  }
}
