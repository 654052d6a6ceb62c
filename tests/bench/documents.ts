/**
 * Figures of the printed documents (issue 6, "Performance"), measured in Chromium with the real
 * builders (bundled from `documents.bench-entry.ts`) and the real font files (Noto Sans SC, and
 * Noto Sans TC as the fallback, as the app loads them):
 * - `font-load`: fetching the three font files, converting them and making a first one-row manifest,
 *   what the first document after start pays;
 * - `manifest-1000`: a manifest of 1,000 passengers on one special train (ten carriages of 100,
 *   1,000 rows) with the font already loaded, and `manifest-1000-size` in MB;
 * - `manifest-10000`: 10,000 rows (a prefecture-wide list, 100 carriages), its size, and
 *   `manifest-10000-heap`, the most JavaScript heap the page used while building it, in MB.
 * The baselines `pdf-helvetica-1000` and `pdf-helvetica-10000` are jspdf-autotable with jsPDF's
 * built-in Helvetica writing the same rows' Latin fields, in the same page in the same run.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BatchPapers, PaperVehicle } from '@shared/documents';
import { makePaperGate, makePaperPassenger, makePrintContext } from '../fixtures/documents';
import { RENDERER_OUT, stageBrowserBundle } from './browser-bundle';
import { withHeapPeak, type Figure } from './measure';

const require = createRequire(import.meta.url);
const RUNS = 7;
const LARGE_RUNS = 3;
const PER_CARRIAGE = 100;

interface DocumentsBench {
  browser: Browser;
  url: string;
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

/** `passengers` on one special train, carriages of 100, everyone seated. */
export function trainPapers(passengers: number): BatchPapers {
  const people = Array.from({ length: passengers }, (_, index) =>
    makePaperPassenger(index, { enterpriseId: `e-${String(index % 20)}` }),
  );
  const vehicles: PaperVehicle[] = [];
  for (let start = 0; start < people.length; start += PER_CARRIAGE) {
    vehicles.push({
      id: `car-${String(vehicles.length + 1)}`,
      kind: 'train-second-class',
      label: String(vehicles.length + 1).padStart(2, '0'),
      seatCount: 100,
      escort: { id: 's-1', name: '韦志强', phone: '13907760001' },
      seats: people.slice(start, start + PER_CARRIAGE).map((person, position) => ({
        workerId: person.workerId,
        seat: `${String(Math.floor(position / 5) + 1).padStart(2, '0')}${'ABCDF'.charAt(position % 5)}`,
      })),
    });
  }
  return {
    batch: {
      id: 'bench-batch',
      name: '百色市2026年春风行动点对点专列',
      date: '2026-02-18',
      status: 'ready',
      organizer: '百色市人社局',
      escorts: [{ id: 's-1', name: '韦志强', phone: '13907760001' }],
      medics: [],
      overrides: [],
    },
    route: { name: '百色—广州南点对点专列' },
    legs: [
      {
        id: 'leg-train',
        mode: 'train',
        from: '百色站',
        to: '广州南站',
        departureAt: '2026-02-18T08:00:00.000+08:00',
        vehicles,
        unseated: [],
      },
    ],
    passengers: people,
    enterprises: Array.from({ length: 20 }, (_, index) => ({
      id: `e-${String(index)}`,
      name: `广州市第${String(index + 1)}电子科技有限公司（白云区分公司）`,
      contactName: '张经理',
      contactPhone: '13800138000',
      handoverPoint: '白云区',
      address: '广州市白云区',
    })),
    gate: makePaperGate(),
  };
}

/** Bundles the bench entry for the browser and puts it, with the font files, beside the built app. */
async function stageBenchFiles(): Promise<void> {
  await stageBrowserBundle(
    new URL('./documents.bench-entry.ts', import.meta.url),
    'bench-documents.js',
    'plannerDocumentsBenchBundle',
  );
  const fonts = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  mkdirSync(join(RENDERER_OUT, 'bench-fonts'), { recursive: true });
  copyFileSync(join(fonts, '400Regular/NotoSansSC_400Regular.ttf'), join(RENDERER_OUT, 'bench-fonts/regular.ttf'));
  copyFileSync(join(fonts, '700Bold/NotoSansSC_700Bold.ttf'), join(RENDERER_OUT, 'bench-fonts/bold.ttf'));
  const fallback = dirname(require.resolve('@expo-google-fonts/noto-sans-tc/package.json'));
  copyFileSync(join(fallback, '400Regular/NotoSansTC_400Regular.ttf'), join(RENDERER_OUT, 'bench-fonts/fallback.ttf'));
}

async function benchPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}bench-blank.html`);
  await page.addScriptTag({ url: `${url}bench-documents.js` });
  return page;
}

export async function documentFigures({ browser, url, print, wanted }: DocumentsBench): Promise<void> {
  if (!wanted('font-load', 'manifest-1000', 'manifest-10000', 'pdf-helvetica')) return;
  writeFileSync(
    join(RENDERER_OUT, 'bench-blank.html'),
    '<!doctype html><html><body><p id="ready">ready</p></body></html>',
  );
  await stageBenchFiles();
  const context = makePrintContext();
  const one = trainPapers(1);
  const fontSamples: number[] = [];
  // Each sample in a fresh page: the first document after start.
  for (let run = 0; run < 3; run += 1) {
    const page = await benchPage(browser, url);
    fontSamples.push(
      await page.evaluate(
        `plannerDocumentsBench.fontLoad('bench-fonts/regular.ttf', 'bench-fonts/bold.ttf', 'bench-fonts/fallback.ttf', ${JSON.stringify(one)}, ${JSON.stringify(context)})`,
      ),
    );
    await page.context().close();
  }
  print({ name: 'font-load', unit: 'ms', samples: fontSamples });

  const page = await benchPage(browser, url);
  await page.evaluate(
    `plannerDocumentsBench.fontLoad('bench-fonts/regular.ttf', 'bench-fonts/bold.ttf', 'bench-fonts/fallback.ttf', ${JSON.stringify(one)}, ${JSON.stringify(context)})`,
  );
  for (const [size, runs] of [
    [1_000, RUNS],
    [10_000, LARGE_RUNS],
  ] as const) {
    const papers = JSON.stringify(trainPapers(size));
    await page.evaluate(`globalThis.benchPapers = ${papers}`);
    const baseline: Figure = { name: `pdf-helvetica-${String(size)}`, unit: 'ms', samples: [] };
    for (let run = 0; run < runs; run += 1) {
      baseline.samples.push(await page.evaluate<number>('plannerDocumentsBench.helvetica(globalThis.benchPapers)'));
    }
    const times: number[] = [];
    const sizes: number[] = [];
    const heaps: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { result, peakMb } = await withHeapPeak(page, () =>
        page.evaluate<{ ms: number; bytes: number }>(
          `plannerDocumentsBench.manifest(globalThis.benchPapers, ${JSON.stringify(context)})`,
        ),
      );
      times.push(result.ms);
      sizes.push(result.bytes / 1e6);
      heaps.push(peakMb);
    }
    print(baseline);
    print({ name: `manifest-${String(size)}`, unit: 'ms', samples: times, baseline });
    print({ name: `manifest-${String(size)}-size`, unit: 'MB', samples: sizes });
    if (size === 10_000) print({ name: 'manifest-10000-heap', unit: 'MB', samples: heaps });
  }
  await page.context().close();
}
