import { describe, expect, it } from 'vitest';
import { checkContactDays, contactPoints, contactSchedule, dueState } from '@shared/followup/schedule';

const HANDOVER = '2026-03-02';

describe('the contact schedule after a handover', () => {
  it('is due on day 7, 30, 90 and 180 by default, counted in calendar days', () => {
    expect(contactPoints(HANDOVER).map((point) => point.due)).toEqual([
      '2026-03-09',
      '2026-04-01',
      '2026-05-31',
      '2026-08-29',
    ]);
    // Across a leap day: 2028-02-29 exists, so day 7 after 2028-02-25 is 3 March.
    expect(contactPoints('2028-02-25', [7])[0]?.due).toBe('2028-03-03');
  });

  it('starts with the first point due, and moves to the next once a contact answers it', () => {
    expect(contactSchedule(HANDOVER, []).nextDue).toBe('2026-03-09');
    const after = contactSchedule(HANDOVER, [{ date: '2026-03-09', outcome: 'in-post' }]);
    expect(after.points[0]?.answeredOn).toBe('2026-03-09');
    expect(after.nextDue).toBe('2026-04-01');
  });

  it('lets a call up to a week early answer its point, but not an ad-hoc call weeks before', () => {
    const early = contactSchedule(HANDOVER, [
      { date: '2026-03-09', outcome: 'in-post' },
      { date: '2026-03-26', outcome: 'in-post' },
    ]);
    expect(early.nextDue).toBe('2026-05-31');
    const adHoc = contactSchedule(HANDOVER, [
      { date: '2026-03-09', outcome: 'in-post' },
      { date: '2026-03-15', outcome: 'changed-job' },
    ]);
    expect(adHoc.nextDue).toBe('2026-04-01');
  });

  it('keeps the 3- and 6-month points tied to the handover when a call comes late', () => {
    // The day-7 call made on day 40 answers day 7 and day 30; the day-90 point does not move.
    const late = contactSchedule(HANDOVER, [{ date: '2026-04-11', outcome: 'in-post' }]);
    expect(late.points.map((point) => point.answeredOn)).toEqual(['2026-04-11', '2026-04-11', null, null]);
    expect(late.nextDue).toBe('2026-05-31');
  });

  it('tries again three days after a worker could not be reached, the point still open', () => {
    const missed = contactSchedule(HANDOVER, [{ date: '2026-03-09', outcome: 'unreachable' }]);
    expect(missed.points[0]?.answeredOn).toBeNull();
    expect(missed.nextDue).toBe('2026-03-12');
    const reached = contactSchedule(HANDOVER, [
      { date: '2026-03-09', outcome: 'unreachable' },
      { date: '2026-03-12', outcome: 'in-post' },
    ]);
    expect(reached.nextDue).toBe('2026-04-01');
  });

  it('lets the caller ask for the next contact sooner, never later, than the schedule', () => {
    const sooner = contactSchedule(HANDOVER, [{ date: '2026-03-09', outcome: 'left-looking', nextDate: '2026-03-16' }]);
    expect(sooner.nextDue).toBe('2026-03-16');
    const later = contactSchedule(HANDOVER, [{ date: '2026-03-09', outcome: 'in-post', nextDate: '2026-06-30' }]);
    expect(later.nextDue).toBe('2026-04-01');
  });

  it('drops a worker who returned home, and ends once every point is answered', () => {
    const home = contactSchedule(HANDOVER, [{ date: '2026-03-09', outcome: 'returned-home' }]);
    expect(home).toMatchObject({ left: true, nextDue: null });
    const done = contactSchedule(HANDOVER, [{ date: '2026-08-29', outcome: 'in-post' }]);
    expect(done.nextDue).toBeNull();
    expect(done.left).toBe(false);
  });

  it('reads contacts in date order whatever order they come in, and refuses one before the handover', () => {
    const shuffled = contactSchedule(HANDOVER, [
      { date: '2026-04-01', outcome: 'in-post' },
      { date: '2026-03-09', outcome: 'unreachable' },
    ]);
    expect(shuffled.nextDue).toBe('2026-05-31');
    expect(() => contactSchedule(HANDOVER, [{ date: '2026-03-01', outcome: 'in-post' }])).toThrow(RangeError);
  });

  it('refuses a schedule of days that is empty, not whole, or not increasing', () => {
    expect(checkContactDays([7, 30, 90, 180])).toBeNull();
    expect(checkContactDays([])).toBe('empty');
    expect(checkContactDays([7, 2.5])).toBe('not-whole');
    expect(checkContactDays([0, 30])).toBe('not-whole');
    expect(checkContactDays([30, 7])).toBe('not-increasing');
    expect(() => contactPoints(HANDOVER, [30, 30])).toThrow(RangeError);
  });

  it('says whether the next contact is overdue, due today or later', () => {
    expect(dueState('2026-04-01', '2026-04-02')).toBe('overdue');
    expect(dueState('2026-04-01', '2026-04-01')).toBe('due');
    expect(dueState('2026-04-01', '2026-03-31')).toBe('later');
    expect(dueState(null, '2026-03-31')).toBe('none');
  });
});
