/**
 * Feeds the home page's figures (issue 19) from the dashboard's projection (dashboard-projection.ts):
 * the stored projection when the audit trail has not moved since it was made, else the projection
 * with what changed since taken in, else (none stored, or a change it cannot follow) every table read
 * again. The dashboard's Web Worker (renderer/features/home/dashboard.worker.ts) runs one; tests run
 * one in Node on fake-indexeddb. docs/architecture.md#dashboard.
 *
 * What changed since the projection's audit row is found two ways, and both are taken in: the
 * records of each table stamped after the newest `updatedAt` it holds (every write stamps it, also
 * the writes that name many records in one audit row: a seat plan, an import, a reschedule), and the
 * records the audit rows since name (a write stamped by a clock set back). A change that names no
 * records (the demo data's load and removal, a restore: audit rows on table `*`), a trail that no
 * longer holds the projection's row, another schema version, or more rows than reading the tables
 * again would cost, is followed by a read of every table.
 */
import {
  type DashboardIndex,
  type DashboardSource,
  type DashboardContact,
  type DashboardPeriod,
} from '@shared/dashboard';
import { DEFAULT_SETTINGS, type AuditEntry, type RecordMeta, type Settings } from '@shared/domain/records';
import { provenMonthsAt } from '@shared/followup/retention';
import { logger } from '../../logger';
import type { PlannerDatabase } from '../database';
import { DASHBOARD_FIELDS, dashboardSettings } from '../repositories/dashboard';
import {
  FOLLOWED_TABLES,
  PROJECTION_ID,
  decodeProjection,
  encodeProjection,
  projectedAssignment,
  upsert,
  type AuditStamp,
  type FollowedTable,
  type Projection,
  type ProjectionTables,
  type Sorted,
  type TableMark,
} from './dashboard-projection';

/** Quiet time after a change before the projection is stored: an import or a demo changes many times. */
const SAVE_DELAY_MS = 3000;
/**
 * After every table was read, the projection is stored sooner: the worker ends when the home page
 * is left, and reading the tables again is what the projection saves.
 */
const SAVE_AFTER_REBUILD_MS = 500;
/** Audit rows since the projection beyond which every table is read again rather than followed. */
const FOLLOW_LIMIT = 20_000;

export interface DashboardView {
  source: DashboardSource;
  index: DashboardIndex;
}

export interface DashboardFeedOptions {
  /** Whether to read a stored projection and store the new one after changes (default true). */
  store?: boolean;
  /** Quiet time before storing; 3 s after a change taken in, 0.5 s after every table was read. */
  saveDelayMs?: number;
}

/** How the last `load` was answered: from the stored projection as it was, caught up, or read anew. */
export type LoadKind = 'current' | 'caught-up' | 'rebuilt';

type AnyRecord = RecordMeta & Record<string, unknown>;

/** The projection's tables by their names in the database (contacts and periods are kept as months). */
const PROJECTED = {
  workers: 'workers',
  enterprises: 'enterprises',
  routes: 'routes',
  batches: 'batches',
  assignments: 'assignments',
  healthChecks: 'healthChecks',
  followUps: 'followUps',
  subsidySchemes: 'subsidySchemes',
  subsidyClaims: 'subsidyClaims',
} as const satisfies Partial<Record<FollowedTable, keyof ProjectionTables>>;
type ProjectedTable = keyof typeof PROJECTED;

/** A record as the projection keeps it, picked as `dashboardSource` picks it. */
function row(table: ProjectedTable, record: AnyRecord): unknown {
  if (table === 'assignments') return projectedAssignment(DASHBOARD_FIELDS.assignments(record as never));
  return DASHBOARD_FIELDS[table](record as never);
}

/** The newest `updatedAt` of `records` (at least `from`), and how many carry it. */
function markOf(records: readonly { updatedAt?: unknown }[], from: TableMark): TableMark {
  let { lastSeen } = from;
  let atLastSeen = from.atLastSeen;
  for (const record of records) {
    const at = record.updatedAt;
    if (typeof at !== 'string') continue;
    if (at > lastSeen) {
      lastSeen = at;
      atLastSeen = 0;
    }
  }
  if (lastSeen !== from.lastSeen) {
    atLastSeen = 0;
    for (const record of records) if (record.updatedAt === lastSeen) atLastSeen += 1;
  }
  return { lastSeen, atLastSeen };
}

const NO_MARK: TableMark = { lastSeen: '', atLastSeen: 0 };

/** Each follow-up's proven months, from every contact and period given (soft-deleted ones skipped). */
function provenMonthsOf(
  followUps: readonly { id: string; enterpriseId: string; deletedAt?: string | null }[],
  contacts: readonly DashboardContact[],
  periods: readonly DashboardPeriod[],
): Map<string, number> {
  const contactsOf = new Map<string, DashboardContact[]>();
  for (const contact of contacts) {
    if (contact.deletedAt) continue;
    const list = contactsOf.get(contact.followUpId);
    if (list) list.push(contact);
    else contactsOf.set(contact.followUpId, [contact]);
  }
  const periodsOf = new Map<string, DashboardPeriod[]>();
  for (const period of periods) {
    if (period.deletedAt) continue;
    const list = periodsOf.get(period.followUpId);
    if (list) list.push(period);
    else periodsOf.set(period.followUpId, [period]);
  }
  const months = new Map<string, number>();
  for (const followUp of followUps) {
    months.set(
      followUp.id,
      provenMonthsAt(followUp.enterpriseId, contactsOf.get(followUp.id) ?? [], periodsOf.get(followUp.id) ?? []),
    );
  }
  return months;
}

function stampOf(entry: AuditEntry | undefined): AuditStamp | null {
  return entry?.seq === undefined ? null : { seq: entry.seq, id: entry.id };
}

const sameStamp = (a: AuditStamp | null, b: AuditStamp | null) => a?.seq === b?.seq && a?.id === b?.id;

/** Live records by id: the index's batches and enterprises. */
function liveById<T extends { id: string; deletedAt?: string | null }>(rows: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const one of rows) if (!one.deletedAt) map.set(one.id, one);
  return map;
}

export class DashboardFeed {
  private projection: Projection | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** How the last load was answered (the bench and the tests read it). */
  lastLoad: LoadKind | null = null;

  constructor(
    private readonly db: PlannerDatabase,
    private readonly options: DashboardFeedOptions = {},
  ) {}

  /** What the figures count from, as the database holds it now. */
  async load(): Promise<DashboardView> {
    const { db } = this;
    if (!this.projection && this.options.store !== false) {
      const stored = await db.caches.get(PROJECTION_ID).catch(() => undefined);
      this.projection = decodeProjection(stored, db.verno);
    }
    let settings: Settings | undefined;
    const caught = this.projection ? await this.catchUp(this.projection) : null;
    if (caught) {
      settings = caught.settings;
      this.lastLoad = caught.changed ? 'caught-up' : 'current';
      if (caught.changed) this.scheduleSave();
    } else {
      const rebuilt = await this.rebuild();
      this.projection = rebuilt.projection;
      settings = rebuilt.settings;
      this.lastLoad = 'rebuilt';
      this.scheduleSave(SAVE_AFTER_REBUILD_MS);
    }
    return this.view(settings);
  }

  /** Stores the projection now (else it is stored after a quiet time); the tests and the bench wait for it. */
  async save(): Promise<void> {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.projection || this.options.store === false) return;
    await this.db.caches.put(encodeProjection(this.projection));
  }

  private scheduleSave(delay = SAVE_DELAY_MS): void {
    if (this.options.store === false) return;
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.save().catch((error: unknown) => logger.warn('the dashboard projection was not saved', error));
    }, this.options.saveDelayMs ?? delay);
  }

  private view(settings: Settings | undefined): DashboardView {
    const { tables } = this.projection as Projection;
    const source: DashboardSource = {
      workers: tables.workers.rows,
      enterprises: tables.enterprises.rows,
      routes: tables.routes.rows,
      batches: tables.batches.rows,
      assignments: tables.assignments.rows,
      healthChecks: tables.healthChecks.rows,
      followUps: tables.followUps.rows,
      // Kept as each follow-up's proven months, given with the index.
      contacts: [],
      employmentPeriods: [],
      schemes: tables.subsidySchemes.rows,
      claims: tables.subsidyClaims.rows,
      settings: dashboardSettings(settings),
    };
    const index: DashboardIndex = {
      batches: liveById(source.batches),
      enterprises: liveById(source.enterprises),
      contactsOf: new Map(),
      periodsOf: new Map(),
      // The projection's own: it holds every follow-up, so the figures add nothing to it, and a later
      // load changes it only for the index that load answers.
      provenMonths: tables.provenMonths,
    };
    return { source, index };
  }

  /** Every table read again, in one read transaction with the audit trail's newest row. */
  private async rebuild(): Promise<{ projection: Projection; settings: Settings | undefined }> {
    const { db } = this;
    const tables = FOLLOWED_TABLES.map((name) => db.table<AnyRecord, string>(name));
    return db.transaction('r', [...tables, db.audit, db.settings], async () => {
      const [newest, settings, ...read] = await Promise.all([
        db.audit.orderBy('seq').last(),
        db.settings.get(DEFAULT_SETTINGS.id),
        ...tables.map((table) => table.toArray()),
      ]);
      const records = Object.fromEntries(FOLLOWED_TABLES.map((name, at) => [name, read[at] ?? []])) as Record<
        FollowedTable,
        AnyRecord[]
      >;
      const sorted = <T>(table: ProjectedTable): Sorted<T> => ({
        ids: records[table].map((record) => record.id),
        rows: records[table].map((record) => row(table, record) as T),
      });
      const followUps = sorted<ReturnType<typeof DASHBOARD_FIELDS.followUps>>('followUps');
      const projection: Projection = {
        schema: db.verno,
        stamp: stampOf(newest),
        marks: Object.fromEntries(FOLLOWED_TABLES.map((name) => [name, markOf(records[name], NO_MARK)])) as Record<
          FollowedTable,
          TableMark
        >,
        tables: {
          workers: sorted('workers'),
          enterprises: sorted('enterprises'),
          routes: sorted('routes'),
          batches: sorted('batches'),
          assignments: sorted('assignments'),
          healthChecks: sorted('healthChecks'),
          followUps,
          subsidySchemes: sorted('subsidySchemes'),
          subsidyClaims: sorted('subsidyClaims'),
          provenMonths: provenMonthsOf(
            followUps.rows,
            records.contacts.map((record) => DASHBOARD_FIELDS.contacts(record as never)),
            records.employmentPeriods.map((record) => DASHBOARD_FIELDS.employmentPeriods(record as never)),
          ),
        },
      };
      return { projection, settings };
    });
  }

  /**
   * Takes in what changed since the projection was made, in one read transaction with the audit
   * trail's newest row; null when it cannot be followed (then every table is read again).
   */
  private async catchUp(projection: Projection): Promise<{ settings: Settings | undefined; changed: boolean } | null> {
    const { db } = this;
    const tables = FOLLOWED_TABLES.map((name) => db.table<AnyRecord, string>(name));
    const since = projection.stamp?.seq ?? 0;
    const found = await db.transaction('r', [...tables, db.audit, db.settings], async () => {
      const [newest, settings, atStamp, rowsSince] = await Promise.all([
        db.audit.orderBy('seq').last(),
        db.settings.get(DEFAULT_SETTINGS.id),
        projection.stamp ? db.audit.get(projection.stamp.seq) : undefined,
        db.audit.where('seq').above(since).count(),
      ]);
      const stamp = stampOf(newest);
      if (sameStamp(stamp, projection.stamp)) return { settings, stamp, changes: null };
      // The trail the projection saw is gone (a restore, the database replaced), or too much to follow.
      if (projection.stamp && atStamp?.id !== projection.stamp.id) return null;
      if (rowsSince > FOLLOW_LIMIT) return null;
      const [rows, newer, sameTime] = await Promise.all([
        db.audit.where('seq').above(since).toArray(),
        Promise.all(
          FOLLOWED_TABLES.map((name, at) =>
            (tables[at] as (typeof tables)[number]).where('updatedAt').above(projection.marks[name].lastSeen).toArray(),
          ),
        ),
        Promise.all(
          FOLLOWED_TABLES.map((name, at) =>
            (tables[at] as (typeof tables)[number]).where('updatedAt').equals(projection.marks[name].lastSeen).count(),
          ),
        ),
      ]);
      if (rows.some((entry) => entry.table === '*')) return null;
      const changed = new Map<FollowedTable, Map<string, AnyRecord | null>>();
      const named = new Map<FollowedTable, Set<string>>();
      const marks = { ...projection.marks };
      const atMark: Promise<void>[] = [];
      FOLLOWED_TABLES.forEach((name, at) => {
        const records = newer[at] ?? [];
        const byId = new Map(records.map((record) => [record.id, record] as const));
        changed.set(name, byId);
        named.set(name, new Set());
        const mark = projection.marks[name];
        marks[name] = markOf(records, mark);
        // Records written in the same millisecond as the newest taken in: read them all again.
        if ((sameTime[at] ?? 0) !== mark.atLastSeen) {
          atMark.push(
            (tables[at] as (typeof tables)[number])
              .where('updatedAt')
              .equals(mark.lastSeen)
              .toArray()
              .then((same) => {
                for (const record of same) byId.set(record.id, record);
                if (marks[name].lastSeen === mark.lastSeen) marks[name] = { ...mark, atLastSeen: same.length };
              }),
          );
        }
      });
      for (const entry of rows) {
        const ids = named.get(entry.table as FollowedTable);
        if (ids && !changed.get(entry.table as FollowedTable)?.has(entry.recordId)) ids.add(entry.recordId);
      }
      await Promise.all(atMark);
      // The records the rows name that no stamp showed (a clock set back); an id that is not a
      // record's (a row about many records) finds nothing.
      await Promise.all(
        FOLLOWED_TABLES.map(async (name, at) => {
          const ids = [...(named.get(name) ?? [])].filter((id) => !changed.get(name)?.has(id));
          if (ids.length === 0) return;
          const records = await (tables[at] as (typeof tables)[number]).bulkGet(ids);
          const held = name in PROJECTED ? projection.tables[PROJECTED[name as ProjectedTable]] : null;
          records.forEach((record, place) => {
            const id = ids[place] as string;
            if (record) changed.get(name)?.set(id, record);
            // A record the projection holds and the table no longer does: removed outside the rules.
            else if (held && 'ids' in held && held.ids.includes(id)) changed.get(name)?.set(id, null);
          });
        }),
      );
      // The follow-ups whose proven months may have moved: changed, or with a contact or period changed.
      const touched = new Set<string>();
      for (const record of changed.get('followUps')?.values() ?? []) if (record) touched.add(record.id);
      for (const name of ['contacts', 'employmentPeriods'] as const) {
        for (const record of changed.get(name)?.values() ?? []) {
          if (record && typeof record.followUpId === 'string') touched.add(record.followUpId);
        }
      }
      let months: Map<string, number> | null = null;
      if (touched.size > 0) {
        const ids = [...touched];
        const [followUps, contacts, periods] = await Promise.all([
          db.followUps.bulkGet(ids),
          db.contacts.where('followUpId').anyOf(ids).toArray(),
          db.employmentPeriods.where('followUpId').anyOf(ids).toArray(),
        ]);
        months = provenMonthsOf(
          followUps.filter((followUp) => followUp !== undefined),
          contacts.map(DASHBOARD_FIELDS.contacts),
          periods.map(DASHBOARD_FIELDS.employmentPeriods),
        );
      }
      return { settings, stamp, changes: { changed, marks, months } };
    });
    if (!found) return null;
    if (!found.changes) return { settings: found.settings, changed: false };
    const { changed, marks, months } = found.changes;
    for (const [name, table] of Object.entries(PROJECTED) as [ProjectedTable, keyof ProjectionTables][]) {
      const records = changed.get(name);
      if (!records || records.size === 0) continue;
      upsert(
        projection.tables[table] as Sorted<unknown>,
        [...records].map(([id, record]) => [id, record ? row(name, record) : null] as const),
      );
    }
    for (const [id, value] of months ?? []) projection.tables.provenMonths.set(id, value);
    projection.marks = marks;
    projection.stamp = found.stamp;
    return { settings: found.settings, changed: true };
  }
}
