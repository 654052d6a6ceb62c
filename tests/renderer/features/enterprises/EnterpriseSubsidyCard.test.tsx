// @vitest-environment jsdom
/**
 * The enterprise's subsidy details on its page (issue 18, item 2): the key-enterprise flag and the
 * bank account, saved together; an account given in part is refused beside its fields and nothing
 * is stored.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import type { Language } from '@shared/domain/records';
import type { PlannerDatabase } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { EnterpriseDetailPage } from '@renderer/features/enterprises/EnterpriseDetailPage';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator, stored } from '@tests/renderer/db/test-database';
import { makeEnterprise } from '@tests/fixtures/factories';

let db: PlannerDatabase;
const enterprise = makeEnterprise({ name: '深圳市鹏达电子科技有限公司' });
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  await db.enterprises.add(enterprise);
});
afterEach(() => db.close());

async function openForm(language: Language) {
  const t = createI18n(language).t;
  render(
    <Routes>
      <Route path="/enterprises/:id" element={<EnterpriseDetailPage />} />
    </Routes>,
    { route: `/enterprises/${enterprise.id}`, language },
  );
  const card = within(await screen.findByTestId('enterprise-subsidy', {}, { timeout: 10_000 }));
  expect(card.getByText(t('subsidy.enterpriseSubsidy.noAccount'))).toBeTruthy();
  fireEvent.click(card.getByRole('button', { name: t('subsidy.enterpriseSubsidy.edit') }));
  return { t, form: within(await screen.findByRole('dialog', {}, { timeout: 10_000 })) };
}

describe.each<Language>(['zh-CN', 'en'])('the enterprise’s bank account (%s)', (language) => {
  it('refuses an account given in part, then stores the whole one with the key flag', { timeout: 30_000 }, async () => {
    const { t, form } = await openForm(language);
    fireEvent.change(form.getByLabelText(t('subsidy.enterpriseSubsidy.bankName')), {
      target: { value: '中国工商银行深圳宝安支行' },
    });
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    expect(await form.findAllByText(t('problems.required'), {}, { timeout: 10_000 })).toHaveLength(2);
    expect((await stored('enterprises', enterprise.id)).bankAccount ?? null).toBeNull();

    fireEvent.change(form.getByLabelText(t('subsidy.enterpriseSubsidy.accountNumber')), {
      target: { value: '4000 0231 0900 1234 567' },
    });
    fireEvent.change(form.getByLabelText(t('subsidy.enterpriseSubsidy.accountName')), {
      target: { value: '深圳市鹏达电子科技有限公司' },
    });
    fireEvent.click(form.getByLabelText(t('enterprises.fields.isKeyEnterprise')));
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });

    const saved = await stored('enterprises', enterprise.id);
    expect(saved.isKeyEnterprise).toBe(true);
    expect(saved.bankAccount).toEqual({
      bankName: '中国工商银行深圳宝安支行',
      accountNumber: '4000023109001234567',
      accountName: '深圳市鹏达电子科技有限公司',
    });
    const card = within(screen.getByTestId('enterprise-subsidy'));
    expect(await card.findByText('4000023109001234567', {}, { timeout: 10_000 })).toBeTruthy();
    expect(card.getByText('中国工商银行深圳宝安支行')).toBeTruthy();
    expect(card.getByText(t('common.yes'))).toBeTruthy();
  });

  it('says a mistyped account number as the field is left, and stores nothing', { timeout: 30_000 }, async () => {
    const { t, form } = await openForm(language);
    const number = form.getByLabelText(t('subsidy.enterpriseSubsidy.accountNumber'));
    fireEvent.change(number, { target: { value: '6228 48O1 2345' } });
    fireEvent.blur(number);
    const message = t('problems.bank-account-number', { min: 6, max: 32 });
    expect(await form.findByText(message, {}, { timeout: 10_000 })).toBeTruthy();

    fireEvent.change(form.getByLabelText(t('subsidy.enterpriseSubsidy.bankName')), {
      target: { value: '中国农业银行田东县支行' },
    });
    fireEvent.change(form.getByLabelText(t('subsidy.enterpriseSubsidy.accountName')), {
      target: { value: '深圳市鹏达电子科技有限公司' },
    });
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    expect(await form.findByText(message, {}, { timeout: 10_000 })).toBeTruthy();
    expect((await stored('enterprises', enterprise.id)).bankAccount ?? null).toBeNull();
  });
});
