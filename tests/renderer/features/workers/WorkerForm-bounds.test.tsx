// @vitest-environment jsdom
/**
 * A text beyond its bound in the worker form (issue 16, item 7): a 10,000-character village made a
 * 90-page manifest. It is refused beside its field, in the user's language, and nothing is stored.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlannerDatabase } from '@renderer/db';
import type { Language } from '@shared/domain/records';
import { openWorkerForm } from '@renderer/features/workers/WorkerForm';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeWorker } from '@tests/fixtures/factories';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
});
afterEach(() => db.close());

function Opener() {
  const { t } = useTranslation();
  return <Button onClick={() => openWorkerForm({ t })}>open</Button>;
}

async function fillWorker(language: Language, labels: { name: RegExp; id: RegExp; phone: RegExp }) {
  render(<Opener />, { dataRouter: true, language });
  fireEvent.click(await screen.findByRole('button', { name: 'open' }));
  const person = makeWorker();
  fireEvent.change(await screen.findByLabelText(labels.name), { target: { value: person.name } });
  fireEvent.change(screen.getByLabelText(labels.id), { target: { value: person.residentId } });
  fireEvent.change(screen.getByLabelText(labels.phone), { target: { value: person.phone } });
}

function typeAndLeave(label: string, value: string): HTMLInputElement {
  const input = screen.getByLabelText<HTMLInputElement>(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

describe('the worker form refuses a text beyond its bound', { timeout: 30_000 }, () => {
  it('a 10,000-character village: a message, the text kept as typed, nothing stored', async () => {
    await fillWorker('zh-CN', { name: /^姓名/, id: /^身份证号/, phone: /^手机号/ });
    const village = typeAndLeave('村', '那'.repeat(10_000));
    expect(await screen.findByText('太长了（最多 50 个字）')).toBeTruthy();
    // Not cut to fit: the user sees what was typed and shortens it.
    expect(village.value).toHaveLength(10_000);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '保存' })).toBeTruthy());
    expect(await db.workers.count()).toBe(0);
  });

  it('a note of 2,001 characters, in English, with the bound shown under the field', async () => {
    await fillWorker('en', { name: /^Name/, id: /^Resident ID/, phone: /^Mobile/ });
    expect(screen.getByText('At most 2000 characters')).toBeTruthy();
    typeAndLeave('Notes', '注'.repeat(2_001));
    expect(await screen.findByText('Too long (at most 2000 characters)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy());
    expect(await db.workers.count()).toBe(0);
  });
});
