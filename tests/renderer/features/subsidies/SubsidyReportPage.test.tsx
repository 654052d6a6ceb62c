// @vitest-environment jsdom
/**
 * The subsidy report page (issue 18, item 6): what all schemes' claims come to, owed, on notice,
 * paid and rejected, in yuan with two decimals summed to the fen, by scheme, payee, township and
 * month with a grand total; for one scheme year and a range of months, kept in the address.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import { saveScheme, type PlannerDatabase, type SchemeInput } from '@renderer/db';
import { SubsidyReportPage } from '@renderer/features/subsidies/report/SubsidyReportPage';
import type { Language, SubsidyClaim, SubsidySchemeRecord } from '@shared/domain/records';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeEnterprise, makeWorker } from '@tests/fixtures/factories';

let db: PlannerDatabase;
const AT = '2026-01-01T00:00:00.000Z';

function scheme(name: string, year: number, overrides: Partial<SchemeInput> = {}): SchemeInput {
  return {
    name,
    year,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: 100_000,
    tiers: [],
    instalments: [],
    evidence: [],
    conditions: {
      householdTypes: [],
      minMonths: 0,
      sameEmployer: false,
      keyEnterpriseOnly: false,
      organisedBatch: 'any',
      destinations: [],
      startFrom: null,
      startTo: null,
    },
    ...overrides,
  };
}

let serial = 0;
function claim(of: SubsidySchemeRecord, fields: Partial<SubsidyClaim>): SubsidyClaim {
  serial += 1;
  return {
    id: `claim-${serial}`,
    schemeId: of.id,
    workerId: '',
    year: of.year,
    payee: of.payee,
    payeeId: '',
    amountFen: 100_000,
    instalment: null,
    dueOn: `${of.year}-03-01`,
    periodId: null,
    months: 3,
    status: 'eligible',
    noticeFrom: null,
    noticeDays: null,
    submittedOn: null,
    approvedOn: null,
    paidOn: null,
    paidAmountFen: null,
    voucher: '',
    rejectedOn: null,
    rejectionReason: '',
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
  const factory = makeEnterprise({ name: '深圳市鹏达电子科技有限公司' });
  await db.enterprises.add(factory);
  const [a, b, c] = [
    makeWorker({ name: '陆春燕', township: '林逢镇' }),
    makeWorker({ name: '黄海涛', township: '思林镇' }),
    makeWorker({ name: '农丽', township: '' }),
  ];
  if (!a || !b || !c) throw new Error('no workers');
  await db.workers.bulkAdd([a, b, c]);
  const hiring = await saveScheme(null, scheme('2026 年吸纳就业补贴', 2026));
  const transport = await saveScheme(
    null,
    scheme('2026 年一次性交通补助', 2026, { kind: 'transport', payee: 'worker', amountFen: 50_050 }),
  );
  const earlier = await saveScheme(null, scheme('2025 年吸纳就业补贴', 2025));
  const atFactory = { payeeId: factory.id };
  await db.subsidyClaims.bulkAdd([
    claim(hiring, { workerId: a.id, ...atFactory, status: 'paid', paidOn: '2026-03-10', paidAmountFen: 100_000 }),
    claim(hiring, { workerId: b.id, ...atFactory, status: 'on-notice', noticeFrom: '2026-04-01', noticeDays: 7 }),
    claim(transport, { workerId: a.id, payeeId: a.id, amountFen: 50_050, dueOn: '2026-05-02' }),
    claim(transport, {
      workerId: b.id,
      payeeId: b.id,
      amountFen: 33_333,
      status: 'rejected',
      rejectedOn: '2026-05-03',
      rejectionReason: '材料不全',
    }),
    claim(earlier, { workerId: c.id, ...atFactory, amountFen: 80_000, status: 'paid', paidOn: '2025-06-01' }),
  ]);
});
afterEach(() => db.close());

function page(route = '/subsidies/report', language: Language = 'zh-CN') {
  return render(
    <Routes>
      <Route path="/subsidies/report" element={<SubsidyReportPage />} />
    </Routes>,
    { route, language },
  );
}

const card = (bucket: string) =>
  within(screen.getByTestId(`report-total-${bucket}`)).getByTestId('report-total-amount');

/** The lines of the table shown: label, then owed, on notice, paid, rejected and total in yuan. */
function lines(grouping: string): string[][] {
  const table = screen.getByTestId(`report-table-${grouping}`);
  const amount = (row: HTMLElement, bucket: string) =>
    within(row).getByTestId(`report-line-${bucket}`).firstElementChild?.textContent ?? '';
  const rows = within(table).getAllByTestId('report-line');
  const grand = within(table).getByTestId('report-grand-line');
  const grandAmount = (bucket: string) =>
    within(grand).getByTestId(`report-grand-${bucket}`).firstElementChild?.textContent ?? '';
  return [
    ...rows.map((row) => [
      within(row).getByTestId('report-line-label').textContent ?? '',
      ...['owed', 'onNotice', 'paid', 'rejected', 'total'].map((bucket) => amount(row, bucket)),
    ]),
    [grand.firstElementChild?.textContent ?? '', ...['owed', 'onNotice', 'paid', 'rejected', 'total'].map(grandAmount)],
  ];
}

describe('the subsidy report page', { timeout: 60_000 }, () => {
  it('sums every claim to the fen by scheme, payee, township and month, with a grand total', async () => {
    page();
    await screen.findByTestId('report-table-scheme', {}, { timeout: 10_000 });
    expect(card('owed').textContent).toBe('500.50 元');
    expect(card('onNotice').textContent).toBe('1,000.00 元');
    expect(card('paid').textContent).toBe('1,800.00 元');
    expect(card('rejected').textContent).toBe('333.33 元');
    expect(card('total').textContent).toBe('3,300.50 元');
    expect(lines('scheme')).toEqual([
      ['2025 年吸纳就业补贴', '0.00', '0.00', '800.00', '0.00', '800.00'],
      ['2026 年吸纳就业补贴', '0.00', '1,000.00', '1,000.00', '0.00', '2,000.00'],
      ['2026 年一次性交通补助', '500.50', '0.00', '0.00', '333.33', '500.50'],
      ['总计', '500.50', '1,000.00', '1,800.00', '333.33', '3,300.50'],
    ]);

    // Workers paid in person are one payee.
    fireEvent.click(screen.getByRole('tab', { name: '按领款方' }));
    await screen.findByTestId('report-table-payee', {}, { timeout: 10_000 });
    expect(lines('payee')).toEqual([
      ['深圳市鹏达电子科技有限公司', '0.00', '1,000.00', '1,800.00', '0.00', '2,800.00'],
      ['务工人员本人', '500.50', '0.00', '0.00', '333.33', '500.50'],
      ['总计', '500.50', '1,000.00', '1,800.00', '333.33', '3,300.50'],
    ]);

    fireEvent.click(screen.getByRole('tab', { name: '按乡镇' }));
    await screen.findByTestId('report-table-township', {}, { timeout: 10_000 });
    expect(lines('township')).toEqual([
      ['（未填乡镇）', '0.00', '0.00', '800.00', '0.00', '800.00'],
      ['林逢镇', '500.50', '0.00', '1,000.00', '0.00', '1,500.50'],
      ['思林镇', '0.00', '1,000.00', '0.00', '333.33', '1,000.00'],
      ['总计', '500.50', '1,000.00', '1,800.00', '333.33', '3,300.50'],
    ]);

    // Every sum names the people behind it.
    fireEvent.click(within(screen.getByTestId('report-table-township')).getByRole('button', { name: '思林镇' }));
    const people = await screen.findByTestId('report-people', {}, { timeout: 10_000 });
    expect(
      within(people)
        .getAllByTestId('report-person')
        .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['黄海涛', '思林镇', '2026 年吸纳就业补贴', '深圳市鹏达电子科技有限公司', '公示中', '1,000.00'],
      ['黄海涛', '思林镇', '2026 年一次性交通补助', '务工人员本人', '已退回', '333.33'],
    ]);
    fireEvent.keyDown(people, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('report-people')).toBeNull(), { timeout: 10_000 });

    fireEvent.click(screen.getByRole('tab', { name: '按月份' }));
    await screen.findByTestId('report-table-period', {}, { timeout: 10_000 });
    expect(lines('period').map((line) => [line[0], line[5]])).toEqual([
      ['2025 年 6 月', '800.00'],
      ['2026 年 3 月', '1,000.00'],
      ['2026 年 4 月', '1,000.00'],
      ['2026 年 5 月', '500.50'],
      ['总计', '3,300.50'],
    ]);
  });

  it('counts one scheme year when it is chosen', async () => {
    page();
    await screen.findByTestId('report-table-scheme', {}, { timeout: 10_000 });
    const year = screen.getByRole('combobox', { name: '年度' });
    fireEvent.click(year);
    const listbox = await waitFor(
      () => {
        const found = document.getElementById(year.getAttribute('aria-controls') ?? '');
        if (!found) throw new Error('the list of years is not open');
        return found;
      },
      { timeout: 10_000 },
    );
    fireEvent.click(await within(listbox).findByRole('option', { name: '2025 年', hidden: true }, { timeout: 10_000 }));
    await waitFor(() => expect(card('paid').textContent).toBe('800.00 元'), { timeout: 10_000 });
    expect(card('total').textContent).toBe('800.00 元');
    expect(lines('scheme').map((line) => line[0])).toEqual(['2025 年吸纳就业补贴', '总计']);
  });

  it('keeps the year, the months and the grouping in the address', async () => {
    page('/subsidies/report?year=2026&from=2026-04&to=2026-05&by=township');
    await screen.findByTestId('report-table-township', {}, { timeout: 10_000 });
    expect(card('onNotice').textContent).toBe('1,000.00 元');
    expect(card('paid').textContent).toBe('0.00 元');
    expect(card('total').textContent).toBe('1,500.50 元');
    expect(lines('township').map((line) => [line[0], line[5]])).toEqual([
      ['林逢镇', '500.50'],
      ['思林镇', '1,000.00'],
      ['总计', '1,500.50'],
    ]);
  });

  it('says the same in English', async () => {
    page('/subsidies/report', 'en');
    await screen.findByTestId('report-table-scheme', {}, { timeout: 10_000 });
    expect(card('total').textContent).toBe('3,300.50 yuan');
    expect(screen.getByRole('tab', { name: 'By township' })).toBeTruthy();
    expect(within(screen.getByTestId('report-total-paid')).getByText('2 claims')).toBeTruthy();
  });

  it('says when there are no claims at all', async () => {
    await db.subsidyClaims.clear();
    page();
    expect((await screen.findByTestId('report-no-claims', {}, { timeout: 10_000 })).textContent).toContain(
      '还没有申领记录',
    );
  });
});
