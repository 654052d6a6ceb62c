/**
 * Figures of the health-check station (issue 5, "Performance"), measured in the built app in
 * Chromium on a batch of 1,200 passengers inside a database of 100,000 workers:
 * - `health-lookup-1200-of-100k`: from Enter on a whole resident ID in the search field (typed as
 *   an ID-card reader types it) until that passenger's check form is on the page;
 * - `health-save-1200`: from Enter in the form with the temperature typed until the progress
 *   figure "checked" shows the new count (the check stored, audited, read back and counted).
 * Each is printed with the baseline `health-idb-get-100k`, measured in the same page in the same
 * run: a bare IndexedDB get of one worker by primary key, the smallest read the app could make.
 *
 * The database is seeded with raw IndexedDB puts (importing 100,000 workers through the import page
 * would take minutes and measure the import): the demo's 100,000 workers, and a route, a batch of
 * 27 second-class carriages and 1,200 assignments with their seats, built here.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import {
  DEFAULT_SETTINGS,
  type Assignment,
  type Batch,
  type Route,
  type Settings,
  type Worker,
} from '@shared/domain/records';
import { allocateSeats } from '@shared/seating/allocate';
import { makeTrain } from '../fixtures/vehicles';
import type { Figure } from './measure';

const IN_PAGE_SCRIPT = fileURLToPath(new URL('./health.browser.js', import.meta.url));
const PASSENGERS = 1_200;
const CARRIAGES = 27;
const WARM_UP_RUNS = 3;
const RUNS = 30;
const SEEDED_AT = '2026-02-10T00:00:00.000Z';

interface HealthBench {
  browser: Browser;
  /** The built renderer's address (from startWebServer). */
  url: string;
  /** The 100,000 demo workers of the run. */
  workers: Worker[];
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

/** A route of one train leg leaving at 08:00, a batch on it the day after tomorrow, 1,200 seated passengers. */
function stationRecords(workers: readonly Worker[]) {
  const passengers = workers.slice(0, PASSENGERS);
  if (passengers.length < PASSENGERS) throw new Error(`only ${passengers.length} workers`);
  const legId = 'bench-leg-train';
  const route: Route = {
    id: 'bench-route',
    name: '测速线路',
    legs: [
      {
        id: legId,
        mode: 'train',
        from: '百色站',
        to: '广州南站',
        departureMinutes: 8 * 60,
        durationMinutes: 330,
        distanceKm: 700,
        stops: [],
      },
    ],
    pickupPoints: [],
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
  const vehicles = makeTrain(CARRIAGES, { kind: 'train-second-class', seatCount: 90 });
  const batch: Batch = {
    id: 'bench-batch',
    name: '测速批次',
    routeId: route.id,
    // A check taken now is inside the 72-hour window of this departure.
    date: addCalendarDays(todayCalendarDate(), 2),
    legs: [{ legId, vehicles }],
    organizer: '测速',
    escorts: [],
    medics: [],
    status: 'planned',
    overrides: [],
    notes: '',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
  const { seats } = allocateSeats({
    vehicles,
    loadFactor: DEFAULT_SETTINGS.loadFactor,
    passengers: passengers.map((worker) => ({
      workerId: worker.id,
      household: worker.household,
      villageKey: `${worker.countyCode}/${worker.township}/${worker.village}`,
      enterpriseId: worker.enterpriseId,
    })),
  });
  const seatOf = new Map(seats.map((seat) => [seat.workerId, seat]));
  const assignments: Assignment[] = passengers.map((worker) => {
    const seat = seatOf.get(worker.id);
    return {
      id: `bench-assignment-${worker.id}`,
      batchId: batch.id,
      workerId: worker.id,
      seats: seat ? [{ legId, vehicleId: seat.vehicleId, seat: seat.seat }] : [],
      boarding: 'pending',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    };
  });
  const settings: Settings = { ...DEFAULT_SETTINGS, operatorName: '测速员', updatedAt: SEEDED_AT };
  return { passengers, stores: { workers, routes: [route], batches: [batch], assignments, settings: [settings] } };
}

async function openStation(page: Page, url: string, batchId: string, total: number): Promise<void> {
  await page.goto(`${url}#/batches/${batchId}/health`);
  // A reload, so that every read starts from what the raw puts stored.
  await page.reload();
  await page.getByTestId('health-station').waitFor({ timeout: 120_000 });
  await page.locator(`[data-testid="progress-notChecked"][data-count="${total}"]`).waitFor({ timeout: 120_000 });
  await page.addScriptTag({ path: IN_PAGE_SCRIPT });
}

export async function healthFigures(bench: HealthBench): Promise<void> {
  if (!bench.wanted('health-lookup-1200-of-100k', 'health-save-1200', 'health-idb-get-100k')) return;
  // The app's CSP (rightly) refuses the bench's in-page helper script; the app itself runs as shipped.
  const context = await bench.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(bench.url);
    await page.locator('[data-ready="true"]').waitFor();
    const { passengers, stores } = stationRecords(bench.workers);
    await page.addScriptTag({ path: IN_PAGE_SCRIPT });
    await page.evaluate((records) => {
      (globalThis as unknown as { benchHealthStores: unknown }).benchHealthStores = records;
    }, stores);
    await page.evaluate<number>('benchHealthSeed(benchHealthStores)');
    await page.evaluate(() => {
      (globalThis as unknown as { benchHealthStores: unknown }).benchHealthStores = null;
    });
    await openStation(page, bench.url, 'bench-batch', PASSENGERS);

    const baseline: Figure = { name: 'health-idb-get-100k', unit: 'ms', samples: [] };
    const lookup: Figure = { name: 'health-lookup-1200-of-100k', unit: 'ms', samples: [], baseline };
    const save: Figure = { name: 'health-save-1200', unit: 'ms', samples: [], baseline };
    // Passengers spread over the batch, none checked twice.
    const step = Math.floor(PASSENGERS / (WARM_UP_RUNS + RUNS));
    for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
      const passenger = passengers[run * step];
      if (!passenger) throw new Error(`no passenger ${run * step}`);
      const get = await page.evaluate<number>(`benchHealthIdbGet(${JSON.stringify(passenger.id)})`);
      const found = await page.evaluate<number>(
        `benchHealthLookup(${JSON.stringify(passenger.residentId)}, ${JSON.stringify(passenger.id)})`,
      );
      const saved = await page.evaluate<number>(`benchHealthSave('36.5', ${run + 1})`);
      if (run < WARM_UP_RUNS) continue;
      baseline.samples.push(get);
      lookup.samples.push(found);
      save.samples.push(saved);
    }
    bench.print(baseline);
    if (bench.wanted('health-lookup-1200-of-100k')) bench.print(lookup);
    if (bench.wanted('health-save-1200')) bench.print(save);
  } finally {
    await context.close();
  }
}
