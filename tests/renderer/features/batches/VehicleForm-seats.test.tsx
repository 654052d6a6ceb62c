// @vitest-environment jsdom
/**
 * "2.5" seats saved 25 (issue 16, item 7): Mantine's whole-number field dropped the decimal point.
 * Now the seat count is kept as typed and refused beside its field, and the batch is not changed.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatch, saveRoute, type PlannerDatabase } from '@renderer/db';
import type { Batch, Language, Route } from '@shared/domain/records';
import { VehiclesPanel } from '@renderer/features/batches/VehiclesPanel';
import { render } from '@tests/renderer/render';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { makeBatchInput, makeRouteInput } from '@tests/fixtures/batches';

let db: PlannerDatabase;
let route: Route;
let batch: Batch;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('王调度');
  route = await saveRoute(null, makeRouteInput());
  batch = await createBatch(makeBatchInput(route));
});
afterEach(() => db.close());

const TEXTS = {
  'zh-CN': { add: '为第 1 段添加车辆', label: /^车厢号/, seats: /^座位数/, save: '保存' },
  en: { add: 'Add a vehicle to leg 1', label: /^Carriage or plate/, seats: /^Seats$/, save: 'Save' },
} as const;

async function addCoach(language: Language, seats: string) {
  const texts = TEXTS[language];
  render(<VehiclesPanel batch={batch} route={route} editable />, { dataRouter: true, language });
  fireEvent.click(await screen.findByRole('button', { name: texts.add }));
  fireEvent.change(await screen.findByLabelText(texts.label), { target: { value: '桂L12345' } });
  const seatCount = screen.getByLabelText<HTMLInputElement>(texts.seats);
  fireEvent.change(seatCount, { target: { value: seats } });
  fireEvent.blur(seatCount);
  fireEvent.click(screen.getByRole('button', { name: texts.save }));
  return seatCount;
}

describe('the seats of a vehicle', { timeout: 30_000 }, () => {
  it('"2.5" stays 2.5 and is refused, not stored as 25', async () => {
    const seatCount = await addCoach('zh-CN', '2.5');
    expect(await screen.findByText('座位数应为 19 到 60 之间的整数')).toBeTruthy();
    expect(seatCount.value).toBe('2.5');
    expect((await db.batches.get(batch.id))?.legs.flatMap((leg) => leg.vehicles)).toEqual(
      batch.legs.flatMap((leg) => leg.vehicles),
    );
  });

  it('a count beyond the kind is refused with its range shown under the field, in English', async () => {
    const seatCount = await addCoach('en', '250');
    expect(await screen.findByText('The seat count must be a whole number from 19 to 60')).toBeTruthy();
    expect(screen.getByText('A whole number, 19 to 60')).toBeTruthy();
    expect(seatCount.value).toBe('250');
    expect((await db.batches.get(batch.id))?.updatedAt).toBe(batch.updatedAt);
  });

  it('a whole count within the range is stored', async () => {
    await addCoach('zh-CN', '45');
    await waitFor(async () =>
      expect((await db.batches.get(batch.id))?.legs.flatMap((leg) => leg.vehicles.map((v) => v.seatCount))).toContain(
        45,
      ),
    );
  });
});
