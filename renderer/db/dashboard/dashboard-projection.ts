/**
 * The dashboard's projection (issue 19, "speed"): exactly what the home page's figures count from,
 * kept in the `caches` table so that opening the home page reads one record instead of 100,000
 * workers and 300,000 contacts (docs/architecture.md#dashboard).
 *
 * - Every table the figures read, as `DashboardSource` names its fields, in primary-key order as a
 *   read of the table gives them (soft-deleted rows included: the figures skip them), except the
 *   contacts and employment periods: of those the figures need one number per follow-up, its proven
 *   months at the enterprise handed over to (shared/followup/retention.ts), kept instead.
 * - A passenger's seats as their number: the figures only ask whether a passenger has a seat on
 *   every leg.
 * - Stored in columns, one array per field, a field of few distinct values (a county, a batch, a
 *   status, a day) as the distinct values and a typed array of codes: structured clone pays per
 *   value, and 400,000 objects cost far more than a few dozen arrays (the workers directory measured
 *   1.4 s for the records against 0.08 s for columns; renderer/db/directory/directory-snapshot.ts).
 * - Stamped with the audit trail's newest row as the tables were read, in the same read
 *   transaction, and each table's newest `updatedAt`: dashboard-feed.ts takes in what changed since.
 *
 * A cache, never the truth: a record of another format, of another schema version or damaged in any
 * way reads as none, and the feed reads the tables again. Plain code without Dexie, tested in Node.
 */
import type {
  DashboardAssignment,
  DashboardBatch,
  DashboardClaim,
  DashboardEnterprise,
  DashboardFollowUp,
  DashboardHealthCheck,
  DashboardRoute,
  DashboardScheme,
  DashboardWorker,
} from '@shared/dashboard';
import type { SeatPlace } from '@shared/domain/records';

/** Bumped whenever the stored shape changes: a projection of another format is ignored. */
export const PROJECTION_FORMAT = 2;
export const PROJECTION_ID = 'dashboard-projection';

/** The tables the projection follows, by their names in the database. */
export const FOLLOWED_TABLES = [
  'workers',
  'enterprises',
  'routes',
  'batches',
  'assignments',
  'healthChecks',
  'followUps',
  'contacts',
  'employmentPeriods',
  'subsidySchemes',
  'subsidyClaims',
] as const;
export type FollowedTable = (typeof FOLLOWED_TABLES)[number];

/** Rows in primary-key order, with their keys (an assignment's row has no id of its own). */
export interface Sorted<T> {
  ids: string[];
  rows: T[];
}

export interface ProjectionTables {
  workers: Sorted<DashboardWorker>;
  enterprises: Sorted<DashboardEnterprise>;
  routes: Sorted<DashboardRoute>;
  batches: Sorted<DashboardBatch>;
  assignments: Sorted<DashboardAssignment>;
  healthChecks: Sorted<DashboardHealthCheck>;
  followUps: Sorted<DashboardFollowUp>;
  subsidySchemes: Sorted<DashboardScheme>;
  subsidyClaims: Sorted<DashboardClaim>;
  /** Each follow-up's proven months, from its live contacts and periods (0 when they prove none). */
  provenMonths: Map<string, number>;
}

/** How far each table was taken in: its newest `updatedAt`, and how many records carry exactly that. */
export interface TableMark {
  lastSeen: string;
  atLastSeen: number;
}

/** The audit trail's newest row when the tables were read (null: the trail was empty). */
export interface AuditStamp {
  seq: number;
  id: string;
}

export interface Projection {
  /** The database's schema version it was read under: an upgrade may change records without a row. */
  schema: number;
  stamp: AuditStamp | null;
  marks: Record<FollowedTable, TableMark>;
  tables: ProjectionTables;
}

/**
 * A column: every value; or (few distinct values) the distinct values and one code per row; or (a
 * worker's id) one code per row into the workers' own ids, followed by the few values not among them.
 */
type Column =
  | { values: unknown[] }
  | { dict: unknown[]; codes: Uint8Array | Uint16Array | Uint32Array }
  | { workerIds: true; extra: unknown[]; codes: Uint32Array };

/** The columns that hold a worker's id: stored as references into the workers' ids (see `Column`). */
const WORKER_ID_COLUMNS: ReadonlySet<string> = new Set(['workerId', 'payeeId']);

interface Columns {
  ids: string[];
  fields: Record<string, Column>;
}

export interface StoredProjection {
  id: typeof PROJECTION_ID;
  format: number;
  schema: number;
  stamp: AuditStamp | null;
  marks: Record<FollowedTable, TableMark>;
  /** The large tables in columns. */
  workers: Columns;
  assignments: Columns;
  healthChecks: Columns;
  followUps: Columns;
  subsidyClaims: Columns;
  /** The follow-ups' proven months, in the follow-ups' order. */
  provenMonths: Uint8Array;
  /** The small tables as they are. */
  enterprises: Sorted<DashboardEnterprise>;
  routes: Sorted<DashboardRoute>;
  batches: Sorted<DashboardBatch>;
  subsidySchemes: Sorted<DashboardScheme>;
}

// The fields of each large table's rows, `id` apart (it is the row's key); the compiler keeps them complete.
const WORKER_FIELDS = fields<DashboardWorker>({
  county: true,
  countyCode: true,
  township: true,
  povertyStatus: true,
  enterpriseId: true,
  deletedAt: true,
});
const ASSIGNMENT_FIELDS = fields<DashboardAssignment>({
  batchId: true,
  workerId: true,
  seats: true,
  boarding: true,
  deletedAt: true,
});
const HEALTH_CHECK_FIELDS = fields<DashboardHealthCheck>({
  batchId: true,
  workerId: true,
  result: true,
  checkedAt: true,
  createdAt: true,
  deletedAt: true,
});
const FOLLOW_UP_FIELDS = fields<DashboardFollowUp>({
  workerId: true,
  batchId: true,
  enterpriseId: true,
  handedOverOn: true,
  nextDue: true,
  deletedAt: true,
});
const CLAIM_FIELDS = fields<DashboardClaim>({
  schemeId: true,
  workerId: true,
  year: true,
  payee: true,
  payeeId: true,
  status: true,
  amountFen: true,
  paidAmountFen: true,
  dueOn: true,
  noticeFrom: true,
  paidOn: true,
  rejectedOn: true,
  deletedAt: true,
});

function fields<T>(all: Record<Exclude<keyof T, 'id'>, true>): string[] {
  return Object.keys(all);
}

/** Shared, never written to: a passenger's seats stand for their number only. */
const SEAT_COUNTS: SeatPlace[][] = [];
function seatsOfCount(count: number): SeatPlace[] {
  while (SEAT_COUNTS.length <= count) {
    SEAT_COUNTS.push(Object.freeze(new Array<null>(SEAT_COUNTS.length).fill(null)) as unknown as SeatPlace[]);
  }
  return SEAT_COUNTS[count] as SeatPlace[];
}

/** A passenger's row as the projection keeps it: their seats by number. */
export function projectedAssignment(assignment: DashboardAssignment): DashboardAssignment {
  const { batchId, workerId, seats, boarding, deletedAt } = assignment;
  return { batchId, workerId, seats: seatsOfCount(seats.length), boarding, deletedAt };
}

function encodeColumn(values: unknown[]): Column {
  const codesOf = new Map<unknown, number>();
  const dict: unknown[] = [];
  const codes = new Uint32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    let code = codesOf.get(value);
    if (code === undefined) {
      code = dict.length;
      codesOf.set(value, code);
      dict.push(value);
      // Mostly distinct (ids, amounts): kept as they are.
      if (dict.length > 64 && dict.length * 4 > values.length) return { values };
    }
    codes[row] = code;
  }
  const narrow =
    dict.length <= 0x100 ? Uint8Array.from(codes) : dict.length <= 0x10000 ? Uint16Array.from(codes) : codes;
  return { dict, codes: narrow };
}

/**
 * A column of workers' ids as codes into `workerIds` (their row in the workers' table): 270,000 ids of
 * 36 characters are most of what the projection would otherwise store, and each would be read back as
 * a string of its own. A value that is not a worker's id (a payee enterprise's) is kept after them.
 */
function encodeWorkerIds(values: readonly unknown[], workerRows: ReadonlyMap<string, number>): Column {
  const extraCodes = new Map<unknown, number>();
  const extra: unknown[] = [];
  const codes = new Uint32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    let code = typeof value === 'string' ? workerRows.get(value) : undefined;
    if (code === undefined) {
      code = extraCodes.get(value);
      if (code === undefined) {
        code = workerRows.size + extra.length;
        extraCodes.set(value, code);
        extra.push(value);
      }
    }
    codes[row] = code;
  }
  return { workerIds: true, extra, codes };
}

function decodeColumn(column: unknown, count: number, workerIds: readonly string[]): unknown[] | null {
  if (typeof column !== 'object' || column === null) return null;
  if ('workerIds' in column) {
    const { extra, codes } = column as { extra?: unknown; codes?: unknown };
    if (!Array.isArray(extra) || !(codes instanceof Uint32Array) || codes.length !== count) return null;
    const known = workerIds.length;
    const values = new Array<unknown>(count);
    for (let row = 0; row < count; row++) {
      const code = codes[row] as number;
      if (code < known) values[row] = workerIds[code];
      else if (code - known < extra.length) values[row] = extra[code - known];
      else return null;
    }
    return values;
  }
  if ('values' in column) {
    const { values } = column;
    return Array.isArray(values) && values.length === count ? values : null;
  }
  const { dict, codes } = column as { dict?: unknown; codes?: unknown };
  if (!Array.isArray(dict)) return null;
  if (!(codes instanceof Uint8Array || codes instanceof Uint16Array || codes instanceof Uint32Array)) return null;
  if (codes.length !== count) return null;
  const values = new Array<unknown>(count);
  for (let row = 0; row < count; row++) {
    const code = codes[row] as number;
    if (code >= dict.length) return null;
    values[row] = dict[code];
  }
  return values;
}

function encodeTable<T>(
  table: Sorted<T>,
  names: readonly string[],
  workerRows: ReadonlyMap<string, number> | null,
  value = (row: T, name: string) => row[name as keyof T] as unknown,
): Columns {
  const column = (name: string): Column => {
    const values = table.rows.map((row) => value(row, name));
    return workerRows && WORKER_ID_COLUMNS.has(name) ? encodeWorkerIds(values, workerRows) : encodeColumn(values);
  };
  return { ids: table.ids, fields: Object.fromEntries(names.map((name) => [name, column(name)])) };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Each row's fields, or null when the stored columns do not fit together. */
function decodeTable(
  stored: unknown,
  names: readonly string[],
  workerIds: readonly string[],
): { ids: string[]; columns: unknown[][] } | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { ids, fields: columns } = stored as Partial<Columns>;
  if (!isStringArray(ids) || typeof columns !== 'object' || columns === null) return null;
  const decoded: unknown[][] = [];
  for (const name of names) {
    const values = decodeColumn(columns[name], ids.length, workerIds);
    if (!values) return null;
    decoded.push(values);
  }
  return { ids, columns: decoded };
}

/** The record that stores `projection`. */
export function encodeProjection(projection: Projection): StoredProjection {
  const { tables } = projection;
  const months = new Uint8Array(tables.followUps.ids.length);
  tables.followUps.ids.forEach((id, row) => {
    months[row] = Math.min(255, tables.provenMonths.get(id) ?? 0);
  });
  const workerRows = new Map(tables.workers.ids.map((id, row) => [id, row]));
  return {
    id: PROJECTION_ID,
    format: PROJECTION_FORMAT,
    schema: projection.schema,
    stamp: projection.stamp,
    marks: projection.marks,
    workers: encodeTable(tables.workers, WORKER_FIELDS, null),
    assignments: encodeTable(tables.assignments, ASSIGNMENT_FIELDS, workerRows, (row, name) =>
      name === 'seats' ? row.seats.length : row[name as keyof DashboardAssignment],
    ),
    healthChecks: encodeTable(tables.healthChecks, HEALTH_CHECK_FIELDS, workerRows),
    followUps: encodeTable(tables.followUps, FOLLOW_UP_FIELDS, workerRows),
    subsidyClaims: encodeTable(tables.subsidyClaims, CLAIM_FIELDS, workerRows),
    provenMonths: months,
    enterprises: tables.enterprises,
    routes: tables.routes,
    batches: tables.batches,
    subsidySchemes: tables.subsidySchemes,
  };
}

function isSorted(value: unknown): value is Sorted<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, rows } = value as Partial<Sorted<unknown>>;
  return isStringArray(ids) && Array.isArray(rows) && rows.length === ids.length;
}

function isMark(value: unknown): value is TableMark {
  if (typeof value !== 'object' || value === null) return false;
  const { lastSeen, atLastSeen } = value as Partial<TableMark>;
  return typeof lastSeen === 'string' && typeof atLastSeen === 'number';
}

/**
 * The projection a stored record holds, or null when it is missing, of another format or schema
 * version, or damaged in any way: the feed then reads every table, as it would without one.
 */
export function decodeProjection(value: unknown, schema: number): Projection | null {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<StoredProjection>;
  if (stored.format !== PROJECTION_FORMAT || stored.schema !== schema) return null;
  const { stamp, marks } = stored;
  if (stamp !== null && (typeof stamp !== 'object' || typeof stamp.seq !== 'number' || typeof stamp.id !== 'string')) {
    return null;
  }
  if (typeof marks !== 'object' || marks === null || !FOLLOWED_TABLES.every((table) => isMark(marks[table])))
    return null;
  const { enterprises, routes, batches, subsidySchemes } = stored;
  if (!isSorted(enterprises) || !isSorted(routes) || !isSorted(batches) || !isSorted(subsidySchemes)) return null;

  const workers = decodeTable(stored.workers, WORKER_FIELDS, []);
  if (!workers) return null;
  const assignments = decodeTable(stored.assignments, ASSIGNMENT_FIELDS, workers.ids);
  const healthChecks = decodeTable(stored.healthChecks, HEALTH_CHECK_FIELDS, workers.ids);
  const followUps = decodeTable(stored.followUps, FOLLOW_UP_FIELDS, workers.ids);
  const claims = decodeTable(stored.subsidyClaims, CLAIM_FIELDS, workers.ids);
  if (!assignments || !healthChecks || !followUps || !claims) return null;
  const months = stored.provenMonths;
  if (!(months instanceof Uint8Array) || months.length !== followUps.ids.length) return null;
  const seats = assignments.columns[2] as unknown[];
  if (!seats.every((count) => typeof count === 'number' && Number.isInteger(count) && count >= 0)) return null;

  // Written out field by field: objects of one shape, built in one go, are much faster than fields
  // assigned by name in a loop (renderer/db/directory/directory-snapshot.ts).
  const w = workers.columns;
  const a = assignments.columns;
  const h = healthChecks.columns;
  const f = followUps.columns;
  const c = claims.columns;
  // Each column was checked to hold one value per row; the fields' types are the stored records'.
  const at = (column: unknown[] | undefined, row: number): never => (column as never[])[row] as never;
  const provenMonths = new Map<string, number>();
  followUps.ids.forEach((id, row) => provenMonths.set(id, months[row] as number));
  return {
    schema,
    stamp: stamp ?? null,
    marks: marks,
    tables: {
      workers: {
        ids: workers.ids,
        rows: workers.ids.map((id, row) => ({
          id,
          county: at(w[0], row),
          countyCode: at(w[1], row),
          township: at(w[2], row),
          povertyStatus: at(w[3], row),
          enterpriseId: at(w[4], row),
          deletedAt: at(w[5], row),
        })),
      },
      assignments: {
        ids: assignments.ids,
        rows: assignments.ids.map((_, row) => ({
          batchId: at(a[0], row),
          workerId: at(a[1], row),
          seats: seatsOfCount(at(a[2], row)),
          boarding: at(a[3], row),
          deletedAt: at(a[4], row),
        })),
      },
      healthChecks: {
        ids: healthChecks.ids,
        rows: healthChecks.ids.map((id, row) => ({
          id,
          batchId: at(h[0], row),
          workerId: at(h[1], row),
          result: at(h[2], row),
          checkedAt: at(h[3], row),
          createdAt: at(h[4], row),
          deletedAt: at(h[5], row),
        })),
      },
      followUps: {
        ids: followUps.ids,
        rows: followUps.ids.map((id, row) => ({
          id,
          workerId: at(f[0], row),
          batchId: at(f[1], row),
          enterpriseId: at(f[2], row),
          handedOverOn: at(f[3], row),
          nextDue: at(f[4], row),
          deletedAt: at(f[5], row),
        })),
      },
      subsidyClaims: {
        ids: claims.ids,
        rows: claims.ids.map((id, row) => ({
          id,
          schemeId: at(c[0], row),
          workerId: at(c[1], row),
          year: at(c[2], row),
          payee: at(c[3], row),
          payeeId: at(c[4], row),
          status: at(c[5], row),
          amountFen: at(c[6], row),
          paidAmountFen: at(c[7], row),
          dueOn: at(c[8], row),
          noticeFrom: at(c[9], row),
          paidOn: at(c[10], row),
          rejectedOn: at(c[11], row),
          deletedAt: at(c[12], row),
        })),
      },
      enterprises: enterprises,
      routes: routes,
      batches: batches,
      subsidySchemes: subsidySchemes,
      provenMonths,
    },
  };
}

/** The position of `id` in sorted `ids`, or where it would go (as a negative: -(place + 1)). */
function search(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = ids[middle] as string;
    if (found < id) low = middle + 1;
    else if (found > id) high = middle - 1;
    else return middle;
  }
  return -(low + 1);
}

/**
 * Puts each `[id, row]` into the table, in key order: a new id is inserted, a known one replaced,
 * a null row removed (a record no longer in the table). Many changes are merged in one sort.
 */
export function upsert<T>(table: Sorted<T>, changes: readonly (readonly [string, T | null])[]): void {
  if (changes.length > 256) {
    const byId = new Map<string, T | null>();
    table.ids.forEach((id, row) => byId.set(id, table.rows[row] as T));
    for (const [id, row] of changes) byId.set(id, row);
    const ids = [...byId.keys()].filter((id) => byId.get(id) !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    table.ids = ids;
    table.rows = ids.map((id) => byId.get(id) as T);
    return;
  }
  for (const [id, row] of changes) {
    const place = search(table.ids, id);
    if (place >= 0) {
      if (row === null) {
        table.ids.splice(place, 1);
        table.rows.splice(place, 1);
      } else table.rows[place] = row;
    } else if (row !== null) {
      table.ids.splice(-place - 1, 0, id);
      table.rows.splice(-place - 1, 0, row);
    }
  }
}
