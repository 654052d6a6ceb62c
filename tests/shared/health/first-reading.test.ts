import { describe, expect, it } from 'vitest';
import { firstReadingOf } from '@shared/health';
import { makeHealthCheck } from '../../fixtures/batches';

describe('the first reading of a check waiting for its recheck', () => {
  it('is the first of the readings the check keeps, not the latest temperature', () => {
    const check = makeHealthCheck({
      temperatureC: 37.1,
      checkedAt: '2026-02-17T08:20:00.000+08:00',
      readings: [
        { temperatureC: 37.6, at: '2026-02-17T08:00:00.000+08:00' },
        { temperatureC: 37.1, at: '2026-02-17T08:20:00.000+08:00' },
      ],
    });
    expect(firstReadingOf(check)).toEqual({ temperatureC: 37.6, at: '2026-02-17T08:00:00.000+08:00' });
  });

  it('is the check itself for a check stored before readings were kept', () => {
    const check = makeHealthCheck({ temperatureC: 37.8, checkedAt: '2026-02-17T07:45:00.000+08:00' });
    delete check.readings;
    expect(firstReadingOf(check)).toEqual({ temperatureC: 37.8, at: '2026-02-17T07:45:00.000+08:00' });
  });
});
