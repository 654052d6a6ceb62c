// @vitest-environment jsdom
/**
 * The home page's key figures (issue 19): what a clerk reads for this year against the last, the
 * registered-poor share as the press writes it, subsidies in yuan, the links to the follow-up desk
 * and the subsidy report, and the period they choose. The figures come from the pure dashboard on a
 * small source (the Web Worker is the e2e test's).
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dashboard, type DashboardFilter, type DashboardSource } from '@shared/dashboard';
import { todayCalendarDate } from '@shared/dates';
import { KeyFiguresPanel } from '@renderer/features/home/KeyFigures';
import { render } from '@tests/renderer/render';

const year = Number(todayCalendarDate().slice(0, 4));
const THIS_YEAR = `${year}-01-01`;
const LAST_YEAR = `${year - 1}-01-01`;

/** Seven people sent on the first day of this year (three registered poor), two on that of last year. */
function source(): DashboardSource {
  const workers = Array.from({ length: 9 }, (_, i) => ({
    id: `w${i}`,
    county: '田东县',
    countyCode: '451022',
    township: '平马镇',
    povertyStatus: i < 3 ? ('registered-poor' as const) : ('none' as const),
    enterpriseId: 'e1',
  }));
  const batch = (id: string, date: string) => ({
    id,
    name: id,
    routeId: 'r1',
    date,
    status: 'handed-over' as const,
    legs: [],
  });
  return {
    workers,
    enterprises: [{ id: 'e1', name: '深圳市华强电子有限公司', city: '深圳市', district: '福田区' }],
    routes: [],
    batches: [batch('now', THIS_YEAR), batch('before', LAST_YEAR)],
    assignments: workers.map((worker, i) => ({
      batchId: i < 7 ? 'now' : 'before',
      workerId: worker.id,
      seats: [],
      boarding: 'boarded' as const,
    })),
    healthChecks: [],
    // The two of last year were handed over and are overdue for a contact since last year.
    followUps: ['w7', 'w8'].map((workerId) => ({
      id: `f-${workerId}`,
      workerId,
      batchId: 'before',
      enterpriseId: 'e1',
      handedOverOn: LAST_YEAR,
      nextDue: `${year - 1}-02-01`,
    })),
    contacts: [],
    employmentPeriods: [],
    schemes: [{ id: 's1', name: '一次性求职补贴' }],
    claims: [
      {
        id: 'c1',
        schemeId: 's1',
        workerId: 'w0',
        year,
        payee: 'worker' as const,
        payeeId: 'w0',
        status: 'paid' as const,
        amountFen: 123_456_78,
        paidAmountFen: 123_456_78,
        dueOn: THIS_YEAR,
        noticeFrom: null,
        paidOn: THIS_YEAR,
        rejectedOn: null,
      },
    ],
    settings: { loadFactor: 0.5, checkValidityHours: 72 },
  };
}

const SOURCE = source();
function useFigures(filter: DashboardFilter | null) {
  return filter ? { result: dashboard(SOURCE, filter, new Date().toISOString()), filter } : {};
}

describe('the key figures on the home page', () => {
  it('shows this year’s people sent against last year’s, the registered-poor share and the subsidies paid', () => {
    render(<KeyFiguresPanel useFigures={useFigures} />);
    const sent = screen.getByTestId('figure-people-sent');
    expect(within(sent).getByText('7')).toBeTruthy();
    expect(within(sent).getByText('其中建档立卡 3 / 7，42.86%')).toBeTruthy();
    expect(within(sent).getByText('上年同期 2')).toBeTruthy();
    expect(screen.getByTestId('subsidies-paid').textContent).toBe('123,456.78 元');
    expect(screen.getByTestId('subsidies-owed').textContent).toBe('0.00 元');
    expect(screen.getByTestId('key-figures-period').textContent).toBe(`${year}年1月1日 至 ${year}年12月31日`);
  });

  it('leads from the overdue contacts to their list and the follow-up desk, and from the subsidies to their claims and report', () => {
    render(<KeyFiguresPanel useFigures={useFigures} />);
    const overdue = screen.getByTestId('figure-overdue');
    expect(within(overdue).getByRole('link', { name: '2' }).getAttribute('href')).toMatch(
      /^\/dashboard\/contacts\?from=/,
    );
    expect(within(overdue).getByRole('link', { name: '查看回访工作台' }).getAttribute('href')).toBe('/followup');
    const subsidies = screen.getByTestId('figure-subsidies');
    expect(within(subsidies).getByTestId('subsidies-paid').getAttribute('href')).toMatch(
      /^\/dashboard\/claims\?.*bucket=paid$/,
    );
    expect(within(subsidies).getByRole('link', { name: '查看补贴报表' }).getAttribute('href')).toBe(
      '/subsidies/report',
    );
  });

  it('is written in English with the same figures', () => {
    render(<KeyFiguresPanel useFigures={useFigures} />, { language: 'en' });
    expect(screen.getByText('Registered poor: 3 / 7, 42.86%')).toBeTruthy();
    expect(screen.getByTestId('subsidies-paid').textContent).toBe('123,456.78 yuan');
    expect(within(screen.getByTestId('figure-people-sent')).getByText('A year earlier: 2')).toBeTruthy();
  });

  it('counts a period the user picks, and says so when its last day is before its first', () => {
    render(<KeyFiguresPanel useFigures={useFigures} />);
    fireEvent.click(screen.getByText('自定义'));
    expect(screen.getByText('请选择起始日期和截止日期')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: `${year - 1}-01-01` } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: `${year - 1}-12-31` } });
    expect(within(screen.getByTestId('figure-people-sent')).getByText('2')).toBeTruthy();
    expect(screen.getByTestId('key-figures-period').textContent).toBe(`${year - 1}年1月1日 至 ${year - 1}年12月31日`);
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: `${year - 2}-12-31` } });
    expect(screen.getByText('截止日期不能早于起始日期')).toBeTruthy();
  });
});
