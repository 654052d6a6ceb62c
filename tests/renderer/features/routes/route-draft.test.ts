import { describe, expect, it } from 'vitest';

import type { Leg, PickupPoint, Route } from '@shared/domain/records';
import { normalizeRouteInput } from '@shared/domain/route-rules';
import { createI18n } from '@renderer/i18n';
import {
  draftMessages,
  draftOf,
  emptyDraft,
  newLeg,
  newPickup,
  readDraft,
  type LegDraft,
  type RouteDraft,
} from '@renderer/features/routes/route-draft';
import { makeRoute } from '@tests/fixtures/planning';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

/** A leg as the form holds it, filled in; `overrides` change what a test is about. */
function legDraft(overrides: Partial<LegDraft> = {}): LegDraft {
  return {
    ...newLeg(undefined),
    from: '田东县',
    to: '百色站',
    departureTime: '07:00',
    arrivalTime: '09:00',
    distanceKm: 80,
    ...overrides,
  };
}

function draft(overrides: Partial<RouteDraft> = {}): RouteDraft {
  return { name: '百色—广州', legs: [legDraft()], pickupPoints: [], ...overrides };
}

/** `route` with its legs and pickup points changed, each by the change at its index. */
function changed(route: Route, legs: Partial<Leg>[], points: Partial<PickupPoint>[] = []): Route {
  return {
    ...route,
    legs: route.legs.map((leg, index) => ({ ...leg, ...legs[index] })),
    pickupPoints: route.pickupPoints.map((point, index) => ({ ...point, ...points[index] })),
  };
}

const pickup = (assemblyTime: string) => ({ id: 'p1', county: '田东县', place: '人民广场', assemblyTime });

describe('a stored route shown in the form and read back', () => {
  it('comes back as the same route, with times over several days and the pickup leads', () => {
    const stored = changed(
      makeRoute(),
      [
        { stops: ['那坡镇', '平马镇'] },
        { departureMinutes: 23 * 60, durationMinutes: 8 * 60 + 15 },
        { departureMinutes: 1440 + 8 * 60, durationMinutes: 90 },
      ],
      [{}, { minutesBeforeDeparture: 7 * 60 }],
    );
    for (const t of [zh, en]) {
      const { input, problems } = readDraft(draftOf(stored, t));
      expect(problems).toEqual([]);
      expect(input).toEqual({ name: stored.name, legs: stored.legs, pickupPoints: stored.pickupPoints });
    }
  });

  it('shows each time as the clock time and the day it falls on', () => {
    const stored = changed(
      makeRoute({ modes: ['train'] }),
      [{ departureMinutes: 22 * 60 + 30, durationMinutes: 8 * 60 }],
      [{ minutesBeforeDeparture: 90 }],
    );
    const shown = draftOf(stored, zh);
    expect(shown.legs[0]).toMatchObject({
      departureTime: '22:30',
      departureDay: '0',
      arrivalTime: '06:30',
      arrivalDay: '1',
    });
    expect(shown.pickupPoints[0]?.assemblyTime).toBe('21:00');
  });

  it('writes the stops in the language’s own list and reads either separator back', () => {
    const stored = changed(makeRoute({ modes: ['coach'] }), [{ stops: ['那坡镇', '平马镇'] }]);
    expect(draftOf(stored, zh).legs[0]?.stops).toBe('那坡镇、平马镇');
    expect(draftOf(stored, en).legs[0]?.stops).toBe('那坡镇, 平马镇');
    const typed = draft({ legs: [legDraft({ stops: ' 那坡镇，平马镇;; 田州镇 ' })] });
    expect(readDraft(typed).input.legs[0]?.stops).toEqual(['那坡镇', '平马镇', '田州镇']);
  });
});

describe('a new leg', () => {
  it('starts where the leg before ended, on the day it arrived, in the other mode', () => {
    const next = newLeg(legDraft({ mode: 'coach', to: '百色站', arrivalDay: '1' }));
    expect(next).toMatchObject({ mode: 'train', from: '百色站', to: '', departureDay: '1', arrivalDay: '1' });
  });

  it('of a new route is the only one, a coach leaving on the batch date', () => {
    const fresh = emptyDraft();
    expect(fresh.legs).toHaveLength(1);
    expect(fresh.legs[0]).toMatchObject({ mode: 'coach', from: '', departureDay: '0' });
    expect(fresh.pickupPoints).toEqual([]);
  });
});

describe('the problems only the form can see', () => {
  it('a time that is not a clock time, and one left empty', () => {
    const { problems } = readDraft(draft({ legs: [legDraft({ departureTime: '7点', arrivalTime: '' })] }));
    expect(problems).toEqual([
      { field: 'legs.0.departureTime', key: 'routes.problems.time-format' },
      { field: 'legs.0.arrivalTime', key: 'problems.required' },
    ]);
  });

  it('an arrival not after its departure, until its day is set to the next one', () => {
    const sameDay = legDraft({ departureTime: '22:00', arrivalTime: '06:00' });
    expect(readDraft(draft({ legs: [sameDay] })).problems).toEqual([
      { field: 'legs.0.arrivalTime', key: 'routes.problems.arrival-not-after-departure' },
    ]);
    const nextDay = readDraft(draft({ legs: [{ ...sameDay, arrivalDay: '1' }] }));
    expect(nextDay.problems).toEqual([]);
    expect(nextDay.durations).toEqual([8 * 60]);
  });

  it('an assembly time before the first departure has one', () => {
    const { problems, input } = readDraft(
      draft({ legs: [legDraft({ departureTime: '' })], pickupPoints: [pickup('06:00')] }),
    );
    expect(problems).toContainEqual({
      field: 'pickupPoints.0.assemblyTime',
      key: 'routes.problems.assembly-needs-departure',
    });
    expect(input.pickupPoints[0]?.minutesBeforeDeparture).toBeNaN();
  });

  it('an assembly more than twelve hours ahead, named with the departure it is reckoned from', () => {
    const { problems } = readDraft(draft({ pickupPoints: [pickup('18:00')] }));
    expect(problems).toEqual([
      {
        field: 'pickupPoints.0.assemblyTime',
        key: 'routes.problems.assembly-out-of-window',
        params: { departure: '07:00', arrival: '09:00' },
      },
    ]);
  });

  it('an assembly the evening before a morning departure is within the window', () => {
    const { problems, input } = readDraft(draft({ pickupPoints: [pickup('22:00')] }));
    expect(problems).toEqual([]);
    expect(input.pickupPoints[0]?.minutesBeforeDeparture).toBe(9 * 60);
  });
});

describe('assembly times reckoned from the first departure', () => {
  const coach = (departureTime: string, arrivalTime: string) => legDraft({ departureTime, arrivalTime });

  it('a new pickup point comes with its time filled in, an hour before the first departure', () => {
    expect(newPickup(draft({ legs: [coach('05:30', '08:30')] })).assemblyTime).toBe('04:30');
    // Before the first departure is typed there is nothing to reckon from yet.
    expect(newPickup(draft({ legs: [coach('', '')] })).assemblyTime).toBe('');
  });

  it('a time left blank is not refused: it stands for an hour before the first departure', () => {
    const { problems, input } = readDraft(draft({ pickupPoints: [pickup('')] }));
    expect(problems).toEqual([]);
    expect(input.pickupPoints[0]?.minutesBeforeDeparture).toBe(60);
    expect(draftMessages(draft({ pickupPoints: [pickup('')] }), zh)).toEqual({});
  });

  it('a coach that left at 05:30 collects a second county at 06:10: a pickup along the route, after the first', () => {
    const route = draft({
      legs: [coach('05:30', '08:30')],
      pickupPoints: [
        { id: 'p2', county: '田阳区', place: '田阳区汽车站', assemblyTime: '06:10' },
        { id: 'p1', county: '田东县', place: '人民广场', assemblyTime: '05:00' },
      ],
    });
    const { problems, input } = readDraft(route);
    expect(problems).toEqual([]);
    expect(input.pickupPoints.map((point) => point.minutesBeforeDeparture)).toEqual([-40, 30]);
    expect(draftMessages(route, zh)).toEqual({});
    expect(normalizeRouteInput(input).pickupPoints.map((point) => point.county)).toEqual(['田东县', '田阳区']);
  });

  it('a pickup after the first leg has arrived is refused, naming the departure and the arrival', () => {
    const { problems } = readDraft(draft({ legs: [coach('05:30', '08:30')], pickupPoints: [pickup('09:00')] }));
    expect(problems).toEqual([
      {
        field: 'pickupPoints.0.assemblyTime',
        key: 'routes.problems.assembly-out-of-window',
        params: { departure: '05:30', arrival: '08:30' },
      },
    ]);
  });

  it('a stored stop along the route shows again as its clock time', () => {
    const route = makeRoute();
    const first = route.legs[0];
    if (!first) throw new Error('the fixture route has no leg');
    const stored = {
      ...route,
      pickupPoints: [{ id: 'p1', county: '田阳区', place: '汽车站', minutesBeforeDeparture: -40 }],
    };
    const shown = draftOf(stored, zh);
    expect(readDraft(shown).input.pickupPoints[0]?.minutesBeforeDeparture).toBe(-40);
  });
});

describe('the messages the form shows', () => {
  it('put the domain’s problems on the fields the form shows, in either language', () => {
    const late = draft({
      legs: [legDraft(), legDraft({ from: '百色站', to: '广州南站', departureTime: '08:00', arrivalTime: '14:00' })],
    });
    expect(draftMessages(late, zh)).toEqual({ 'legs.1.departureTime': '第 2 段在第 1 段到达之前就出发了' });
    expect(draftMessages(late, en)).toEqual({ 'legs.1.departureTime': 'Leg 2 leaves before leg 1 arrives' });
  });

  it('let the form’s own message win over the domain’s on the same field', () => {
    const messages = draftMessages(draft({ name: '', legs: [legDraft({ departureTime: '25:00' })] }), en);
    expect(messages['name']).toBe('Required');
    expect(messages['legs.0.departureTime']).toBe('Write the time as hours:minutes, such as 08:30');
  });
});
