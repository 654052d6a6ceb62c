import { describe, expect, it } from 'vitest';

import { BATCH_STATUSES } from '@shared/domain/records';
import type { BatchStatus } from '@shared/domain/records';
import { checkStatusStep, evaluateGate } from '@shared/gate';
import { makeBatch, makeGateInput } from '../../fixtures/batches';

const GREEN = evaluateGate(makeGateInput());
/** Organizer missing and insurance not ticked: red organization, amber protection. */
const NOT_GREEN = (() => {
  const input = makeGateInput({ batch: makeBatch({ organizer: '' }) });
  return evaluateGate({ ...input, ticks: input.ticks.filter((tick) => tick.item !== 'protection.insurance') });
})();
const OVERRIDE = { reason: ' 体检站尚未启用，县防控办书面同意 ', by: '李建国', at: '2026-02-17T18:00:00.000+08:00' };

describe('status steps', () => {
  it('go forward one status at a time, the ungated ones whatever the lights', () => {
    const steps: [BatchStatus, BatchStatus][] = [
      ['draft', 'planned'],
      ['handed-over', 'closed'],
    ];
    for (const [from, to] of steps) {
      expect(checkStatusStep(from, to, NOT_GREEN)).toEqual({ allowed: true, override: null });
    }
    expect(checkStatusStep('planned', 'ready', GREEN)).toEqual({ allowed: true, override: null });
    expect(checkStatusStep('ready', 'departed', GREEN)).toEqual({ allowed: true, override: null });
  });

  it('never go backwards, not even with an override', () => {
    for (const [index, from] of BATCH_STATUSES.entries()) {
      for (const to of BATCH_STATUSES.slice(0, index)) {
        expect(checkStatusStep(from, to, GREEN, OVERRIDE)).toEqual({
          allowed: false,
          reasons: ['backward'],
          unmet: [],
          canOverride: false,
        });
      }
    }
  });

  it('never skip a status: draft goes to planned before ready, even with an override', () => {
    expect(checkStatusStep('draft', 'ready', GREEN, OVERRIDE)).toEqual({
      allowed: false,
      reasons: ['skips-status'],
      unmet: [],
      canOverride: false,
    });
  });

  it('never choose arrived or handed over by hand: the arrivals and handovers recorded set them (issue 17)', () => {
    for (const [from, to] of [
      ['departed', 'arrived'],
      ['arrived', 'handed-over'],
    ] as [BatchStatus, BatchStatus][]) {
      const refused = { allowed: false, reasons: ['set-by-facts'], unmet: [], canOverride: false };
      expect(checkStatusStep(from, to, GREEN)).toEqual(refused);
      expect(checkStatusStep(from, to, NOT_GREEN, OVERRIDE)).toEqual(refused);
    }
    // An arrived batch is not closed before its handovers: closing comes after handed over.
    expect(checkStatusStep('arrived', 'closed', GREEN)).toMatchObject({ allowed: false, reasons: ['skips-status'] });
  });

  it('refuse a step to the status the batch is already in', () => {
    expect(checkStatusStep('ready', 'ready', GREEN)).toMatchObject({ allowed: false, reasons: ['same-status'] });
  });
});

describe('the step to ready', () => {
  it('is refused while a light is not green, listing the unmet items, and may be overridden', () => {
    expect(checkStatusStep('planned', 'ready', NOT_GREEN)).toEqual({
      allowed: false,
      reasons: ['gate-not-green'],
      unmet: ['organization.organizer-named', 'protection.insurance'],
      canOverride: true,
    });
  });

  it('is allowed with a written reason, returning the override to store', () => {
    expect(checkStatusStep('planned', 'ready', NOT_GREEN, OVERRIDE)).toEqual({
      allowed: true,
      override: {
        from: 'planned',
        to: 'ready',
        reason: '体检站尚未启用，县防控办书面同意',
        unmet: ['organization.organizer-named', 'protection.insurance'],
        by: '李建国',
        at: '2026-02-17T18:00:00.000+08:00',
      },
    });
  });

  it('stays refused when the reason is empty, blank or too short', () => {
    for (const reason of ['', '    ', ' 同意 ', 'ok']) {
      expect(checkStatusStep('planned', 'ready', NOT_GREEN, { ...OVERRIDE, reason })).toMatchObject({
        allowed: false,
        reasons: ['gate-not-green', 'override-reason-too-short'],
        canOverride: true,
      });
    }
    expect(checkStatusStep('planned', 'ready', NOT_GREEN, { ...OVERRIDE, reason: '领导同意' }).allowed).toBe(true);
  });

  it('stays refused when the override names nobody', () => {
    expect(checkStatusStep('planned', 'ready', NOT_GREEN, { ...OVERRIDE, by: ' ' })).toMatchObject({
      allowed: false,
      reasons: ['gate-not-green', 'override-by-missing'],
    });
  });

  it('records no override when the gate is green anyway', () => {
    expect(checkStatusStep('planned', 'ready', GREEN, OVERRIDE)).toEqual({ allowed: true, override: null });
  });
});

describe('the step to departed', () => {
  it('needs ready: from planned it is refused, even with an override', () => {
    expect(checkStatusStep('planned', 'departed', GREEN, OVERRIDE)).toEqual({
      allowed: false,
      reasons: ['skips-status', 'departed-needs-ready'],
      unmet: [],
      canOverride: false,
    });
  });

  it('needs the lights green again, since something may have broken after ready', () => {
    expect(checkStatusStep('ready', 'departed', NOT_GREEN)).toMatchObject({
      allowed: false,
      reasons: ['gate-not-green'],
      canOverride: true,
    });
    const forced = checkStatusStep('ready', 'departed', NOT_GREEN, OVERRIDE);
    expect(forced.allowed && forced.override).toMatchObject({ from: 'ready', to: 'departed' });
  });
});
