/**
 * The follow-up workspace's list (issue 17, item 5): which follow-ups are due or overdue on a
 * Beijing day, which contact point each is at, the filters shared with the register export, the
 * grouping and the week's start.
 */
import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  dueCounts,
  dueFacets,
  dueList,
  dueReason,
  groupDue,
  weekStart,
  type DueRow,
} from '@shared/followup/due';

const DAYS = [7, 30, 90, 180];

function row(overrides: Partial<DueRow> = {}): DueRow {
  return {
    followUpId: 'f1',
    workerId: 'w1',
    name: '黄春梅',
    phone: '13800000001',
    countyCode: '451022',
    county: '田东县',
    township: '平马镇',
    village: '百渡村',
    enterpriseId: 'e1',
    enterpriseName: '深圳电子厂',
    batchId: 'b1',
    batchName: '春风1号',
    handedOverOn: '2026-01-01',
    nextDue: '2026-01-08',
    lastContactOn: null,
    lastOutcome: null,
    staffId: null,
    stationId: null,
    ...overrides,
  };
}

describe('the due list', () => {
  it('lists the follow-ups due on the day or before, soonest first, and leaves out later and finished ones', () => {
    const rows = [
      row({ followUpId: 'later', nextDue: '2026-02-11' }),
      row({ followUpId: 'today', nextDue: '2026-02-10' }),
      row({ followUpId: 'off', nextDue: null }),
      row({ followUpId: 'old', nextDue: '2026-01-31' }),
    ];
    expect(dueList(rows, {}, '2026-02-10').map((r) => r.followUpId)).toEqual(['old', 'today']);
    expect(dueCounts(rows, '2026-02-10')).toEqual({ dueToday: 1, overdue: 1 });
    expect(daysOverdue('2026-01-31', '2026-02-10')).toBe(10);
  });

  it('keeps only the rows every given filter matches; an outcome of none is a follow-up not yet contacted', () => {
    const rows = [
      row({ followUpId: 'a', township: '平马镇', staffId: 's1', lastOutcome: 'unreachable' }),
      row({ followUpId: 'b', township: '思林镇', staffId: 's1' }),
      row({ followUpId: 'c', township: '平马镇', staffId: null, stationId: 'st1' }),
    ];
    const ids = (filter: Parameters<typeof dueList>[1]) => dueList(rows, filter, '2026-02-10').map((r) => r.followUpId);
    expect(ids({ township: '平马镇' })).toEqual(['a', 'c']);
    expect(ids({ township: '平马镇', staffId: 's1' })).toEqual(['a']);
    expect(ids({ staffId: null })).toEqual(['c']);
    expect(ids({ outcome: 'none' })).toEqual(['b', 'c']);
    expect(ids({ outcome: 'unreachable' })).toEqual(['a']);
    expect(ids({ stationId: 'st1', countyCode: '451022' })).toEqual(['c']);
    expect(ids({ batchId: 'other' })).toEqual([]);
  });

  it('groups by station or enterprise, the group with the most urgent contact first', () => {
    const rows = dueList(
      [
        row({ followUpId: 'a', nextDue: '2026-02-09', enterpriseId: 'e2', stationId: null }),
        row({ followUpId: 'b', nextDue: '2026-02-01', enterpriseId: 'e1', stationId: 'st1' }),
        row({ followUpId: 'c', nextDue: '2026-02-05', enterpriseId: 'e2', stationId: 'st1' }),
      ],
      {},
      '2026-02-10',
    );
    expect(groupDue(rows, 'enterprise').map((g) => [g.key, g.rows.map((r) => r.followUpId)])).toEqual([
      ['e1', ['b']],
      ['e2', ['c', 'a']],
    ]);
    expect(groupDue(rows, 'station').map((g) => [g.key, g.rows.length])).toEqual([
      ['st1', 2],
      [null, 1],
    ]);
    expect(groupDue(rows, 'none')).toHaveLength(1);
  });

  it('offers as filter values only what the due rows hold, each once', () => {
    const facets = dueFacets([row(), row({ followUpId: 'f2', township: '思林镇' }), row({ followUpId: 'f3' })]);
    expect(facets.townships).toHaveLength(2);
    expect(facets.enterprises).toEqual([{ id: 'e1', name: '深圳电子厂' }]);
    expect(facets.counties).toEqual([{ code: '451022', name: '田东县' }]);
  });
});

describe('which contact point is due', () => {
  it('is the first point before any contact, and the next one after a contact answered one', () => {
    expect(dueReason(row(), DAYS)).toEqual({ kind: 'point', day: 7 });
    expect(
      dueReason(row({ lastContactOn: '2026-01-08', lastOutcome: 'in-post', nextDue: '2026-01-31' }), DAYS),
    ).toEqual({ kind: 'point', day: 30 });
    // Day 25 answers the day-30 point (a week early): day 90 is next.
    expect(
      dueReason(row({ lastContactOn: '2026-01-26', lastOutcome: 'in-post', nextDue: '2026-04-01' }), DAYS),
    ).toEqual({ kind: 'point', day: 90 });
  });

  it('is a retry of the point that passed after a worker could not be reached', () => {
    expect(
      dueReason(row({ lastContactOn: '2026-02-02', lastOutcome: 'unreachable', nextDue: '2026-02-05' }), DAYS),
    ).toEqual({ kind: 'retry', day: 30 });
  });

  it('is a contact asked for when the next date comes before the open point', () => {
    expect(
      dueReason(row({ lastContactOn: '2026-01-08', lastOutcome: 'left-looking', nextDue: '2026-01-15' }), DAYS),
    ).toEqual({ kind: 'asked', day: 30 });
  });
});

describe('the week', () => {
  it('starts on Monday, across a month and a year end', () => {
    expect(weekStart('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(weekStart('2026-12-13')).toBe('2026-12-07'); // the Sunday after
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(weekStart('2024-03-01')).toBe('2024-02-26'); // leap year
  });
});
