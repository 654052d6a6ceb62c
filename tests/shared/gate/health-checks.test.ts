import { describe, expect, it } from 'vitest';

import { evaluateGate } from '@shared/gate';
import type { GateInput } from '@shared/gate';
import { DEPARTURE, itemIn, lightIn, makeGateInput, makeHealthCheck, makePassenger } from '../../fixtures/batches';

const MEDICAL = 'medical.health-checks-passed';

/** One passenger and their checks. */
function withChecks(checks: { checkedAt: string; result?: 'pass' | 'fail' | 'recheck' }[], departureAt = DEPARTURE) {
  const passenger = makePassenger({ name: '黄文光' });
  const input: GateInput = makeGateInput({
    passengers: [passenger],
    healthChecks: checks.map((check) => makeHealthCheck({ workerId: passenger.workerId, ...check })),
    departureAt,
  });
  const report = evaluateGate(input);
  return { passenger, item: itemIn(report, MEDICAL), report };
}

describe('medical: before the health-check station exists', () => {
  it('says "no checks yet" and keeps the light amber, not red', () => {
    const report = evaluateGate(makeGateInput({ healthCheckStation: false, healthChecks: [] }));
    expect(itemIn(report, MEDICAL)).toMatchObject({
      state: 'no-checks-yet',
      reasons: [{ code: 'no-checks-yet', params: {} }],
    });
    expect(lightIn(report, 'medical')).toBe('amber');
  });

  it('judges checks that were recorded anyway', () => {
    const passenger = makePassenger();
    const report = evaluateGate(
      makeGateInput({
        passengers: [passenger],
        healthCheckStation: false,
        healthChecks: [makeHealthCheck({ workerId: passenger.workerId })],
      }),
    );
    expect(itemIn(report, MEDICAL).state).toBe('met');
  });
});

describe('medical: the validity window', () => {
  it('counts a pass taken exactly 72 hours before departure', () => {
    expect(withChecks([{ checkedAt: '2026-02-15T08:00:00.000+08:00' }]).item.state).toBe('met');
  });

  it('does not count a pass taken 72 hours and one millisecond before departure', () => {
    const { item, passenger } = withChecks([{ checkedAt: '2026-02-15T07:59:59.999+08:00' }]);
    expect(item.reasons).toEqual([
      {
        code: 'health-checks-expired',
        params: { count: 1, names: ['黄文光'], workerIds: [passenger.workerId], validityHours: 72 },
      },
    ]);
  });

  it('counts a pass taken at the moment of departure', () => {
    expect(withChecks([{ checkedAt: DEPARTURE }]).item.state).toBe('met');
  });

  it('shows checks as expired when the departure moves three days later, and turns the light red', () => {
    const before = withChecks([{ checkedAt: '2026-02-17T08:00:00.000+08:00' }]);
    expect(lightIn(before.report, 'medical')).toBe('green');
    const moved = withChecks([{ checkedAt: '2026-02-17T08:00:00.000+08:00' }], '2026-02-21T08:00:00.000+08:00');
    expect(moved.item.state).toBe('unmet');
    expect(moved.item.reasons.map((reason) => [reason.code, reason.params.count])).toEqual([
      ['health-checks-expired', 1],
    ]);
    expect(lightIn(moved.report, 'medical')).toBe('red');
  });

  it('does not count a check taken after departure (the date moved earlier)', () => {
    const { item } = withChecks([{ checkedAt: '2026-02-18T09:00:00.000+08:00' }]);
    expect(item.reasons.map((reason) => reason.code)).toEqual(['health-checks-after-departure']);
  });
});

describe('medical: results', () => {
  it('keeps a passenger whose latest check failed off the batch', () => {
    const { item } = withChecks([{ checkedAt: '2026-02-17T08:00:00.000+08:00', result: 'fail' }]);
    expect(item.reasons.map((reason) => reason.code)).toEqual(['health-checks-failed']);
  });

  it('lets the latest check decide: a pass after a fail counts, a fail after a pass does not', () => {
    const passAfterFail = withChecks([
      { checkedAt: '2026-02-17T18:00:00.000+08:00', result: 'pass' },
      { checkedAt: '2026-02-17T08:00:00.000+08:00', result: 'fail' },
    ]);
    expect(passAfterFail.item.state).toBe('met');
    const failAfterPass = withChecks([
      { checkedAt: '2026-02-16T08:00:00.000+08:00', result: 'pass' },
      { checkedAt: '2026-02-17T08:00:00.000+08:00', result: 'fail' },
    ]);
    expect(failAfterPass.item.reasons.map((reason) => reason.code)).toEqual(['health-checks-failed']);
  });

  it('reports a passenger awaiting a recheck', () => {
    const { item } = withChecks([{ checkedAt: '2026-02-17T08:00:00.000+08:00', result: 'recheck' }]);
    expect(item.reasons.map((reason) => reason.code)).toEqual(['health-checks-recheck']);
  });

  it('lists passengers without any check, once the station exists', () => {
    const checked = makePassenger();
    const unchecked = makePassenger({ name: '韦秀英' });
    const report = evaluateGate(
      makeGateInput({
        passengers: [checked, unchecked],
        healthChecks: [makeHealthCheck({ workerId: checked.workerId })],
      }),
    );
    expect(itemIn(report, MEDICAL).reasons).toEqual([
      { code: 'health-checks-missing', params: { count: 1, names: ['韦秀英'], workerIds: [unchecked.workerId] } },
    ]);
  });

  it('gives one reason per kind of problem, each with its count', () => {
    const failed = [makePassenger(), makePassenger()];
    const missing = makePassenger();
    const report = evaluateGate(
      makeGateInput({
        passengers: [...failed, missing],
        healthChecks: failed.map((passenger) => makeHealthCheck({ workerId: passenger.workerId, result: 'fail' })),
      }),
    );
    expect(itemIn(report, MEDICAL).reasons.map((reason) => [reason.code, reason.params.count])).toEqual([
      ['health-checks-missing', 1],
      ['health-checks-failed', 2],
    ]);
  });

  it('ignores the checks of passengers no longer on the batch', () => {
    const gone = makePassenger({ removedAt: '2026-02-17T10:00:00.000+08:00' });
    const stays = makePassenger();
    const report = evaluateGate(
      makeGateInput({
        passengers: [gone, stays],
        healthChecks: [
          makeHealthCheck({ workerId: gone.workerId, result: 'fail' }),
          makeHealthCheck({ workerId: stays.workerId }),
        ],
      }),
    );
    expect(itemIn(report, MEDICAL).state).toBe('met');
  });
});
