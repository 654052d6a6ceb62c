// @vitest-environment jsdom
/**
 * The papers tab of the subsidies page (issue 18, item 5): the roster's payees and the notice's
 * period are offered from the claims, the people and the total are shown before anything is made,
 * no claims or a payee without a bank account is refused in words (nothing is made), the roster
 * offers full numbers and the notice says it prints none; in both languages.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import { createClaims, saveScheme, stepClaims, type PlannerDatabase, type SchemeInput } from '@renderer/db';
import { SubsidiesPage } from '@renderer/features/subsidies/SubsidiesPage';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import type { EmploymentPeriod, Language } from '@shared/domain/records';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { seedHandedOver, type HandedOver } from '@tests/renderer/db/followup-desk-seed';

let db: PlannerDatabase;
let seeded: HandedOver;
const today = todayCalendarDate();
const year = Number(today.slice(0, 4));
const noticeFrom = addCalendarDays(today, -10);

function scheme(): SchemeInput {
  return {
    name: `${year} 年吸纳就业补贴`,
    year,
    kind: 'hiring',
    payee: 'enterprise',
    amountFen: 100_050,
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
  };
}

beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
  localStorage.clear();
  const start = addCalendarDays(today, -40);
  seeded = await seedHandedOver(db, [start, start, start], { names: ['陆春燕', '黄海涛', '农秀英'] });
  const periods: EmploymentPeriod[] = seeded.followUps.map((followUp) => ({
    id: `${followUp.id}:1`,
    followUpId: followUp.id,
    workerId: followUp.workerId,
    enterpriseId: seeded.enterprise.id,
    employerName: seeded.enterprise.name,
    employerCity: seeded.enterprise.city,
    start,
    startSource: 'handover',
    end: null,
    endReason: null,
    endNote: '',
    createdAt: followUp.createdAt,
    updatedAt: followUp.createdAt,
  }));
  await db.employmentPeriods.bulkAdd(periods);
  const stored = await saveScheme(null, scheme());
  const claims = await createClaims(
    stored.id,
    seeded.workers.map((worker) => worker.id),
    today,
  );
  const ids = claims.map((claim) => claim.id);
  await stepClaims(ids, { to: 'on-notice', noticeFrom, noticeDays: 7 }, today);
  // Two are submitted after the notice; the third stays on notice.
  await stepClaims(ids.slice(0, 2), { to: 'submitted', on: today }, today);
});
afterEach(() => db.close());

async function openPapers(language: Language = 'zh-CN', tab = '文书') {
  render(
    <Routes>
      <Route path="/subsidies" element={<SubsidiesPage />} />
    </Routes>,
    { route: '/subsidies', language },
  );
  fireEvent.click(await screen.findByRole('tab', { name: tab }));
  return screen.findByTestId('papers-panel');
}

const tally = () => screen.getByTestId('paper-tally').textContent;

describe('the papers tab', { timeout: 60_000 }, () => {
  it('shows the payee’s submitted claims and their total, and refuses the roster of a payee without a bank account', async () => {
    const panel = await openPapers();
    const payee = await within(panel).findByTestId<HTMLInputElement>('paper-payee');
    expect(payee.value).toBe(`${seeded.enterprise.name}（3 份申领）`);
    await waitFor(() => expect(tally()).toContain('共 2 人，2 份申领，合计 2,001.00 元'));
    expect(tally()).toContain('大写：贰仟零壹元整');
    // The roster prints resident IDs: full numbers may be chosen; masked by default.
    expect(screen.getByTestId<HTMLInputElement>('full-numbers-switch').checked).toBe(false);

    fireEvent.change(screen.getByLabelText('县（市、区）'), { target: { value: '田东县' } });
    fireEvent.change(screen.getByLabelText('审核单位'), { target: { value: '田东县人力资源和社会保障局' } });
    fireEvent.click(screen.getByTestId('paper-produce'));
    expect((await screen.findByTestId('paper-refusal')).textContent).toContain(
      `“${seeded.enterprise.name}”没有完整的银行账户（开户银行、账号、户名），不能制作花名册`,
    );
  });

  it('asks for the head of the paper, and says so when no claim is chosen', async () => {
    await openPapers();
    await waitFor(() => expect(tally()).toContain('共 2 人'));
    fireEvent.click(screen.getByTestId('paper-produce'));
    const refusal = await screen.findByTestId('paper-refusal');
    expect(refusal.textContent).toContain('请填写县（市、区）名称');
    expect(refusal.textContent).toContain('请填写审核单位名称');

    // Approved only: none of the claims is, so nothing can be made.
    fireEvent.click(screen.getByRole('checkbox', { name: '已上报' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '已审核' }));
    await waitFor(() => expect(tally()).toContain('共 0 人，0 份申领，合计 0.00 元'));
    fireEvent.click(screen.getByTestId('paper-produce'));
    await waitFor(() =>
      expect(screen.getByTestId('paper-refusal').textContent).toContain('没有符合所选条件的申领，没有制作文书'),
    );
  });

  it('offers the notice of the claims on notice, with its period, and no full numbers', async () => {
    await openPapers();
    fireEvent.click(screen.getByRole('radio', { name: '公示名单' }));
    const period = await screen.findByTestId<HTMLInputElement>('paper-notice-period');
    expect(period.value).toBe(`${noticeFrom} 至 ${addCalendarDays(noticeFrom, 6)}（1 份申领）`);
    await waitFor(() => expect(tally()).toContain('共 1 人，1 份申领，合计 1,000.50 元'));
    expect(screen.queryByTestId('full-numbers-switch')).toBeNull();
    expect(screen.getByTestId('paper-notice-privacy').textContent).toBe(
      '公示名单张贴在公共场所，不印身份证号、联系电话和户类型。',
    );
    expect(screen.getByLabelText('异议受理电话')).toBeTruthy();

    // The summary counts every claim that stands; full numbers only with its list of people.
    fireEvent.click(screen.getByRole('radio', { name: '汇总表' }));
    await waitFor(() => expect(tally()).toContain('共 3 人，3 份申领，合计 3,001.50 元'));
    expect(screen.queryByTestId('full-numbers-switch')).toBeNull();
    fireEvent.click(screen.getByTestId('paper-with-people'));
    expect(await screen.findByTestId('full-numbers-switch')).toBeTruthy();
  });

  it('says the same in English', async () => {
    await openPapers('en', 'Papers');
    await waitFor(() => expect(tally()).toContain('2 people, 2 claims, 2,001.00 yuan in all'));
    fireEvent.change(screen.getByLabelText('County (city, district)'), { target: { value: 'Tiandong' } });
    fireEvent.change(screen.getByLabelText('Approving bureau'), { target: { value: 'Tiandong HRSS Bureau' } });
    fireEvent.click(screen.getByTestId('paper-produce'));
    expect((await screen.findByTestId('paper-refusal')).textContent).toContain(seeded.enterprise.name);
    fireEvent.click(screen.getByRole('radio', { name: 'Public notice' }));
    expect(screen.getByTestId('paper-notice-privacy').textContent).toBe(
      'The public notice is posted in public: it carries no ID number, phone or household type.',
    );
  });
});
