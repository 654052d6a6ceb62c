import { describe, expect, it } from 'vitest';

import {
  assemblyLead,
  checkRoute,
  earliestPickupLead,
  LONGEST_ASSEMBLY_LEAD_MINUTES,
  normalizeRouteInput,
} from '@shared/domain/route-rules';
import { makeLeg, makeRouteInput } from '@tests/fixtures/batches';

const at = (hours: number, minutes = 0): number => hours * 60 + minutes;

describe('assemblyLead: people told a clock time assemble less than a day before the first departure', () => {
  it('an assembly earlier on the day of the departure leads by the minutes between them', () => {
    expect(assemblyLead(at(6, 30), at(5, 0))).toMatchObject({ minutesBeforeDeparture: 90, inWindow: true });
  });

  it('an assembly at the departure time itself leads by nothing', () => {
    expect(assemblyLead(at(6, 30), at(6, 30))).toMatchObject({ minutesBeforeDeparture: 0, inWindow: true });
  });

  it('an assembly later in the day than a morning departure is the evening before', () => {
    expect(assemblyLead(at(1, 0), at(22, 0))).toMatchObject({ minutesBeforeDeparture: 180, inWindow: true });
  });

  it('reckons from the clock time of a first departure on a later day', () => {
    // 06:10 on the day after the batch date; assembly at 05:10 that morning.
    expect(assemblyLead(1440 + at(6, 10), at(5, 10))).toMatchObject({ minutesBeforeDeparture: 60, inWindow: true });
  });

  it('twelve hours ahead is the longest lead allowed', () => {
    expect(assemblyLead(at(20, 0), at(8, 0))).toMatchObject({
      minutesBeforeDeparture: LONGEST_ASSEMBLY_LEAD_MINUTES,
      inWindow: true,
    });
  });

  it('one minute more than twelve hours ahead is out of the window', () => {
    expect(assemblyLead(at(20, 0), at(7, 59))).toMatchObject({ minutesBeforeDeparture: 721, inWindow: false });
  });

  it('an assembly a minute after the departure is read as the day before, and refused', () => {
    expect(assemblyLead(at(6, 30), at(6, 31))).toMatchObject({ minutesBeforeDeparture: 1439, inWindow: false });
  });
});

describe('a pickup along the route: a coach collecting in a second county after it left the first', () => {
  it('06:10 on a coach that left at 05:30 and takes 3 hours is a stop 40 minutes into the first leg', () => {
    expect(assemblyLead(at(5, 30), at(6, 10), 180)).toEqual({
      minutesBeforeDeparture: -40,
      inWindow: true,
      alongRoute: true,
    });
  });

  it('a time before the departure still reads as an assembly before it', () => {
    expect(assemblyLead(at(5, 30), at(4, 30), 180)).toEqual({
      minutesBeforeDeparture: 60,
      inWindow: true,
      alongRoute: false,
    });
  });

  it('a time after the first leg has arrived is no stop along it, and is refused', () => {
    expect(assemblyLead(at(5, 30), at(9, 0), 180)).toMatchObject({ inWindow: false, alongRoute: false });
  });

  it('the route accepts the stop, lists it after the pickups before the departure, and refuses one past the first leg', () => {
    const legs = [makeLeg({ departureMinutes: at(5, 30), durationMinutes: 180 })];
    const stop = { id: 'p2', county: '田阳区', place: '田阳区汽车站', minutesBeforeDeparture: -40 };
    const start = { id: 'p1', county: '田东县', place: '田东县人民广场', minutesBeforeDeparture: 60 };
    const input = makeRouteInput({ legs, pickupPoints: [stop, start] });
    expect(checkRoute(input, [])).toEqual([]);
    expect(normalizeRouteInput(input).pickupPoints.map((point) => point.county)).toEqual(['田东县', '田阳区']);
    expect(earliestPickupLead(legs)).toBe(-179);

    const tooLate = makeRouteInput({ legs, pickupPoints: [{ ...stop, minutesBeforeDeparture: -180 }] });
    expect(checkRoute(tooLate, [])).toEqual([
      { field: 'pickupPoints.0.minutesBeforeDeparture', code: 'pickup-lead-invalid' },
    ]);
  });
});
