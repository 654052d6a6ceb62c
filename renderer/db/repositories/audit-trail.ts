/**
 * Reading the audit trail (issue 7): the page's filtered list and the check of the hash chain.
 *
 * The list never reads 100,000 rows to answer a filter: each filter asks its index for the keys
 * (`seq`) of the rows it matches (keys only, no row is read), the key lists are intersected in
 * memory, and the page then reads only the rows it shows, by key.
 */
import { Dexie } from 'dexie';
import type { AuditEntry, CalendarDate, Timestamp } from '@shared/domain/records';
import { AuditChainVerifier, type ChainProblem } from '@shared/audit/chain';
import type { AnchorFinding, AuditAnchor } from '@shared/audit/anchor';
import { addCalendarDays, beijingWallTimestamp } from '@shared/dates';
import { RECORD_TABLES, database } from '../database';
import { readAuditAnchor } from '../audit';

/** Every table an audit row may name: the record tables, settings, `*` (demo data) and `audit` (redactions). */
export const AUDITED_TABLES = [...RECORD_TABLES, 'settings', '*', 'audit'] as const;

/** What the audit page filters by; every part is optional, and the parts combine (and). */
export interface AuditFilter {
  /** One table (`workers`, `batches`...). */
  table?: string | null;
  /** One record's id: with `table`, that table's record; without, a record of that id in any table. */
  recordId?: string | null;
  /** One operator, exactly as recorded (an empty string: rows written before an operator was named). */
  operator?: string | null;
  /** First day shown, on this computer's calendar. */
  from?: CalendarDate | null;
  /** Last day shown, on this computer's calendar. */
  to?: CalendarDate | null;
}

/** The keys of the rows a filter matches, newest first. */
export async function auditTrailKeys(filter: AuditFilter = {}): Promise<number[]> {
  const db = database();
  const lists: Promise<number[]>[] = [];
  const recordId = filter.recordId?.trim() ?? '';
  if (recordId !== '') {
    const tables = filter.table ? [filter.table] : AUDITED_TABLES;
    lists.push(
      db.audit
        .where('[table+recordId]')
        .anyOf(tables.map((table) => [table, recordId]))
        .primaryKeys() as Promise<number[]>,
    );
  } else if (filter.table) {
    lists.push(
      db.audit
        .where('[table+recordId]')
        .between([filter.table, Dexie.minKey], [filter.table, Dexie.maxKey], true, true)
        .primaryKeys() as Promise<number[]>,
    );
  }
  if (filter.operator !== undefined && filter.operator !== null) {
    lists.push(db.audit.where('operator').equals(filter.operator).primaryKeys() as Promise<number[]>);
  }
  if (filter.from || filter.to) {
    // `at` is stored as an ISO instant in UTC (clock.ts), so the local days' bounds are turned into the same form.
    const lower = filter.from ? beijingWallTimestamp(filter.from, 0) : '';
    const upper = filter.to ? beijingWallTimestamp(addCalendarDays(filter.to, 1), 0) : '\uffff';
    lists.push(db.audit.where('at').between(lower, upper, true, false).primaryKeys() as Promise<number[]>);
  }
  if (lists.length === 0) return ((await db.audit.toCollection().primaryKeys()) as number[]).reverse();
  const answers = (await Promise.all(lists)).sort((a, b) => a.length - b.length);
  const [smallest = [], ...others] = answers;
  const sets = others.map((list) => new Set(list));
  return smallest.filter((seq) => sets.every((set) => set.has(seq))).sort((a, b) => b - a);
}

/** The rows with these keys, in the same order (a key whose row is gone is left out). */
export async function auditRows(keys: readonly number[]): Promise<AuditEntry[]> {
  const rows = await database().audit.bulkGet([...keys]);
  return rows.filter((row): row is AuditEntry => row !== undefined);
}

/** The tables whose records have a name to show, and the field that holds it. */
const NAMED_TABLES = {
  workers: 'name',
  enterprises: 'name',
  routes: 'name',
  batches: 'name',
  openings: 'position',
  subsidySchemes: 'name',
  agencies: 'name',
} as const;

/** Fields that hold the id of another record: the table it is in. */
export const REFERENCE_FIELDS: Readonly<Record<string, string>> = {
  enterpriseId: 'enterprises',
  openingId: 'openings',
  routeId: 'routes',
  batchId: 'batches',
  workerId: 'workers',
  movedToBatchId: 'batches',
  batchIds: 'batches',
  created: 'workers',
  schemeId: 'subsidySchemes',
  agencyId: 'agencies',
};

/** The table of a subsidy claim's payee, by its kind. */
export const PAYEE_TABLES: Readonly<Record<string, string>> = {
  enterprise: 'enterprises',
  agency: 'agencies',
  worker: 'workers',
};

/** How many items of a list the trail names; a longer list is counted. */
export const MAX_NAMED = 5;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ids of other records a row refers to, by table: the names the page looks up to show it. */
export function referencedRecords(entry: Pick<AuditEntry, 'before' | 'after'>): { table: string; id: string }[] {
  const found: { table: string; id: string }[] = [];
  for (const side of [entry.before, entry.after]) {
    if (!isPlainObject(side)) continue;
    for (const [field, table] of Object.entries(REFERENCE_FIELDS)) {
      const value = side[field];
      if (typeof value === 'string' && value !== '') found.push({ table, id: value });
      if (Array.isArray(value)) {
        for (const id of value.slice(0, MAX_NAMED)) if (typeof id === 'string') found.push({ table, id });
      }
    }
    // A subsidy claim's payee (issue 18) is an enterprise, an agency or the worker, as `payee` says.
    if (typeof side.payeeId === 'string' && typeof side.payee === 'string') {
      const table = PAYEE_TABLES[side.payee];
      if (table) found.push({ table, id: side.payeeId });
    }
    if (Array.isArray(side.updated)) {
      for (const item of side.updated.slice(0, MAX_NAMED)) {
        if (isPlainObject(item) && typeof item.id === 'string') found.push({ table: 'workers', id: item.id });
      }
    }
  }
  return found;
}

/** The key of a record in `recordNames`' answer. */
export function recordKey(table: string, recordId: string): string {
  return `${table}/${recordId}`;
}

/**
 * The names the records of these rows have now (a worker's name, a batch's...), and those of the
 * records the rows refer to (the batch of an assignment, the enterprise a worker was placed with),
 * so that the trail names records instead of showing their ids; keyed by `recordKey`.
 */
export async function recordNames(
  entries: readonly Pick<AuditEntry, 'table' | 'recordId' | 'before' | 'after'>[],
): Promise<Record<string, string>> {
  const db = database();
  const wanted = new Map<string, Set<string>>();
  const want = (table: string, id: string) => {
    if (!(table in NAMED_TABLES)) return;
    const ids = wanted.get(table) ?? new Set<string>();
    ids.add(id);
    wanted.set(table, ids);
  };
  for (const entry of entries) {
    want(entry.table, entry.recordId);
    for (const { table, id } of referencedRecords(entry)) want(table, id);
  }
  const names: Record<string, string> = {};
  await Promise.all(
    [...wanted].map(async ([table, idSet]) => {
      const field = NAMED_TABLES[table as keyof typeof NAMED_TABLES];
      const ids = [...idSet];
      const records = await db.table<Record<string, unknown>, string>(table).bulkGet(ids);
      records.forEach((record, index) => {
        const name = record?.[field];
        const id = ids[index];
        if (typeof name === 'string' && id !== undefined) names[recordKey(table, id)] = name;
      });
    }),
  );
  return names;
}

/** The operators named in the trail, for the operator filter (read from the index's keys). */
export async function auditOperators(): Promise<string[]> {
  return (await database().audit.orderBy('operator').uniqueKeys()) as string[];
}

/** How the check of the hash chain is going. */
export interface AuditVerifyProgress {
  done: number;
  total: number;
}

/** What the check of the hash chain found. */
export interface AuditChainReport {
  /** True when every sealed row is what it was written as, in its place. */
  intact: boolean;
  /** Rows checked against their hash. */
  checked: number;
  /** Older rows, from before the chain existed, that carry no hash (at the start of the trail). */
  unsealed: number;
  /** The `seq` of the first row that breaks the chain. */
  firstBrokenSeq?: number;
  /** That row: which record of which table it is about, and when it says it was written. */
  brokenRecord?: { seq: number; table: string; recordId: string; at: Timestamp };
  /** How that row breaks the chain (shared/audit/chain.ts). */
  problem?: ChainProblem;
  /** The hash of the newest row checked: written down, it anchors the trail up to that row. */
  headHash: string | null;
  /** Rows read, the unsealed ones included (up to the one that broke the chain). */
  rows: number;
  /** This installation's anchor the trail was checked against (issue 16, item 1); null: there is none. */
  anchor: AuditAnchor | null;
  /** How the trail compares with it; absent when the chain broke first (its end was not compared). */
  anchorFinding?: AnchorFinding;
  /** How the trail compares with the anchor of the newest backup, when one was given. */
  witness?: WitnessReport;
}

/** An anchor kept elsewhere: the newest backup's manifest (issue 16, item 1). */
export interface AnchorWitness {
  anchor: AuditAnchor;
  /** When the backup was made. */
  createdAt: Timestamp;
}

/**
 * How the trail compares with a backup's anchor: `matches` (the entry at its position has its hash),
 * `behind` (the trail is shorter), `differs` (rewritten up to there, this installation's anchor with
 * it), `superseded` (a restore since replaced the trail: not comparable), `not-compared` (the chain
 * broke before its position).
 */
export interface WitnessReport {
  createdAt: Timestamp;
  anchor: AuditAnchor;
  finding: 'matches' | 'behind' | 'differs' | 'superseded' | 'not-compared';
}

/** This installation's anchor of the audit chain, shown on the audit page and printed on cover sheets. */
export async function currentAuditAnchor(): Promise<AuditAnchor | null> {
  return readAuditAnchor(database());
}

export interface VerifyAuditChainOptions {
  onProgress?: (progress: AuditVerifyProgress) => void;
  /** Rows read at a time: memory holds one page, whatever the length of the trail. */
  pageSize?: number;
  signal?: AbortSignal;
  /** An anchor kept elsewhere to compare with too: the newest backup's. */
  witness?: AnchorWitness | null;
}

const VERIFY_PAGE = 2000;

/** What the trail holds at a backup's anchor, and whether a restore came after that backup. */
class WitnessWatch {
  private rows = 0;
  private hashAt: string | null | undefined;
  private lastRestoreAt = '';

  constructor(private readonly witness: AnchorWitness) {
    if (witness.anchor.head.count === 0) this.hashAt = null;
  }

  see(row: AuditEntry): void {
    this.rows += 1;
    if (this.rows === this.witness.anchor.head.count) this.hashAt = row.hash ?? null;
    if (row.table === '*' && row.action === 'restore' && row.at > this.lastRestoreAt) this.lastRestoreAt = row.at;
  }

  report(chainBroken: boolean): WitnessReport {
    const { anchor, createdAt } = this.witness;
    const finding: WitnessReport['finding'] =
      this.lastRestoreAt > createdAt
        ? 'superseded'
        : chainBroken
          ? 'not-compared'
          : this.rows < anchor.head.count
            ? 'behind'
            : this.hashAt === anchor.head.hash
              ? 'matches'
              : 'differs';
    return { createdAt, anchor, finding };
  }
}

/**
 * Checks the hash chain of the whole trail, oldest first, one page of rows at a time, letting the
 * page draw its progress between pages. Rows added while it runs are checked too if they come
 * before it ends.
 */
export async function verifyAuditChain(options: VerifyAuditChainOptions = {}): Promise<AuditChainReport> {
  const db = database();
  const pageSize = Math.max(1, options.pageSize ?? VERIFY_PAGE);
  const [total, anchor] = await Promise.all([db.audit.count(), readAuditAnchor(db)]);
  const verifier = new AuditChainVerifier(anchor);
  const watch = options.witness ? new WitnessWatch(options.witness) : null;
  let done = 0;
  let after = -Infinity;
  options.onProgress?.({ done, total });
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await db.audit.where(':id').above(after).limit(pageSize).toArray();
    let going = true;
    for (const row of page) {
      watch?.see(row);
      if (!verifier.feed(row)) {
        going = false;
        break;
      }
    }
    done += page.length;
    options.onProgress?.({ done: Math.min(done, Math.max(total, done)), total: Math.max(total, done) });
    const last = page.at(-1)?.seq;
    if (!going || page.length < pageSize || last === undefined) break;
    after = last;
    // One macrotask between pages, so that the progress bar is drawn and the window stays responsive.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  // Read again: rows written while the check ran moved the anchor with them.
  const latest = await readAuditAnchor(db);
  const outcome = verifier.finish(latest);
  const broken = outcome.failure?.entry;
  const witness = watch?.report(broken !== undefined);
  const witnessBroken = witness?.finding === 'behind' || witness?.finding === 'differs';
  return {
    intact: outcome.intact && !witnessBroken,
    ...(witness ? { witness } : {}),
    checked: outcome.checked,
    unsealed: outcome.unsealed,
    headHash: outcome.headHash,
    rows: outcome.rows ?? 0,
    anchor: latest && latest.head.count === outcome.rows ? latest : anchor,
    ...(outcome.anchor ? { anchorFinding: outcome.anchor } : {}),
    ...(broken
      ? {
          firstBrokenSeq: broken.seq,
          brokenRecord: { seq: broken.seq ?? 0, table: broken.table, recordId: broken.recordId, at: broken.at },
          problem: outcome.failure?.problem,
        }
      : {}),
  };
}
