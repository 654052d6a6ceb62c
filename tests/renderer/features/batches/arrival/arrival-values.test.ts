/**
 * The arrival and handover forms' values (issue 17, item 1): Beijing wall-clock time whatever the
 * PC's zone, the timetable's suggestion, and the passengers' lines a handover form starts with.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceProblem,
  exceptionsOf,
  initialChoices,
  instantOf,
  suggestedArrival,
  wallTimeOf,
  wallTimeProblems,
} from '@renderer/features/batches/arrival/arrival-values';

describe('times typed in Beijing time', () => {
  it('turn a Beijing date and HH:mm into the instant, and back', () => {
    const at = instantOf({ date: '2026-02-18', time: '07:05' });
    expect(at).toBe('2026-02-17T23:05:00.000Z');
    expect(wallTimeOf(at ?? '')).toEqual({ date: '2026-02-18', time: '07:05' });
    // 00:30 in Beijing is the previous day in UTC, and still that date in the form.
    expect(wallTimeOf('2026-02-17T16:30:00.000Z')).toEqual({ date: '2026-02-18', time: '00:30' });
  });

  it('are refused when the date or the time is missing or not real', () => {
    expect(instantOf({ date: '', time: '08:00' })).toBeNull();
    expect(instantOf({ date: '2026-02-30', time: '08:00' })).toBeNull();
    expect(instantOf({ date: '2026-02-18', time: '24:00' })).toBeNull();
    expect(wallTimeProblems({ date: '', time: '' })).toEqual({ date: 'problems.required', time: 'problems.required' });
    expect(wallTimeProblems({ date: '2026-02-18', time: '8点' })).toEqual({ time: 'arrival.timeInvalid' });
    expect(wallTimeProblems({ date: '2026-02-18', time: '8:30' })).toEqual({});
  });

  it('suggest the timetabled arrival once it is past, and only today otherwise', () => {
    const planned = '2026-02-18T09:30:00.000+08:00';
    expect(suggestedArrival(planned, '2026-02-18T03:00:00.000Z')).toEqual({ date: '2026-02-18', time: '09:30' });
    expect(suggestedArrival(planned, '2026-02-18T00:00:00.000Z')).toEqual({ date: '2026-02-18', time: '' });
  });
});

describe('the lines of a handover form', () => {
  const passengers = [
    { workerId: 'w1', boarding: 'boarded' as const },
    { workerId: 'w2', boarding: 'absent' as const },
    { workerId: 'w3', boarding: 'pending' as const },
  ];

  it('tick everyone on a first handover but those absent at boarding, who did not board', () => {
    expect(initialChoices(passengers, null)).toEqual({
      w1: { handed: true, reason: '', note: '' },
      w2: { handed: false, reason: 'did-not-board', note: '' },
      w3: { handed: true, reason: '', note: '' },
    });
  });

  it('start from what was recorded when recorded again', () => {
    const recorded = { exceptions: [{ workerId: 'w3', reason: 'left-on-way' as const, note: '长沙站下车' }] };
    expect(initialChoices(passengers, recorded)).toEqual({
      w1: { handed: true, reason: '', note: '' },
      // Recorded as handed over although absent at boarding: the record wins.
      w2: { handed: true, reason: '', note: '' },
      w3: { handed: false, reason: 'left-on-way', note: '长沙站下车' },
    });
  });

  it('need a reason for each unticked line, and a note for other', () => {
    expect(choiceProblem({ handed: true, reason: '', note: '' })).toBeNull();
    expect(choiceProblem({ handed: false, reason: '', note: '' })).toBe('arrival.handover.reasonRequired');
    expect(choiceProblem({ handed: false, reason: 'other', note: ' ' })).toBe('problems.exception-note-required');
    expect(choiceProblem({ handed: false, reason: 'refused', note: '' })).toBeNull();
  });

  it('become the exceptions, in the passengers order, notes trimmed', () => {
    expect(
      exceptionsOf(passengers, {
        w1: { handed: true, reason: '', note: '' },
        w2: { handed: false, reason: 'other', note: ' 家中有事 ' },
        w3: { handed: false, reason: 'refused', note: '' },
      }),
    ).toEqual([
      { workerId: 'w2', reason: 'other', note: '家中有事' },
      { workerId: 'w3', reason: 'refused', note: '' },
    ]);
  });
});
