import { describe, expect, it } from 'vitest';
import type { PlannedBatch } from '@shared/planning';
import { VEHICLE_SEAT_LIMITS } from '@shared/seating';
import { createI18n } from '@renderer/i18n';
import {
  batchName,
  defaultChoice,
  initialValues,
  optionsOf,
  problemText,
  problemTexts,
  type PlanFormValues,
} from '@renderer/features/batches/planning/plan-form';

function values(overrides: Partial<PlanFormValues> = {}): PlanFormValues {
  return { ...initialValues(), firstDate: '2026-02-18', lastDate: '2026-02-24', ...overrides };
}

describe('the planning form', () => {
  it('starts a leg at its mode’s first kind with typical seats the domain allows', () => {
    expect(defaultChoice('coach')).toEqual({ kind: 'coach', seatCount: 49, maxVehicles: 40 });
    expect(defaultChoice('train')).toEqual({ kind: 'train-second-class', seatCount: 90, maxVehicles: 16 });
    for (const mode of ['coach', 'train'] as const) {
      const { kind, seatCount } = defaultChoice(mode);
      expect(seatCount).toBeLessThanOrEqual(VEHICLE_SEAT_LIMITS[kind].max);
      expect(seatCount).toBeGreaterThanOrEqual(VEHICLE_SEAT_LIMITS[kind].min);
    }
  });

  it('plans the week that starts a week from today', () => {
    const { firstDate, lastDate } = initialValues();
    const days = (Date.parse(lastDate) - Date.parse(firstDate)) / 86_400_000;
    expect(days).toBe(6);
  });

  it('asks only for the chosen routes, in the order chosen, their numbers read from the inputs', () => {
    const options = optionsOf(
      values({
        routeIds: ['r2', 'r1'],
        vehicles: {
          r1: { bus: { kind: 'coach', seatCount: 53, maxVehicles: '3' } },
          r2: { car: { kind: 'train-hard-seat', seatCount: '', maxVehicles: 16 } },
          unchosen: { bus: { kind: 'coach', seatCount: 49, maxVehicles: 40 } },
        },
        batchesPerDay: { r1: 2 },
      }),
    );
    expect(options.routeIds).toEqual(['r2', 'r1']);
    expect(Object.keys(options.vehicles)).toEqual(['r2', 'r1']);
    expect(options.vehicles.r1).toEqual({ bus: { kind: 'coach', seatCount: 53, maxVehicles: 3 } });
    // An empty input is no number, so the options check reports it rather than planning with 0.
    expect(options.vehicles.r2?.car?.seatCount).toBeNaN();
    expect(options.batchesPerDay).toEqual({ r2: 1, r1: 2 });
    expect(options.firstDate).toBe('2026-02-18');
    expect(options.lastDate).toBe('2026-02-24');
  });

  it('filters the pool by what was chosen, poverty statuses in the domain’s order', () => {
    const { filter } = optionsOf(
      values({ counties: ['田东县'], cities: ['广州市'], povertyStatuses: ['none', 'registered-poor'] }),
    );
    expect(filter).toEqual({
      counties: ['田东县'],
      villages: [],
      cities: ['广州市'],
      enterpriseIds: [],
      povertyStatuses: ['registered-poor', 'none'],
    });
  });

  it('words the screen’s own problems and the shared ones, one per field', () => {
    const i18n = createI18n('en');
    const { t } = i18n;
    const has = (key: string) => i18n.exists(key);
    expect(problemText({ field: 'lastDate', code: 'planning-date-order' }, t, has)).toBe(
      'The last departure date can not be before the first',
    );
    const field = 'vehicles.r1.bus.seatCount';
    expect(
      problemTexts(
        [
          { field, code: 'seat-count-range', params: { min: 19, max: 60 } },
          { field, code: 'planning-no-capacity', params: { seats: 19 } },
        ],
        t,
        has,
      ),
    ).toEqual({ [field]: 'The seat count must be a whole number from 19 to 60' });
  });

  it('names a batch by route, day and number in each language', () => {
    const batch: PlannedBatch = {
      routeId: 'r1',
      date: '2026-02-18',
      sequence: 3,
      numberOnDate: 1,
      suggestedName: '',
      groupKeys: [],
      legs: [],
      passengerIds: [],
      fillRate: 0,
    };
    expect(batchName(batch, '百色—广州', createI18n('zh-CN').t, 'zh-CN')).toBe('百色—广州 2月18日 第3批');
    expect(batchName(batch, '百色—广州', createI18n('en').t, 'en')).toMatch(/^百色—广州, Feb 18, 2026, batch 3$/);
  });
});
