/**
 * The lists behind the dashboard's figures and bars (issue 19, item 3): a click on a number opens a
 * list of as many rows as the number said, read back from the address the click went to.
 */
import { describe, expect, it } from 'vitest';
import {
  dashboard,
  filterDashboard,
  topEnterprises,
  type DashboardFilter,
  type DashboardSource,
} from '@shared/dashboard';
import {
  CLAIM_BUCKETS,
  drillHref,
  parseDrill,
  type BatchesDrill,
  type ClaimsDrill,
  type Drill,
  type PeopleDrill,
} from '@shared/dashboard/drill';
import {
  dashboardFilterOptions,
  drillRows,
  type BatchRow,
  type ClaimRow,
  type DrillRows,
  type PersonRow,
} from '@shared/dashboard/drill-rows';
import { subtractCalendarYears } from '@shared/dates';
import { BATCH_STATUSES } from '@shared/domain/records';
import { NOW, handMadeOffice } from './fixture';

const YEAR_2026: DashboardFilter = { from: '2026-01-01', to: '2026-12-31' };

/** The rows of the list an address names, the address written as a bar or a figure writes it. */
function rowsBehind(source: DashboardSource, filter: DashboardFilter, drill: PeopleDrill): PersonRow[];
function rowsBehind(source: DashboardSource, filter: DashboardFilter, drill: BatchesDrill): BatchRow[];
function rowsBehind(source: DashboardSource, filter: DashboardFilter, drill: ClaimsDrill): ClaimRow[];
function rowsBehind(source: DashboardSource, filter: DashboardFilter, drill: Drill): DrillRows['rows'];
function rowsBehind(source: DashboardSource, filter: DashboardFilter, drill: Drill): DrillRows['rows'] {
  const href = drillHref(filter, drill);
  const [path, query] = href.split('?');
  const parsed = parseDrill(path?.split('/').at(-1) ?? '', new URLSearchParams(query));
  if ('problem' in parsed) throw new Error(`${href}: ${parsed.problem}`);
  expect(parsed).toEqual({ filter: expect.objectContaining(filter) as unknown, drill });
  return drillRows(filterDashboard(source, parsed.filter, NOW), parsed.drill).rows;
}

/** Each number of the dashboard with a list behind it: [what, the number, how many rows its list has]. */
function everyNumber(source: DashboardSource, filter: DashboardFilter): [string, number, number][] {
  const board = dashboard(source, filter, NOW);
  const count = (f: DashboardFilter, drill: Drill) => rowsBehind(source, f, drill).length;
  const checks: [string, number, number][] = [];
  const check = (what: string, shown: number, f: DashboardFilter, drill: Drill) =>
    checks.push([what, shown, count(f, drill)]);

  const yearBefore = {
    ...filter,
    from: subtractCalendarYears(filter.from, 1),
    to: subtractCalendarYears(filter.to, 1),
  };
  for (const [period, f, figures] of [
    ['current', filter, board.figures.current],
    ['year before', yearBefore, board.figures.yearBefore],
  ] as const) {
    check(`${period} people sent`, figures.peopleSent, f, { list: 'people' });
    check(`${period} registered poor`, figures.registeredPoor.count, f, { list: 'people', poor: true });
    check(`${period} handed over`, figures.handedOver, f, { list: 'people', step: 'handedOver' });
    check(`${period} in post 30`, figures.inPost[30], f, { list: 'people', step: 'inPost30' });
    check(`${period} in post 90`, figures.inPost[90], f, { list: 'people', step: 'inPost90' });
    check(`${period} in post 180`, figures.inPost[180], f, { list: 'people', step: 'inPost180' });
    check(`${period} batches departed`, figures.batchesDeparted, f, { list: 'batches', kind: 'departed' });
    check(`${period} batches planned`, figures.batchesPlanned, f, { list: 'batches', kind: 'planned' });
  }
  for (const bar of board.sentByMonth)
    check(`month ${bar.key}`, bar.people, filter, { list: 'people', month: bar.key });
  for (const county of board.sentByCounty) {
    check(`county ${county.key}`, county.people, { ...filter, countyCode: county.key }, { list: 'people' });
    for (const township of county.parts) {
      const f = { ...filter, countyCode: county.key, township: township.key };
      check(`township ${township.key}`, township.people, f, { list: 'people' });
    }
  }
  for (const province of board.sentByDestination) {
    check(`province "${province.key}"`, province.people, filter, { list: 'people', province: province.key });
    for (const city of province.parts) {
      const drill: Drill = { list: 'people', province: province.key, city: city.key };
      check(`city "${city.key}"`, city.people, filter, drill);
    }
  }
  for (const bar of topEnterprises(filterDashboard(source, filter, NOW), 100)) {
    check(`enterprise ${bar.key}`, bar.people, { ...filter, enterpriseId: bar.key }, { list: 'people' });
  }
  const { funnel } = board;
  check('funnel sent', funnel.sent, filter, { list: 'people', step: 'sent' });
  check('funnel handed over', funnel.handedOver, filter, { list: 'people', step: 'handedOver' });
  check('funnel in post 30', funnel.inPost[30], filter, { list: 'people', step: 'inPost30' });
  check('funnel in post 90', funnel.inPost[90], filter, { list: 'people', step: 'inPost90' });
  check('funnel in post 180', funnel.inPost[180], filter, { list: 'people', step: 'inPost180' });
  for (const week of board.comingWeeks) {
    const drill: Drill = { list: 'batches', kind: 'coming', week: week.from };
    check(`week of ${week.from}`, week.batches.length, filter, drill);
    // The same batches, with the same seats, as the chart's.
    expect(rowsBehind(source, filter, drill)).toEqual(week.batches);
    for (const status of BATCH_STATUSES) {
      check(`week of ${week.from}, ${status}`, week.byStatus[status], filter, { ...drill, status });
    }
  }
  check('health checks soon', board.healthSoon.length, filter, { list: 'batches', kind: 'health' });
  check('overdue contacts', board.figures.overdueContacts, filter, { list: 'contacts' });
  // The subsidy sums: as many yuan in their list as the figure or the bar said.
  const fenBehind = (f: DashboardFilter, drill: ClaimsDrill) =>
    rowsBehind(source, f, drill).reduce((sum, row) => sum + row.amountFen, 0);
  const { subsidies } = board.figures.current;
  for (const [bucket, fen] of [
    ['owed', subsidies.owedFen],
    ['onNotice', subsidies.onNoticeFen],
    ['paid', subsidies.paidFen],
  ] as const) {
    checks.push([`subsidies ${bucket} (fen)`, fen, fenBehind(filter, { list: 'claims', bucket })]);
  }
  for (const bar of board.subsidiesByScheme) {
    const f = { ...filter, schemeId: bar.schemeId };
    for (const bucket of CLAIM_BUCKETS) {
      checks.push([
        `scheme ${bar.schemeId} ${bucket} (fen)`,
        bar[`${bucket}Fen`],
        fenBehind(f, { list: 'claims', bucket }),
      ]);
    }
  }
  return checks;
}

/** The hand-made office, with w1 sent a second time (to 宁波) and 宁波服装厂 without a city. */
function variants(): [string, DashboardSource][] {
  const twice = handMadeOffice();
  twice.assignments = [...twice.assignments, { batchId: 'b2', workerId: 'w1', seats: [], boarding: 'boarded' }];
  twice.workers = twice.workers.map((worker) => (worker.id === 'w1' ? { ...worker, enterpriseId: 'e2' } : worker));
  const cityless = handMadeOffice();
  cityless.enterprises = cityless.enterprises.map((e) => (e.id === 'e2' ? { ...e, city: '' } : e));
  return [
    ['the hand-made office', handMadeOffice()],
    ['a worker sent twice', twice],
    ['an enterprise without a city', cityless],
  ];
}

const FILTERS: [string, DashboardFilter][] = [
  ['2026', YEAR_2026],
  ['Feb–Mar 2026', { from: '2026-02-10', to: '2026-03-31' }],
  ['2026, 田东县', { ...YEAR_2026, countyCode: '451022' }],
  ['2026, 祥周镇', { ...YEAR_2026, countyCode: '451022', township: '祥周镇' }],
  ['2026, 广州电子厂', { ...YEAR_2026, enterpriseId: 'e1' }],
  ['2026, scheme 交通补贴', { ...YEAR_2026, schemeId: 's2' }],
];

describe('a list behind every figure and bar has as many rows as the number clicked', () => {
  for (const [office, source] of variants()) {
    for (const [name, filter] of FILTERS) {
      it(`${office}, ${name}`, () => {
        const checks = everyNumber(source, filter);
        expect(checks.map(([what, , rows]) => [what, rows])).toEqual(checks.map(([what, shown]) => [what, shown]));
        // Not a list of zeros: the office sends people in each of these.
        expect(checks.some(([what, shown]) => what === 'current people sent' && shown > 0)).toBe(true);
      });
    }
  }

  it('has bars of an unknown destination, which lead to their own people', () => {
    const [, , [, cityless]] = variants() as [unknown, unknown, [string, DashboardSource]];
    const board = dashboard(cityless, YEAR_2026, NOW);
    expect(board.sentByDestination.map((bar) => [bar.key, bar.people])).toEqual([
      ['广东省', 3],
      ['', 2],
    ]);
    expect(drillHref(YEAR_2026, { list: 'people', province: '' })).toBe(
      '/dashboard/people?from=2026-01-01&to=2026-12-31&province=',
    );
    const rows = rowsBehind(cityless, YEAR_2026, { list: 'people', province: '' });
    expect(rows.map((row) => row.workerId)).toEqual(['w3', 'w4']);
  });
});

describe('the rows of a list', () => {
  it('people: one row each, with their trip, enterprise and how far they got', () => {
    const rows = rowsBehind(handMadeOffice(), YEAR_2026, { list: 'people' });
    expect(
      rows.map((row) => [
        row.workerId,
        row.county,
        row.township,
        row.enterpriseName,
        row.batchName,
        row.date,
        row.handedOver,
        row.inPostDays,
      ]),
    ).toEqual([
      ['w1', '田东县', '祥周镇', '广州电子厂', '专列b1', '2026-02-18', true, 180],
      ['w2', '田东县', '祥周镇', '广州电子厂', '专列b1', '2026-02-18', true, 90],
      ['w3', '田东县', '平马镇', '宁波服装厂', '专列b1', '2026-02-18', true, 30],
      ['w4', '德保县', '城关镇', '宁波服装厂', '专列b2', '2026-03-05', true, null],
      ['w5', '德保县', '城关镇', '广州电子厂', '专列b2', '2026-03-05', false, null],
    ]);
  });

  it('a person sent twice is one row, on their latest trip, with both trips counted', () => {
    const [, [, twice]] = variants() as [unknown, [string, DashboardSource]];
    const w1 = rowsBehind(twice, YEAR_2026, { list: 'people' }).find((row) => row.workerId === 'w1');
    expect(w1).toMatchObject({
      batchId: 'b2',
      enterpriseName: '宁波服装厂',
      trips: 2,
      handedOver: true,
      inPostDays: 180,
    });
  });

  it('the registered poor, and those in post at 90 days', () => {
    const ids = (drill: PeopleDrill) => rowsBehind(handMadeOffice(), YEAR_2026, drill).map((row) => row.workerId);
    expect(ids({ list: 'people', poor: true })).toEqual(['w1', 'w3', 'w5']);
    expect(ids({ list: 'people', step: 'inPost90' })).toEqual(['w1', 'w2']);
    expect(ids({ list: 'people', month: '2026-03' })).toEqual(['w4', 'w5']);
  });

  it('batches: the departed and the planned of the period, with passengers, seats and capacity', () => {
    const departed = rowsBehind(handMadeOffice(), YEAR_2026, { list: 'batches', kind: 'departed' });
    expect(departed.map((row) => [row.id, row.status, row.passengers])).toEqual([
      ['b1', 'closed', 4], // w1, w2, w3 and w7 (absent at boarding, still a passenger)
      ['b2', 'handed-over', 2],
    ]);
    const planned = rowsBehind(handMadeOffice(), YEAR_2026, { list: 'batches', kind: 'planned' });
    expect(planned).toEqual([
      { id: 'b6', name: '专列b6', date: '2026-06-01', status: 'draft', passengers: 0, seated: 0, capacity: 24 },
      { id: 'b4', name: '专列b4', date: '2026-12-08', status: 'ready', passengers: 2, seated: 1, capacity: 24 },
      { id: 'b5', name: '专列b5', date: '2026-12-20', status: 'planned', passengers: 0, seated: 0, capacity: 0 },
    ]);
  });
});

describe('the address of a list', () => {
  const parse = (list: string, query: string) => parseDrill(list, new URLSearchParams(query));

  it('reads back what drillHref wrote', () => {
    const filter = { ...YEAR_2026, countyCode: '451022', township: '祥周镇', enterpriseId: 'e1', schemeId: 's1' };
    const people: Drill = {
      list: 'people',
      month: '2026-03',
      province: '广东省',
      city: '广州市',
      step: 'inPost90',
      poor: true,
    };
    const batches: Drill = { list: 'batches', kind: 'coming', week: '2026-12-14', status: 'ready' };
    for (const drill of [people, batches]) {
      const [path, query] = drillHref(filter, drill).split('?');
      expect(parse(path?.slice('/dashboard/'.length) ?? '', query ?? '')).toEqual({ filter, drill });
    }
  });

  it('names what is wrong with a bad address', () => {
    expect(parse('contracts', 'from=2026-01-01&to=2026-12-31')).toEqual({ problem: 'unknownList', value: 'contracts' });
    expect(parse('claims', 'from=2026-01-01&to=2026-12-31&bucket=owing')).toEqual({
      problem: 'unknownBucket',
      value: 'owing',
    });
    expect(parse('people', 'to=2026-12-31')).toEqual({ problem: 'missingDate', field: 'from' });
    expect(parse('people', 'from=2026-02-30&to=2026-12-31')).toEqual({
      problem: 'badDate',
      field: 'from',
      value: '2026-02-30',
    });
    expect(parse('people', 'from=2026-12-31&to=2026-01-01')).toEqual({
      problem: 'reversed',
      from: '2026-12-31',
      to: '2026-01-01',
    });
    expect(parse('people', 'from=2026-01-01&to=2026-12-31&county=田东')).toEqual({
      problem: 'badCounty',
      value: '田东',
    });
    expect(parse('people', 'from=2026-01-01&to=2026-12-31&month=2026-13')).toEqual({
      problem: 'badMonth',
      value: '2026-13',
    });
    expect(parse('people', 'from=2026-01-01&to=2026-12-31&month=2025-12')).toEqual({
      problem: 'monthOutside',
      value: '2025-12',
    });
    expect(parse('people', 'from=2026-01-01&to=2026-12-31&step=inPost60')).toEqual({
      problem: 'unknownStep',
      value: 'inPost60',
    });
    expect(parse('people', 'from=2026-01-01&to=2026-12-31&poor=yes')).toEqual({ problem: 'badPoor', value: 'yes' });
    expect(parse('batches', 'from=2026-01-01&to=2026-12-31')).toEqual({ problem: 'unknownKind', value: '' });
    expect(parse('batches', 'from=2026-01-01&to=2026-12-31&kind=departed&status=gone')).toEqual({
      problem: 'unknownStatus',
      value: 'gone',
    });
    expect(parse('batches', 'from=2026-01-01&to=2026-12-31&kind=departed&week=2026-12-07')).toEqual({
      problem: 'weekWithoutComing',
    });
    expect(parse('batches', 'from=2026-01-01&to=2026-12-31&kind=coming&week=next')).toEqual({
      problem: 'badDate',
      field: 'week',
      value: 'next',
    });
  });
});

describe('what the filter offers', () => {
  it('the counties by name, their townships, the enterprises and the schemes', () => {
    const options = dashboardFilterOptions(handMadeOffice());
    expect(options.counties).toEqual([
      { value: '451024', label: '德保县' },
      { value: '451022', label: '田东县' },
    ]);
    expect(options.townships).toEqual({ '451022': ['平马镇', '祥周镇'], '451024': ['城关镇'] });
    expect(options.enterprises).toEqual([
      { value: 'e1', label: '广州电子厂' },
      { value: 'e2', label: '宁波服装厂' },
    ]);
    expect(options.schemes.map((scheme) => scheme.label)).toEqual(['交通补贴', '一次性求职补贴']);
  });
});
