// @vitest-environment jsdom
/**
 * The agencies pages (issue 18, item 2): a new agency with a credit code whose check character is
 * wrong, or a bank account given in part, is refused beside its fields in the user's language and
 * nothing is stored; put right, it is stored and its page shows it. An agency that introduced
 * someone is not deleted: the page says why, and who it introduced is listed there.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import type { Language } from '@shared/domain/records';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { recordIntroduction, saveAgency, type PlannerDatabase } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { AgenciesPage } from '@renderer/features/agencies/AgenciesPage';
import { AgencyDetailPage } from '@renderer/features/agencies/AgencyDetailPage';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeEnterprise, makeWorker } from '@tests/fixtures/factories';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
});
afterEach(() => db.close());

const FIRST_17 = '91451002MA5K3P7Q2';
const CODE = `${FIRST_17}${creditCodeCheckChar(FIRST_17)}`;
const WRONG = `${FIRST_17}${CODE.endsWith('0') ? '1' : '0'}`;
const NAME = '百色市右江劳务人力资源服务有限公司';

function renderPages(route: string, language: Language) {
  render(
    <Routes>
      <Route path="/agencies" element={<AgenciesPage />} />
      <Route path="/agencies/:id" element={<AgencyDetailPage />} />
    </Routes>,
    { route, language, dataRouter: true },
  );
  return createI18n(language).t;
}

describe.each<Language>(['zh-CN', 'en'])('a new agency (%s)', (language) => {
  it(
    'is refused with a wrong check character or an account in part, then stored once put right',
    { timeout: 30_000 },
    async () => {
      const t = renderPages('/agencies', language);
      expect(await screen.findByText(t('agencies.emptyAll'), {}, { timeout: 10_000 })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: t('agencies.add') }));
      const form = within(await screen.findByRole('dialog', {}, { timeout: 10_000 }));
      const type = (label: string, value: string) =>
        fireEvent.change(form.getByLabelText(label, { exact: false }), { target: { value } });
      type(t('agencies.fields.name'), NAME);
      type(t('agencies.fields.creditCode'), WRONG);
      type(t('agencies.fields.bankName'), '中国农业银行百色右江支行');
      fireEvent.click(form.getByRole('button', { name: t('common.save') }));

      expect(
        await form.findByText(
          t('problems.credit-code-check-digit', { expected: CODE.slice(17) }),
          {},
          { timeout: 10_000 },
        ),
      ).toBeTruthy();
      expect(form.getAllByText(t('problems.required'))).toHaveLength(2);
      expect(await db.agencies.count()).toBe(0);

      type(t('agencies.fields.creditCode'), CODE.toLowerCase());
      type(t('agencies.fields.accountNumber'), '6228 4801 2345 6789 012');
      type(t('agencies.fields.accountName'), NAME);
      fireEvent.click(form.getByRole('button', { name: t('common.save') }));

      expect(await screen.findByRole('heading', { name: NAME }, { timeout: 10_000 })).toBeTruthy();
      const details = within(screen.getByTestId('agency-details'));
      expect(details.getByText('6228480123456789012')).toBeTruthy();
      expect(details.getByText(CODE)).toBeTruthy();
      const [stored] = await db.agencies.toArray();
      expect(stored).toMatchObject({
        name: NAME,
        creditCode: CODE,
        bankAccount: { bankName: '中国农业银行百色右江支行', accountNumber: '6228480123456789012', accountName: NAME },
      });
      expect(await screen.findByText(t('agencies.introductions.empty'), {}, { timeout: 10_000 })).toBeTruthy();
    },
  );
});

describe('an agency that introduced someone', () => {
  it('lists them, and is not deleted: the page says why', { timeout: 30_000 }, async () => {
    const enterprise = makeEnterprise({ name: '深圳市鹏达电子科技有限公司', isKeyEnterprise: true });
    const worker = makeWorker({ name: '黄秀英', enterpriseId: enterprise.id });
    await db.enterprises.add(enterprise);
    await db.workers.add(worker);
    const agency = await saveAgency(null, {
      name: NAME,
      creditCode: CODE,
      contactName: '',
      contactPhone: '',
      bankAccount: null,
      notes: '',
    });
    await recordIntroduction({
      agencyId: agency.id,
      workerId: worker.id,
      enterpriseId: enterprise.id,
      introducedOn: '2026-01-20',
      notes: '',
    });

    const t = renderPages(`/agencies/${agency.id}`, 'zh-CN');
    const list = within(await screen.findByTestId('agency-introductions', {}, { timeout: 10_000 }));
    const row = within(await list.findByTestId('introduction-row', {}, { timeout: 10_000 }));
    expect(row.getByText('黄秀英')).toBeTruthy();
    expect(row.getByText('深圳市鹏达电子科技有限公司')).toBeTruthy();
    expect(row.getByText('2026年1月20日')).toBeTruthy();
    expect(screen.getByText(t('agencies.noAccount'))).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: t('common.delete') }));
    const confirm = within(await screen.findByRole('dialog', {}, { timeout: 10_000 }));
    fireEvent.click(confirm.getByRole('button', { name: t('common.delete') }));
    expect(
      await screen.findByText(
        t('problems.agency-has-introductions', { agency: NAME, count: 1 }),
        { exact: false },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    await waitFor(async () => expect((await db.agencies.get(agency.id))?.deletedAt ?? null).toBeNull());
  });
});
