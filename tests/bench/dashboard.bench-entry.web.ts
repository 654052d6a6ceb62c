/**
 * What the dashboard's database benchmark runs inside Chromium, bundled by `dashboard-db.ts` into one
 * script for a blank page of the app's origin: the app's own database class, the dashboard's own
 * repository (renderer/db/repositories/dashboard.ts) and the pure figures, as the home page's Web
 * Worker runs them. The records are the pure benchmark's source (dashboard.ts: the demo's 100,000
 * workers, 100 batches, 300,000 contacts, 50,000 claims), filled out into whole records as the app
 * stores them. Node builds the source and hands it over table by table (`benchDashboardSource`).
 */
import { dashboard, indexDashboard, type Dashboard, type DashboardSource } from '@shared/dashboard';
import { addCalendarDays, addCalendarMonths } from '@shared/dates';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { PlannerDatabase, setDatabase } from '@renderer/db/database';
import { dashboardSource } from '@renderer/db/repositories/dashboard';

const AT = '2026-02-10T00:00:00.000Z';
const NOW = '2026-12-07T02:00:00.000Z';
const TODAY = '2026-12-07';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const TWELVE_MONTHS = { from: addCalendarDays(addCalendarMonths(TODAY, -12), 1), to: TODAY };
const META = { createdAt: AT, updatedAt: AT, revision: 1 };

let db: PlannerDatabase | null = null;
let kept: { source: DashboardSource; index: ReturnType<typeof indexDashboard> } | null = null;

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

/** The first view: the repository's read, the index, and every figure of this year. */
async function firstView(): Promise<{ ms: number; peopleSent: number; handedOver: number; before: number }> {
  const start = performance.now();
  const source = await dashboardSource(open());
  const index = indexDashboard(source);
  const board = dashboard(source, YEAR, NOW, { index });
  // What the Web Worker hands the screen: a structured clone of the result.
  const answer = structuredClone(board);
  const ms = performance.now() - start;
  kept = { source, index };
  return { ms, ...summary(answer) };
}

/** A change of period (to the last 12 months) on the source the first view kept. */
function filterChange(): { ms: number; peopleSent: number; handedOver: number; before: number } {
  if (!kept) throw new Error('no first view');
  const start = performance.now();
  const answer = structuredClone(dashboard(kept.source, TWELVE_MONTHS, NOW, { index: kept.index }));
  return { ms: performance.now() - start, ...summary(answer) };
}

Object.assign(globalThis, { plannerDashboardBench: { seed, read, firstView, filterChange } });
