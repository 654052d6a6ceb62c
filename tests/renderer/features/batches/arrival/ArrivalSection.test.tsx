// @vitest-environment jsdom
/**
 * 到达与交接 on a departed batch's page (issue 17, item 1), against a real (fake-indexeddb) database:
 * the passengers nobody can sign for, the passenger absent at boarding who starts unticked, bad
 * input refused in words with nothing stored, a handover recorded, summarised and corrected, and
 * an arrival typed in Beijing time.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPassengers,
  createBatch,
  recordArrival,
  saveRoute,
  updateSettings,
  type PlannerDatabase,
} from '@renderer/db';
import { ArrivalSection } from '@renderer/features/batches/arrival/ArrivalSection';
import { addCalendarDays, beijingTimestamp, formatTimestamp, todayCalendarDate } from '@shared/dates';
import type { Batch, Enterprise, Route, Worker } from '@shared/domain/records';
import { render } from '@tests/renderer/render';
import { makeBatchInput, makeRouteInput } from '@tests/fixtures/batches';
import { makeEnterprise, makeWorker } from '@tests/fixtures/factories';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const departedOn = addCalendarDays(todayCalendarDate(), -3);

interface Trip {
  batch: Batch;
  route: Route;
  enterprise: Enterprise;
  /** Placed with the enterprise; the second was absent at boarding. */
  placed: [Worker, Worker];
  /** Without a receiving enterprise. */
  unplaced: Worker;
}

/** A batch that left three days ago: two passengers for one enterprise, one for none. */
async function departedTrip(options: { arrived?: boolean } = {}): Promise<Trip> {
  const route = await saveRoute(null, makeRouteInput());
  const created = await createBatch(makeBatchInput(route, { date: departedOn }));
  const enterprise = makeEnterprise({
    name: '深圳市华恒医用材料有限公司',
    contactName: '李美妹',
    contactPhone: '0755-2345678',
  });
  await db.enterprises.add(enterprise);
  const placed: Trip['placed'] = [
    makeWorker({ name: '黄文光', enterpriseId: enterprise.id, status: 'assigned' }),
    makeWorker({ name: '韦秀英', enterpriseId: enterprise.id, status: 'assigned' }),
  ];
  const unplaced = makeWorker({ name: '陆小梅', enterpriseId: null, status: 'assigned' });
  await db.workers.bulkAdd([...placed, unplaced]);
  await addPassengers(
    created.id,
    [...placed, unplaced].map((worker) => worker.id),
  );
  const absent = (await db.assignments.where('batchId').equals(created.id).toArray()).find(
    (assignment) => assignment.workerId === placed[1].id,
  );
  if (!absent) throw new Error('no assignment');
  await db.assignments.update(absent.id, { boarding: 'absent' });
  await db.batches.update(created.id, { status: 'departed' });
  if (options.arrived) {
    for (const leg of created.legs) {
      await recordArrival(created.id, leg.legId, {
        arrivedAt: beijingTimestamp(departedOn, 20 * 60),
        place: '',
        note: '',
      });
    }
  }
  const batch = await db.batches.get(created.id);
  if (!batch) throw new Error('no batch');
  return { batch, route, enterprise, placed, unplaced };
}

function show(trip: Trip) {
  return render(<ArrivalSection batch={trip.batch} route={trip.route} />);
}

async function handoverCard(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: '深圳市华恒医用材料有限公司' }, { timeout: 5000 });
}

/** Picks an option of a Mantine Select: opens its own list and clicks the option. */
async function choose(input: HTMLElement, option: string): Promise<void> {
  fireEvent.click(input);
  const listbox = await waitFor(
    () => {
      const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('the list of options is not open');
      return found;
    },
    { timeout: 5000 },
  );
  fireEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }, { timeout: 5000 }));
}

describe('the handover of a departed batch', () => {
  it('warns of the passengers without a receiving enterprise, who cannot be handed over', async () => {
    show(await departedTrip());
    const warning = await screen.findByTestId('unplaced-passengers', {}, { timeout: 5000 });
    expect(warning.textContent).toContain('1 人没有接收企业，无法交接');
    expect(within(warning).getByRole('link', { name: '陆小梅' }).getAttribute('href')).toMatch(/^\/workers\//);
  });

  it('prefills the enterprise contact and handover point, ticks everyone but the one absent at boarding', async () => {
    show(await departedTrip());
    const card = await handoverCard();
    expect(within(card).getByLabelText(/^接收人(?!电话)/)).toHaveProperty('value', '李美妹');
    expect(within(card).getByLabelText(/^接收人电话/)).toHaveProperty('value', '0755-2345678');
    expect(within(card).getByLabelText('地点')).toHaveProperty('value', '厂区东门保安室');
    expect(within(card).getByRole('checkbox', { name: '黄文光' })).toHaveProperty('checked', true);
    expect(within(card).getByRole('checkbox', { name: '韦秀英' })).toHaveProperty('checked', false);
    expect(within(card).getByLabelText('未交接原因：韦秀英')).toHaveProperty('value', '未上车');
    expect(within(card).getByTestId('handover-ticked').textContent).toContain('已勾选 1 / 2 人');
  });

  it('asks why an unticked passenger was not handed over, and for a note when the reason is other, storing nothing', async () => {
    show(await departedTrip({ arrived: true }));
    const card = await handoverCard();
    fireEvent.click(within(card).getByRole('checkbox', { name: '黄文光' }));
    fireEvent.click(within(card).getByRole('button', { name: '保存交接' }));
    await within(card).findByText('请选择未交接的原因');
    await choose(within(card).getByLabelText('未交接原因：黄文光'), '其他');
    fireEvent.click(within(card).getByRole('button', { name: '保存交接' }));
    await within(card).findByText('原因为“其他”时请写明具体情况');
    expect(await db.handovers.count()).toBe(0);
  });

  it('shows what the repository refuses next to its field, a phone that is no phone, storing nothing', async () => {
    show(await departedTrip({ arrived: true }));
    const card = await handoverCard();
    fireEvent.change(within(card).getByLabelText(/^接收人电话/), { target: { value: '打电话' } });
    fireEvent.click(within(card).getByRole('button', { name: '保存交接' }));
    await within(card).findByText('电话号码格式不正确', {}, { timeout: 5000 });
    expect(await db.handovers.count()).toBe(0);
    expect(await db.followUps.count()).toBe(0);
  });

  it('says in words that no operator is named, storing nothing', async () => {
    const trip = await departedTrip({ arrived: true });
    await updateSettings({ operatorName: '' });
    show(trip);
    const card = await handoverCard();
    fireEvent.click(within(card).getByRole('button', { name: '保存交接' }));
    await screen.findByText(/请先在“设置”中填写操作员姓名/, {}, { timeout: 5000 });
    expect(await db.handovers.count()).toBe(0);
  });

  it('records the handover, summarises it with the exception by name and reason, and corrects it', async () => {
    show(await departedTrip({ arrived: true }));
    let card = await handoverCard();
    // The time comes from the last leg's arrival.
    expect(within(card).getByLabelText(/^交接时间（北京时间）/)).toHaveProperty('value', '20:00');
    fireEvent.click(within(card).getByRole('button', { name: '保存交接' }));
    const summary = await within(card).findByTestId('handover-summary', {}, { timeout: 5000 });
    expect(summary.textContent).toContain(
      `接收人 李美妹（0755-2345678），${formatTimestamp(beijingTimestamp(departedOn, 20 * 60), 'zh-CN')}`,
    );
    expect(within(summary).getByTestId('handed-count').textContent).toBe('交接 1 人');
    expect(within(summary).getByTestId('handover-exception').textContent).toBe('韦秀英：未上车');
    expect(summary.textContent).toContain('登记人：韦小燕');

    // Correct it: 韦秀英 did board after all.
    fireEvent.click(within(card).getByRole('button', { name: '更正交接：深圳市华恒医用材料有限公司' }));
    card = await handoverCard();
    expect(within(card).getByRole('checkbox', { name: '韦秀英' })).toHaveProperty('checked', false);
    fireEvent.click(within(card).getByRole('checkbox', { name: '韦秀英' }));
    fireEvent.click(within(card).getByRole('button', { name: '保存交接' }));
    await waitFor(async () => expect((await db.handovers.toArray())[0]?.exceptions).toEqual([]), { timeout: 5000 });
    const after = await within(card).findByTestId('handover-summary', {}, { timeout: 5000 });
    await waitFor(() => expect(within(after).getByTestId('handed-count').textContent).toBe('交接 2 人'));
    expect(within(after).queryByTestId('handover-exception')).toBeNull();
    expect(await db.handovers.count()).toBe(1);
    expect(await db.followUps.count()).toBe(2);
  });
});

describe('the arrival of a leg', () => {
  it('refuses a time that is not HH:mm and stores the Beijing time typed, showing who recorded it', async () => {
    const trip = await departedTrip();
    show(trip);
    const [firstLeg] = trip.route.legs;
    if (!firstLeg) throw new Error('no leg');
    const form = await screen.findByRole(
      'form',
      { name: `登记到达：第 1 段：${firstLeg.from} → ${firstLeg.to}` },
      { timeout: 5000 },
    );
    const time = within(form).getByLabelText(/^到达时间（北京时间）/);
    fireEvent.change(time, { target: { value: '25:00' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存到达' }));
    await within(form).findByText('请按“时:分”填写，如 08:30');
    expect(await db.arrivals.count()).toBe(0);

    fireEvent.change(time, { target: { value: '9:05' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存到达' }));
    await waitFor(async () => expect(await db.arrivals.count()).toBe(1), { timeout: 5000 });
    const shown = await screen.findByTestId('arrival-at', {}, { timeout: 15_000 });
    const at = beijingTimestamp(departedOn, 9 * 60 + 5);
    expect(shown.textContent).toContain(formatTimestamp(at, 'zh-CN'));
    const [stored] = await db.arrivals.toArray();
    expect(new Date(stored?.arrivedAt ?? '').getTime()).toBe(new Date(at).getTime());
    expect(stored?.recordedBy).toBe('韦小燕');
  });
});
