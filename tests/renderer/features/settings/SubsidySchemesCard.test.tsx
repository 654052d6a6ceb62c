// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language, SubsidyClaim } from '@shared/domain/records';
import { listSchemes, saveScheme, type PlannerDatabase, type SchemeInput } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { SubsidySchemesCard } from '@renderer/features/settings/SubsidySchemesCard';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
});
afterEach(() => db.close());

const PLACEMENT: SchemeInput = {
  name: '职业介绍补贴',
  year: 2026,
  kind: 'placement',
  payee: 'agency',
  amountFen: 40_000,
  tiers: [],
  conditions: {
    householdTypes: [],
    minMonths: 0,
    sameEmployer: false,
    keyEnterpriseOnly: true,
    organisedBatch: 'any',
    destinations: [],
    startFrom: null,
    startTo: null,
  },
  instalments: [],
  evidence: [],
};

function words(language: Language) {
  return createI18n(language).t;
}

async function openForm(language: Language) {
  const t = words(language);
  render(<SubsidySchemesCard />, { language });
  fireEvent.click(await screen.findByRole('button', { name: t('subsidy.schemes.add') }, { timeout: 10_000 }));
  const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
  return { t, form: within(dialog) };
}

/** Opens a Mantine Select by its label and clicks the option named `option`. */
async function choose(field: HTMLElement | undefined, option: string) {
  if (!field) throw new Error('no such field');
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

function type(field: HTMLElement | undefined, value: string) {
  if (!field) throw new Error('no such field');
  fireEvent.change(field, { target: { value } });
}

describe.each<Language>(['zh-CN', 'en'])('the subsidy schemes card (%s)', (language) => {
  it(
    'creates a scheme with amounts by destination typed in yuan, and lists it with them',
    { timeout: 30_000 },
    async () => {
      const { t, form } = await openForm(language);
      type(form.getByLabelText(new RegExp(t('subsidy.fields.name'))), '一次性交通补助');
      type(form.getByLabelText(new RegExp(t('subsidy.fields.year'))), '2026');
      await choose(form.getByRole('combobox', { name: t('subsidy.fields.kind') }), t('subsidy.schemeKind.transport'));
      expect(form.getByRole<HTMLInputElement>('combobox', { name: t('subsidy.fields.payee') }).value).toBe(
        t('subsidy.payee.worker'),
      );
      fireEvent.click(form.getByLabelText(t('subsidy.schemes.amountMode.tiers')));
      fireEvent.click(form.getByRole('button', { name: t('subsidy.schemes.addTier') }));
      const amounts = form.getAllByLabelText(t('subsidy.schemes.tierAmount'));
      type(amounts[0], '1,000.5');
      type(amounts[1], '300');
      type(form.getByLabelText(t('subsidy.schemes.minMonths')), '3');
      fireEvent.click(form.getByLabelText(t('subsidy.evidence.social-insurance')));
      fireEvent.click(form.getByRole('button', { name: t('common.save') }));

      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
      const row = await screen.findByTestId('scheme-row', {}, { timeout: 10_000 });
      const listed = row.textContent ?? '';
      expect(listed).toContain('一次性交通补助');
      expect(listed).toContain(t('subsidy.schemeKind.transport'));
      expect(listed).toContain(t('subsidy.payee.worker'));
      expect(listed).toContain(
        t('subsidy.schemes.tierValue', { destination: t('subsidy.destination.outside-province'), amount: '1,000.50' }),
      );
      expect(listed).toContain(
        t('subsidy.schemes.tierValue', { destination: t('subsidy.destination.in-province'), amount: '300.00' }),
      );
      expect(listed).toContain(t('subsidy.schemes.summary.minMonths', { count: 3 }));
      expect(listed).toContain(t('subsidy.evidence.social-insurance'));
      expect(screen.getByText(t('subsidy.schemes.year', { year: 2026 }))).toBeTruthy();

      const [stored] = await listSchemes();
      expect(stored).toMatchObject({
        year: 2026,
        kind: 'transport',
        payee: 'worker',
        amountFen: null,
        tiers: [
          { destination: 'outside-province', amountFen: 100_050 },
          { destination: 'in-province', amountFen: 30_000 },
        ],
        conditions: { minMonths: 3 },
        evidence: ['social-insurance'],
      });
    },
  );

  it('refuses overlapping tiers, and no amount, in words, storing nothing', { timeout: 30_000 }, async () => {
    const { t, form } = await openForm(language);
    type(form.getByLabelText(new RegExp(t('subsidy.fields.name'))), '稳岗补助');
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    expect(await form.findByText(t('problems.scheme-no-amount'), {}, { timeout: 10_000 })).toBeTruthy();

    fireEvent.click(form.getByLabelText(t('subsidy.schemes.amountMode.tiers')));
    fireEvent.click(form.getByRole('button', { name: t('subsidy.schemes.addTier') }));
    const [, second] = form.getAllByRole('combobox', { name: t('subsidy.schemes.tierDestination') });
    await choose(second, t('subsidy.destination.outside-province'));
    for (const field of form.getAllByLabelText(t('subsidy.schemes.tierAmount'))) type(field, '500');
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    expect(
      await form.findByText(t('problems.scheme-tiers-overlap', { tier: 'outside-province' }), {}, { timeout: 10_000 }),
    ).toBeTruthy();

    // An amount that is no amount is said before anything is sent.
    type(form.getAllByLabelText(t('subsidy.schemes.tierAmount'))[0], '12.345');
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    expect(await form.findByText(t('subsidy.schemes.yuan.too-precise'), {}, { timeout: 10_000 })).toBeTruthy();

    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(await listSchemes()).toEqual([]);
  });

  it('edits a stored scheme and refuses instalments that do not add up to 100%', { timeout: 30_000 }, async () => {
    const t = words(language);
    await saveScheme(null, PLACEMENT);
    render(<SubsidySchemesCard />, { language });
    expect((await screen.findByTestId('scheme-row', {}, { timeout: 10_000 })).textContent).toContain(
      t('subsidy.schemes.amountValue', { amount: '400.00' }),
    );
    fireEvent.click(screen.getByRole('button', { name: t('subsidy.schemes.editOne', { name: '职业介绍补贴' }) }));
    const form = within(await screen.findByRole('dialog', {}, { timeout: 10_000 }));
    expect(form.getByLabelText<HTMLInputElement>(t('subsidy.schemes.amount')).value).toBe('400.00');
    fireEvent.click(form.getByRole('button', { name: t('subsidy.schemes.addInstalment') }));
    fireEvent.click(form.getByRole('button', { name: t('subsidy.schemes.addInstalment') }));
    const shares = form.getAllByLabelText(t('subsidy.schemes.instalmentShare'));
    const months = form.getAllByLabelText(t('subsidy.schemes.instalmentAfter'));
    type(shares[0], '50');
    type(months[0], '1');
    type(shares[1], '40');
    type(months[1], '3');
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    expect(await form.findByText(t('problems.scheme-instalments'), {}, { timeout: 10_000 })).toBeTruthy();
    expect((await listSchemes())[0]?.instalments).toEqual([]);

    type(form.getAllByLabelText(t('subsidy.schemes.instalmentShare'))[1], '50');
    fireEvent.click(form.getByRole('button', { name: t('common.save') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
    expect((await listSchemes())[0]?.instalments).toEqual([
      { share: 0.5, afterMonths: 1 },
      { share: 0.5, afterMonths: 3 },
    ]);
    expect(screen.getByTestId('scheme-row').textContent).toContain(
      t('subsidy.schemes.summary.instalment', { share: 50, months: 3 }),
    );
  });

  it('deletes a scheme after asking, and refuses one with claims in words', { timeout: 30_000 }, async () => {
    const t = words(language);
    const claimed = await saveScheme(null, PLACEMENT);
    const unclaimed = await saveScheme(null, { ...PLACEMENT, name: '稳岗补助', kind: 'retention', payee: 'worker' });
    const claim: SubsidyClaim = {
      id: 'claim-1',
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      schemeId: claimed.id,
      workerId: 'worker-1',
      year: 2026,
      payee: 'agency',
      payeeId: 'agency-1',
      amountFen: 40_000,
      instalment: null,
      dueOn: '2026-03-01',
      periodId: null,
      months: 0,
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
    };
    await db.subsidyClaims.add(claim);
    render(<SubsidySchemesCard />, { language });
    await screen.findAllByTestId('scheme-row', {}, { timeout: 10_000 });

    const remove = async (name: string) => {
      fireEvent.click(screen.getByRole('button', { name: t('subsidy.schemes.deleteOne', { name }) }));
      const dialog = within(await screen.findByRole('dialog', {}, { timeout: 10_000 }));
      expect(dialog.getByText(t('subsidy.schemes.deleteText', { name }))).toBeTruthy();
      fireEvent.click(dialog.getByRole('button', { name: t('common.delete') }));
    };
    await remove(claimed.name);
    expect(
      await screen.findByText(t('problems.scheme-has-claims', { count: 1 }), {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect((await listSchemes()).map((scheme) => scheme.id)).toContain(claimed.id);

    await remove(unclaimed.name);
    expect(
      await screen.findByText(t('subsidy.schemes.deleted', { name: '稳岗补助' }), {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect((await listSchemes()).map((scheme) => scheme.id)).toEqual([claimed.id]);
    await waitFor(() => expect(screen.getAllByTestId('scheme-row')).toHaveLength(1), { timeout: 10_000 });
  });
});
