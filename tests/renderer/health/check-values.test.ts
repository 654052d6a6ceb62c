import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '@shared/domain/problems';
import { addMinutesToTimestamp, beijingClockTime } from '@shared/dates';
import {
  checkTimeOf,
  findingsOf,
  judgementOf,
  placeProblems,
  valuesFrom,
  type CheckValues,
} from '@renderer/features/health/check-values';
import { makeHealthCheck } from '../../fixtures/batches';

const POLICY = { feverThresholdC: 37.3, recheckIntervalMinutes: 15 };
const FIRST_AT = '2026-02-17T00:00:00.000Z';

function typed(overrides: Partial<CheckValues> = {}): CheckValues {
  return { ...valuesFrom(null, '覃医生', false), ...overrides };
}

/** A check waiting for its recheck: a fever at the first reading. */
function waitingForRecheck() {
  return makeHealthCheck({
    temperatureC: 37.8,
    checkedAt: FIRST_AT,
    result: 'recheck',
    symptoms: ['cough'],
    healthCode: 'yellow',
    contactWithConfirmedCase: true,
    examiner: '前一位检查员',
    note: '第一次',
    readings: [{ temperatureC: 37.8, at: FIRST_AT }],
  });
}

describe('what the check form starts from', () => {
  it('is an empty check with the station’s examiner for a first reading', () => {
    expect(valuesFrom(null, '覃医生', false)).toEqual({
      temperature: '',
      time: '',
      symptoms: [],
      healthCode: 'green',
      contact: 'no',
      examiner: '覃医生',
      note: '',
      reason: '',
    });
  });

  it('is what the first reading found, with a new temperature and the station’s examiner, for a recheck', () => {
    const values = valuesFrom(waitingForRecheck(), '覃医生', false);
    expect(values).toMatchObject({ temperature: '', symptoms: ['cough'], healthCode: 'yellow', contact: 'yes' });
    expect(values).toMatchObject({ examiner: '覃医生', note: '' });
  });

  it('is the whole corrected check, its temperature, examiner and note included, for a correction', () => {
    const values = valuesFrom(waitingForRecheck(), '覃医生', true);
    expect(values).toMatchObject({ temperature: '37.8', examiner: '前一位检查员', note: '第一次', reason: '' });
  });
});

describe('the time a new check carries', () => {
  it('is now while no time is typed', () => {
    expect(checkTimeOf('  ', FIRST_AT)).toBe(FIRST_AT);
  });

  it('is the typed clock time today', () => {
    const at = checkTimeOf('08:30', FIRST_AT);
    expect(at).not.toBeNull();
    expect(beijingClockTime(at ?? '')).toBe('08:30');
  });

  it('is none for a text that is no clock time', () => {
    expect(checkTimeOf('8点半', FIRST_AT)).toBeNull();
    expect(checkTimeOf('25:00', FIRST_AT)).toBeNull();
  });
});

describe('the findings the verdict reads', () => {
  it('are none while the temperature is no temperature', () => {
    expect(findingsOf(typed({ temperature: '' }))).toBeNull();
    expect(findingsOf(typed({ temperature: '365' }))).toBeNull();
  });

  it('carry the temperature as a number and the contact as a yes or no', () => {
    expect(findingsOf(typed({ temperature: '36.5', contact: 'yes', symptoms: ['fatigue'] }))).toEqual({
      temperatureC: 36.5,
      symptoms: ['fatigue'],
      healthCode: 'green',
      contactWithConfirmedCase: true,
    });
  });
});

describe('the verdict shown while the check is typed', () => {
  it('is none until a temperature and a time can be read', () => {
    expect(judgementOf(typed(), { kind: 'new' }, null, FIRST_AT, POLICY)).toBeNull();
    expect(
      judgementOf(typed({ temperature: '36.5', time: '8点' }), { kind: 'new' }, null, FIRST_AT, POLICY),
    ).toBeNull();
  });

  it('asks for a recheck at a first fever reading', () => {
    const judgement = judgementOf(typed({ temperature: '37.6' }), { kind: 'new' }, null, FIRST_AT, POLICY);
    expect(judgement?.verdict).toBe('recheck');
  });

  it('judges a recheck as its second reading: too early before the interval, a pass after it', () => {
    const pending = waitingForRecheck();
    const values = typed({ temperature: '36.5' });
    const early = judgementOf(values, { kind: 'new' }, pending, addMinutesToTimestamp(FIRST_AT, 5), POLICY);
    expect(early).toMatchObject({ verdict: 'recheck', tooEarly: true });
    const later = judgementOf(values, { kind: 'new' }, pending, addMinutesToTimestamp(FIRST_AT, 20), POLICY);
    expect(later).toMatchObject({ verdict: 'pass', tooEarly: false });
  });

  it('judges a correction at the corrected check’s own time and first reading, whatever the clock says', () => {
    const corrected = makeHealthCheck({
      temperatureC: 36.6,
      checkedAt: addMinutesToTimestamp(FIRST_AT, 20),
      readings: [
        { temperatureC: 37.8, at: FIRST_AT },
        { temperatureC: 36.6, at: addMinutesToTimestamp(FIRST_AT, 20) },
      ],
    });
    const mode = { kind: 'correct', check: corrected } as const;
    const values = typed({ temperature: '36.5', time: 'not a time' });
    expect(judgementOf(values, mode, null, FIRST_AT, POLICY)).toMatchObject({ verdict: 'pass', tooEarly: false });
  });
});

describe('a refused save laid out on the form', () => {
  const describeProblem = (problem: FieldProblem) => `${problem.field}:${problem.code}`;

  it('shows each problem beside its field, the first of a field only', () => {
    const placed = placeProblems(
      [
        { field: 'temperatureC', code: 'temperature-range' },
        { field: 'temperatureC', code: 'required' },
        { field: 'examiner', code: 'required' },
      ],
      { kind: 'new' },
      describeProblem,
    );
    expect(placed).toEqual({
      fields: { temperature: 'temperatureC:temperature-range', examiner: 'examiner:required' },
      others: [],
    });
  });

  it('says the problems no field shows for the form as a whole, the time of a correction among them', () => {
    const problems: FieldProblem[] = [
      { field: 'checkedAt', code: 'recheck-too-early' },
      { field: 'batchId', code: 'batch-departed' },
    ];
    expect(placeProblems(problems, { kind: 'new' }, describeProblem)).toEqual({
      fields: { time: 'checkedAt:recheck-too-early' },
      others: ['batchId:batch-departed'],
    });
    const correction = { kind: 'correct', check: makeHealthCheck() } as const;
    expect(placeProblems(problems, correction, describeProblem)).toEqual({
      fields: {},
      others: ['checkedAt:recheck-too-early', 'batchId:batch-departed'],
    });
  });
});
