/** The periods the home page's key figures offer (issue 19). */
import { describe, expect, it } from 'vitest';
import { periodFilter } from '@renderer/features/home/dashboard-period';

describe('the key figures’ period', () => {
  it('is the whole calendar year, so that the batches planned for later this year count', () => {
    expect(periodFilter({ kind: 'year', from: '', to: '' }, '2026-12-07')).toEqual({
      filter: { from: '2026-01-01', to: '2026-12-31' },
    });
  });

  it('is the last 12 months up to today, today included and the same day a year ago not', () => {
    expect(periodFilter({ kind: 'twelveMonths', from: '', to: '' }, '2026-12-07')).toEqual({
      filter: { from: '2025-12-08', to: '2026-12-07' },
    });
    expect(periodFilter({ kind: 'twelveMonths', from: '', to: '' }, '2028-02-29')).toEqual({
      filter: { from: '2027-03-01', to: '2028-02-29' },
    });
  });

  it('asks for both days of a custom period, in order', () => {
    expect(periodFilter({ kind: 'custom', from: '2026-03-01', to: '' }, '2026-12-07')).toEqual({
      problem: 'incomplete',
    });
    expect(periodFilter({ kind: 'custom', from: '2026-03-01', to: '2026-02-28' }, '2026-12-07')).toEqual({
      problem: 'reversed',
    });
    expect(periodFilter({ kind: 'custom', from: '2026-03-01', to: '2026-03-01' }, '2026-12-07')).toEqual({
      filter: { from: '2026-03-01', to: '2026-03-01' },
    });
  });
});
