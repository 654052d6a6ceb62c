/**
 * What the dashboard's database benchmark runs inside Chromium, bundled by `dashboard-db.ts` into one
 * script for a blank page of the app's origin: the app's own database class, the dashboard's own
 * feed (renderer/db/dashboard: its stored projection) and the pure figures, as the home page's Web
 * Worker runs them. The records are the pure benchmark's source (dashboard.ts: the demo's 100,000
 * workers, 100 batches, 300,000 contacts, 50,000 claims), filled out into whole records as the app
 * stores them. Node builds the source and hands it over table by table (`benchDashboardSource`).
 */
import { dashboard, type Dashboard, type DashboardFilter, type DashboardSource } from '@shared/dashboard';
import { addCalendarDays, addCalendarMonths } from '@shared/dates';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { PlannerDatabase, setDatabase } from '@renderer/db/database';
import { auditedWrite } from '@renderer/db/audited-write';
import { DashboardFeed, type DashboardView, type LoadKind } from '@renderer/db/dashboard/dashboard-feed';
import { PROJECTION_ID } from '@renderer/db/dashboard/dashboard-projection';

const AT = '2026-02-10T00:00:00.000Z';
const NOW = '2026-12-07T02:00:00.000Z';
const TODAY = '2026-12-07';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const TWELVE_MONTHS = { from: addCalendarDays(addCalendarMonths(TODAY, -12), 1), to: TODAY };
const META = { createdAt: AT, updatedAt: AT, revision: 1 };

let db: PlannerDatabase | null = null;
let kept: { view: DashboardView; board: Dashboard } | null = null;
/** The bench stores the projection itself, when it chooses: no feed's timer fires during a measure. */
const FEED_OPTIONS = { saveDelayMs: 3_600_000 };
let calls = 0;
/** Now, a millisecond later at each call, as the screen asks (the figures are as of today all the same). */
const now = () => new Date(Date.parse(NOW) + ++calls).toISOString();

function open(): PlannerDatabase {
  if (!db) {
    db = new PlannerDatabase();
    setDatabase(db);
  }
  return db;
}

/** Stores the source as whole records; answers how many records were written. */
async function seed(): Promise<number> {
  const database = open();
  const holder = globalThis as unknown as { benchDashboardSource: DashboardSource | null };
  const source = holder.benchDashboardSource;
  holder.benchDashboardSource = null;
  if (!source) throw new Error('no source handed over');
  const batches = source.batches.map((batch) => ({
    ...META,
    ...batch,
    organizer: '',
    escorts: [],
    medics: [],
    overrides: [],
    notes: '',
  }));
  const assignments = source.assignments.map((assignment, index) => ({ ...META, id: `a${index}`, ...assignment }));
  const followUps = source.followUps.map((followUp) => ({
    ...META,
    ...followUp,
    handoverId: `h-${followUp.batchId}`,
    staffId: null,
    stationId: null,
    lastContactOn: null,
    lastOutcome: null,
  }));
  const workerOf = new Map(source.followUps.map((followUp) => [followUp.id, followUp.workerId]));
  const contacts = source.contacts.map((contact, index) => ({
    ...META,
    id: `k${index}`,
    ...contact,
    workerId: workerOf.get(contact.followUpId) ?? '',
    method: 'phone',
    by: '李干事',
    enterpriseId: null,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: index % 3 === 0 ? 4200 : null,
    difficulties: index % 7 === 0 ? '宿舍离厂较远，通勤时间长' : '',
    needs: [],
    action: '',
    nextDate: null,
  }));
  const periods = source.employmentPeriods.map((period) => ({
    ...META,
    ...period,
    workerId: workerOf.get(period.followUpId) ?? '',
    employerName: '',
    employerCity: '',
    startSource: 'handover',
    endNote: '',
  }));
  const schemes = source.schemes.map((scheme) => ({
    ...META,
    ...scheme,
    year: 2026,
    kind: 'job-seeking',
    payee: 'worker',
    amountFen: 50_000,
    tiers: [],
    conditions: {},
    instalments: [],
    evidence: [],
  }));
  const claims = source.claims.map((claim) => ({
    ...META,
    ...claim,
    instalment: null,
    periodId: null,
    months: 3,
    noticeDays: claim.noticeFrom ? 7 : null,
    submittedOn: null,
    approvedOn: null,
    voucher: claim.paidOn ? 'PZ-0001' : '',
    rejectionReason: claim.rejectedOn ? '材料不全' : '',
  }));
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((table) => table.clear()));
    await database.settings.put({ ...DEFAULT_SETTINGS, operatorName: '测速员', updatedAt: AT });
    await database.workers.bulkAdd(source.workers as never[]);
    await database.enterprises.bulkAdd(source.enterprises as never[]);
    await database.routes.bulkAdd(source.routes as never[]);
    await database.batches.bulkAdd(batches);
    await database.assignments.bulkAdd(assignments);
    await database.followUps.bulkAdd(followUps);
    await database.contacts.bulkAdd(contacts as never[]);
    await database.employmentPeriods.bulkAdd(periods as never[]);
    await database.subsidySchemes.bulkAdd(schemes as never[]);
    await database.subsidyClaims.bulkAdd(claims);
  });
  return (
    source.workers.length + assignments.length + followUps.length + contacts.length + periods.length + claims.length
  );
}

/** The baseline: a bare read of every table the dashboard reads, all at once. */
async function read(): Promise<{ ms: number; records: number }> {
  const database = open();
  const start = performance.now();
  const tables = await Promise.all([
    database.workers.toArray(),
    database.enterprises.toArray(),
    database.routes.toArray(),
    database.batches.toArray(),
    database.assignments.toArray(),
    database.healthChecks.toArray(),
    database.followUps.toArray(),
    database.contacts.toArray(),
    database.employmentPeriods.toArray(),
    database.subsidySchemes.toArray(),
    database.subsidyClaims.toArray(),
    database.settings.toArray(),
  ]);
  return { ms: performance.now() - start, records: tables.reduce((sum, table) => sum + table.length, 0) };
}

function summary(board: Dashboard) {
  const { current, yearBefore } = board.figures;
  return { peopleSent: current.peopleSent, handedOver: current.handedOver, before: yearBefore.peopleSent };
}

/** `loadMs`: the feed's load alone (the projection read and decoded); the rest is counting and the clone. */
type View = { ms: number; loadMs: number; peopleSent: number; handedOver: number; before: number };

/**
 * The home page opened: a new feed (as a new Web Worker has), its load, every figure of this year,
 * and the structured clone the screen receives. `expected` is how the feed must have loaded.
 */
async function openView(expected: LoadKind): Promise<View> {
  const feed = new DashboardFeed(open(), FEED_OPTIONS);
  const start = performance.now();
  const view = await feed.load();
  const loadMs = performance.now() - start;
  const board = dashboard(view.source, YEAR, now(), { index: view.index });
  const answer = structuredClone(board);
  const ms = performance.now() - start;
  if (feed.lastLoad !== expected) throw new Error(`the feed loaded ${String(feed.lastLoad)}, not ${expected}`);
  kept = { view, board };
  await feed.save();
  return { ms, loadMs, ...summary(answer) };
}

/** Reads every table once and stores the projection, as the first opening after an upgrade does. */
async function prepare(): Promise<View> {
  await open().caches.delete(PROJECTION_ID);
  return openView('rebuilt');
}

/** The first view on an unchanged database: the projection stored by an earlier opening. */
function firstView(): Promise<View> {
  return openView('current');
}

/**
 * The first view after a change: a worker edited and a contact logged since the projection was
 * stored (each run one change more than the projection holds, as the home page opened after a save).
 */
async function changedView(): Promise<View> {
  const database = open();
  const [worker] = await database.workers.limit(1).toArray();
  const [followUp] = await database.followUps.limit(1).toArray();
  if (!worker || !followUp) throw new Error('nothing to change');
  const at = new Date().toISOString();
  await auditedWrite(['workers', 'contacts'], async ({ update, create }) => {
    const status = worker.povertyStatus === 'registered-poor' ? 'none' : 'registered-poor';
    await update('workers', worker, { ...worker, povertyStatus: status, updatedAt: at });
    await create('contacts', {
      id: crypto.randomUUID(),
      followUpId: followUp.id,
      workerId: followUp.workerId,
      date: TODAY,
      outcome: 'in-post',
      method: 'phone',
      by: '李干事',
      enterpriseId: null,
      employerName: '',
      employerCity: '',
      startedOn: null,
      leftOn: null,
      leftReason: '',
      monthlyIncome: null,
      difficulties: '',
      needs: [],
      action: '',
      nextDate: null,
      createdAt: at,
      updatedAt: at,
    } as never);
  });
  return openView('caught-up');
}

/** The first view with no projection stored: every table read, as after a restore or the demo's load. */
async function rebuiltView(): Promise<View> {
  await open().caches.delete(PROJECTION_ID);
  return openView('rebuilt');
}

/** A change of filter on what the first view loaded, as the worker's `compute` answers it. */
function filterChange(kind: 'period' | 'county' | 'enterprise'): View {
  if (!kept) throw new Error('no first view');
  const { view, board } = kept;
  const filter: DashboardFilter =
    kind === 'period'
      ? TWELVE_MONTHS
      : kind === 'county'
        ? { ...YEAR, countyCode: board.sentByCounty[0]?.key ?? null }
        : { ...YEAR, enterpriseId: board.topEnterprises[0]?.key ?? null };
  const start = performance.now();
  const answer = structuredClone(dashboard(view.source, filter, now(), { index: view.index }));
  return { ms: performance.now() - start, loadMs: 0, ...summary(answer) };
}

Object.assign(globalThis, {
  plannerDashboardBench: { seed, read, prepare, firstView, changedView, rebuiltView, filterChange },
});
