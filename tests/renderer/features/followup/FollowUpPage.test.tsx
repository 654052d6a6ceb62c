// @vitest-environment jsdom
/**
 * The follow-up workspace's keyboard flow (issue 17, item 5): N opens the next person due, a digit
 * chooses the outcome, Enter saves and opens the next one, Esc closes; a refused contact says why
 * and stores nothing; a contact is corrected with a reason; a link opens a worker's form.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import { updateSettings, type PlannerDatabase } from '@renderer/db';
import { FollowUpPage } from '@renderer/features/followup/FollowUpPage';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { seedHandedOver, type HandedOver } from '@tests/renderer/db/followup-desk-seed';

let db: PlannerDatabase;
let seeded: HandedOver;
const today = todayCalendarDate();
const daysAgo = (days: number) => addCalendarDays(today, -days);

beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
  await updateSettings({ staff: [{ id: 'staff-1', name: '黄志强', phone: '', active: true }] });
  // Day 7 came 23 days ago, 3 days ago and today.
  seeded = await seedHandedOver(db, [daysAgo(30), daysAgo(10), daysAgo(7)], { names: ['陆春燕', '黄海涛', '农秀兰'] });
});
afterEach(() => db.close());

function page(route = '/followup') {
  return render(
    <Routes>
      <Route path="/followup" element={<FollowUpPage />} />
    </Routes>,
    { route },
  );
}

const form = () => screen.getByTestId('contact-form');
const openWorker = () => form().getAttribute('data-worker-id');
const workerId = (index: number) => seeded.workers[index]?.id;
const key = (name: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key: name });
const liveContacts = async () => (await db.contacts.toArray()).filter((contact) => !contact.deletedAt);

describe('the follow-up workspace from the keyboard', { timeout: 60_000 }, () => {
  it('opens the most overdue person with N, saves with a digit and Enter, and opens the next one', async () => {
    page();
    const rows = await screen.findAllByTestId('due-row');
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual(['陆春燕', '黄海涛', '农秀兰']);
    expect(screen.getByTestId('count-overdue').textContent).toBe('2');
    expect(screen.getByTestId('count-due').textContent).toBe('1');

    fireEvent.keyDown(document.body, { key: 'n' });
    await waitFor(() => expect(openWorker()).toBe(workerId(0)));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-outcome')).toBe('in-post'));
    key('1');
    expect(within(form()).getByRole('radio', { name: /在岗/ }).getAttribute('aria-checked')).toBe('true');
    key('Enter');

    await waitFor(() => expect(openWorker()).toBe(workerId(1)));
    // The next person's contact starts afresh: no outcome chosen, the first one focused.
    const outcomes = within(form()).getAllByRole('radio');
    expect(outcomes.filter((outcome) => outcome.getAttribute('aria-checked') === 'true')).toEqual([]);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-outcome')).toBe('in-post'));
    const [stored] = await liveContacts();
    expect(stored).toMatchObject({ workerId: workerId(0), outcome: 'in-post', date: today, method: 'phone' });
    await waitFor(() => expect(screen.getByTestId('count-done').textContent).toBe('1'));
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(2));

    key('Escape');
    await waitFor(() => expect(screen.queryByTestId('contact-form')).toBeNull());
    expect(await liveContacts()).toHaveLength(1);
  });

  it('says why a change of job without an employer is refused, stores nothing, and saves once it is given', async () => {
    page();
    await screen.findAllByTestId('due-row');
    fireEvent.keyDown(document.body, { key: 'n' });
    await waitFor(() => expect(openWorker()).toBe(workerId(0)));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-outcome')).toBe('in-post'));
    key('2');
    key('Enter');
    expect(await within(form()).findByText('换工作时请填写新单位名称')).toBeTruthy();
    expect(await liveContacts()).toHaveLength(0);
    expect(openWorker()).toBe(workerId(0));

    fireEvent.change(within(form()).getByLabelText('现单位'), { target: { value: '东莞市长安五金厂' } });
    fireEvent.keyDown(within(form()).getByLabelText('现单位'), { key: 'Enter' });
    await waitFor(() => expect(openWorker()).toBe(workerId(1)));
    expect(await liveContacts()).toMatchObject([{ outcome: 'changed-job', employerName: '东莞市长安五金厂' }]);
  });

  it('asks for the outcome before saving, in English too', async () => {
    render(
      <Routes>
        <Route path="/followup" element={<FollowUpPage />} />
      </Routes>,
      { route: '/followup', language: 'en' },
    );
    await screen.findAllByTestId('due-row');
    fireEvent.click(screen.getByRole('button', { name: 'Contact the next person' }));
    await waitFor(() => expect(openWorker()).toBe(workerId(0)));
    key('Enter');
    expect(await within(form()).findByText('Choose the outcome (keys 1–5)')).toBeTruthy();
    expect(await liveContacts()).toHaveLength(0);
  });

  it('opens a worker named by the link, shows their contacts, and corrects one with a reason', async () => {
    const link = `/followup?worker=${workerId(2) ?? ''}`;
    const first = page(link);
    await waitFor(() => expect(openWorker()).toBe(workerId(2)));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-outcome')).toBe('in-post'));
    key('5');
    key('Enter');
    await waitFor(async () => expect(await liveContacts()).toHaveLength(1));

    // Not due any more (tried again in 3 days); opened again from its link, the contact is there
    // and is corrected to "in post".
    await waitFor(() => expect(screen.queryByTestId('contact-form')).toBeNull());
    first.unmount();
    page(link);
    await waitFor(() => expect(openWorker()).toBe(workerId(2)));
    const history = await within(form()).findByTestId('history-contact');
    fireEvent.click(within(history).getByRole('button', { name: '更正' }));
    await waitFor(() => expect(form().getAttribute('data-mode')).toBe('correct'));
    fireEvent.click(within(form()).getByRole('radio', { name: /在岗/ }));
    key('Enter');
    expect(await within(form()).findByText('请写明更正原因')).toBeTruthy();
    fireEvent.change(within(form()).getByLabelText(/更正原因/), { target: { value: '当时拨错号码' } });
    fireEvent.keyDown(within(form()).getByLabelText(/更正原因/), { key: 'Enter' });
    await waitFor(async () =>
      expect((await liveContacts()).map((contact) => [contact.outcome, contact.correctionReason])).toEqual([
        ['in-post', '当时拨错号码'],
      ]),
    );
  });
});

describe('a long list', { timeout: 60_000 }, () => {
  it('draws the first rows, then counts, filters and "show more" once the rest is read, and N still opens the most overdue', async () => {
    // 130 more due, all overdue by 2 days: 133 in all, more than the list draws at first.
    await seedHandedOver(
      db,
      Array.from({ length: 130 }, () => daysAgo(9)),
    );
    page();
    await screen.findAllByTestId('due-row');
    await waitFor(() => expect(screen.getByTestId('count-overdue').textContent).toBe('132'));
    expect(screen.getByTestId('count-due').textContent).toBe('1');
    expect(screen.queryByTestId('due-loading-rest')).toBeNull();
    expect(screen.getAllByTestId('due-row')).toHaveLength(100);
    expect(screen.getByText('显示前 100 人，共 133 人')).toBeTruthy();
    expect(within(screen.getByTestId('due-filters')).getByLabelText('企业').hasAttribute('disabled')).toBe(false);

    fireEvent.keyDown(document.body, { key: 'n' });
    await waitFor(() => expect(openWorker()).toBe(workerId(0)));
  });
});
