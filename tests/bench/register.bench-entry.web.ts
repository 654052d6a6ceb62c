/**
 * What the follow-up register benchmark runs inside Chromium, bundled by `register.ts` into one
 * script for a blank page of the app's origin: the app's own database class and the register's own
 * reader and writer (renderer/features/followup/register), unchanged.
 */
import { addCalendarDays } from '@shared/dates';
import {
  CONTACT_OUTCOMES,
  DEFAULT_SETTINGS,
  type Contact,
  type EmploymentPeriod,
  type FollowUp,
  type Worker,
} from '@shared/domain/records';
import { PlannerDatabase, setDatabase } from '@renderer/db/database';
import { buildRegisterFile } from '@renderer/features/followup/register/register-file';
import { loadRegisterSource } from '@renderer/features/followup/register/register-source';

const AT = '2026-02-10T00:00:00.000Z';
const CONTACTS_PER_FOLLOW_UP = 3;
const DIFFICULTIES = ['', '', '', '宿舍离厂较远，通勤时间长', '工资发放推迟半个月', '', '想学电工技术'];
const ACTIONS = ['', '', '已电话告知企业人事', '已转驻外工作站跟进', ''];

let db: PlannerDatabase | null = null;

function open(): PlannerDatabase {
  if (!db) {
    db = new PlannerDatabase();
    setDatabase(db);
  }
  return db;
}

/**
 * Writes `workers`, a batch and an enterprise, one follow-up per worker (handed over on one of 200
 * days) and three contacts each (day 7, 30 and 90, outcomes in turn), with a period each: the
 * 300,000 contacts of the figure. Answers the contacts written.
 */
async function seed(workers: Worker[]): Promise<number> {
  const database = open();
  const followUps: FollowUp[] = [];
  const contacts: Contact[] = [];
  const periods: EmploymentPeriod[] = [];
  workers.forEach((worker, index) => {
    const handedOverOn = addCalendarDays('2025-06-01', index % 200);
    const id = `bench-f-${String(index)}`;
    followUps.push({
      id,
      createdAt: AT,
      updatedAt: AT,
      revision: 1,
      workerId: worker.id,
      batchId: 'bench-batch',
      handoverId: 'bench-handover',
      enterpriseId: 'bench-enterprise',
      handedOverOn,
      staffId: null,
      stationId: null,
      nextDue: null,
      lastContactOn: null,
      lastOutcome: null,
    });
    periods.push({
      id: `${id}:0`,
      createdAt: AT,
      updatedAt: AT,
      revision: 1,
      followUpId: id,
      workerId: worker.id,
      enterpriseId: 'bench-enterprise',
      employerName: '广州美华电子厂',
      employerCity: '广州市',
      start: handedOverOn,
      startSource: 'handover',
      end: null,
      endReason: null,
      endNote: '',
    });
    [7, 30, 90].slice(0, CONTACTS_PER_FOLLOW_UP).forEach((day, step) => {
      const outcome = step < 2 ? 'in-post' : (CONTACT_OUTCOMES[index % CONTACT_OUTCOMES.length] ?? 'in-post');
      contacts.push({
        id: `${id}-c${String(step)}`,
        createdAt: AT,
        updatedAt: AT,
        revision: 1,
        followUpId: id,
        workerId: worker.id,
        date: addCalendarDays(handedOverOn, day),
        method: step === 2 ? 'wechat' : 'phone',
        by: '李干事',
        outcome,
        enterpriseId: outcome === 'in-post' ? 'bench-enterprise' : null,
        employerName: outcome === 'changed-job' ? '东莞新力鞋业' : '',
        employerCity: outcome === 'changed-job' ? '东莞市' : '',
        startedOn: null,
        leftOn:
          outcome === 'left-looking' || outcome === 'returned-home' ? addCalendarDays(handedOverOn, day - 3) : null,
        leftReason: outcome === 'returned-home' ? '家中老人生病' : '',
        monthlyIncome: index % 3 === 0 ? 4200 + (index % 20) * 100 : null,
        difficulties: DIFFICULTIES[(index + step) % DIFFICULTIES.length] ?? '',
        needs: index % 11 === 0 ? ['rights'] : [],
        action: ACTIONS[(index + step) % ACTIONS.length] ?? '',
        nextDate: null,
      });
    });
  });
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((table) => table.clear()));
    await database.settings.put({ ...DEFAULT_SETTINGS, operatorName: '测速员', updatedAt: AT });
    await database.workers.bulkAdd(workers);
    await database.batches.add({
      id: 'bench-batch',
      createdAt: AT,
      updatedAt: AT,
      name: '田东县 第1批',
      routeId: 'bench-route',
      date: '2025-06-01',
      legs: [],
      organizer: '',
      escorts: [],
      medics: [],
      status: 'handed-over',
      overrides: [],
      notes: '',
    });
    await database.enterprises.add({
      id: 'bench-enterprise',
      createdAt: AT,
      updatedAt: AT,
      name: '广州美华电子厂',
      creditCode: '91440101MA59ABCD1X',
      city: '广州市',
      district: '白云区',
      address: '',
      contactName: '',
      contactPhone: '',
      handoverPoint: '',
      resumptionStatus: 'resumed',
      isKeyEnterprise: false,
      hrAgency: '',
      notes: '',
    });
    await database.followUps.bulkAdd(followUps);
    await database.contacts.bulkAdd(contacts);
    await database.employmentPeriods.bulkAdd(periods);
  });
  return contacts.length;
}

/** The baseline: a bare read of the tables the register reads (follow-ups, contacts, periods, workers). */
async function read(): Promise<{ ms: number; records: number }> {
  const database = open();
  const start = performance.now();
  const tables = await Promise.all([
    database.followUps.toArray(),
    database.contacts.toArray(),
    database.employmentPeriods.toArray(),
    database.workers.toArray(),
  ]);
  return { ms: performance.now() - start, records: tables.reduce((sum, table) => sum + table.length, 0) };
}

/** One export of the whole register (an empty filter): read, rows, XLSX; ms, rows and bytes. */
async function exportRegister(): Promise<{ ms: number; rows: number; bytes: number }> {
  const database = open();
  const start = performance.now();
  const { source, summary } = await loadRegisterSource(database, {});
  const bytes = await buildRegisterFile(
    source,
    { fullNumbers: false, language: 'zh-CN' },
    () => undefined,
    () => false,
  );
  return { ms: performance.now() - start, rows: summary.rows, bytes: bytes?.byteLength ?? 0 };
}

Object.assign(globalThis, { plannerRegisterBench: { seed, read, exportRegister } });
