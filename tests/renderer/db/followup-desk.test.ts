/**
 * The follow-up workspace's reads and the recomputation of the schedule when Settings' contact
 * points change (issue 17, items 3 and 5).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  dueDeskHead,
  followUpDesk,
  logContact,
  rescheduleFollowUps,
  RESCHEDULE_CHUNK,
  updateSettings,
  type PlannerDatabase,
} from '@renderer/db';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import type { ContactInput } from '@shared/followup';
import { dueList } from '@shared/followup/due';
import { freshDatabaseWithOperator } from './test-database';
import { seedHandedOver } from './followup-desk-seed';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();

/** The i-th of a list a test built; fails the test when it is not there. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
const daysAgo = (days: number) => addCalendarDays(today, -days);

function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    date: today,
    method: 'phone',
    by: '韦小燕',
    outcome: 'in-post',
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
    ...overrides,
  };
}

describe('the workspace data', () => {
  it('holds the follow-ups due today or overdue with their worker, enterprise and batch, and this week’s contacts', async () => {
    // Day 7 of these: 3 days ago, today, in 3 days.
    const seeded = await seedHandedOver(db, [daysAgo(10), daysAgo(7), daysAgo(4)], { names: ['甲', '乙', '丙'] });
    await logContact(nth(seeded.followUps, 0).id, contact({ date: today }));
    const desk = await followUpDesk(today);
    expect(desk.rows.map((row) => row.name).sort()).toEqual(['乙']);
    expect(desk.rows[0]).toMatchObject({
      enterpriseName: '深圳市华强电子有限公司',
      batchName: '春风行动1号',
      village: nth(seeded.workers, 1).village,
      nextDue: today,
    });
    expect(desk.doneThisWeek).toBe(1);
  });
});

describe('the list’s first rows, read before the rest', () => {
  it('are the whole list’s first rows in its order, the last day read whole so that names order it', async () => {
    // Due 9, 8 and 7 days ago: two, then three, then two workers, named so that the name order is
    // not the order in which they were stored.
    const handed = [16, 16, 15, 15, 15, 14, 14].map((days) => daysAgo(days));
    await seedHandedOver(db, handed, { names: ['庚', '甲', '戊', '乙', '丁', '丙', '己'] });
    const whole = dueList((await followUpDesk(today)).rows, {}, today);
    expect(whole).toHaveLength(7);

    // Three asked for: the second day's three are all read, so its first by name is not missed.
    const head = await dueDeskHead(today, 3);
    expect(head.whole).toBe(false);
    const first = dueList(head.rows, {}, today);
    expect(first.map((row) => row.name)).toEqual(whole.slice(0, 5).map((row) => row.name));
    const dueOn = (days: number) => addCalendarDays(daysAgo(days), 7);
    expect(first.map((row) => row.nextDue)).toEqual([dueOn(16), dueOn(16), dueOn(15), dueOn(15), dueOn(15)]);

    // As many as there are, or more: that is the whole list, said so.
    const all = await dueDeskHead(today, 7);
    expect(all.whole).toBe(false);
    const more = await dueDeskHead(today, 8);
    expect(more.whole).toBe(true);
    expect(dueList(more.rows, {}, today)).toEqual(whole);
  });
});

describe('rescheduling when the contact points change', () => {
  it('moves every follow-up’s next due date to the new points, contacts counted, and writes an audit row per chunk', async () => {
    const seeded = await seedHandedOver(db, [daysAgo(20), daysAgo(5)]);
    const early = nth(seeded.followUps, 0);
    const late = nth(seeded.followUps, 1);
    await logContact(early.id, contact({ date: daysAgo(13) }));
    expect((await db.followUps.get(early.id))?.nextDue).toBe(addCalendarDays(daysAgo(20), 30));

    await updateSettings({ contactDays: [3, 14, 60] });
    const progress: number[] = [];
    const changed = await rescheduleFollowUps([3, 14, 60], (p) => progress.push(p.done));
    expect(changed).toBe(2);
    // The contact on day 7 answered day 3 and day 14 (a week early): day 60 is next.
    expect((await db.followUps.get(early.id))?.nextDue).toBe(addCalendarDays(daysAgo(20), 60));
    expect((await db.followUps.get(late.id))?.nextDue).toBe(addCalendarDays(daysAgo(5), 3));
    expect(progress.at(-1)).toBe(2);
    const rows = await db.audit.where('table').equals('settings').toArray();
    expect(rows.some((row) => JSON.stringify(row.after).includes('[3,14,60]'))).toBe(true);
    // Again: nothing left to change.
    expect(await rescheduleFollowUps([3, 14, 60])).toBe(0);
  });

  it('stopped between chunks, leaves the rest as they were and finishes when run again', async () => {
    const count = RESCHEDULE_CHUNK + 20;
    await seedHandedOver(
      db,
      Array.from({ length: count }, () => daysAgo(1)),
    );
    const controller = new AbortController();
    const changed = await rescheduleFollowUps(
      [1, 30],
      (p) => {
        if (p.done >= RESCHEDULE_CHUNK) controller.abort();
      },
      controller.signal,
    );
    expect(changed).toBe(RESCHEDULE_CHUNK);
    const due = (await db.followUps.toArray()).map((followUp) => followUp.nextDue);
    expect(due.filter((d) => d === today)).toHaveLength(RESCHEDULE_CHUNK);
    expect(due.filter((d) => d === addCalendarDays(daysAgo(1), 7))).toHaveLength(20);
    expect(await rescheduleFollowUps([1, 30])).toBe(20);
    expect((await db.followUps.toArray()).every((followUp) => followUp.nextDue === today)).toBe(true);
  });
});
