/**
 * Replication with a CouchDB server (issue 20, "speed"), measured before choosing how to build it,
 * against `pouchdb-server` on 127.0.0.1 (tests/sync/test-server.ts, its databases on disk), on the
 * demo's 100,000 workers. Each Chromium context is one PC, with its own IndexedDB.
 * - `sync-dexie-write-100k` (baseline): the workers written into Dexie, 2,000 per transaction, as a
 *   pull writes them, with no network: the floor of any pull into the app's tables.
 * - `sync-push-100k`: the office PC sends every worker (the thin client: revisions computed, then
 *   `_revs_diff` and `_bulk_docs` with `new_edits: false`); `-heap` its most JavaScript heap.
 * - `sync-server-changes-100k`: Node reads the server's `_changes` with every document, 2,000 at a
 *   time, storing nothing: what the server itself costs a pull.
 * - `sync-server-bulk-100k`: Node sends the same workers into an empty database of the server with
 *   `_bulk_docs` (`new_edits: false`), 2,000 at a time: what the server itself costs a push.
 * - `sync-pull-100k` (target: `sync-first-100k` under 60 s): a new PC pulls every worker with the
 *   thin client into Dexie, records, revisions and checkpoint per batch; `-heap`, and `-storage` (MB
 *   the origin stores).
 * - `sync-incremental-100` (target under 3 s): 100 workers edited on the office PC appear on the
 *   other: the office's push of what changed, then the other's pull; `-push` and `-pull` apart.
 * - `sync-pull-100k-pouchdb-idb` and `-indexeddb`: PouchDB's replicator pulling the same database into
 *   a PouchDB database on a new PC, with its two IndexedDB adapters (`idb`, the default of
 *   pouchdb-browser, and the newer `indexeddb`), batches of 2,000 as the thin client; `-heap`,
 *   `-storage` (the cost of a mirror beside the app's tables), and `-incremental-100` (100 workers
 *   edited on the server, pulled again).
 * - `sync-pull-100k-pouchdb-mirror`: PouchDB as the mirror of the app's tables on a new PC: its
 *   replicator (`indexeddb` adapter) fills its database, then its changes are copied into Dexie;
 *   `-storage` is both copies.
 * The run fails when a pull does not bring every worker, so the workload stays one.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { Worker } from '@shared/domain/records';
import { recordToDocument } from '@shared/sync/documents';
import { nextRevision, toRevisionsField } from '@shared/sync/revisions';
import { couchFetch, startTestServer, type TestServer } from '../sync/test-server';
import { stageBrowserBundle } from './browser-bundle';
import { collectGarbage, withHeapPeak, type Figure } from './measure';

const DATABASE = 'county-bench';
const BATCH = 2_000;
const HANDOVER_SLICE = 10_000;
const INCREMENTAL_RUNS = 3;

export const SYNC_FIGURES = [
  'sync-dexie-write-100k',
  'sync-push-100k',
  'sync-server-changes-100k',
  'sync-server-bulk-100k',
  'sync-pull-100k',
  'sync-incremental-100',
  'sync-pull-100k-pouchdb-idb',
  'sync-pull-100k-pouchdb-indexeddb',
  'sync-pull-100k-pouchdb-mirror',
];

interface SyncBench {
  browser: Browser;
  url: string;
  workers: Worker[];
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

interface PullResult {
  ms: number;
  received: number;
  batches: number;
}

/** The machine's load average (1, 5, 15 minutes), printed beside the figures: they vary with it. */
const loadAverage = async (): Promise<string> =>
  (await readFile('/proc/loadavg', 'utf8').catch(() => 'unknown')).split(' ').slice(0, 3).join(' ');

async function newPc(bench: SyncBench): Promise<Page> {
  const context = await bench.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${bench.url}bench-blank.html`);
  await page.addScriptTag({ url: `${bench.url}bench-sync.js` });
  return page;
}

function serverArgument(server: TestServer): string {
  return JSON.stringify({
    url: server.url,
    database: DATABASE,
    user: server.admin.user,
    password: server.admin.password,
  });
}

/** Node reading every change with its document, storing nothing; answers ms and documents read. */
async function readChanges(server: TestServer): Promise<{ ms: number; read: number }> {
  const start = performance.now();
  let since: string | number = 0;
  let read = 0;
  for (;;) {
    const response = await couchFetch(
      server,
      `${DATABASE}/_changes?style=all_docs&include_docs=true&limit=${BATCH}&since=${encodeURIComponent(String(since))}`,
    );
    const batch = (await response.json()) as { results: unknown[]; last_seq: string | number };
    if (batch.results.length === 0) break;
    read += batch.results.length;
    since = batch.last_seq;
  }
  return { ms: performance.now() - start, read };
}

/** Node sending every worker into a new database of the server, as a push does; answers ms. */
async function writeOnServer(server: TestServer, workers: Worker[]): Promise<number> {
  const target = `${DATABASE}-node`;
  const created = await couchFetch(server, target, { method: 'PUT' });
  if (!created.ok) throw new Error(`could not create ${target}: ${created.status}`);
  const start = performance.now();
  for (let from = 0; from < workers.length; from += BATCH) {
    const docs = workers.slice(from, from + BATCH).map((worker) => {
      const { _id, ...content } = recordToDocument('workers', worker);
      const rev = nextRevision(content, null);
      return { ...content, _id, _rev: rev, _revisions: toRevisionsField([rev]) };
    });
    const saved = await couchFetch(server, `${target}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ docs, new_edits: false }),
    });
    if (!saved.ok) throw new Error(`the server refused a batch: ${saved.status}`);
  }
  return performance.now() - start;
}

/** Edits `count` workers on the server itself, as another PC's push would. */
async function editOnServer(server: TestServer, count: number, mark: string): Promise<void> {
  const listed = await couchFetch(server, `${DATABASE}/_all_docs?include_docs=true&limit=${count}`);
  const { rows } = (await listed.json()) as { rows: { doc: Record<string, unknown> & { notes: string } }[] };
  const docs = rows.map(({ doc }) => ({ ...doc, notes: `${doc.notes}${mark}` }));
  const saved = await couchFetch(server, `${DATABASE}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs }) });
  if (!saved.ok) throw new Error(`could not edit on the server: ${saved.status}`);
}

function expectAll(result: PullResult, what: string, expected: number): PullResult {
  if (result.received !== expected) throw new Error(`${what} brought ${result.received} workers, not ${expected}`);
  return result;
}

export async function syncFigures(bench: SyncBench): Promise<void> {
  if (!bench.wanted(...SYNC_FIGURES)) return;
  await stageBrowserBundle(new URL('./sync.bench-entry.web.ts', import.meta.url), 'bench-sync.js', 'plannerSyncBundle');
  const server = await startTestServer();
  const total = bench.workers.length;
  const note = async (what: string) => process.stdout.write(`# ${what} at load average ${await loadAverage()}\n`);
  try {
    const created = await couchFetch(server, DATABASE, { method: 'PUT' });
    if (!created.ok) throw new Error(`could not create the database: ${created.status}`);

    // The office PC: the workers in its tables, then its first push.
    const office = await newPc(bench);
    for (let from = 0; from < total; from += HANDOVER_SLICE) {
      await office.evaluate(
        (slice) =>
          (
            globalThis as unknown as { plannerSyncBench: { receive: (s: unknown[]) => number } }
          ).plannerSyncBench.receive(slice),
        bench.workers.slice(from, from + HANDOVER_SLICE),
      );
    }
    const baseline: Figure = { name: 'sync-dexie-write-100k', unit: 'ms', samples: [] };
    for (let run = 0; run < 2; run++) {
      await collectGarbage(office);
      baseline.samples.push(await office.evaluate<number>('plannerSyncBench.dexieWrite()'));
    }
    bench.print(baseline);
    await note('baseline');
    await office.evaluate('plannerSyncBench.release()');

    await collectGarbage(office);
    const push = await withHeapPeak(office, () =>
      office.evaluate<{ ms: number; sent: number }>(`plannerSyncBench.thinPush(${serverArgument(server)}, null)`),
    );
    if (push.result.sent !== total) throw new Error(`the push sent ${push.result.sent} workers, not ${total}`);
    bench.print({ name: 'sync-push-100k', unit: 'ms', samples: [push.result.ms], baseline });
    bench.print({ name: 'sync-push-100k-heap', unit: 'MB', samples: [push.peakMb] });
    await note('push');

    const server100k = await readChanges(server);
    if (server100k.read !== total) throw new Error(`the server's changes held ${server100k.read} workers`);
    const serverFigure: Figure = { name: 'sync-server-changes-100k', unit: 'ms', samples: [server100k.ms] };
    bench.print(serverFigure);
    bench.print({ name: 'sync-server-bulk-100k', unit: 'ms', samples: [await writeOnServer(server, bench.workers)] });

    // A new PC: its first pull, with the thin client.
    const other = await newPc(bench);
    await collectGarbage(other);
    const pull = await withHeapPeak(other, () =>
      other.evaluate<PullResult>(`plannerSyncBench.thinPull(${serverArgument(server)}, 'office')`),
    );
    expectAll(pull.result, 'the thin pull', total);
    bench.print({ name: 'sync-pull-100k', unit: 'ms', samples: [pull.result.ms], baseline });
    bench.print({ name: 'sync-pull-100k-heap', unit: 'MB', samples: [pull.peakMb] });
    bench.print({
      name: 'sync-pull-100k-storage',
      unit: 'MB',
      samples: [(await other.evaluate<number>('plannerSyncBench.storageUsed()')) / 1e6],
    });
    await note('thin pull');

    // 100 workers edited on the office PC, sent, and pulled by the other.
    const incremental: Figure = { name: 'sync-incremental-100', unit: 'ms', samples: [] };
    const pushed: Figure = { name: 'sync-incremental-100-push', unit: 'ms', samples: [] };
    const pulled: Figure = { name: 'sync-incremental-100-pull', unit: 'ms', samples: [] };
    for (let run = 0; run < INCREMENTAL_RUNS; run++) {
      const at = new Date(Date.UTC(2027, 0, 1, run)).toISOString();
      await office.evaluate(`plannerSyncBench.editLocally(100, ${JSON.stringify(at)})`);
      const sent = await office.evaluate<{ ms: number; sent: number }>(
        `plannerSyncBench.thinPush(${serverArgument(server)}, ${JSON.stringify(at)})`,
      );
      const got = await other.evaluate<PullResult>(`plannerSyncBench.thinPull(${serverArgument(server)}, 'office')`);
      if (sent.sent !== 100 || got.received !== 100) {
        throw new Error(`100 edits: ${sent.sent} sent, ${got.received} received`);
      }
      pushed.samples.push(sent.ms);
      pulled.samples.push(got.ms);
      incremental.samples.push(sent.ms + got.ms);
    }
    for (const figure of [incremental, pushed, pulled]) bench.print(figure);
    await office.context().close();
    await other.context().close();

    for (const adapter of ['idb', 'indexeddb'] as const) {
      const name = `sync-pull-100k-pouchdb-${adapter}`;
      if (!bench.wanted(name)) continue;
      const pc = await newPc(bench);
      await collectGarbage(pc);
      const call = `plannerSyncBench.pouchPull(${serverArgument(server)}, '${adapter}', ${BATCH})`;
      const first = await withHeapPeak(pc, () => pc.evaluate<PullResult>(call));
      expectAll(first.result, name, total);
      bench.print({ name, unit: 'ms', samples: [first.result.ms], baseline });
      bench.print({ name: `${name}-heap`, unit: 'MB', samples: [first.peakMb] });
      bench.print({
        name: `${name}-storage`,
        unit: 'MB',
        samples: [(await pc.evaluate<number>('plannerSyncBench.storageUsed()')) / 1e6],
      });
      await note(name);
      const again: Figure = { name: `${name}-incremental-100`, unit: 'ms', samples: [] };
      for (let run = 0; run < INCREMENTAL_RUNS; run++) {
        await editOnServer(server, 100, `${adapter}${run}`);
        const result = await pc.evaluate<PullResult>(call);
        if (result.received !== 100) throw new Error(`${name}: 100 edits brought ${result.received}`);
        again.samples.push(result.ms);
      }
      bench.print(again);
      await pc.context().close();
    }
    if (bench.wanted('sync-pull-100k-pouchdb-mirror')) {
      const pc = await newPc(bench);
      await collectGarbage(pc);
      const mirror = await withHeapPeak(pc, () =>
        pc.evaluate<PullResult>(`plannerSyncBench.pouchMirror(${serverArgument(server)})`),
      );
      expectAll(mirror.result, 'the mirror', total);
      bench.print({ name: 'sync-pull-100k-pouchdb-mirror', unit: 'ms', samples: [mirror.result.ms], baseline });
      bench.print({ name: 'sync-pull-100k-pouchdb-mirror-heap', unit: 'MB', samples: [mirror.peakMb] });
      const used = (await pc.evaluate<number>('plannerSyncBench.storageUsed()')) / 1e6;
      bench.print({ name: 'sync-pull-100k-pouchdb-mirror-storage', unit: 'MB', samples: [used] });
      await note('mirror');
      await pc.context().close();
    }
  } finally {
    await server.stop();
  }
}
