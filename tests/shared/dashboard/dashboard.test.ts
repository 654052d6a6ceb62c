import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboard, filterDashboard, indexDashboard, keyFigures, share, type DashboardFilter } from '@shared/dashboard';
import { COACH, NOW, handMadeOffice } from './fixture';

const YEAR_2026: DashboardFilter = { from: '2026-01-01', to: '2026-12-31' };

describe('the share from registered-poor households, as the press writes it', () => {
  it('354 of 756 is 46.83 (two decimals, half-up on the exact fraction)', () => {
    expect(share(354, 756)).toEqual({ count: 354, of: 756, percent: '46.83' });
  });

  it('rounds half-up where floats would round down: 29 of 20,000 is 0.145 → 0.15', () => {
    // (29 / 20000 * 100).toFixed(2) prints 0.14: the float is 0.14499….
    expect(share(29, 20_000).percent).toBe('0.15');
    expect(share(1, 3).percent).toBe('33.33');
    expect(share(2, 3).percent).toBe('66.67');
    expect(share(1, 8).percent).toBe('12.50');
    expect(share(0, 5).percent).toBe('0.00');
    expect(share(756, 756).percent).toBe('100.00');
    expect(share(3_333_333_333, 9_999_999_999).percent).toBe('33.33');
  });

  it('has no percentage of nobody, and refuses a part larger than the whole', () => {
    expect(share(0, 0)).toEqual({ count: 0, of: 0, percent: null });
    expect(() => share(5, 4)).toThrow(RangeError);
    expect(() => share(1.5, 4)).toThrow(RangeError);
  });
});

describe('the key figures of 2026 against 2025', () => {
  const { current, yearBefore, overdueContacts } = keyFigures(filterDashboard(handMadeOffice(), YEAR_2026, NOW));

  it('counts the people sent on departed batches, each once, without the absent or the deleted', () => {
    // b1: w1, w2, w3 (w7 absent, w8 deleted); b2: w4, w5 (boarding not recorded counts); b7 deleted.
    expect(current.peopleSent).toBe(5);
    expect(current.registeredPoor).toEqual({ count: 3, of: 5, percent: '60.00' });
  });

  it('counts batches departed and not yet departed in the period', () => {
    expect(current.batchesDeparted).toBe(2); // b1, b2
    expect(current.batchesPlanned).toBe(3); // b4 ready, b5 planned, b6 draft
  });

  it('counts the people handed over and in post at 30, 90 and 180 days as the contact log proves it', () => {
    expect(current.handedOver).toBe(4); // w5 was not handed over
    // w1: in post on 25 Aug, 6 months from 20 Feb; w2: 3 months to 21 May (the later contact is
    // deleted); w3: left on 25 Mar, 1 month; w4: never reached.
    expect(current.inPost).toEqual({ 30: 3, 90: 2, 180: 1 });
  });

  it('sums subsidies owed, on notice and paid by the subsidy report, in fen', () => {
    // c3 owed 500.00; c2 on notice 1,000.00; c1 paid 1,000.00; c6 is paid in 2027, c7 deleted.
    expect(current.subsidies).toEqual({ owedFen: 50_000, onNoticeFen: 100_000, paidFen: 100_000 });
  });

  it('gives the same figures for the same period of 2025', () => {
    expect(yearBefore).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      peopleSent: 2,
      registeredPoor: { count: 1, of: 2, percent: '50.00' },
      batchesDeparted: 1,
      batchesPlanned: 0,
      handedOver: 1,
      // w6 changed job after 1 month at the enterprise handed over to.
      inPost: { 30: 1, 90: 0, 180: 0 },
      // c5: paid 450.00 of 500.00 owed.
      subsidies: { owedFen: 0, onNoticeFen: 0, paidFen: 45_000 },
    });
  });

  it('counts the follow-ups whose next contact was due before today', () => {
    expect(overdueContacts).toBe(2); // f1 (6 Dec) and f4 (5 Sep); f2 is due today
  });
});

describe('the charts of 2026', () => {
  const board = dashboard(handMadeOffice(), YEAR_2026, NOW, { topEnterprises: 1, weeks: 2 });

  it('people sent per month, every month of the period', () => {
    expect(board.sentByMonth).toHaveLength(12);
    expect(board.sentByMonth.filter((bar) => bar.people > 0)).toEqual([
      { key: '2026-02', label: '2026-02', people: 3 },
      { key: '2026-03', label: '2026-03', people: 2 },
    ]);
  });

  it('by county and township, most people first', () => {
    expect(board.sentByCounty).toEqual([
      {
        key: '451022',
        label: '田东县',
        people: 3,
        parts: [
          { key: '祥周镇', label: '祥周镇', people: 2 },
          { key: '平马镇', label: '平马镇', people: 1 },
        ],
      },
      { key: '451024', label: '德保县', people: 2, parts: [{ key: '城关镇', label: '城关镇', people: 2 }] },
    ]);
  });

  it('by destination province and city: the handover enterprise, else the worker’s', () => {
    // w5 was not handed over: the enterprise on the worker (e1, 广州) counts.
    expect(board.sentByDestination).toEqual([
      { key: '广东省', label: '广东省', people: 3, parts: [{ key: '广州市', label: '广州市', people: 3 }] },
      { key: '浙江省', label: '浙江省', people: 2, parts: [{ key: '宁波', label: '宁波', people: 2 }] },
    ]);
  });

  it('the top enterprises by people', () => {
    expect(board.topEnterprises).toEqual([{ key: 'e1', label: '广州电子厂', people: 3 }]);
  });

  it('the retention funnel narrows from the same people as the key figures', () => {
    expect(board.funnel).toEqual({ sent: 5, handedOver: 4, inPost: { 30: 3, 90: 2, 180: 1 } });
  });

  it('the batches of the coming weeks by status, with seats filled', () => {
    // A 49-seat coach at the Settings' 50 %: 24 passengers (shared/seating/load-factor.ts).
    const capacity = 24;
    expect(board.comingWeeks.map((week) => ({ ...week, byStatus: undefined }))).toEqual([
      {
        from: '2026-12-07',
        byStatus: undefined,
        passengers: 2,
        seated: 1,
        capacity,
        batches: [
          { id: 'b4', name: '专列b4', date: '2026-12-08', status: 'ready', passengers: 2, seated: 1, capacity },
        ],
      },
      {
        from: '2026-12-14',
        byStatus: undefined,
        passengers: 0,
        seated: 0,
        capacity: 0,
        batches: [
          { id: 'b5', name: '专列b5', date: '2026-12-20', status: 'planned', passengers: 0, seated: 0, capacity: 0 },
        ],
      },
    ]);
    expect(board.comingWeeks[0]?.byStatus.ready).toBe(1);
    expect(board.comingWeeks[1]?.byStatus.planned).toBe(1);
  });

  it('a batch takes what its tightest leg takes, at its own load factor', () => {
    const source = handMadeOffice();
    source.batches = source.batches.map((batch) =>
      batch.id === 'b4'
        ? {
            ...batch,
            loadFactor: 1,
            legs: [
              { legId: 'l1', vehicles: [COACH] },
              { legId: 'l2', vehicles: [{ ...COACH, id: 'v2', seatCount: 20 }] },
            ],
          }
        : batch,
    );
    const [week] = dashboard(source, YEAR_2026, NOW, { weeks: 1 }).comingWeeks;
    // 49 seats on the coach, 20 on the second leg's: 20. w7 has a seat on the first leg only.
    expect(week?.batches).toEqual([
      { id: 'b4', name: '专列b4', date: '2026-12-08', status: 'ready', passengers: 2, seated: 0, capacity: 20 },
    ]);
  });

  it('the health-check progress of the batches leaving in the next 3 days, as the station counts it', () => {
    expect(board.healthSoon).toEqual([
      {
        id: 'b4',
        name: '专列b4',
        date: '2026-12-08',
        progress: { total: 2, checked: 1, passed: 1, failed: 0, recheck: 0, notChecked: 1, expired: 0 },
      },
    ]);
  });

  it('subsidies by scheme and status, schemes in Chinese order', () => {
    expect(board.subsidiesByScheme).toEqual([
      { schemeId: 's2', schemeName: '交通补贴', owedFen: 50_000, onNoticeFen: 0, paidFen: 0, rejectedFen: 30_000 },
      {
        schemeId: 's1',
        schemeName: '一次性求职补贴',
        owedFen: 0,
        onNoticeFen: 100_000,
        paidFen: 100_000,
        rejectedFen: 0,
      },
    ]);
  });
});

describe('the dashboard filter', () => {
  it('a county: its people only, and the batches that carried them', () => {
    const board = dashboard(handMadeOffice(), { ...YEAR_2026, countyCode: '451024' }, NOW);
    expect(board.figures.current).toMatchObject({
      peopleSent: 2,
      registeredPoor: { count: 1, of: 2, percent: '50.00' },
      batchesDeparted: 1,
      batchesPlanned: 0,
      handedOver: 1,
      inPost: { 30: 0, 90: 0, 180: 0 },
      subsidies: { owedFen: 50_000, onNoticeFen: 0, paidFen: 0 },
    });
    expect(board.figures.overdueContacts).toBe(1); // f4
    expect(board.sentByCounty.map((bar) => bar.key)).toEqual(['451024']);
    expect(board.comingWeeks.flatMap((week) => week.batches)).toEqual([]);
    expect(board.healthSoon).toEqual([]);
  });

  it('a township', () => {
    const board = dashboard(handMadeOffice(), { ...YEAR_2026, township: '祥周镇' }, NOW);
    expect(board.figures.current.peopleSent).toBe(2); // w1, w2 (w7 was absent)
    expect(board.figures.yearBefore.peopleSent).toBe(1); // w1
    expect(board.healthSoon[0]?.progress).toMatchObject({ total: 2, passed: 1, notChecked: 1 });
  });

  it('an enterprise: the trips to it and the claims it is paid or its workers are', () => {
    const board = dashboard(handMadeOffice(), { ...YEAR_2026, enterpriseId: 'e2' }, NOW);
    expect(board.figures.current).toMatchObject({ peopleSent: 2, handedOver: 2, inPost: { 30: 1, 90: 0, 180: 0 } });
    expect(board.figures.current.subsidies).toEqual({ owedFen: 50_000, onNoticeFen: 100_000, paidFen: 0 });
    expect(board.topEnterprises).toEqual([{ key: 'e2', label: '宁波服装厂', people: 2 }]);
    expect(board.figures.overdueContacts).toBe(1); // f4
  });

  it('a scheme: its claims, and the people who have one', () => {
    const board = dashboard(handMadeOffice(), { ...YEAR_2026, schemeId: 's1' }, NOW);
    expect(board.figures.current.peopleSent).toBe(3); // w1, w2, w3
    expect(board.figures.current.subsidies).toEqual({ owedFen: 0, onNoticeFen: 100_000, paidFen: 100_000 });
    expect(board.subsidiesByScheme.map((bar) => bar.schemeId)).toEqual(['s1']);
  });

  it('gives the same figures from an index kept across filter changes', () => {
    const source = handMadeOffice();
    const index = indexDashboard(source);
    for (const filter of [YEAR_2026, { ...YEAR_2026, countyCode: '451024' }, { ...YEAR_2026, enterpriseId: 'e2' }]) {
      expect(dashboard(source, filter, NOW, { index })).toEqual(dashboard(source, filter, NOW));
    }
  });

  it('refuses a period that is not two calendar dates in order', () => {
    expect(() => filterDashboard(handMadeOffice(), { from: '2026-02-30', to: '2026-03-01' }, NOW)).toThrow(RangeError);
    expect(() => filterDashboard(handMadeOffice(), { from: '2026-03-01', to: '2026-02-01' }, NOW)).toThrow(RangeError);
  });
});

describe('a worker sent twice in the period', () => {
  it('is one person sent, counted in each month and at each enterprise of their trips', () => {
    const source = handMadeOffice();
    // w1 goes home after b1 and leaves again on b2 (5 March), this time to 宁波 (no handover yet).
    source.assignments = [...source.assignments, { batchId: 'b2', workerId: 'w1', seats: [], boarding: 'boarded' }];
    source.workers = source.workers.map((worker) => (worker.id === 'w1' ? { ...worker, enterpriseId: 'e2' } : worker));
    const board = dashboard(source, YEAR_2026, NOW);
    expect(board.figures.current).toMatchObject({
      peopleSent: 5,
      registeredPoor: { count: 3, of: 5, percent: '60.00' },
      handedOver: 4,
      inPost: { 30: 3, 90: 2, 180: 1 },
    });
    expect(board.sentByMonth.filter((bar) => bar.people > 0).map((bar) => [bar.key, bar.people])).toEqual([
      ['2026-02', 3],
      ['2026-03', 3],
    ]);
    expect(board.sentByCounty[0]).toMatchObject({ key: '451022', people: 3 });
    expect(board.topEnterprises.map((bar) => [bar.key, bar.people])).toEqual([
      ['e1', 3],
      ['e2', 3],
    ]);
  });
});

describe('periods across the turn of the year', () => {
  it('counts a winter from December to January against the winter a year before', () => {
    const source = handMadeOffice();
    const [first] = source.batches;
    if (!first) throw new Error('the hand-made office has batches');
    source.batches = [
      { ...first, id: 'y1', date: '2025-12-31', status: 'closed' },
      { ...first, id: 'y2', date: '2026-01-01', status: 'arrived' },
      { ...first, id: 'y3', date: '2024-12-31', status: 'closed' },
      { ...first, id: 'y4', date: '2025-02-01', status: 'closed' },
    ];
    source.assignments = [
      { batchId: 'y1', workerId: 'w1', seats: [], boarding: 'boarded' },
      { batchId: 'y2', workerId: 'w4', seats: [], boarding: 'boarded' },
      { batchId: 'y3', workerId: 'w2', seats: [], boarding: 'boarded' },
      { batchId: 'y4', workerId: 'w3', seats: [], boarding: 'boarded' },
    ];
    const board = dashboard(source, { from: '2025-12-01', to: '2026-01-31' }, NOW);
    expect(board.sentByMonth).toEqual([
      { key: '2025-12', label: '2025-12', people: 1 },
      { key: '2026-01', label: '2026-01', people: 1 },
    ]);
    expect(board.figures.current).toMatchObject({ from: '2025-12-01', to: '2026-01-31', peopleSent: 2 });
    expect(board.figures.current.registeredPoor.percent).toBe('50.00');
    expect(board.figures.yearBefore).toMatchObject({ from: '2024-12-01', to: '2025-01-31', peopleSent: 1 });
  });

  it('compares 29 February with 28 February of the year before', () => {
    const board = dashboard(handMadeOffice(), { from: '2028-02-01', to: '2028-02-29' }, NOW);
    expect(board.figures.yearBefore).toMatchObject({ from: '2027-02-01', to: '2027-02-28' });
  });
});

describe('in Beijing time on a PC set to another zone', () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('01:00 on 7 December in Beijing is already 7 December: contacts due on the 6th are overdue', () => {
    // 17:00 UTC on 6 December: still the 6th in UTC, and 09:00 on the 6th in Los Angeles.
    const board = dashboard(handMadeOffice(), YEAR_2026, '2026-12-06T17:00:00.000Z');
    expect(board.figures.overdueContacts).toBe(2);
    expect(board.comingWeeks[0]?.from).toBe('2026-12-07');
    expect(board.healthSoon.map((batch) => batch.id)).toEqual(['b4']);
    expect(board.healthSoon[0]?.progress.passed).toBe(1);
  });

  it('the same figures for the year as in Beijing', () => {
    const board = dashboard(handMadeOffice(), YEAR_2026, NOW);
    expect(board.figures.current.peopleSent).toBe(5);
    expect(board.figures.yearBefore.from).toBe('2025-01-01');
    expect(board.sentByMonth.map((bar) => bar.key)[0]).toBe('2026-01');
  });
});
