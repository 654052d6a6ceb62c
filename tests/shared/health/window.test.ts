import { describe, expect, it } from 'vitest';
import { evaluateGate } from '@shared/gate';
import type { HealthCheck, HealthVerdict } from '@shared/domain/records';
import { checkWindow, healthProgress, latestCheck, passengerHealth, type PassengerHealthState } from '@shared/health';
import { DEPARTURE, itemIn, makeGateInput, makeHealthCheck, makePassenger } from '../../fixtures/batches';

// DEPARTURE is 2026-02-18 08:00 in Beijing.
const EXACTLY_72_HOURS_BEFORE = '2026-02-15T08:00:00.000+08:00';
const ONE_MS_MORE = '2026-02-15T07:59:59.999+08:00';
const AFTER_DEPARTURE = '2026-02-18T08:00:00.001+08:00';

const check = (checkedAt: string, result: HealthVerdict = 'pass', overrides: Partial<HealthCheck> = {}) =>
  makeHealthCheck({ checkedAt, createdAt: checkedAt, result, ...overrides });

describe('the validity window', () => {
  it('counts a check taken exactly 72 hours before departure, not one a millisecond earlier', () => {
    expect(checkWindow(EXACTLY_72_HOURS_BEFORE, DEPARTURE, 72)).toBe('valid');
    expect(checkWindow(ONE_MS_MORE, DEPARTURE, 72)).toBe('too-early');
  });

  it('counts a check at the moment of departure, not after it', () => {
    expect(checkWindow(DEPARTURE, DEPARTURE, 72)).toBe('valid');
    expect(checkWindow(AFTER_DEPARTURE, DEPARTURE, 72)).toBe('after-departure');
  });

  it('compares instants, not strings', () => {
    expect(checkWindow('2026-02-15T00:00:00.000Z', DEPARTURE, 72)).toBe('valid');
    expect(checkWindow('2026-02-14T23:59:59.000Z', DEPARTURE, 72)).toBe('too-early');
  });
});

describe("a passenger's state", () => {
  it('is not checked without a live check', () => {
    expect(passengerHealth([], DEPARTURE, 72).state).toBe('not-checked');
    const replaced = check('2026-02-17T08:00:00.000+08:00', 'pass', { deletedAt: '2026-02-17T09:00:00.000+08:00' });
    expect(passengerHealth([replaced], DEPARTURE, 72)).toMatchObject({ state: 'not-checked', latest: null });
  });

  it('passes inside the window and expires outside it, at the 72-hour boundary', () => {
    expect(passengerHealth([check(EXACTLY_72_HOURS_BEFORE)], DEPARTURE, 72)).toMatchObject({
      state: 'passed',
      window: 'valid',
    });
    expect(passengerHealth([check(ONE_MS_MORE)], DEPARTURE, 72)).toMatchObject({
      state: 'expired',
      window: 'too-early',
    });
  });

  it('expires when every check was taken after departure (the date moved earlier)', () => {
    const late = check(AFTER_DEPARTURE);
    expect(passengerHealth([late], DEPARTURE, 72)).toMatchObject({
      state: 'expired',
      window: 'after-departure',
      deciding: late,
      latest: late,
    });
  });

  it('follows the latest check: a recheck pending, then its second reading', () => {
    const first = check('2026-02-17T08:00:00.000+08:00', 'recheck');
    expect(passengerHealth([first], DEPARTURE, 72).state).toBe('recheck');
    const second = check('2026-02-17T08:20:00.000+08:00', 'fail');
    expect(passengerHealth([second, first], DEPARTURE, 72)).toMatchObject({ state: 'failed', latest: second });
  });

  it('keeps a fail however old it is', () => {
    expect(passengerHealth([check('2026-02-01T08:00:00.000+08:00', 'fail')], DEPARTURE, 72).state).toBe('failed');
  });

  it('takes the check saved last as the latest when two share a time', () => {
    const a = check('2026-02-17T08:00:00.000+08:00', 'pass', { createdAt: '2026-02-17T08:00:01.000+08:00' });
    const b = check('2026-02-17T08:00:00.000+08:00', 'pass', { createdAt: '2026-02-17T08:00:02.000+08:00' });
    expect(latestCheck([b, a])).toBe(b);
    expect(latestCheck([a, b])).toBe(b);
  });
});

describe('the progress figures', () => {
  it('count each state, and everyone with a check as checked', () => {
    const states: PassengerHealthState[] = ['passed', 'passed', 'failed', 'recheck', 'expired', 'not-checked'];
    expect(healthProgress(states)).toEqual({
      total: 6,
      checked: 5,
      passed: 2,
      failed: 1,
      recheck: 1,
      notChecked: 1,
      expired: 1,
    });
  });
});

describe('the station and the gate', () => {
  it('agree on every passenger: the medical item is met exactly when everyone passed', () => {
    const cases: HealthCheck[][] = [
      [],
      [check('2026-02-17T08:00:00.000+08:00')],
      [check(EXACTLY_72_HOURS_BEFORE)],
      [check(ONE_MS_MORE)],
      [check(AFTER_DEPARTURE)],
      [check('2026-02-17T08:00:00.000+08:00', 'recheck')],
      [check('2026-02-17T08:00:00.000+08:00', 'recheck'), check('2026-02-17T08:20:00.000+08:00', 'pass')],
      [check('2026-02-17T08:00:00.000+08:00', 'fail'), check('2026-02-17T09:00:00.000+08:00', 'pass')],
      [check('2026-02-17T08:00:00.000+08:00', 'pass'), check('2026-02-17T08:00:00.000+08:00', 'fail')],
      [check('2026-02-17T08:00:00.000+08:00', 'pass'), check(AFTER_DEPARTURE, 'fail')],
    ];
    const gateCode: Record<PassengerHealthState, string | null> = {
      'not-checked': 'health-checks-missing',
      passed: null,
      failed: 'health-checks-failed',
      recheck: 'health-checks-recheck',
      expired: 'expired',
    };
    for (const checks of cases) {
      const passenger = makePassenger();
      const mine = checks.map((one) => ({ ...one, workerId: passenger.workerId }));
      const report = evaluateGate(
        makeGateInput({ passengers: [passenger], healthChecks: mine, healthCheckStation: true }),
      );
      const codes = itemIn(report, 'medical.health-checks-passed').reasons.map((reason) => reason.code);
      const { state } = passengerHealth(mine, DEPARTURE, 72);
      const expected = gateCode[state];
      if (expected === null) expect(codes, JSON.stringify(checks)).toEqual([]);
      else if (expected === 'expired') {
        expect(codes.length, JSON.stringify(checks)).toBe(1);
        expect(['health-checks-expired', 'health-checks-after-departure']).toContain(codes[0]);
      } else expect(codes, JSON.stringify(checks)).toEqual([expected]);
    }
  });
});
