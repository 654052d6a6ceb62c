import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemblyAt, batchDepartureAt, legDepartureAt } from '@shared/domain/departure';

const batch = { date: '2026-02-18' };
const legs = [{ departureMinutes: 5 * 60 + 30 }, { departureMinutes: 25 * 60 + 15 }];

describe('when a batch is on its way, in Beijing time', () => {
  // A PC set to another zone must not move a departure: Node reads TZ again when it changes.
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('leaves when the first leg does: 05:30 is 05:30+08:00 on a PC in Los Angeles', () => {
    const at = batchDepartureAt(batch, { legs });
    expect(at).toBe('2026-02-18T05:30:00.000+08:00');
    expect(new Date(at).toISOString()).toBe('2026-02-17T21:30:00.000Z');
  });

  it('leaves at midnight of its date when the route or its legs are missing', () => {
    expect(batchDepartureAt(batch, undefined)).toBe('2026-02-18T00:00:00.000+08:00');
    expect(batchDepartureAt(batch, { legs: [] })).toBe('2026-02-18T00:00:00.000+08:00');
  });

  it('puts a leg leaving after midnight on the next day', () => {
    expect(legDepartureAt(batch, legs[1] ?? { departureMinutes: 0 })).toBe('2026-02-19T01:15:00.000+08:00');
  });

  it('gathers a pickup point its lead time before the first leg, on the day before when it must', () => {
    expect(assemblyAt(batch, { departureMinutes: 5 * 60 + 30 }, { minutesBeforeDeparture: 90 })).toBe(
      '2026-02-18T04:00:00.000+08:00',
    );
    expect(assemblyAt(batch, { departureMinutes: 30 }, { minutesBeforeDeparture: 60 })).toBe(
      '2026-02-17T23:30:00.000+08:00',
    );
  });
});
