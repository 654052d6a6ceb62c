/**
 * A hand-made office for the dashboard tests: 7 workers from two counties, two enterprises (广州,
 * 宁波), batches last year, this year and in the coming weeks, follow-ups with contacts and
 * employment periods, and claims under two schemes. Every figure the tests expect is worked out by
 * hand in dashboard.test.ts from what is written here.
 */
import type { PovertyStatus, Vehicle } from '@shared/domain/records';
import type {
  DashboardAssignment,
  DashboardBatch,
  DashboardClaim,
  DashboardSource,
  DashboardWorker,
} from '@shared/dashboard';

function worker(
  id: string,
  countyCode: '451022' | '451024',
  township: string,
  povertyStatus: PovertyStatus,
  enterpriseId: string | null,
): DashboardWorker {
  return {
    id,
    countyCode,
    county: countyCode === '451022' ? '田东县' : '德保县',
    township,
    povertyStatus,
    enterpriseId,
  };
}

export const COACH: Vehicle = {
  id: 'v1',
  kind: 'coach',
  label: '桂L·12345',
  seatCount: 49,
  reserved: [],
  escortId: null,
};

function batch(
  id: string,
  date: string,
  status: DashboardBatch['status'],
  extra: Partial<DashboardBatch> = {},
): DashboardBatch {
  return { id, name: `专列${id}`, routeId: 'r1', date, status, legs: [{ legId: 'l1', vehicles: [COACH] }], ...extra };
}

function aboard(batchId: string, workerId: string, extra: Partial<DashboardAssignment> = {}): DashboardAssignment {
  return { batchId, workerId, seats: [], boarding: 'boarded', ...extra };
}

function claim(id: string, schemeId: string, workerId: string, extra: Partial<DashboardClaim>): DashboardClaim {
  return {
    id,
    schemeId,
    workerId,
    year: 2026,
    payee: 'worker',
    payeeId: workerId,
    status: 'eligible',
    amountFen: 0,
    paidAmountFen: null,
    dueOn: '2026-03-20',
    noticeFrom: null,
    paidOn: null,
    rejectedOn: null,
    ...extra,
  };
}

/** 10:00 on 7 December 2026 in Beijing. */
export const NOW = '2026-12-07T02:00:00.000Z';

export function handMadeOffice(): DashboardSource {
  return {
    workers: [
      worker('w1', '451022', '祥周镇', 'registered-poor', 'e1'),
      worker('w2', '451022', '祥周镇', 'none', 'e1'),
      worker('w3', '451022', '平马镇', 'registered-poor', 'e2'),
      worker('w4', '451024', '城关镇', 'relatively-poor', 'e2'),
      worker('w5', '451024', '城关镇', 'registered-poor', 'e1'),
      worker('w6', '451022', '平马镇', 'none', 'e1'),
      worker('w7', '451022', '祥周镇', 'registered-poor', null),
      { ...worker('w8', '451022', '祥周镇', 'registered-poor', 'e1'), deletedAt: '2026-03-01T00:00:00.000Z' },
    ],
    enterprises: [
      { id: 'e1', name: '广州电子厂', city: '广州市', district: '番禺区' },
      { id: 'e2', name: '宁波服装厂', city: '宁波', district: '鄞州区' },
    ],
    routes: [{ id: 'r1', legs: [{ departureMinutes: 5 * 60 + 30 }] }],
    batches: [
      batch('b1', '2026-02-18', 'closed'),
      batch('b2', '2026-03-05', 'handed-over'),
      batch('b3', '2025-03-01', 'closed'),
      batch('b4', '2026-12-08', 'ready'),
      batch('b5', '2026-12-20', 'planned', { legs: [] }),
      batch('b6', '2026-06-01', 'draft'),
      { ...batch('b7', '2026-05-01', 'departed'), deletedAt: '2026-04-30T00:00:00.000Z' },
    ],
    assignments: [
      aboard('b1', 'w1'),
      aboard('b1', 'w2'),
      aboard('b1', 'w3'),
      aboard('b1', 'w7', { boarding: 'absent' }),
      aboard('b1', 'w8'),
      aboard('b2', 'w4'),
      aboard('b2', 'w5', { boarding: 'pending' }),
      // Moved from b2 to b1 before departure: the history stays, deleted.
      aboard('b2', 'w2', { deletedAt: '2026-02-01T00:00:00.000Z' }),
      aboard('b3', 'w6'),
      aboard('b3', 'w1'),
      aboard('b7', 'w6'),
      aboard('b4', 'w7', { boarding: 'pending', seats: [{ legId: 'l1', vehicleId: 'v1', seat: '3' }] }),
      aboard('b4', 'w2', { boarding: 'pending' }),
    ],
    healthChecks: [
      {
        id: 'h1',
        batchId: 'b4',
        workerId: 'w7',
        result: 'pass',
        checkedAt: '2026-12-07T00:00:00.000Z',
        createdAt: '2026-12-07T00:00:00.000Z',
      },
    ],
    followUps: [
      {
        id: 'f1',
        workerId: 'w1',
        batchId: 'b1',
        enterpriseId: 'e1',
        handedOverOn: '2026-02-20',
        nextDue: '2026-12-06',
      },
      {
        id: 'f2',
        workerId: 'w2',
        batchId: 'b1',
        enterpriseId: 'e1',
        handedOverOn: '2026-02-20',
        nextDue: '2026-12-07',
      },
      { id: 'f3', workerId: 'w3', batchId: 'b1', enterpriseId: 'e2', handedOverOn: '2026-02-20', nextDue: null },
      {
        id: 'f4',
        workerId: 'w4',
        batchId: 'b2',
        enterpriseId: 'e2',
        handedOverOn: '2026-03-07',
        nextDue: '2026-09-05',
      },
      { id: 'f5', workerId: 'w6', batchId: 'b3', enterpriseId: 'e1', handedOverOn: '2025-03-03', nextDue: null },
    ],
    contacts: [
      { followUpId: 'f1', date: '2026-03-22', outcome: 'in-post' },
      { followUpId: 'f1', date: '2026-08-25', outcome: 'in-post' },
      { followUpId: 'f2', date: '2026-05-21', outcome: 'in-post' },
      // A contact corrected later: soft-deleted, it proves nothing.
      { followUpId: 'f2', date: '2026-09-01', outcome: 'in-post', deletedAt: '2026-09-02T00:00:00.000Z' },
      { followUpId: 'f3', date: '2026-04-01', outcome: 'left-looking' },
      { followUpId: 'f4', date: '2026-04-10', outcome: 'unreachable' },
      { followUpId: 'f5', date: '2025-04-10', outcome: 'changed-job' },
    ],
    employmentPeriods: [
      { id: 'p1', followUpId: 'f1', enterpriseId: 'e1', start: '2026-02-20', end: null, endReason: null },
      { id: 'p2', followUpId: 'f2', enterpriseId: 'e1', start: '2026-02-20', end: null, endReason: null },
      { id: 'p3', followUpId: 'f3', enterpriseId: 'e2', start: '2026-02-20', end: '2026-03-25', endReason: 'left' },
      { id: 'p4', followUpId: 'f4', enterpriseId: 'e2', start: '2026-03-07', end: null, endReason: null },
      {
        id: 'p5',
        followUpId: 'f5',
        enterpriseId: 'e1',
        start: '2025-03-03',
        end: '2025-04-05',
        endReason: 'changed-job',
      },
      { id: 'p6', followUpId: 'f5', enterpriseId: null, start: '2025-04-05', end: null, endReason: null },
    ],
    schemes: [
      { id: 's1', name: '一次性求职补贴' },
      { id: 's2', name: '交通补贴' },
    ],
    claims: [
      claim('c1', 's1', 'w1', { status: 'paid', amountFen: 100_000, paidAmountFen: 100_000, paidOn: '2026-04-01' }),
      claim('c2', 's1', 'w3', { status: 'on-notice', amountFen: 100_000, noticeFrom: '2026-11-20' }),
      claim('c3', 's2', 'w4', { amountFen: 50_000, dueOn: '2026-05-01', payee: 'enterprise', payeeId: 'e2' }),
      claim('c4', 's2', 'w5', { status: 'rejected', amountFen: 30_000, dueOn: '2026-06-01', rejectedOn: '2026-06-10' }),
      claim('c5', 's2', 'w6', {
        year: 2025,
        status: 'paid',
        amountFen: 50_000,
        paidAmountFen: 45_000,
        dueOn: '2025-04-01',
        paidOn: '2025-05-01',
      }),
      claim('c6', 's1', 'w2', { status: 'paid', amountFen: 100_000, paidAmountFen: 100_000, paidOn: '2027-01-05' }),
      { ...claim('c7', 's1', 'w4', { amountFen: 999_999 }), deletedAt: '2026-05-01T00:00:00.000Z' },
    ],
    settings: { loadFactor: 0.5, checkValidityHours: 72 },
  };
}
