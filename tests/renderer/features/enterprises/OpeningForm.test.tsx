// @vitest-environment jsdom
/**
 * Out-of-range values in the opening form (issue 16, item 7): each is reported beside its field in
 * the user's language and nothing is stored; none is moved into range when the field is left.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlannerDatabase } from '@renderer/db';
import type { Language } from '@shared/domain/records';
import { openOpeningForm } from '@renderer/features/enterprises/OpeningForm';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeEnterprise } from '@tests/fixtures/factories';

let db: PlannerDatabase;
const enterprise = makeEnterprise();
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  await db.enterprises.add(enterprise);
});
afterEach(() => db.close());

function Opener() {
  const { t } = useTranslation();
  return <Button onClick={() => openOpeningForm({ t, enterpriseId: enterprise.id })}>open</Button>;
}

async function openForm(language: Language = 'zh-CN') {
  render(<Opener />, { dataRouter: true, language });
  fireEvent.click(await screen.findByRole('button', { name: 'open' }));
}

/** Types into a field as a paste would, then leaves it. */
function type(label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input as HTMLInputElement;
}

async function submitAndExpectNothingSaved(saveLabel: string) {
  fireEvent.click(screen.getByRole('button', { name: saveLabel }));
  // The form stays open, and no opening was stored.
  await waitFor(() => expect(screen.getByRole('button', { name: saveLabel })).toBeTruthy());
  expect(await db.openings.count()).toBe(0);
}

describe('the opening form refuses values out of range', { timeout: 30_000 }, () => {
  it('a headcount of 1,000,000,000', async () => {
    await openForm();
    await screen.findByLabelText(/^岗位/);
    type(/^岗位/, '普工');
    const headcount = type('招聘人数', '1000000000');
    expect(await screen.findByText('招聘人数应为 1 到 10000 之间的整数')).toBeTruthy();
    expect(headcount.value).toBe('1000000000');
    await submitAndExpectNothingSaved('保存');
  });

  it('a negative headcount stays as typed, with a message (in English too)', async () => {
    await openForm('en');
    await screen.findByLabelText(/^Position/);
    type(/^Position/, 'Line worker');
    const headcount = type('Headcount', '-5');
    expect(await screen.findByText('The headcount must be a whole number from 1 to 10000')).toBeTruthy();
    expect(headcount.value).toBe('-5');
    await submitAndExpectNothingSaved('Save');
  });

  it('a headcount of 2.5 is not read as 25 or 2', async () => {
    await openForm();
    await screen.findByLabelText(/^岗位/);
    type(/^岗位/, '普工');
    const headcount = type('招聘人数', '2.5');
    expect(headcount.value).toBe('2.5');
    expect(await screen.findByText('招聘人数应为 1 到 10000 之间的整数')).toBeTruthy();
    await submitAndExpectNothingSaved('保存');
  });

  it('a wage of 10^15 and a negative wage', async () => {
    await openForm();
    await screen.findByLabelText(/^岗位/);
    type(/^岗位/, '普工');
    type('月薪下限（元）', '-100');
    const wageMax = type('月薪上限（元）', '1000000000000000');
    expect(await screen.findAllByText('月薪应在 0 到 100000 元之间')).toHaveLength(2);
    expect(wageMax.value).toBe('1000000000000000');
    await submitAndExpectNothingSaved('保存');
  });

  it('an age range of 10 to 9', async () => {
    await openForm();
    await screen.findByLabelText(/^岗位/);
    type(/^岗位/, '普工');
    const ageMin = type('最小年龄', '10');
    const ageMax = type('最大年龄', '9');
    expect(await screen.findAllByText('年龄应为 16 到 70 岁之间的整数')).toHaveLength(2);
    expect([ageMin.value, ageMax.value]).toEqual(['10', '9']);
    await submitAndExpectNothingSaved('保存');
  });

  it('an age range of 40 to 30 is refused, not swapped', async () => {
    await openForm();
    await screen.findByLabelText(/^岗位/);
    type(/^岗位/, '普工');
    type('最小年龄', '40');
    type('最大年龄', '30');
    expect(await screen.findByText('最大年龄不能小于最小年龄')).toBeTruthy();
    await submitAndExpectNothingSaved('保存');
  });

  it('shows the ranges next to the fields, and saves values within them', async () => {
    await openForm();
    await screen.findByLabelText(/^岗位/);
    expect(screen.getByText('1–10000 人')).toBeTruthy();
    expect(screen.getAllByText('16–70 岁')).toHaveLength(2);
    type(/^岗位/, '普工');
    type('招聘人数', '10000');
    type('月薪上限（元）', '100000');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.openings.count()).toBe(1));
    const [stored] = await db.openings.toArray();
    expect(stored).toMatchObject({ headcount: 10000, wageMax: 100000 });
  });
});
