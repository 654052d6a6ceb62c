/**
 * The follow-up unification's items of the journey's end (issue 17, item 1): arrival recorded for
 * every leg and every receiving enterprise signed for its passengers. Derived from the facts after
 * the batch departed, and not due before: they never hold up the steps to ready and departed.
 */
import { describe, expect, it } from 'vitest';
import { BATCH_STATUSES, type BatchStatus } from '@shared/domain/records';
import { allGreen, checkStatusStep, evaluateGate } from '@shared/gate';
import {
  FIRST_LEG,
  itemIn,
  lightIn,
  makeBatch,
  makeEscort,
  makeGateInput,
  makePassenger,
  makeVehicle,
} from '../../fixtures/batches';

const ARRIVAL = 'follow-up.arrival-recorded';
const HANDOVER = 'follow-up.handover-signed';
const ESCORT = makeEscort();
const TWO_LEGS = [FIRST_LEG, 'leg-2'].map((legId) => ({
  legId,
  vehicles: [makeVehicle({ escortId: ESCORT.id })],
}));

function batchIn(status: BatchStatus) {
  return makeBatch({ status, legs: TWO_LEGS, escorts: [ESCORT] });
}

const passengers = [
  makePassenger({ name: '黄文光', enterpriseId: 'e-a', seatedLegIds: [FIRST_LEG, 'leg-2'] }),
  makePassenger({ name: '韦秀英', enterpriseId: 'e-a', seatedLegIds: [FIRST_LEG, 'leg-2'] }),
  makePassenger({ name: '农志强', enterpriseId: 'e-b', seatedLegIds: [FIRST_LEG, 'leg-2'] }),
];
const capacities = TWO_LEGS.map((leg) => ({ legId: leg.legId, capacity: 20 }));

describe('before the batch departed', () => {
  it('reports both items as not due, leaving every light green and nothing unmet', () => {
    for (const status of BATCH_STATUSES.slice(0, BATCH_STATUSES.indexOf('departed'))) {
      const report = evaluateGate(makeGateInput({ batch: batchIn(status), passengers, legCapacities: capacities }));
      for (const key of [ARRIVAL, HANDOVER]) {
        expect(itemIn(report, key), `${status} ${key}`).toMatchObject({
          state: 'not-due',
          reasons: [{ code: 'due-after-departure', params: {} }],
        });
      }
      expect(lightIn(report, 'follow-up')).toBe('green');
      expect(report.unmet).toEqual([]);
      expect(allGreen(report)).toBe(true);
    }
  });

  it('lets a ready batch depart without an override, although nothing has arrived yet', () => {
    const report = evaluateGate(makeGateInput({ batch: batchIn('ready'), passengers, legCapacities: capacities }));
    expect(checkStatusStep('ready', 'departed', report)).toEqual({ allowed: true, override: null });
  });

  it('keeps a light red for its other items: not-due hides nothing else', () => {
    const report = evaluateGate(
      makeGateInput({
        batch: batchIn('planned'),
        passengers: [
          ...passengers,
          makePassenger({ name: '陆小梅', enterpriseId: null, seatedLegIds: [FIRST_LEG, 'leg-2'] }),
        ],
        legCapacities: capacities,
      }),
    );
    expect(lightIn(report, 'follow-up')).toBe('red');
    expect(report.unmet).toEqual(['follow-up.enterprise-handover']);
  });
});

describe('after the batch departed', () => {
  it('names the legs without an arrival, until every leg has one', () => {
    const batch = batchIn('departed');
    const none = evaluateGate(makeGateInput({ batch, passengers, legCapacities: capacities }));
    expect(itemIn(none, ARRIVAL)).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'legs-not-arrived', params: { count: 2, legIds: [FIRST_LEG, 'leg-2'] } }],
    });
    expect(lightIn(none, 'follow-up')).toBe('red');

    const one = evaluateGate(
      makeGateInput({ batch, passengers, legCapacities: capacities, arrivedLegIds: [FIRST_LEG] }),
    );
    expect(itemIn(one, ARRIVAL).reasons).toEqual([
      { code: 'legs-not-arrived', params: { count: 1, legIds: ['leg-2'] } },
    ]);

    const both = evaluateGate(
      makeGateInput({ batch, passengers, legCapacities: capacities, arrivedLegIds: ['leg-2', FIRST_LEG] }),
    );
    expect(itemIn(both, ARRIVAL)).toMatchObject({ state: 'met', reasons: [] });
  });

  it('names the enterprises that have not signed and their passengers, until every one has', () => {
    const batch = batchIn('arrived');
    const input = { batch, passengers, legCapacities: capacities, arrivedLegIds: [FIRST_LEG, 'leg-2'] };
    const one = evaluateGate(makeGateInput({ ...input, handedOverEnterpriseIds: ['e-a'] }));
    expect(itemIn(one, HANDOVER)).toMatchObject({
      state: 'unmet',
      reasons: [
        {
          code: 'enterprises-not-handed-over',
          params: { count: 1, names: ['农志强'], enterprises: 1, enterpriseIds: ['e-b'] },
        },
      ],
    });
    const all = evaluateGate(makeGateInput({ ...input, handedOverEnterpriseIds: ['e-a', 'e-b'] }));
    expect(itemIn(all, HANDOVER)).toMatchObject({ state: 'met', reasons: [] });
    expect(lightIn(all, 'follow-up')).toBe('green');
  });

  it('keeps the handover open while a passenger has no receiving enterprise: nobody can sign for them', () => {
    const homeless = makePassenger({ name: '陆小梅', enterpriseId: null, seatedLegIds: [FIRST_LEG, 'leg-2'] });
    const report = evaluateGate(
      makeGateInput({
        batch: batchIn('arrived'),
        passengers: [...passengers, homeless],
        legCapacities: capacities,
        arrivedLegIds: [FIRST_LEG, 'leg-2'],
        handedOverEnterpriseIds: ['e-a', 'e-b'],
      }),
    );
    expect(itemIn(report, HANDOVER)).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'passengers-without-enterprise', params: { count: 1, names: ['陆小梅'] } }],
    });
  });

  it('ignores passengers removed from the batch', () => {
    const removed = makePassenger({ enterpriseId: 'e-c', removedAt: '2026-02-17T09:00:00.000+08:00' });
    const report = evaluateGate(
      makeGateInput({
        batch: batchIn('handed-over'),
        passengers: [...passengers, removed],
        legCapacities: capacities,
        arrivedLegIds: [FIRST_LEG, 'leg-2'],
        handedOverEnterpriseIds: ['e-a', 'e-b'],
      }),
    );
    expect(itemIn(report, HANDOVER).state).toBe('met');
  });
});
