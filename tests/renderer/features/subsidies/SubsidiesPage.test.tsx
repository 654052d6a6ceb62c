// @vitest-environment jsdom
/**
 * The subsidies page (issue 18, items 3 and 4): a scheme is chosen, the eligible and the not-yet
 * eligible are listed with the reason in words, a claim is made from the list, a second claim for
 * the same person is refused naming the earlier one, and the claim is put on the public notice.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes, useLocation } from 'react-router-dom';
import { createClaims, saveScheme, stepClaims, type PlannerDatabase, type SchemeInput } from '@renderer/db';
import { SubsidiesPage } from '@renderer/features/subsidies/SubsidiesPage';
import { addCalendarDays, addCalendarMonths, todayCalendarDate } from '@shared/dates';
import type { EmploymentPeriod, Language } from '@shared/domain/records';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { seedHandedOver, type HandedOver } from '@tests/renderer/db/followup-desk-seed';

let db: PlannerDatabase;
let seeded: HandedOver;
const today = todayCalendarDate();
const year = Number(today.slice(0, 4));
const longAgo = addCalendarDays(today, -100);
const lately = addCalendarDays(today, -20);
/** The day the worker handed over lately has worked the scheme's 3 months. */
const latelyFrom = addCalendarMonths(lately, 3);

function scheme(): SchemeInput {
  return {
    name: `${year} 年吸纳就业补贴`,
    year,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: 100_000,
    tiers: [],
    instalments: [],
    evidence: ['labour-contract'],
    conditions: {
      householdTypes: [],
      minMonths: 3,
      sameEmployer: false,
      keyEnterpriseOnly: true,
      organisedBatch: 'any',
      destinations: [],
      startFrom: null,
      startTo: null,
    },
  };
}

beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
  seeded = await seedHandedOver(db, [longAgo, lately], {
    names: ['陆春燕', '黄海涛'],
    enterprise: { isKeyEnterprise: true },
  });
  // The employment periods each handover opened, as the handover stores them.
  const periods: EmploymentPeriod[] = seeded.followUps.map((followUp) => ({
    id: `${followUp.id}:1`,
    followUpId: followUp.id,
    workerId: followUp.workerId,
    enterpriseId: seeded.enterprise.id,
    employerName: seeded.enterprise.name,
    employerCity: seeded.enterprise.city,
    start: followUp.handedOverOn,
    startSource: 'handover',
    end: null,
    endReason: null,
    endNote: '',
    createdAt: followUp.createdAt,
    updatedAt: followUp.createdAt,
  }));
  await db.employmentPeriods.bulkAdd(periods);
  await saveScheme(null, scheme());
});
afterEach(() => db.close());

/** The address's search parameters, as the page keeps them. */
function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}

function page(language: Language = 'zh-CN', route = '/subsidies') {
  return render(
    <Routes>
      <Route
        path="/subsidies"
        element={
          <>
            <SubsidiesPage />
            <Address />
          </>
        }
      />
    </Routes>,
    { route, language },
  );
}

/** Opens a Mantine Select and clicks the option named `option`. */
async function choose(field: HTMLElement, option: string) {
  fireEvent.click(field);
  const listbox = await waitFor(
    () => {
      const found = document.getElementById(field.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('the list of options is not open');
      return found;
    },
    { timeout: 10_000 },
  );
  fireEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }, { timeout: 10_000 }));
}

const address = () => new URLSearchParams(screen.getByTestId('address').textContent ?? '');

const row = async (name: string) =>
  (await screen.findAllByTestId('eligibility-row')).find((candidate) => candidate.textContent?.includes(name));
const liveClaims = async () => (await db.subsidyClaims.toArray()).filter((claim) => !claim.deletedAt);

async function claimFor(name: string, selectLabel: string, createLabel: string) {
  fireEvent.click(await screen.findByRole('checkbox', { name: `${selectLabel} ${name}` }));
  fireEvent.click(screen.getByRole('button', { name: createLabel }));
}

describe('the subsidies page', { timeout: 60_000 }, () => {
  it('shows who is eligible and, in words, when the others will be; claims once; refuses a second claim naming the first; puts it on notice', async () => {
    page();
    expect((await screen.findByTestId('scheme-select')).getAttribute('value')).toBe(`${year} 年吸纳就业补贴`);
    const eligible = await row('陆春燕');
    expect(eligible?.textContent).toContain('1,000.00');
    expect(eligible?.textContent).toContain('3 个月');
    expect(eligible?.textContent).toContain(seeded.enterprise.name);
    expect(screen.queryByText('黄海涛')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: '尚未符合 (1)' }));
    const waiting = await row('黄海涛');
    expect(within(waiting as HTMLElement).getByTestId('eligibility-reasons').textContent).toBe(
      `务工 0 个月，满 3 个月，${latelyFrom} 起符合`,
    );

    fireEvent.click(screen.getByRole('radio', { name: '符合条件 (1)' }));
    await claimFor('陆春燕', '选择', '生成申领');
    await waitFor(async () => expect(await liveClaims()).toHaveLength(1));
    expect(await screen.findByText('已申领（符合条件）')).toBeTruthy();

    // Ticked again: refused, the earlier claim named, nothing more stored.
    await claimFor('陆春燕', '选择', '生成申领');
    const refusal = await screen.findByTestId('claim-refusal');
    expect(refusal.textContent).toContain(
      `陆春燕 在 ${year} 年已申领过此项补贴（领款方：${seeded.enterprise.name}，状态：符合条件）`,
    );
    expect(await liveClaims()).toHaveLength(1);

    fireEvent.click(screen.getByRole('tab', { name: /申领记录/ }));
    const claimRow = await screen.findByTestId('claim-row');
    expect(within(claimRow).getByTestId('claim-status').textContent).toBe('符合条件');
    expect(screen.getByTestId('total-eligible').textContent).toBe('符合条件：1 份，1,000.00 元');
    fireEvent.click(within(claimRow).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: '公示' }));
    expect((await screen.findByTestId('notice-until')).textContent).toBe(`公示至 ${addCalendarDays(today, 6)}（含）`);
    fireEvent.click(screen.getByTestId('step-confirm'));
    await waitFor(async () =>
      expect((await liveClaims())[0]).toMatchObject({ status: 'on-notice', noticeFrom: today, noticeDays: 7 }),
    );
    await waitFor(() => expect(screen.getByTestId('claim-status').textContent).toBe('公示中'));
    expect(screen.getByTestId('claim-row').textContent).toContain(`公示 ${today} 至 ${addCalendarDays(today, 6)}`);
  });

  it('says the same in English', async () => {
    page('en');
    await row('陆春燕');
    fireEvent.click(screen.getByRole('radio', { name: 'Not yet (1)' }));
    const waiting = await row('黄海涛');
    expect(within(waiting as HTMLElement).getByTestId('eligibility-reasons').textContent).toBe(
      `Employed 0 of 3 months, eligible from ${latelyFrom}`,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Eligible (1)' }));
    await claimFor('陆春燕', 'Select', 'Create claims');
    await waitFor(async () => expect(await liveClaims()).toHaveLength(1));
    await claimFor('陆春燕', 'Select', 'Create claims');
    expect((await screen.findByTestId('claim-refusal')).textContent).toContain(seeded.enterprise.name);
    expect(await liveClaims()).toHaveLength(1);
  });

  it('pays only the sum owed, with a voucher number, and says so in words when the amount differs', async () => {
    const [stored] = await db.subsidySchemes.toArray();
    const [claim] = await createClaims(stored?.id ?? '', [seeded.workers[0]?.id ?? ''], today);
    const ids = [claim?.id ?? ''];
    await stepClaims(ids, { to: 'on-notice', noticeFrom: addCalendarDays(today, -10), noticeDays: 7 }, today);
    await stepClaims(ids, { to: 'submitted', on: today }, today);
    await stepClaims(ids, { to: 'approved', on: today }, today);
    page();
    fireEvent.click(await screen.findByRole('tab', { name: /申领记录/ }));
    const claimRow = await screen.findByTestId('claim-row');
    expect(within(claimRow).getByTestId('claim-status').textContent).toBe('已审核');
    fireEvent.click(within(claimRow).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: '发放' }));
    const amount = await screen.findByLabelText('实发金额（元）');
    expect((amount as HTMLInputElement).value).toBe('1,000.00');
    fireEvent.change(amount, { target: { value: '999' } });
    fireEvent.change(screen.getByLabelText(/凭证号/), { target: { value: 'PZ-2026-001' } });
    fireEvent.click(screen.getByTestId('step-confirm'));
    expect((await screen.findByTestId('step-refusal')).textContent).toBe('实发总额应等于应发合计 1,000.00 元');
    expect((await liveClaims())[0]?.status).toBe('approved');

    fireEvent.change(amount, { target: { value: '1000' } });
    fireEvent.click(screen.getByTestId('step-confirm'));
    await waitFor(async () =>
      expect((await liveClaims())[0]).toMatchObject({ status: 'paid', paidOn: today, voucher: 'PZ-2026-001' }),
    );
    await waitFor(() => expect(screen.getByTestId('claim-status').textContent).toBe('已发放'));
    expect(screen.getByTestId('total-paid').textContent).toBe('已发放：1 份，1,000.00 元');
  });

  it('shows the claims of one payee or one status, and keeps the scheme, the tab and the filter in the address', async () => {
    const retention = await saveScheme(null, {
      ...scheme(),
      name: `${year} 年稳岗补助`,
      kind: 'retention',
      payee: 'worker',
      amountFen: 50_050,
      conditions: { ...scheme().conditions, minMonths: 0, keyEnterpriseOnly: false },
    });
    const [first, second] = seeded.workers;
    const claims = await createClaims(retention.id, [first?.id ?? '', second?.id ?? ''], today);
    const ofSecond = claims.find((claim) => claim.workerId === second?.id);
    await stepClaims([ofSecond?.id ?? ''], { to: 'on-notice', noticeFrom: today, noticeDays: 7 }, today);

    // Opened at the address a reload (or Back) returns to: the scheme's claims straight away.
    page('zh-CN', `/subsidies?scheme=${retention.id}&view=claims`);
    expect(await screen.findAllByTestId('claim-row', {}, { timeout: 10_000 })).toHaveLength(2);
    expect(screen.getByTestId('scheme-select').getAttribute('value')).toBe(`${year} 年稳岗补助`);
    const names = () => screen.getAllByTestId('claim-row').map((row) => row.textContent?.slice(0, 3));

    await choose(screen.getByRole('combobox', { name: '领款方' }), '陆春燕（1 份）');
    await waitFor(() => expect(names()).toEqual(['陆春燕']), { timeout: 10_000 });
    expect(address().get('payee')).toBe(`worker:${first?.id}`);
    expect(address().get('scheme')).toBe(retention.id);
    expect(address().get('view')).toBe('claims');
    expect(screen.getByTestId('total-eligible').textContent).toBe('符合条件：1 份，500.50 元');
    expect(screen.queryByTestId('total-on-notice')).toBeNull();

    // The filter's clear button (×) shows every payee's claims again.
    const clear = document.querySelector('.mantine-InputClearButton-root');
    if (!clear) throw new Error('the payee filter cannot be cleared');
    fireEvent.click(clear);
    await waitFor(() => expect(names()).toHaveLength(2), { timeout: 10_000 });
    fireEvent.click(screen.getByRole('radio', { name: '公示中 (1)' }));
    await waitFor(() => expect(names()).toEqual(['黄海涛']), { timeout: 10_000 });
    expect(address().get('status')).toBe('on-notice');
    expect(address().get('payee')).toBeNull();
    // What is selected and paid is what is shown: select all takes the one claim on notice.
    fireEvent.click(screen.getByRole('checkbox', { name: '全选' }));
    expect(screen.getByTestId('claims-selected').textContent).toBe('已选 1 份申领，合计 500.50 元');
  });

  it('points to Settings when there is no scheme', async () => {
    await db.subsidySchemes.clear();
    page();
    expect((await screen.findByTestId('no-schemes')).textContent).toContain('请先在“设置”中添加补贴项目');
  });
});
