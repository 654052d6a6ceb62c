import { describe, expect, it } from 'vitest';

import { CHECKLIST_ITEMS, evaluateGate } from '@shared/gate';
import type { ChecklistItem, GateInput } from '@shared/gate';
import { TICK_TIME, itemIn, lightIn, makeGateInput, makePassenger, makeTick } from '../../fixtures/batches';

const ROSTER = 'organization.roster-locked';

function without(input: GateInput, key: string): GateInput {
  return { ...input, ticks: input.ticks.filter((tick) => tick.item !== key) };
}

describe('ticked items', () => {
  it('are open until ticked, and the light is amber, not red', () => {
    const report = evaluateGate(without(makeGateInput(), 'vehicle.disinfected'));
    expect(itemIn(report, 'vehicle.disinfected')).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'not-ticked', params: {} }],
      tick: null,
    });
    expect(lightIn(report, 'vehicle')).toBe('amber');
  });

  it('show who ticked them and when', () => {
    const input = without(makeGateInput(), 'protection.supplies-on-board');
    input.ticks = [
      ...input.ticks,
      makeTick('protection.supplies-on-board', { tickedBy: '农海燕', tickedAt: '2026-02-17T15:30:00.000+08:00' }),
    ];
    expect(itemIn(evaluateGate(input), 'protection.supplies-on-board')).toEqual({
      key: 'protection.supplies-on-board',
      kind: 'ticked',
      state: 'met',
      reasons: [],
      tick: { by: '农海燕', at: '2026-02-17T15:30:00.000+08:00', note: '' },
    });
  });

  it('stay open when ticked without the note they require (charter sign number, policy number)', () => {
    const input = makeGateInput();
    input.ticks = input.ticks.map((tick) =>
      tick.item === 'vehicle.booked' || tick.item === 'protection.insurance' ? { ...tick, note: '   ' } : tick,
    );
    const report = evaluateGate(input);
    expect(itemIn(report, 'vehicle.booked')).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'note-required', params: { holds: 'charter-sign-number' } }],
    });
    expect(itemIn(report, 'protection.insurance').reasons).toEqual([
      { code: 'note-required', params: { holds: 'insurance-policy-number' } },
    ]);
    expect(lightIn(report, 'vehicle')).toBe('amber');
  });

  it('are decided by the latest live tick; a withdrawn tick does not count', () => {
    const key = 'vehicle.booked';
    const input = without(makeGateInput(), key);
    input.ticks = [
      ...input.ticks,
      makeTick(key, { note: '桂L包车-旧', tickedAt: '2026-02-15T09:00:00.000+08:00' }),
      makeTick(key, { note: '桂L包车-新', tickedAt: '2026-02-16T09:00:00.000+08:00' }),
    ];
    expect(itemIn(evaluateGate(input), key).tick?.note).toBe('桂L包车-新');

    const withdrawn = without(makeGateInput(), key);
    withdrawn.ticks = [
      ...withdrawn.ticks,
      makeTick(key, { note: '桂L包车', deletedAt: '2026-02-16T10:00:00.000+08:00' }),
    ];
    expect(itemIn(evaluateGate(withdrawn), key).state).toBe('unmet');
  });
});

describe('the roster lock', () => {
  it('holds while nobody joins or leaves after it', () => {
    const early = makePassenger({ addedAt: '2026-02-12T10:00:00.000+08:00' });
    const report = evaluateGate(makeGateInput({ passengers: [early, makePassenger({ addedAt: TICK_TIME })] }));
    expect(itemIn(report, ROSTER).state).toBe('met');
  });

  it('breaks when a passenger is added after it, saying how many and when, and the light turns red', () => {
    const late = makePassenger({ name: '黄文光', addedAt: '2026-02-17T10:00:00.000+08:00' });
    const report = evaluateGate(makeGateInput({ passengers: [makePassenger(), late] }));
    expect(itemIn(report, ROSTER)).toEqual({
      key: ROSTER,
      kind: 'ticked',
      state: 'broken',
      reasons: [
        {
          code: 'roster-changed-after-tick',
          params: {
            count: 1,
            added: 1,
            removed: 0,
            names: ['黄文光'],
            workerIds: [late.workerId],
            firstChangeAt: '2026-02-17T10:00:00.000+08:00',
            lastChangeAt: '2026-02-17T10:00:00.000+08:00',
            tickedAt: TICK_TIME,
          },
        },
      ],
      tick: { by: '王科长', at: TICK_TIME, note: '' },
    });
    expect(lightIn(report, 'organization')).toBe('red');
  });

  it('breaks the insurance tick too: the policy names the passengers insured', () => {
    const late = makePassenger({ addedAt: '2026-02-17T10:00:00.000+08:00' });
    const report = evaluateGate(makeGateInput({ passengers: [makePassenger(), late] }));
    expect(itemIn(report, 'protection.insurance').state).toBe('broken');
    expect(lightIn(report, 'protection')).toBe('red');
  });

  it('breaks when a passenger is removed after it', () => {
    const left = makePassenger({ removedAt: '2026-02-17T11:00:00.000+08:00' });
    const added = makePassenger({ addedAt: '2026-02-16T20:00:00.000+08:00' });
    const report = evaluateGate(makeGateInput({ passengers: [makePassenger(), left, added] }));
    expect(itemIn(report, ROSTER).reasons[0]?.params).toMatchObject({
      count: 2,
      added: 1,
      removed: 1,
      firstChangeAt: '2026-02-16T20:00:00.000+08:00',
      lastChangeAt: '2026-02-17T11:00:00.000+08:00',
    });
  });

  it('is not broken by someone who joined and left after it, or left before it', () => {
    const passengers = [
      makePassenger(),
      makePassenger({ addedAt: '2026-02-17T08:00:00.000+08:00', removedAt: '2026-02-17T09:00:00.000+08:00' }),
      makePassenger({ removedAt: '2026-02-14T09:00:00.000+08:00' }),
    ];
    expect(itemIn(evaluateGate(makeGateInput({ passengers })), ROSTER).state).toBe('met');
  });

  it('holds again once re-ticked after the change', () => {
    const late = makePassenger({ addedAt: '2026-02-17T10:00:00.000+08:00' });
    const input = makeGateInput({ passengers: [makePassenger(), late] });
    input.ticks = [...input.ticks, makeTick(ROSTER, { tickedAt: '2026-02-17T10:30:00.000+08:00' })];
    expect(itemIn(evaluateGate(input), ROSTER).state).toBe('met');
  });
});

describe('an office’s own items', () => {
  const meals: ChecklistItem = {
    kind: 'ticked',
    key: 'protection.meals-and-water',
    unification: 'protection',
    label: { 'zh-CN': '餐食和饮用水已备齐', en: 'Meals and water on board' },
    note: { required: true, holds: 'supplier', prompt: { 'zh-CN': '供应单位', en: 'Supplier' } },
  };
  const table = [...CHECKLIST_ITEMS, meals];

  it('are evaluated from the table row alone: open, then missing its note, then met', () => {
    const input = makeGateInput();
    const open = evaluateGate(input, table);
    expect(itemIn(open, meals.key).reasons.map((reason) => reason.code)).toEqual(['not-ticked']);
    expect(lightIn(open, 'protection')).toBe('amber');
    expect(open.unmet).toEqual([meals.key]);

    const noNote = evaluateGate({ ...input, ticks: [...input.ticks, makeTick(meals.key)] }, table);
    expect(itemIn(noNote, meals.key).reasons).toEqual([{ code: 'note-required', params: { holds: 'supplier' } }]);

    const done = evaluateGate(
      { ...input, ticks: [...input.ticks, makeTick(meals.key, { note: '田东县饮食公司' })] },
      table,
    );
    expect(itemIn(done, meals.key).state).toBe('met');
    expect(lightIn(done, 'protection')).toBe('green');
  });

  it('can be broken by a roster change too, when the row says so', () => {
    const perPassenger: ChecklistItem = {
      ...meals,
      key: 'protection.meal-vouchers',
      note: undefined,
      brokenBy: ['roster-change'],
    };
    const input = makeGateInput({ passengers: [makePassenger({ addedAt: '2026-02-17T10:00:00.000+08:00' })] });
    const report = evaluateGate({ ...input, ticks: [...input.ticks, makeTick(perPassenger.key)] }, [
      ...CHECKLIST_ITEMS,
      perPassenger,
    ]);
    expect(itemIn(report, perPassenger.key).state).toBe('broken');
  });
});
