import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '@shared/dates';
import { checkEmploymentSpan, completedMonths, monthsEmployed } from '@shared/followup/employment';

describe('months of employment', () => {
  it('completes a month on the same day of the next month', () => {
    expect(completedMonths('2026-03-02', '2026-04-01')).toBe(0);
    expect(completedMonths('2026-03-02', '2026-04-02')).toBe(1);
    expect(completedMonths('2026-03-02', '2026-09-02')).toBe(6);
    expect(completedMonths('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('ends a month begun on the 31st on the last day of a shorter month, leap years included', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(completedMonths('2026-01-31', '2026-02-27')).toBe(0);
    expect(completedMonths('2026-01-31', '2026-02-28')).toBe(1);
    expect(completedMonths('2028-01-31', '2028-02-28')).toBe(0);
    expect(completedMonths('2028-01-31', '2028-02-29')).toBe(1);
    // The third month is counted from the start, not from 28 February: 31 March.
    expect(completedMonths('2026-01-31', '2026-03-30')).toBe(1);
    expect(completedMonths('2026-01-31', '2026-03-31')).toBe(2);
  });

  it('counts an open period up to the day asked about, and a closed one up to its end', () => {
    expect(monthsEmployed({ start: '2026-03-02', end: null }, '2026-06-10')).toBe(3);
    expect(monthsEmployed({ start: '2026-03-02', end: '2026-05-01' }, '2026-12-01')).toBe(1);
    expect(monthsEmployed({ start: '2026-03-02', end: '2026-12-31' }, '2026-06-10')).toBe(3);
  });

  it('refuses a period that ends before it starts', () => {
    expect(checkEmploymentSpan({ start: '2026-03-02', end: '2026-03-01' })).toBe('end-before-start');
    expect(checkEmploymentSpan({ start: '2026-03-02', end: '2026-03-02' })).toBeNull();
    expect(checkEmploymentSpan({ start: '2026-03-02', end: null })).toBeNull();
  });
});
