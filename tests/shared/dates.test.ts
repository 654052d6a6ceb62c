import { describe, expect, it } from 'vitest';
import { addDays, addMonths, differenceInCalendarDays, format } from 'date-fns';
import {
  addCalendarDays,
  addCalendarMonths,
  completedCalendarMonths,
  addMinutesToTimestamp,
  beijingTimestamp,
  beijingCalendarDate,
  beijingClockTime,
  beijingWallTimestamp,
  formatShortTimestamp,
  todayCalendarDate,
  clockTime,
  minutesOfClockTime,
  ageOn,
  calendarDaysBetween,
  formatCalendarDate,
  formatTimestamp,
  isCalendarDate,
  millisecondsBetween,
  subtractCalendarYears,
} from '@shared/dates';

describe('calendar dates', () => {
  it('accept only days that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const text of ['2023-02-29', '2026-02-30', '2026-13-01', '2026-2-1', '20260201', '', '2026-02-01T00:00']) {
      expect(isCalendarDate(text)).toBe(false);
    }
  });

  it('add days across months, years and daylight-saving changes without slipping a day', () => {
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    // Europe and America change clocks in March and October/November.
    expect(addCalendarDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addCalendarDays('2026-10-24', 10)).toBe('2026-11-03');
    expect(calendarDaysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(calendarDaysBetween('2027-01-01', '2026-12-25')).toBe(-7);
  });

  it('count age in completed years, with 29 February birthdays', () => {
    expect(ageOn('2000-02-10', '2026-02-09')).toBe(25);
    expect(ageOn('2000-02-10', '2026-02-10')).toBe(26);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    expect(subtractCalendarYears('2028-02-29', 1)).toBe('2027-02-28');
    expect(() => ageOn('2000-02-30', '2026-01-01')).toThrow(RangeError);
  });

  it('show dates in the reader’s language', () => {
    expect(formatCalendarDate('2026-02-15', 'zh-CN')).toBe('2026年2月15日');
    expect(formatCalendarDate('2026-02-15', 'en')).toBe('Feb 15, 2026');
    expect(formatCalendarDate('not a date', 'en')).toBe('not a date');
    expect(formatTimestamp('garbage', 'zh-CN')).toBe('garbage');
    expect(formatTimestamp('2026-02-15T00:30:00.000Z', 'zh-CN')).toBe('2026年2月15日 08:30');
  });
});

describe('millisecondsBetween', () => {
  it('compares instants, not the text, across offsets', () => {
    expect(millisecondsBetween('2026-02-18T08:00:00.000+08:00', '2026-02-18T01:00:00.000Z')).toBe(3_600_000);
    expect(millisecondsBetween('2026-02-18T01:00:00.000Z', '2026-02-18T08:00:00.000+08:00')).toBe(-3_600_000);
    expect(millisecondsBetween('2026-02-18T00:00:00.000Z', '2026-02-18T00:00:00.001Z')).toBe(1);
  });

  it('refuses text that is not a timestamp', () => {
    expect(() => millisecondsBetween('yesterday', '2026-02-18T00:00:00.000Z')).toThrow(RangeError);
    expect(() => millisecondsBetween('2026-02-18T00:00:00.000Z', '')).toThrow(RangeError);
  });
});

describe('Beijing timetable times', () => {
  it('writes a departure as that day in Beijing time, and a time past midnight on the next day', () => {
    expect(beijingTimestamp('2026-02-18', 5 * 60 + 30)).toBe('2026-02-18T05:30:00.000+08:00');
    expect(beijingTimestamp('2026-02-28', 24 * 60 + 90)).toBe('2026-03-01T01:30:00.000+08:00');
    expect(millisecondsBetween(beijingTimestamp('2026-02-18', 0), '2026-02-17T16:00:00.000Z')).toBe(0);
  });

  it('reads and writes clock times, refusing what is not one', () => {
    expect(minutesOfClockTime('09:05')).toBe(545);
    expect(minutesOfClockTime(' 9：05 ')).toBe(545);
    expect(minutesOfClockTime('24:00')).toBeNull();
    expect(minutesOfClockTime('9.05')).toBeNull();
    expect(clockTime(545)).toEqual({ time: '09:05', dayOffset: 0 });
    expect(clockTime(1440 + 90)).toEqual({ time: '01:30', dayOffset: 1 });
  });
});

describe('times typed at the health-check station', () => {
  it('add minutes to an instant, across midnight and offsets', () => {
    expect(addMinutesToTimestamp('2026-02-17T08:00:00.000+08:00', 15)).toBe('2026-02-17T00:15:00.000Z');
    expect(addMinutesToTimestamp('2026-02-17T23:50:00.000Z', 20)).toBe('2026-02-18T00:10:00.000Z');
    expect(addMinutesToTimestamp('2026-02-17T00:10:00.000Z', -20)).toBe('2026-02-16T23:50:00.000Z');
    expect(() => addMinutesToTimestamp('later', 15)).toThrow(RangeError);
  });

  it('read a clock time as the wall clock in Beijing, and write it back the same', () => {
    const at = beijingWallTimestamp('2026-02-17', 7 * 60 + 40);
    expect(at).toBe('2026-02-16T23:40:00.000Z');
    expect(beijingClockTime(at)).toBe('07:40');
    expect(beijingClockTime(beijingWallTimestamp('2026-02-17', 0))).toBe('00:00');
    expect(millisecondsBetween(beijingWallTimestamp('2026-02-17', 0), beijingWallTimestamp('2026-02-18', 0))).toBe(
      86_400_000,
    );
    expect(() => beijingWallTimestamp('2026-02-17', 1440)).toThrow(RangeError);
    expect(() => beijingWallTimestamp('2026-02-30', 60)).toThrow(RangeError);
  });
});

describe('times on a PC set to another zone', () => {
  // Node reads TZ afresh when it changes; each zone is one an office laptop might be left in.
  const zones = ['America/Los_Angeles', 'Europe/London', 'Pacific/Kiritimati', 'Asia/Shanghai'];
  const original = process.env.TZ;
  const inZone = (zone: string, check: () => void) => {
    process.env.TZ = zone;
    try {
      check();
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  };

  it('show a 05:30 departure as 05:30 on its own day, in both languages', () => {
    const departure = beijingTimestamp('2026-02-18', 5 * 60 + 30);
    for (const zone of zones) {
      inZone(zone, () => {
        expect(formatTimestamp(departure, 'zh-CN')).toBe('2026年2月18日 05:30');
        expect(formatTimestamp(departure, 'en')).toBe('Feb 18, 2026, 5:30 AM');
        expect(formatShortTimestamp(departure, 'zh-CN')).toBe('2月18日 05:30');
        expect(beijingClockTime(departure)).toBe('05:30');
        expect(beijingCalendarDate(departure)).toBe('2026-02-18');
      });
    }
  });

  it('read a time typed at the station as Beijing time, not the PC clock', () => {
    for (const zone of zones) {
      inZone(zone, () => expect(beijingWallTimestamp('2026-02-17', 7 * 60 + 40)).toBe('2026-02-16T23:40:00.000Z'));
    }
  });

  it('take today as the day in Beijing', () => {
    for (const zone of zones) {
      inZone(zone, () => expect(todayCalendarDate()).toBe(beijingCalendarDate(new Date().toISOString())));
    }
    // 23:30 UTC is 07:30 the next morning in Beijing.
    expect(beijingCalendarDate('2026-02-17T23:30:00.000Z')).toBe('2026-02-18');
  });
});

describe('day and month arithmetic', () => {
  // The reference: date-fns on local noon, as the arithmetic was done before it became plain numbers.
  const local = (date: string) => new Date(`${date}T12:00:00`);
  const days: string[] = [];
  for (let at = local('1999-12-01'); at < local('2033-01-31'); at = addDays(at, 3)) days.push(format(at, 'yyyy-MM-dd'));

  it('agrees with the calendar on every third day of 33 years, across month ends and leap years', () => {
    for (const day of days) {
      for (const offset of [-400, -31, -1, 1, 29, 366]) {
        expect(addCalendarDays(day, offset)).toBe(format(addDays(local(day), offset), 'yyyy-MM-dd'));
      }
      for (const months of [-13, -1, 1, 2, 6, 12, 25]) {
        expect(addCalendarMonths(day, months)).toBe(format(addMonths(local(day), months), 'yyyy-MM-dd'));
      }
      expect(calendarDaysBetween('2020-02-29', day)).toBe(differenceInCalendarDays(local(day), local('2020-02-29')));
    }
  });

  it('counts completed months on the same day of a later month, or on its last day', () => {
    expect(completedCalendarMonths('2027-01-31', '2027-02-27')).toBe(0);
    expect(completedCalendarMonths('2027-01-31', '2027-02-28')).toBe(1);
    expect(completedCalendarMonths('2028-01-31', '2028-02-28')).toBe(0);
    expect(completedCalendarMonths('2028-01-31', '2028-02-29')).toBe(1);
    expect(completedCalendarMonths('2027-01-31', '2027-03-30')).toBe(1);
    expect(completedCalendarMonths('2026-12-08', '2027-03-08')).toBe(3);
    expect(completedCalendarMonths('2026-12-08', '2026-11-30')).toBe(0);
    for (const start of days.filter((_, index) => index % 7 === 0)) {
      for (const until of [addCalendarDays(start, 27), addCalendarDays(start, 61), addCalendarDays(start, 400)]) {
        let counted = 0;
        while (addCalendarMonths(start, counted + 1) <= until) counted += 1;
        expect(completedCalendarMonths(start, until)).toBe(counted);
      }
    }
  });

  it('refuses what is not a day', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendarDaysBetween('2026-13-01', '2026-01-01')).toThrow(RangeError);
    expect(() => addCalendarMonths('26-1-1', 1)).toThrow(RangeError);
  });
});
