/**
 * Figures of backups and restore (issue 7, "Performance"), measured in Chromium with the app's own
 * database class and backup repository (bundled from `backup.bench-entry.web.ts`), on the demo's
 * 100,000 workers with its enterprises, openings, route, batches and assignments, a passing health
 * check per assignment, and the settings record, written into the app's database first:
 * - `backup-100k`: one "Back up now" (read every table in one transaction, JSON, gzip, SHA-256),
 *   from the call to the file's bytes in memory; the issue asks for under 20 s;
 * - `backup-100k-size`: that file's size, in MB (10^6 bytes);
 * - `restore-100k`: restoring that file into the emptied database (the state of the round
 *   trip: back up, clear, restore), the whole call: checksum, gunzip, parse and check every record,
 *   the (empty) backup of the current data, then clear and write every table in one transaction with
 *   its audit row;
 * - `restore-100k-write`: the writing phase of the same runs alone (clear, add, audit row, commit);
 * - `restore-100k-replace`: one restore into the database still holding the 100,000 (what an office
 *   does), which first backs up those 100,000 (the `before-restore` backup) and then replaces them.
 *
 * Baseline of the restore figures: `idb-raw-100k` (raw IndexedDB puts of the 100,000 workers in one
 * transaction, measured by bench.ts in the same run) scaled to the records restored: each sample
 * times (records restored / 100,000). The records other than workers are about 1% of the total,
 * and smaller than a worker, so scaling by count slightly favours the baseline.
 */
import type { Browser, Page } from 'playwright-core';
import type { DemoData } from '@shared/demo';
import { DEFAULT_SETTINGS, type HealthCheck } from '@shared/domain/records';
import { stageBrowserBundle } from './browser-bundle';
import type { Figure } from './measure';

const RUNS = 3;
const SEEDED_AT = '2026-02-10T00:00:00.000Z';
const RAW_RECORDS = 100_000;

interface BackupBench {
  browser: Browser;
  url: string;
  /** The demo data set of the run, with its 100,000 workers. */
  demo: DemoData;
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
  /** The raw IndexedDB figure of this run. */
  idbRaw: Figure | undefined;
}

/** Every table's records: the demo, a passing check per assignment, the settings. */
function benchStores(demo: DemoData): Record<string, unknown[]> {
  const healthChecks: HealthCheck[] = demo.assignments.map((assignment, index) => ({
    id: `bench-check-${String(index)}`,
    batchId: assignment.batchId,
    workerId: assignment.workerId,
    checkedAt: SEEDED_AT,
    examiner: '测速医生',
    temperatureC: 36.5,
    symptoms: [],
    healthCode: 'green',
    contactWithConfirmedCase: false,
    result: 'pass',
    note: '',
    readings: [{ temperatureC: 36.5, at: SEEDED_AT }],
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
  return {
    workers: demo.workers,
    enterprises: demo.enterprises,
    openings: demo.openings,
    routes: demo.routes,
    batches: demo.batches,
    assignments: demo.assignments,
    healthChecks,
    settings: [{ ...DEFAULT_SETTINGS, operatorName: '测速员', updatedAt: SEEDED_AT }],
  };
}

function scaled(baseline: Figure | undefined, records: number): Figure | undefined {
  if (!baseline) return undefined;
  return { ...baseline, samples: baseline.samples.map((ms) => (ms * records) / RAW_RECORDS) };
}

export async function backupFigures(bench: BackupBench): Promise<void> {
  // The three figures share their work (a restore needs a backup): any one of them runs them all.
  if (!bench.wanted('backup-100k', 'backup-100k-size', 'restore-100k')) return;
  await stageBrowserBundle(
    new URL('./backup.bench-entry.web.ts', import.meta.url),
    'bench-backup.js',
    'plannerBackupBenchBundle',
  );
  const context = await bench.browser.newContext();
  try {
    const page: Page = await context.newPage();
    // The blank page of the app's origin: the app's own database, without the app's screens reading it.
    await page.goto(`${bench.url}bench-blank.html`);
    await page.addScriptTag({ url: `${bench.url}bench-backup.js` });
    const stores = benchStores(bench.demo);
    await page.evaluate((records) => {
      (globalThis as unknown as { benchBackupStores: unknown }).benchBackupStores = records;
    }, stores);
    await page.evaluate<number>('plannerBackupBench.seed(globalThis.benchBackupStores)');
    await page.evaluate('globalThis.benchBackupStores = null');

    const backup: Figure = { name: 'backup-100k', unit: 'ms', samples: [] };
    const size: Figure = { name: 'backup-100k-size', unit: 'MB', samples: [] };
    for (let run = 0; run < RUNS; run++) {
      const result = await page.evaluate<{ ms: number; bytes: number }>('plannerBackupBench.backup()');
      backup.samples.push(result.ms);
      size.samples.push(result.bytes / 1e6);
    }
    bench.print(backup);
    bench.print(size);

    // Into the database still holding the 100,000: the before-restore backup and the replacement.
    const replace = await page.evaluate<{ ms: number; records: number }>('plannerBackupBench.restore()');

    const restore: Figure = { name: 'restore-100k', unit: 'ms', samples: [] };
    const write: Figure = { name: 'restore-100k-write', unit: 'ms', samples: [] };
    let records = 0;
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate('plannerBackupBench.clear()');
      const result = await page.evaluate<{ ms: number; writingMs: number; records: number }>(
        'plannerBackupBench.restore()',
      );
      restore.samples.push(result.ms);
      write.samples.push(result.writingMs);
      records = result.records;
    }
    const baseline = scaled(bench.idbRaw, records);
    bench.print({ ...restore, baseline });
    bench.print({ ...write, baseline });
    bench.print({ name: 'restore-100k-replace', unit: 'ms', samples: [replace.ms], baseline });
  } finally {
    await context.close();
  }
}
