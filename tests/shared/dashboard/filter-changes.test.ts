/**
 * Filter changes on one kept index (the home page's worker): a change of period alone reuses the
 * people the filter let through, so a run of changes must answer as each filter counted afresh,
 * whatever came before it, and a new day must count as of that day.
 */
import { describe, expect, it } from 'vitest';
import { dashboard, indexDashboard, type DashboardFilter } from '@shared/dashboard';
import { NOW, handMadeOffice } from './fixture';

const YEAR_2026: DashboardFilter = { from: '2026-01-01', to: '2026-12-31' };
const SPRING: DashboardFilter = { from: '2026-02-01', to: '2026-05-31' };

describe('a run of filter changes on one index', () => {
  it('answers each filter as counted afresh, back and forth between periods and people', () => {
    const source = handMadeOffice();
    const index = indexDashboard(source);
    const run: DashboardFilter[] = [
      YEAR_2026,
      SPRING,
      { ...SPRING, countyCode: '451024' },
      { ...YEAR_2026, countyCode: '451024' },
      YEAR_2026,
      { ...SPRING, enterpriseId: 'e2' },
      { ...YEAR_2026, township: '祥周镇' },
      { ...SPRING, schemeId: 's1' },
      { ...YEAR_2026, schemeId: 's1' },
      SPRING,
      { from: '2025-01-01', to: '2025-12-31' },
    ];
    for (const filter of run) {
      expect(dashboard(source, filter, NOW, { index })).toEqual(dashboard(handMadeOffice(), filter, NOW));
    }
  });

  it('answers a filter made from a wider one (the whole office, a county) as counted afresh', () => {
    const narrower: DashboardFilter[] = [
      { ...YEAR_2026, enterpriseId: 'e2' },
      { ...YEAR_2026, countyCode: '451024', enterpriseId: 'e2' },
      { ...YEAR_2026, countyCode: '451024', township: '祥周镇' },
      { ...YEAR_2026, township: '祥周镇', schemeId: 's1' },
      { ...YEAR_2026, enterpriseId: 'e1', schemeId: 's1' },
      { ...YEAR_2026, countyCode: '451024', schemeId: 's1' },
      { ...SPRING, enterpriseId: 'e1' },
      { ...YEAR_2026, township: '', enterpriseId: null },
      // w1 went twice (2025 and 2026): counted once over both years, whatever narrows the office.
      { from: '2025-01-01', to: '2026-12-31', enterpriseId: 'e1' },
      { from: '2025-01-01', to: '2026-12-31', countyCode: '451022', township: '祥周镇' },
    ];
    for (const wider of [YEAR_2026, { ...YEAR_2026, countyCode: '451024' }]) {
      for (const filter of narrower) {
        const source = handMadeOffice();
        const index = indexDashboard(source);
        dashboard(source, wider, NOW, { index });
        expect(dashboard(source, filter, NOW, { index })).toEqual(dashboard(handMadeOffice(), filter, NOW));
      }
    }
  });

  it('counts as of the new day when the day changes between two changes of period', () => {
    const source = handMadeOffice();
    const index = indexDashboard(source);
    dashboard(source, YEAR_2026, NOW, { index });
    // Far enough on that the coming weeks, the overdue contacts and the health checks all move.
    const later = new Date(Date.parse(NOW) + 20 * 86_400_000).toISOString();
    expect(dashboard(source, SPRING, later, { index })).toEqual(dashboard(handMadeOffice(), SPRING, later));
  });
});
