// @vitest-environment jsdom
/**
 * The dashboard's charts (issue 19, item 2): each chart offers its figures as a table whose rows
 * lead to the list behind them (people, batches, a batch, a scheme's claims), written in the user's
 * language, and an empty series says so in a sentence. Recharts draws nothing without a layout, so
 * the drawn charts are the e2e test's (tests/e2e/dashboard-charts.e2e.test.ts).
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardFilter, PeriodFigures } from '@shared/dashboard';
import type { Language } from '@shared/domain/records';
import { DashboardCharts } from '@renderer/features/home/charts/DashboardCharts';
import { render } from '@tests/renderer/render';

const FILTER: DashboardFilter = { from: '2026-01-01', to: '2026-12-31' };

function period(from: string, to: string): PeriodFigures {
  return {
    from,
    to,
    peopleSent: 0,
    registeredPoor: { count: 0, of: 0, percent: null },
    batchesDeparted: 0,
    batchesPlanned: 0,
    handedOver: 0,
    inPost: { 30: 0, 90: 0, 180: 0 },
    subsidies: { owedFen: 0, onNoticeFen: 0, paidFen: 0 },
  };
}

const NO_STATUS = { draft: 0, planned: 0, ready: 0, departed: 0, arrived: 0, 'handed-over': 0, closed: 0 };

function dashboard(): Dashboard {
  return {
    figures: {
      current: period('2026-01-01', '2026-12-31'),
      yearBefore: period('2025-01-01', '2025-12-31'),
      overdueContacts: 0,
    },
    sentByMonth: [
      { key: '2026-01', label: '2026-01', people: 1234 },
      { key: '2026-02', label: '2026-02', people: 0 },
      { key: '2026-03', label: '2026-03', people: 1 },
    ],
    sentByCounty: [
      {
        key: '451022',
        label: '田东县',
        people: 1235,
        parts: [
          { key: '平马镇', label: '平马镇', people: 1000 },
          { key: '祥周镇', label: '祥周镇', people: 235 },
        ],
      },
    ],
    sentByDestination: [
      {
        key: '广东省',
        label: '广东省',
        people: 1200,
        parts: [
          { key: '深圳市', label: '深圳市', people: 900 },
          { key: '东莞市', label: '东莞市', people: 300 },
        ],
      },
      { key: '', label: '', people: 35, parts: [{ key: '', label: '', people: 35 }] },
    ],
    topEnterprises: [
      { key: 'e1', label: '深圳市华强电子有限公司', people: 900 },
      { key: 'e2', label: '东莞市长安精密五金有限公司', people: 300 },
    ],
    funnel: { sent: 1235, handedOver: 1200, inPost: { 30: 1000, 90: 756, 180: 354 } },
    comingWeeks: [
      {
        from: '2026-12-07',
        byStatus: { ...NO_STATUS, planned: 2, ready: 1 },
        passengers: 150,
        seated: 120,
        capacity: 160,
        batches: [
          {
            id: 'b1',
            name: '百色—深圳 1',
            date: '2026-12-08',
            status: 'planned',
            passengers: 50,
            seated: 40,
            capacity: 55,
          },
          {
            id: 'b2',
            name: '百色—深圳 2',
            date: '2026-12-09',
            status: 'planned',
            passengers: 50,
            seated: 40,
            capacity: 55,
          },
          {
            id: 'b3',
            name: '百色—东莞 1',
            date: '2026-12-10',
            status: 'ready',
            passengers: 50,
            seated: 40,
            capacity: 50,
          },
        ],
      },
      { from: '2026-12-14', byStatus: NO_STATUS, passengers: 0, seated: 0, capacity: 0, batches: [] },
    ],
    healthSoon: [
      {
        id: 'b1',
        name: '百色—深圳 1',
        date: '2026-12-08',
        progress: { total: 50, checked: 42, passed: 40, failed: 1, recheck: 1, notChecked: 8, expired: 0 },
      },
    ],
    subsidiesByScheme: [
      {
        schemeId: 's1',
        schemeName: '一次性求职补贴',
        owedFen: 123_456_78,
        onNoticeFen: 0,
        paidFen: 50_000_00,
        rejectedFen: 0,
      },
    ],
  };
}

/** Shows the address the router is at, so that a test can follow a link. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{`${location.pathname}${location.search}`}</output>;
}

function show(value: Dashboard, language: Language = 'zh-CN') {
  return render(
    <Routes>
      <Route path="/" element={<DashboardCharts dashboard={value} filter={FILTER} language={language} />} />
      <Route path="*" element={<Address />} />
    </Routes>,
    { language },
  );
}

/** The card's table (after a click on "表格"/"Table"), as rows of cell texts. */
function tableOf(name: string, label = '表格'): { card: HTMLElement; rows: string[][] } {
  const card = screen.getByTestId(`chart-${name}`);
  fireEvent.click(within(card).getByText(label));
  const rows = within(card)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .queryAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    )
    .filter((cells) => cells.length > 0);
  return { card, rows };
}

function hrefOf(card: HTMLElement, text: string): string | null {
  return within(card).getByRole('link', { name: text }).getAttribute('href');
}

describe('the dashboard charts', () => {
  it('show people sent per month, written in Chinese, each month leading to its people', () => {
    show(dashboard());
    expect(screen.getByTestId('chart-month').textContent).toContain('每月输出人数');
    const { card, rows } = tableOf('month');
    expect(rows).toEqual([
      ['2026年1月', '1,234人'],
      ['2026年2月', '0人'],
      ['2026年3月', '1人'],
    ]);
    expect(hrefOf(card, '2026年1月')).toBe('/dashboard/people?from=2026-01-01&to=2026-12-31&month=2026-01');
    fireEvent.click(within(card).getByRole('link', { name: '1,234人' }));
    expect(screen.getByTestId('address').textContent).toBe(
      '/dashboard/people?from=2026-01-01&to=2026-12-31&month=2026-01',
    );
  });

  it('write the same tables in English', () => {
    show(dashboard(), 'en');
    expect(tableOf('month', 'Table').rows).toEqual([
      ['January 2026', '1,234 people'],
      ['February 2026', '0 people'],
      ['March 2026', '1 person'],
    ]);
    expect(tableOf('funnel', 'Table').rows[4]).toEqual(['In post 180 days', '354 people', '28.66%']);
    expect(tableOf('weeks', 'Table').rows[0]).toEqual(['From Dec 7, 2026', '2', '1', '150', '120 / 160']);
    expect(tableOf('subsidies', 'Table').rows[0]).toEqual([
      '一次性求职补贴',
      '123,456.78 yuan',
      '0.00 yuan',
      '50,000.00 yuan',
      '0.00 yuan',
    ]);
  });

  it('lead from a county to its people, and from a township to those of the township', () => {
    show(dashboard());
    const { card, rows } = tableOf('county');
    expect(rows).toEqual([
      ['田东县', '1,235人'],
      ['平马镇', '1,000人'],
      ['祥周镇', '235人'],
    ]);
    expect(hrefOf(card, '田东县')).toBe('/dashboard/people?from=2026-01-01&to=2026-12-31&county=451022');
    // One county: the chart shows its townships, under the county's name and total.
    expect(within(card).getByTestId('chart-county-group').textContent).toBe('田东县：1,235人');
    expect(hrefOf(card, '祥周镇')).toBe(
      `/dashboard/people?from=2026-01-01&to=2026-12-31&county=451022&township=${encodeURIComponent('祥周镇').replace(/%20/g, '+')}`,
    );
  });

  it('lead from a province and a city to the people sent there; an unknown destination leads nowhere', () => {
    show(dashboard());
    const { card, rows } = tableOf('destination');
    expect(rows).toEqual([
      ['广东省', '1,200人'],
      ['深圳市', '900人'],
      ['东莞市', '300人'],
      ['未知', '35人'],
      ['未知', '35人'],
    ]);
    const search = (href: string | null) => Object.fromEntries(new URLSearchParams(href?.split('?')[1]));
    expect(search(hrefOf(card, '深圳市'))).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      province: '广东省',
      city: '深圳市',
    });
    expect(within(card).queryByRole('link', { name: '未知' })).toBeNull();
  });

  it('lead from an enterprise to the people it received, and from a funnel step to those who reached it', () => {
    show(dashboard());
    const enterprises = tableOf('enterprises');
    expect(enterprises.rows[1]).toEqual(['东莞市长安精密五金有限公司', '300人']);
    expect(hrefOf(enterprises.card, '东莞市长安精密五金有限公司')).toBe(
      '/dashboard/people?from=2026-01-01&to=2026-12-31&enterprise=e2',
    );
    const funnel = tableOf('funnel');
    expect(funnel.rows).toEqual([
      ['已输出', '1,235人', '100.00%'],
      ['已交接', '1,200人', '97.17%'],
      ['在岗满 30 天', '1,000人', '80.97%'],
      ['在岗满 90 天', '756人', '61.21%'],
      ['在岗满 180 天', '354人', '28.66%'],
    ]);
    expect(hrefOf(funnel.card, '在岗满 90 天')).toBe('/dashboard/people?from=2026-01-01&to=2026-12-31&step=inPost90');
  });

  it('lead from a week’s batches of a status to that list, and from a batch leaving soon to its page', () => {
    show(dashboard());
    const weeks = tableOf('weeks');
    expect(weeks.rows).toEqual([
      ['2026年12月7日起', '2', '1', '150', '120 / 160'],
      ['2026年12月14日起', '0', '0', '0', '–'],
    ]);
    const planned = within(weeks.card).getAllByRole('link', { name: '2' })[0];
    expect(planned?.getAttribute('href')).toBe(
      '/dashboard/batches?from=2026-01-01&to=2026-12-31&kind=coming&week=2026-12-07&status=planned',
    );
    const health = tableOf('health');
    expect(health.rows).toEqual([['百色—深圳 1', '2026年12月8日', '40', '1', '1', '0', '8', '50人']]);
    expect(hrefOf(health.card, '百色—深圳 1')).toBe('/batches/b1');
  });

  it('lead from a scheme’s amount owed, or paid, to the claims it is made of', () => {
    show(dashboard());
    const { card, rows } = tableOf('subsidies');
    expect(rows).toEqual([['一次性求职补贴', '123,456.78 元', '0.00 元', '50,000.00 元', '0.00 元']]);
    expect(hrefOf(card, '123,456.78 元')).toBe('/dashboard/claims?from=2026-01-01&to=2026-12-31&scheme=s1&bucket=owed');
    expect(hrefOf(card, '50,000.00 元')).toBe('/dashboard/claims?from=2026-01-01&to=2026-12-31&scheme=s1&bucket=paid');
    expect(within(card).queryByRole('link', { name: '0.00 元' })).toBeNull();
  });

  it('say in a sentence that a period has nothing to draw, instead of an empty chart', () => {
    const empty: Dashboard = {
      ...dashboard(),
      sentByMonth: [{ key: '2026-01', label: '2026-01', people: 0 }],
      sentByCounty: [],
      sentByDestination: [],
      topEnterprises: [],
      funnel: { sent: 0, handedOver: 0, inPost: { 30: 0, 90: 0, 180: 0 } },
      comingWeeks: [{ from: '2026-12-07', byStatus: NO_STATUS, passengers: 0, seated: 0, capacity: 0, batches: [] }],
      healthSoon: [],
      subsidiesByScheme: [],
    };
    show(empty);
    const sentence = (name: string) =>
      within(screen.getByTestId(`chart-${name}`)).getByTestId('chart-empty').textContent;
    expect(sentence('month')).toBe('此期间没有输出人员');
    expect(sentence('county')).toBe('此期间没有输出人员');
    expect(sentence('enterprises')).toBe('此期间没有交接到企业的人员');
    expect(sentence('weeks')).toBe('未来几周没有批次');
    expect(sentence('health')).toBe('3 天内没有要出发的批次');
    expect(sentence('subsidies')).toBe('此期间没有补贴申领');
    expect(within(screen.getByTestId('chart-month')).queryByText('表格')).toBeNull();
  });
});
