import { describe, expect, it } from 'vitest';

import { evaluateGate, hasHandoverContact } from '@shared/gate';
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
import { makeEnterprise } from '../../fixtures/factories';

describe('a batch that satisfies every item', () => {
  it('shows five green lights and nothing unmet', () => {
    const report = evaluateGate(makeGateInput());
    expect(report.unifications.map((unification) => [unification.unification, unification.light])).toEqual([
      ['organization', 'green'],
      ['medical', 'green'],
      ['vehicle', 'green'],
      ['follow-up', 'green'],
      ['protection', 'green'],
    ]);
    expect(report.unmet).toEqual([]);
  });
});

describe('organization: organizer named', () => {
  it('is unmet while the organizer is blank', () => {
    const report = evaluateGate(makeGateInput({ batch: makeBatch({ organizer: '  ' }) }));
    expect(itemIn(report, 'organization.organizer-named')).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'organizer-missing', params: {} }],
    });
    expect(lightIn(report, 'organization')).toBe('red');
  });
});

describe('organization: passenger list not empty', () => {
  it('is unmet when nobody is on the batch, counting removed passengers as gone', () => {
    const removed = makePassenger({ removedAt: '2026-02-12T10:00:00.000+08:00' });
    const report = evaluateGate(makeGateInput({ passengers: [removed] }));
    expect(itemIn(report, 'organization.passengers-listed')).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'no-passengers' }],
    });
  });
});

describe('items about every passenger, on a batch with none', () => {
  it('are not met: no green medical or follow-up light for a batch nobody travels on', () => {
    const report = evaluateGate(makeGateInput({ passengers: [], healthChecks: [] }));
    for (const key of ['medical.health-checks-passed', 'follow-up.enterprise-handover']) {
      expect(itemIn(report, key), key).toMatchObject({ state: 'unmet', reasons: [{ code: 'no-passengers' }] });
    }
    expect(lightIn(report, 'medical')).not.toBe('green');
    expect(lightIn(report, 'follow-up')).not.toBe('green');
  });
});

describe('organization: an escort in every vehicle', () => {
  it('names the vehicles without an escort, on any leg', () => {
    const escort = makeEscort();
    const noEscort = makeVehicle({ label: '桂L·12345', escortId: null });
    const batch = makeBatch({
      escorts: [escort],
      legs: [
        { legId: FIRST_LEG, vehicles: [makeVehicle({ escortId: escort.id })] },
        { legId: 'leg-2', vehicles: [noEscort] },
      ],
    });
    const passengers = [makePassenger({ seatedLegIds: [FIRST_LEG, 'leg-2'] })];
    const item = itemIn(evaluateGate(makeGateInput({ batch, passengers })), 'organization.escort-per-vehicle');
    expect(item.state).toBe('unmet');
    expect(item.reasons).toEqual([
      { code: 'vehicles-without-escort', params: { count: 1, labels: ['桂L·12345'], vehicleIds: [noEscort.id] } },
    ]);
  });

  it('does not accept an escort who is not on the batch’s staff', () => {
    const stranger = makeEscort();
    const batch = makeBatch({ legs: [{ legId: FIRST_LEG, vehicles: [makeVehicle({ escortId: stranger.id })] }] });
    const item = itemIn(evaluateGate(makeGateInput({ batch })), 'organization.escort-per-vehicle');
    expect(item.reasons.map((reason) => reason.code)).toEqual(['vehicles-without-escort']);
  });

  it('does not let one escort look after two coaches on the same leg, but does on different legs', () => {
    const escort = makeEscort({ name: '黄志强' });
    const sameLeg = makeBatch({
      escorts: [escort],
      legs: [
        { legId: FIRST_LEG, vehicles: [makeVehicle({ escortId: escort.id }), makeVehicle({ escortId: escort.id })] },
      ],
    });
    const item = itemIn(evaluateGate(makeGateInput({ batch: sameLeg })), 'organization.escort-per-vehicle');
    expect(item.reasons).toEqual([
      { code: 'escort-on-two-vehicles', params: { count: 1, names: ['黄志强'], legIds: [FIRST_LEG] } },
    ]);

    const twoLegs = makeBatch({
      escorts: [escort],
      legs: [
        { legId: FIRST_LEG, vehicles: [makeVehicle({ escortId: escort.id })] },
        { legId: 'leg-2', vehicles: [makeVehicle({ escortId: escort.id })] },
      ],
    });
    const passengers = [makePassenger({ seatedLegIds: [FIRST_LEG, 'leg-2'] })];
    expect(
      itemIn(evaluateGate(makeGateInput({ batch: twoLegs, passengers })), 'organization.escort-per-vehicle').state,
    ).toBe('met');
  });
});

describe('vehicle: vehicles on every leg', () => {
  it('names the legs without vehicles', () => {
    const batch = makeBatch();
    batch.legs.push({ legId: 'leg-2', vehicles: [] });
    const item = itemIn(evaluateGate(makeGateInput({ batch })), 'vehicle.vehicles-on-every-leg');
    expect(item).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'legs-without-vehicles', params: { count: 1, legIds: ['leg-2'] } }],
    });
  });

  it('is unmet when the batch has no legs at all', () => {
    const item = itemIn(
      evaluateGate(makeGateInput({ batch: makeBatch({ legs: [] }) })),
      'vehicle.vehicles-on-every-leg',
    );
    expect(item.reasons.map((reason) => reason.code)).toEqual(['no-legs']);
  });
});

describe('vehicle: seats enough at the load factor', () => {
  it('is met when passengers exactly fill the seats', () => {
    const passengers = [makePassenger(), makePassenger(), makePassenger()];
    const report = evaluateGate(makeGateInput({ passengers, legCapacities: [{ legId: FIRST_LEG, capacity: 3 }] }));
    expect(itemIn(report, 'vehicle.seats-enough').state).toBe('met');
  });

  it('says on which leg how many seats are short', () => {
    const passengers = [makePassenger(), makePassenger(), makePassenger()];
    const report = evaluateGate(makeGateInput({ passengers, legCapacities: [{ legId: FIRST_LEG, capacity: 2 }] }));
    expect(itemIn(report, 'vehicle.seats-enough')).toMatchObject({
      state: 'unmet',
      reasons: [{ code: 'seats-short', params: { legId: FIRST_LEG, passengers: 3, capacity: 2, short: 1 } }],
    });
    expect(lightIn(report, 'vehicle')).toBe('red');
  });

  it('treats a leg without a capacity as having no seats', () => {
    const report = evaluateGate(makeGateInput({ legCapacities: [] }));
    expect(itemIn(report, 'vehicle.seats-enough').reasons).toEqual([
      { code: 'seats-short', params: { legId: FIRST_LEG, passengers: 2, capacity: 0, short: 2 } },
    ]);
  });
});

describe('vehicle: seat plan made', () => {
  it('names the passengers without a seat and the legs they lack one on', () => {
    const seated = makePassenger({ seatedLegIds: [FIRST_LEG, 'leg-2'] });
    const unseated = makePassenger({ name: '韦秀英', seatedLegIds: [FIRST_LEG] });
    const batch = makeBatch();
    batch.legs.push({ legId: 'leg-2', vehicles: [makeVehicle({ escortId: batch.escorts[0]?.id ?? null })] });
    const report = evaluateGate(makeGateInput({ batch, passengers: [seated, unseated] }));
    expect(itemIn(report, 'vehicle.seat-plan-made').reasons).toEqual([
      {
        code: 'passengers-not-seated',
        params: { count: 1, names: ['韦秀英'], workerIds: [unseated.workerId], legIds: ['leg-2'] },
      },
    ]);
  });

  it('is met once every passenger is seated on every leg', () => {
    expect(itemIn(evaluateGate(makeGateInput()), 'vehicle.seat-plan-made').state).toBe('met');
  });
});

describe('follow-up: a receiving enterprise with a handover contact', () => {
  it('names the passengers without an enterprise', () => {
    const unplaced = makePassenger({ name: '黄文光', enterpriseId: null, enterpriseHasHandoverContact: false });
    const report = evaluateGate(makeGateInput({ passengers: [makePassenger(), unplaced] }));
    expect(itemIn(report, 'follow-up.enterprise-handover').reasons).toEqual([
      {
        code: 'passengers-without-enterprise',
        params: { count: 1, names: ['黄文光'], workerIds: [unplaced.workerId] },
      },
    ]);
    expect(lightIn(report, 'follow-up')).toBe('red');
  });

  it('names the passengers whose enterprise has no handover contact, and how many enterprises', () => {
    const a = makePassenger({ enterpriseId: 'e-1', enterpriseHasHandoverContact: false });
    const b = makePassenger({ enterpriseId: 'e-1', enterpriseHasHandoverContact: false });
    const c = makePassenger({ enterpriseId: 'e-2', enterpriseHasHandoverContact: false });
    const item = itemIn(evaluateGate(makeGateInput({ passengers: [a, b, c] })), 'follow-up.enterprise-handover');
    expect(item.reasons).toEqual([
      {
        code: 'enterprises-without-handover-contact',
        params: {
          count: 3,
          names: [a.name, b.name, c.name],
          workerIds: [a.workerId, b.workerId, c.workerId],
          enterprises: 2,
          enterpriseIds: ['e-1', 'e-2'],
        },
      },
    ]);
  });

  it('counts as a handover contact only a name and a phone together', () => {
    expect(hasHandoverContact(makeEnterprise())).toBe(true);
    expect(hasHandoverContact(makeEnterprise({ contactName: ' ' }))).toBe(false);
    expect(hasHandoverContact(makeEnterprise({ contactPhone: '' }))).toBe(false);
  });

  it('names at most ten people but counts them all', () => {
    const passengers = Array.from({ length: 12 }, () => makePassenger({ enterpriseId: null }));
    const reason = itemIn(evaluateGate(makeGateInput({ passengers })), 'follow-up.enterprise-handover').reasons[0];
    expect(reason?.params.count).toBe(12);
    expect(reason?.params.names).toHaveLength(10);
    expect(reason?.params.workerIds).toHaveLength(12);
  });
});

describe('protection: isolation seats kept free', () => {
  it('names the vehicles without a seat reserved for isolation', () => {
    const batch = makeBatch();
    const escortId = batch.escorts[0]?.id ?? null;
    const bare = makeVehicle({ label: '桂L·54321', escortId, reserved: [{ seat: '1', role: 'escort' }] });
    batch.legs[0]?.vehicles.push(bare);
    const report = evaluateGate(makeGateInput({ batch }));
    expect(itemIn(report, 'protection.isolation-seats').reasons).toEqual([
      { code: 'vehicles-without-isolation-seat', params: { count: 1, labels: ['桂L·54321'], vehicleIds: [bare.id] } },
    ]);
    expect(lightIn(report, 'protection')).toBe('red');
  });
});

describe('derived items', () => {
  it('cannot be ticked by hand: a stored tick under a derived key changes nothing', () => {
    const input = makeGateInput({ batch: makeBatch({ organizer: '' }) });
    const report = evaluateGate({
      ...input,
      ticks: [
        ...input.ticks,
        { item: 'organization.organizer-named', tickedBy: '王科长', tickedAt: input.departureAt, note: '' },
      ],
    });
    expect(itemIn(report, 'organization.organizer-named')).toMatchObject({ state: 'unmet', tick: null });
  });
});
