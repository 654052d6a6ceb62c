// @vitest-environment jsdom
/**
 * The list behind a dashboard figure (issue 19, item 3): it says what it lists, how many, and leads
 * to each person or batch and back to the figures; a bad address is said in words. The rows come
 * from the pure rules on the hand-made office (the Web Worker is the e2e test's).
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes, useLocation, useParams } from 'react-router-dom';
import { filterDashboard, type DashboardFilter, type DashboardSource } from '@shared/dashboard';
import { drillHref, type Drill } from '@shared/dashboard/drill';
import { dashboardFilterOptions, drillRows } from '@shared/dashboard/drill-rows';
import type { Language } from '@shared/domain/records';
import { DashboardListPage } from '@renderer/features/home/DashboardListPage';
import type { DashboardListState } from '@renderer/features/home/use-dashboard';
import { render } from '@tests/renderer/render';
import { NOW, handMadeOffice } from '@tests/shared/dashboard/fixture';

const NAMES: Record<string, string> = { w1: '韦秀英', w2: '黄德明', w3: '农丽华', w4: '李春燕', w5: '陆文军' };

/** The list hook of the page, on `source`: rows named from NAMES (else `工人N`). */
function fakeList(source: DashboardSource) {
  const options = dashboardFilterOptions(source);
  return (filter: DashboardFilter | null, drill: Drill | null): DashboardListState => {
    if (!filter || !drill) return { options };
    const rows = drillRows(filterDashboard(source, filter, NOW), drill);
    const name = (workerId: string) => NAMES[workerId] ?? `工人${workerId}`;
    switch (rows.list) {
      case 'batches':
        return { list: rows, options };
      case 'people':
        return {
          list: { list: 'people', rows: rows.rows.map((row) => ({ ...row, name: name(row.workerId) })) },
          options,
        };
      case 'contacts':
        return {
          list: { list: 'contacts', rows: rows.rows.map((row) => ({ ...row, name: name(row.workerId) })) },
          options,
        };
      case 'claims':
        return {
          list: { list: 'claims', rows: rows.rows.map((row) => ({ ...row, name: name(row.workerId) })) },
          options,
        };
    }
  };
}

function WorkerPage() {
  return <div data-testid="worker-page">{useParams().id}</div>;
}
function HomeAddress() {
  const location = useLocation();
  return <div data-testid="home-page">{`${location.pathname}${location.search}`}</div>;
}

function renderList(route: string, language: Language = 'zh-CN', source = handMadeOffice()) {
  render(
    <Routes>
      <Route path="/dashboard/:list" element={<DashboardListPage useList={fakeList(source)} />} />
      <Route path="/workers/:id" element={<WorkerPage />} />
      <Route path="/" element={<HomeAddress />} />
    </Routes>,
    { route, language },
  );
}

const FEB_TO_MAR = { from: '2026-02-01', to: '2026-03-31' };
const rows = () => screen.getAllByTestId('list-row');

describe('the list behind a figure', () => {
  it('says in words whom it lists, counts them, and opens a person', () => {
    renderList(drillHref({ ...FEB_TO_MAR, countyCode: '451022' }, { list: 'people', poor: true }));
    expect(screen.getByRole('heading', { name: '输送人员名单' })).toBeTruthy();
    const lines = within(screen.getByTestId('list-description'))
      .getAllByText(/./)
      .map((line) => line.textContent);
    expect(lines).toEqual([
      '2026年2月1日 至 2026年3月31日；县（区）：田东县',
      '期间内已发车批次输送的人员；其中建档立卡贫困户',
    ]);
    // w1 and w3 of 田东县 are registered poor (w7 was absent at boarding).
    expect(screen.getByTestId('list-count').textContent).toBe('共 2 人');
    expect(
      rows().map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['韦秀英', '田东县', '祥周镇', '广州电子厂', '专列b1', '2026年2月18日', '已交接', '满 180 天'],
      ['农丽华', '田东县', '平马镇', '宁波服装厂', '专列b1', '2026年2月18日', '已交接', '满 30 天'],
    ]);
    expect(
      within(rows()[1] as HTMLElement)
        .getByRole('link', { name: '专列b1' })
        .getAttribute('href'),
    ).toBe('/batches/b1');
    fireEvent.click(screen.getByRole('link', { name: '农丽华' }));
    expect(screen.getByTestId('worker-page').textContent).toBe('w3');
  });

  it('leads back to the home page showing the same period and filter', () => {
    renderList(drillHref({ ...FEB_TO_MAR, countyCode: '451022' }, { list: 'people', step: 'inPost90' }));
    expect(screen.getByTestId('list-count').textContent).toBe('共 2 人');
    fireEvent.click(screen.getByTestId('list-back'));
    expect(screen.getByTestId('home-page').textContent).toBe(
      '/?period=custom&from=2026-02-01&to=2026-03-31&county=451022',
    );
  });

  it('lists the batches of the period in English, with their seats', () => {
    renderList(drillHref({ from: '2026-01-01', to: '2026-12-31' }, { list: 'batches', kind: 'planned' }), 'en');
    expect(screen.getByRole('heading', { name: 'Batches' })).toBeTruthy();
    expect(
      within(screen.getByTestId('list-description')).getByText(
        'Batches of the period not departed yet (draft, planned, ready)',
      ),
    ).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toBe('3 batches');
    expect(
      rows().map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['专列b6', 'Jun 1, 2026', 'Draft', '0', '0', '24'],
      ['专列b4', 'Dec 8, 2026', 'Ready', '2', '1', '24'],
      ['专列b5', 'Dec 20, 2026', 'Planned', '0', '0', '0'],
    ]);
    expect(screen.getByRole('link', { name: '专列b4' }).getAttribute('href')).toBe('/batches/b4');
  });

  it('names the month and the destination clicked', () => {
    renderList(drillHref(FEB_TO_MAR, { list: 'people', month: '2026-03', province: '浙江省', city: '宁波' }), 'en');
    expect(
      within(screen.getByTestId('list-description')).getByText(
        'People sent on batches that departed in the period; Left in March 2026; Sent to 浙江省 宁波',
      ),
    ).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toBe('1 person');
  });

  it('shows the first 100 of a long list, and more on demand', () => {
    const source = handMadeOffice();
    const many = Array.from({ length: 250 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    source.workers = [
      ...source.workers,
      ...many.map((id) => ({
        id,
        county: '田东县',
        countyCode: '451022',
        township: '祥周镇',
        povertyStatus: 'none' as const,
        enterpriseId: 'e1',
      })),
    ];
    source.assignments = [
      ...source.assignments,
      ...many.map((workerId) => ({ batchId: 'b1', workerId, seats: [], boarding: 'boarded' as const })),
    ];
    renderList(drillHref(FEB_TO_MAR, { list: 'people' }), 'zh-CN', source);
    expect(screen.getByTestId('list-count').textContent).toBe('共 255 人');
    expect(rows()).toHaveLength(100);
    expect(screen.getByText('已显示 100 / 255')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '再显示 155 条' }));
    expect(rows()).toHaveLength(255);
    expect(screen.queryByTestId('list-show-more')).toBeNull();
  });

  it('says what is wrong with a bad address, in both languages', () => {
    renderList('/dashboard/people?from=2026-02-30&to=2026-12-31');
    expect(screen.getByTestId('list-problem').textContent).toContain(
      '起始日期“2026-02-30”不是有效日期（格式为 年-月-日）',
    );
    expect(screen.getByTestId('list-back').getAttribute('href')).toBe('/');
  });

  it('says in English that a list does not exist', () => {
    renderList('/dashboard/contracts?from=2026-01-01&to=2026-12-31', 'en');
    expect(screen.getByTestId('list-problem').textContent).toContain(
      'There is no list called "contracts": only people sent, batches, overdue contacts and subsidy claims',
    );
  });

  it('lists the overdue contacts as of today whatever the period, each opening the follow-up desk', () => {
    renderList(drillHref(FEB_TO_MAR, { list: 'contacts' }));
    expect(screen.getByRole('heading', { name: '逾期未回访名单' })).toBeTruthy();
    expect(screen.getByTestId('list-description').textContent).toBe('截至今天，下次回访日期已过的跟踪服务');
    expect(screen.getByTestId('list-count').textContent).toBe('共 2 人次');
    expect(
      rows().map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['李春燕', '德保县', '城关镇', '宁波服装厂', '2026年9月5日', '93 天'],
      ['韦秀英', '田东县', '祥周镇', '广州电子厂', '2026年12月6日', '1 天'],
    ]);
    expect(
      within(rows()[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/followup?worker=w4');
  });

  it('lists the claims behind a subsidy sum, with the sum itself', () => {
    renderList(
      drillHref({ from: '2026-01-01', to: '2026-12-31', schemeId: 's1' }, { list: 'claims', bucket: 'paid' }),
      'en',
    );
    expect(screen.getByTestId('list-description').textContent).toContain('Of them, paid');
    expect(screen.getByTestId('list-count').textContent).toBe('1 claim');
    expect(screen.getByTestId('list-total').textContent).toBe('1,000.00 yuan in all');
    expect(
      rows().map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([['韦秀英', '一次性求职补贴', 'Paid', '1,000.00', 'Apr 1, 2026']]);
  });
});
