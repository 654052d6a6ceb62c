import { describe, expect, it } from 'vitest';

import { assemblyLead, LONGEST_ASSEMBLY_LEAD_MINUTES } from '@shared/domain/route-rules';

const at = (hours: number, minutes = 0): number => hours * 60 + minutes;

describe('assemblyLead: people told a clock time assemble less than a day before the first departure', () => {
  it('an assembly earlier on the day of the departure leads by the minutes between them', () => {
    expect(assemblyLead(at(6, 30), at(5, 0))).toEqual({ minutesBeforeDeparture: 90, inWindow: true });
  });

  it('an assembly at the departure time itself leads by nothing', () => {
    expect(assemblyLead(at(6, 30), at(6, 30))).toEqual({ minutesBeforeDeparture: 0, inWindow: true });
  });

  it('an assembly later in the day than a morning departure is the evening before', () => {
    expect(assemblyLead(at(1, 0), at(22, 0))).toEqual({ minutesBeforeDeparture: 180, inWindow: true });
  });

  it('reckons from the clock time of a first departure on a later day', () => {
    // 06:10 on the day after the batch date; assembly at 05:10 that morning.
    expect(assemblyLead(1440 + at(6, 10), at(5, 10))).toEqual({ minutesBeforeDeparture: 60, inWindow: true });
  });

  it('twelve hours ahead is the longest lead allowed', () => {
    expect(assemblyLead(at(20, 0), at(8, 0))).toEqual({
      minutesBeforeDeparture: LONGEST_ASSEMBLY_LEAD_MINUTES,
      inWindow: true,
    });
  });

  it('one minute more than twelve hours ahead is out of the window', () => {
    expect(assemblyLead(at(20, 0), at(7, 59))).toEqual({ minutesBeforeDeparture: 721, inWindow: false });
  });

  it('an assembly a minute after the departure is read as the day before, and refused', () => {
    expect(assemblyLead(at(6, 30), at(6, 31))).toEqual({ minutesBeforeDeparture: 1439, inWindow: false });
  });
});
