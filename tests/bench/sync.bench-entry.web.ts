/**
 * What the replication benchmark (sync.ts, issue 20) runs inside Chromium, bundled into one script
 * for a blank page of the app's origin. Two ways to hold a county's records in step with a CouchDB
 * server, measured side by side on the same 100,000 workers:
 * - a thin client of CouchDB's documented HTTP API writing into Dexie (`thinPull`, `thinPush`):
 *   `_changes` in batches with the documents, written with their revisions and the checkpoint in one
 *   Dexie transaction; `_revs_diff` and `_bulk_docs` with `new_edits: false` to send;
 * - PouchDB (pouchdb-browser, its IndexedDB adapters and its replicator) pulling into a database of
 *   its own (`pouchPull`), which the app would have to keep beside its Dexie tables as a mirror.
 * The Dexie database here has the app's workers store (its latest indexes) and the two tables a
 * thin client needs: the revisions of each record and the checkpoints.
 */
import { Dexie, type Table } from 'dexie';
import PouchDB from 'pouchdb-browser';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import type { Worker } from '@shared/domain/records';
import { recordToDocument } from '@shared/sync/documents';
import { nextRevision, toRevisionsField } from '@shared/sync/revisions';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';

PouchDB.plugin(IndexedDbAdapter);

/** Documents a `_changes` request asks for at once, and a push sends at once. */
const BATCH = 2_000;
const TABLE = 'workers';

interface Server {
  url: string;
  database: string;
  user: string;
  password: string;
}

interface RevisionRow {
  /** `<table>:<id>`, the CouchDB `_id`. */
  key: string;
  rev: string;
  deleted: boolean;
  /**
   * The record's own `revision` counter when it was at `rev`: a record whose counter moved on since
   * was written here and is sent. The counter is this PC's (never reset); `rev`'s generation is the
   * replicas' common count.
   */
  counter: number;
}

interface Checkpoint {
  id: string;
  since: string | number;
}

type StoredWorker = Worker & { revision?: number };

class SyncBenchDatabase extends Dexie {
  workers!: Table<StoredWorker, string>;
  syncRevisions!: Table<RevisionRow, string>;
  syncCheckpoints!: Table<Checkpoint, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      workers: SCHEMA_V2.workers,
      syncRevisions: 'key',
      syncCheckpoints: 'id',
    });
  }
}

let db: SyncBenchDatabase | null = null;
const open = (): SyncBenchDatabase => (db ??= new SyncBenchDatabase('bench-sync'));

let handed: Worker[] = [];
/** Node hands the workers over in slices: one argument of 100,000 would be one very large message. */
function receive(slice: Worker[]): number {
  handed = handed.concat(slice);
  return handed.length;
}

function authHeader(server: Server): string {
  return `Basic ${btoa(`${server.user}:${server.password}`)}`;
}

async function couch<T>(server: Server, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${server.database}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: authHeader(server), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Lets the handed workers go, so that the heap measured next is the sync's own. */
function release(): void {
  handed = [];
}

/** The baseline: the handed workers written into the workers table, a transaction per batch. */
async function dexieWrite(): Promise<number> {
  const database = open();
  await database.workers.clear();
  const start = performance.now();
  for (let from = 0; from < handed.length; from += BATCH) {
    await database.workers.bulkPut(handed.slice(from, from + BATCH));
  }
  return performance.now() - start;
}

/** A record as a CouchDB document's content (shared/sync/documents.ts); CouchDB's fields are the caller's. */
function documentOf(record: StoredWorker): Record<string, unknown> {
  const { _id, ...content } = recordToDocument(TABLE, record);
  return content;
}

interface PushResult {
  ms: number;
  sent: number;
}

/**
 * Sends every worker whose revision counter is ahead of the revision last sent or received
 * (all of them on the first push): a revision computed from the content and the parent, `_revs_diff`
 * to learn what the server lacks, `_bulk_docs` with `new_edits: false` and the branch, and the sent
 * revisions stored. Records are read in key order, a batch at a time.
 */
async function thinPush(server: Server, changedSince: string | null): Promise<PushResult> {
  const database = open();
  const start = performance.now();
  let sent = 0;
  let read = 0;
  let after: string | null = null;
  for (;;) {
    const records: StoredWorker[] = changedSince
      ? await database.workers.where('updatedAt').aboveOrEqual(changedSince).offset(read).limit(BATCH).toArray()
      : after === null
        ? await database.workers.orderBy(':id').limit(BATCH).toArray()
        : await database.workers.where(':id').above(after).limit(BATCH).toArray();
    if (records.length === 0) break;
    after = records[records.length - 1]?.id ?? null;
    const keys = records.map((record) => `${TABLE}:${record.id}`);
    const known = await database.syncRevisions.bulkGet(keys);
    const outgoing: { doc: Record<string, unknown>; row: RevisionRow }[] = [];
    records.forEach((record, index) => {
      const parent = known[index]?.rev ?? null;
      const counter = record.revision ?? 0;
      if (parent && known[index]?.counter === counter) return;
      const content = documentOf(record);
      const rev = nextRevision(content, parent);
      const path = parent ? [rev, parent] : [rev];
      const key = keys[index] ?? '';
      outgoing.push({
        doc: { ...content, _id: key, _rev: rev, _revisions: toRevisionsField(path) },
        row: { key, rev, deleted: false, counter },
      });
    });
    if (outgoing.length > 0) {
      const diff = await couch<Record<string, { missing: string[] }>>(
        server,
        '_revs_diff',
        Object.fromEntries(outgoing.map(({ row }) => [row.key, [row.rev]])),
      );
      const missing = outgoing.filter(({ row }) => diff[row.key]?.missing.includes(row.rev));
      if (missing.length > 0) {
        await couch(server, '_bulk_docs', { docs: missing.map(({ doc }) => doc), new_edits: false });
      }
      sent += missing.length;
      await database.syncRevisions.bulkPut(outgoing.map(({ row }) => row));
    }
    read += records.length;
    if (records.length < BATCH) break;
  }
  return { ms: performance.now() - start, sent };
}

interface ChangesBatch {
  results: { id: string; deleted?: boolean; doc?: Record<string, unknown> & { _rev: string } }[];
  last_seq: string | number;
}

interface PullResult {
  ms: number;
  received: number;
  /** How many batches were written, each with its checkpoint: the progress a screen would show. */
  batches: number;
}

/**
 * Pulls every change since the stored checkpoint: `_changes` with the documents, a batch at a time,
 * the next batch asked for while this one is written; each batch's records, their revisions and the
 * checkpoint in one transaction, so an interrupted pull resumes exactly where its last batch ended.
 */
async function thinPull(server: Server, peer: string): Promise<PullResult> {
  const database = open();
  const start = performance.now();
  const checkpointId = `pull:${peer}`;
  let since = (await database.syncCheckpoints.get(checkpointId))?.since ?? 0;
  const ask = (from: string | number) =>
    couch<ChangesBatch>(
      server,
      `_changes?style=all_docs&include_docs=true&conflicts=true&limit=${BATCH}&since=${encodeURIComponent(String(from))}`,
    );
  let pending = ask(since);
  let received = 0;
  let batches = 0;
  for (;;) {
    const batch = await pending;
    if (batch.results.length === 0) break;
    since = batch.last_seq;
    pending = ask(since);
    const incoming = batch.results.filter((change) => change.doc && change.id.startsWith(`${TABLE}:`));
    await database.transaction('rw', [database.workers, database.syncRevisions, database.syncCheckpoints], async () => {
      // A pulled change is a write like any other: the record's counter moves on from what is stored.
      const stored = await database.workers.bulkGet(incoming.map((change) => change.id.slice(TABLE.length + 1)));
      const records: StoredWorker[] = [];
      const rows: RevisionRow[] = [];
      incoming.forEach((change, index) => {
        const { _id, _rev, _conflicts: _c, ...content } = change.doc ?? { _rev: '' };
        const counter = (stored[index]?.revision ?? 0) + 1;
        records.push({ ...(content as unknown as Worker), revision: counter });
        rows.push({ key: change.id, rev: _rev, deleted: change.deleted === true, counter });
      });
      await database.workers.bulkPut(records);
      await database.syncRevisions.bulkPut(rows);
      await database.syncCheckpoints.put({ id: checkpointId, since });
    });
    received += incoming.length;
    batches += 1;
  }
  return { ms: performance.now() - start, received, batches };
}

/** Marks `count` workers as edited here (their revision counter one ahead, a new `updatedAt`). */
async function editLocally(count: number, at: string): Promise<number> {
  const database = open();
  const some = await database.workers.limit(count).toArray();
  await database.workers.bulkPut(
    some.map((worker) => ({
      ...worker,
      notes: `${worker.notes}✓`,
      updatedAt: at,
      revision: (worker.revision ?? 0) + 1,
    })),
  );
  return some.length;
}

async function count(): Promise<number> {
  return open().workers.count();
}

/** Bytes this origin stores, as the browser estimates them. */
async function storageUsed(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** PouchDB's replicator pulling the server's database into a PouchDB database in IndexedDB. */
async function pouchPull(
  server: Server,
  adapter: 'idb' | 'indexeddb',
  batchSize: number,
  name = `bench-pouch-${adapter}`,
): Promise<PullResult> {
  const local = new PouchDB(name, { adapter });
  const remote = new PouchDB(`${server.url}${server.database}`, {
    auth: { username: server.user, password: server.password },
  });
  const start = performance.now();
  let batches = 0;
  const result = await PouchDB.replicate(remote, local, { batch_size: batchSize, batches_limit: 5 }).on(
    'change',
    () => {
      batches += 1;
    },
  );
  const ms = performance.now() - start;
  await local.close();
  await remote.close();
  return { ms, received: result.docs_written, batches };
}

interface PouchChanges {
  results: { id: string; doc?: Record<string, unknown> & { _rev: string } }[];
  last_seq: string | number;
}

/**
 * PouchDB as the replicating mirror of the Dexie tables: its replicator fills its own database,
 * then its changes feed is copied into the workers table, a batch per transaction, as a mirror that
 * keeps both stores in step would. Answers the whole time and how many workers reached Dexie.
 */
async function pouchMirror(server: Server): Promise<PullResult> {
  const start = performance.now();
  const pulled = await pouchPull(server, 'indexeddb', BATCH, 'bench-pouch-mirror');
  const local = new PouchDB('bench-pouch-mirror', { adapter: 'indexeddb' });
  const database = open();
  let since: string | number = 0;
  let received = 0;
  for (;;) {
    const batch = (await local.changes({ since, limit: BATCH, include_docs: true })) as PouchChanges;
    if (batch.results.length === 0) break;
    since = batch.last_seq;
    const records = batch.results.flatMap(({ doc }) => {
      if (!doc) return [];
      const { _id, _rev, ...content } = doc;
      return [{ ...(content as unknown as Worker), revision: 1 }];
    });
    await database.workers.bulkPut(records);
    received += records.length;
  }
  await local.close();
  return { ms: performance.now() - start, received, batches: pulled.batches };
}

Object.assign(globalThis, {
  plannerSyncBench: {
    receive,
    release,
    dexieWrite,
    thinPush,
    thinPull,
    editLocally,
    count,
    storageUsed,
    pouchPull,
    pouchMirror,
  },
});
