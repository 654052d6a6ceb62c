import { describe, expect, it } from 'vitest';

import { allGreen, evaluateGate } from '@shared/gate';
import { lightIn, makeBatch, makeGateInput } from '../../fixtures/batches';

describe('the traffic light of a unification', () => {
  it('is red when a derived item fails even if ticked items are only open, and says which', () => {
    const input = makeGateInput({ batch: makeBatch({ organizer: '' }) });
    const report = evaluateGate({ ...input, ticks: [] });
    expect(lightIn(report, 'organization')).toBe('red');
    expect(lightIn(report, 'vehicle')).toBe('amber');
    expect(lightIn(report, 'medical')).toBe('green');
    expect(report.unmet).toContain('organization.organizer-named');
  });

  it('turns every section but medical amber when nothing is ticked yet', () => {
    const report = evaluateGate({ ...makeGateInput(), ticks: [] });
    expect(report.unifications.map((unification) => unification.light)).toEqual([
      'amber',
      'green',
      'amber',
      'green',
      'amber',
    ]);
    expect(allGreen(report)).toBe(false);
  });

  it('makes allGreen true only when all five are green', () => {
    expect(allGreen(evaluateGate(makeGateInput()))).toBe(true);
    expect(allGreen(evaluateGate(makeGateInput({ healthCheckStation: false, healthChecks: [] })))).toBe(false);
  });
});
