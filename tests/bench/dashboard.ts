/**
 * Figures of the dashboard (issue 19, "speed": `dashboard-100k`): every key figure and chart of a
 * year, computed by the pure functions (shared/dashboard) from 100,000 workers, 100 batches, 300,000
 * contacts and 50,000 claims, then again with a county filter (the step a filter change repeats).
 * The filter figure keeps the source's index from the first view, as the dashboard does when only
 * the filter changes. The demo's workers and enterprises are used as they are; the batches, passengers, follow-ups,
 * contacts, periods and claims are built here (the demo holds a few hundred of them) with the
 * seed's own small generator, not Math.random. The run fails if a figure comes out empty, so the
 * workload stays one.
 *
 * Baseline, in the same run: reading the contacts, periods and assignments once into maps by
 * follow-up and batch, the step any figure over those records must take.
 */
import { dashboard, indexDashboard, type DashboardSource } from '@shared/dashboard';
import type { DashboardBatch, DashboardClaim, DashboardContact, DashboardFollowUp } from '@shared/dashboard';
import type { DashboardAssignment, DashboardPeriod } from '@shared/dashboard';
import { addCalendarDays } from '@shared/dates';
import { makeDemoData } from '@shared/demo';
import type { ContactOutcome } from '@shared/domain/records';
import type { ClaimStatus } from '@shared/subsidy/claim-steps';
import { timeRuns, type Figure } from './measure';

const SEED = 20200218;
const RUNS = 5;
const TODAY = '2026-12-07';
const NOW = '2026-12-07T02:00:00.000Z';
const BATCHES = 100;
const CONTACTS = 300_000;
const CLAIMS = 50_000;
const OUTCOMES: readonly ContactOutcome[] = [
  'in-post',
  'in-post',
  'in-post',
  'changed-job',
  'left-looking',
  'unreachable',
];
const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'eligible',
  'on-notice',
  'submitted',
  'approved',
  'paid',
  'paid',
  'rejected',
];

export function buildSource(): DashboardSource {
  let state = SEED;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const { workers, enterprises, routes } = makeDemoData({ seed: SEED, workers: 100_000, today: TODAY });
  const route = routes[0];
  if (!route) throw new Error('the demo has no route');
  const template = makeDemoData({ seed: SEED, workers: 200, today: TODAY }).batches[0];
  if (!template) throw new Error('the demo has no batch');
  // 80 batches over the two years before today, 20 in the coming ten weeks.
  const batches: DashboardBatch[] = Array.from({ length: BATCHES }, (_, index) => {
    const past = index < 80;
    const date = addCalendarDays(TODAY, past ? -Math.floor((index * 730) / 80) - 3 : (index - 80) * 3 + 1);
    return {
      id: `b${index}`,
      name: `专列${index}`,
      routeId: route.id,
      date,
      status: past ? 'closed' : index % 2 === 0 ? 'ready' : 'planned',
      legs: template.legs,
    };
  });
  const assignments: DashboardAssignment[] = [];
  const followUps: DashboardFollowUp[] = [];
  workers.forEach((worker, index) => {
    const batch = batches[index % BATCHES] as DashboardBatch;
    assignments.push({
      batchId: batch.id,
      workerId: worker.id,
      seats: [],
      boarding: next() < 0.03 ? 'absent' : 'boarded',
    });
    if (batch.status !== 'closed' || next() < 0.1) return;
    const handedOverOn = addCalendarDays(batch.date, 2);
    followUps.push({
      id: `f${index}`,
      workerId: worker.id,
      batchId: batch.id,
      enterpriseId: enterprises[index % enterprises.length]?.id ?? '',
      handedOverOn,
      nextDue: addCalendarDays(handedOverOn, Math.floor(next() * 400)),
    });
  });
  const contacts: DashboardContact[] = [];
  for (let index = 0; index < CONTACTS; index++) {
    const followUp = followUps[index % followUps.length] as DashboardFollowUp;
    const date = addCalendarDays(followUp.handedOverOn, 7 + Math.floor(next() * 200));
    contacts.push({
      followUpId: followUp.id,
      date: date > TODAY ? TODAY : date,
      outcome: OUTCOMES[Math.floor(next() * OUTCOMES.length)] ?? 'in-post',
    });
  }
  const employmentPeriods: DashboardPeriod[] = followUps.map((followUp) => {
    const ended = next() < 0.3;
    return {
      id: `p${followUp.id}`,
      followUpId: followUp.id,
      enterpriseId: followUp.enterpriseId,
      start: followUp.handedOverOn,
      end: ended ? addCalendarDays(followUp.handedOverOn, 20 + Math.floor(next() * 200)) : null,
      endReason: ended ? 'left' : null,
    };
  });
  const schemes = ['s0', 's1', 's2', 's3'].map((id, index) => ({ id, name: `补贴${index}` }));
  const claims: DashboardClaim[] = Array.from({ length: CLAIMS }, (_, index) => {
    const followUp = followUps[(index * 7) % followUps.length] as DashboardFollowUp;
    const status = CLAIM_STATUSES[Math.floor(next() * CLAIM_STATUSES.length)] ?? 'eligible';
    const dueOn = addCalendarDays(followUp.handedOverOn, 30);
    const noticeFrom = status === 'eligible' ? null : addCalendarDays(dueOn, 10);
    return {
      id: `c${index}`,
      schemeId: schemes[index % schemes.length]?.id ?? 's0',
      workerId: followUp.workerId,
      year: Number(dueOn.slice(0, 4)),
      payee: 'worker',
      payeeId: followUp.workerId,
      status,
      amountFen: 50_000 + (index % 7) * 10_000,
      paidAmountFen: null,
      dueOn,
      noticeFrom,
      paidOn: status === 'paid' ? addCalendarDays(dueOn, 30) : null,
      rejectedOn: status === 'rejected' ? addCalendarDays(dueOn, 20) : null,
    };
  });
  return {
    workers,
    enterprises,
    routes,
    batches,
    assignments,
    healthChecks: [],
    followUps,
    contacts,
    employmentPeriods,
    schemes,
    claims,
    settings: { loadFactor: 0.5, checkValidityHours: 72 },
  };
}

export async function dashboardFigures(print: (figure: Figure) => void): Promise<void> {
  const source = buildSource();
  let grouped = 0;
  const baseline: Figure = {
    name: 'dashboard-group-100k',
    unit: 'ms',
    samples: await timeRuns(RUNS, () => {
      const byFollowUp = new Map<string, number>();
      for (const contact of source.contacts)
        byFollowUp.set(contact.followUpId, (byFollowUp.get(contact.followUpId) ?? 0) + 1);
      for (const period of source.employmentPeriods)
        byFollowUp.set(period.followUpId, (byFollowUp.get(period.followUpId) ?? 0) + 1);
      const byBatch = new Map<string, number>();
      for (const assignment of source.assignments)
        byBatch.set(assignment.batchId, (byBatch.get(assignment.batchId) ?? 0) + 1);
      grouped = byFollowUp.size + byBatch.size;
    }),
  };
  print(baseline);
  const year = { from: '2026-01-01', to: '2026-12-31' };
  let board = dashboard(source, year, NOW);
  print({
    name: 'dashboard-figures-100k',
    unit: 'ms',
    baseline,
    samples: await timeRuns(RUNS, () => {
      board = dashboard(source, year, NOW);
    }),
  });
  const countyCode = source.workers[0]?.countyCode ?? '';
  // A filter change on the same source: its index (contacts and periods by follow-up) is kept.
  const index = indexDashboard(source);
  let filtered = board;
  print({
    name: 'dashboard-filter-100k',
    unit: 'ms',
    baseline,
    samples: await timeRuns(RUNS, () => {
      // A copy of the index each run: its maps are kept, as across filter changes, but not the
      // filterings remembered under it, which would answer a second run of the same filter at once.
      filtered = dashboard(source, { ...year, countyCode }, NOW, { index: { ...index } });
    }),
  });
  // Kept, so that no engine can drop the work as unused, and checked, so that the workload stays one.
  const { current } = board.figures;
  if (grouped === 0) throw new Error('nothing was grouped');
  if (current.peopleSent === 0 || current.handedOver === 0 || current.inPost[30] === 0) {
    throw new Error(`an empty dashboard: ${JSON.stringify(current)}`);
  }
  if (current.subsidies.paidFen === 0 || board.figures.yearBefore.peopleSent === 0) {
    throw new Error('no subsidies paid, or no one sent the year before');
  }
  if (filtered.figures.current.peopleSent === 0 || filtered.figures.current.peopleSent >= current.peopleSent) {
    throw new Error('the county filter kept no one, or everyone');
  }
}
