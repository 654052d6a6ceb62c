// @vitest-environment jsdom
/**
 * Departure dates in the past (issue 16, item 7): a new batch dated before today (Beijing) is
 * refused with a message and not stored; a stored batch dated in the past gets a warning beside its
 * date and can still be edited (its history), never silently.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatch, saveRoute, type PlannerDatabase } from '@renderer/db';
import type { Route } from '@shared/domain/records';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { BatchForm } from '@renderer/features/batches/BatchForm';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeBatchInput, makeRouteInput } from '@tests/fixtures/batches';

let db: PlannerDatabase;
let route: Route;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  route = await saveRoute(null, makeRouteInput());
});
afterEach(() => db.close());

/** Picks the route in the Mantine Select: opens its own list and clicks the option. */
async function chooseRoute(label: RegExp) {
  const [input] = (await screen.findAllByLabelText(label)).filter((field) => field.hasAttribute('aria-haspopup'));
  if (!input) throw new Error('no route field');
  fireEvent.click(input);
  const listbox = await waitFor(
    () => {
      const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('the list of options is not open');
      return found;
    },
    { timeout: 5000 },
  );
  fireEvent.click(await within(listbox).findByRole('option', { name: route.name, hidden: true }, { timeout: 5000 }));
}

function typeDate(label: RegExp, date: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.blur(input);
}

describe('a departure date in the past', { timeout: 30_000 }, () => {
  it('is refused for a new batch, with a message, and nothing is stored', async () => {
    const saved = vi.fn();
    render(<BatchForm onSaved={saved} onCancel={() => undefined} />, { dataRouter: true });
    fireEvent.change(await screen.findByLabelText(/^批次名称/), { target: { value: '田东县 第1批' } });
    await chooseRoute(/^线路/);
    const today = todayCalendarDate();
    typeDate(/^出发日期/, addCalendarDays(today, -400));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(`新批次的出发日期不能早于今天（${today}）`)).toBeTruthy();
    expect(saved).not.toHaveBeenCalled();
    expect(await db.batches.count()).toBe(0);

    // Today itself is fine.
    typeDate(/^出发日期/, today);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(await db.batches.count()).toBe(1);
  });

  it('is a warning for a stored batch, in English too, and the edit is saved', async () => {
    const stored = await createBatch(makeBatchInput(route, { date: addCalendarDays(todayCalendarDate(), -3) }));
    const saved = vi.fn();
    render(<BatchForm batch={stored} onSaved={saved} onCancel={() => undefined} />, {
      dataRouter: true,
      language: 'en',
    });
    expect(
      await screen.findByText('The departure date was 3 days ago: make sure this records a batch that has left'),
    ).toBeTruthy();
    // The routes load after the form: the batch's route is shown once they have.
    expect(await screen.findByDisplayValue(route.name)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Notes/), { target: { value: '补录' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect((await db.batches.get(stored.id))?.notes).toBe('补录');
  });
});
