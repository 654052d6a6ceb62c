import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { judgeCheck, type CheckFindings } from '@shared/health';

const POLICY = { feverThresholdC: DEFAULT_SETTINGS.feverThresholdC, recheckIntervalMinutes: 15 };
const AT = '2026-02-17T08:00:00.000+08:00';

function findings(overrides: Partial<CheckFindings> = {}): CheckFindings {
  return { temperatureC: 36.5, symptoms: [], healthCode: 'green', contactWithConfirmedCase: false, ...overrides };
}

const codes = (judgement: { reasons: { code: string }[] }) => judgement.reasons.map((reason) => reason.code);

describe('the verdict of a first reading', () => {
  it('passes a green code, no symptom, no contact and a temperature under the threshold', () => {
    expect(judgeCheck(findings(), AT, null, POLICY)).toEqual({
      verdict: 'pass',
      reasons: [],
      recheckFrom: null,
      tooEarly: false,
    });
    expect(judgeCheck(findings({ temperatureC: 37.2 }), AT, null, POLICY).verdict).toBe('pass');
  });

  it('asks for a recheck exactly at the threshold, 37.3, and says from when', () => {
    const judgement = judgeCheck(findings({ temperatureC: 37.3 }), AT, null, POLICY);
    expect(judgement.verdict).toBe('recheck');
    expect(judgement.recheckFrom).toBe('2026-02-17T00:15:00.000Z');
    expect(judgement.reasons).toEqual([
      { code: 'fever-first-reading', params: { thresholdC: '37.3', from: '2026-02-17T00:15:00.000Z' } },
    ]);
  });

  it('reads the threshold and the interval from the settings', () => {
    const policy = { feverThresholdC: 37.5, recheckIntervalMinutes: 30 };
    expect(judgeCheck(findings({ temperatureC: 37.4 }), AT, null, policy).verdict).toBe('pass');
    const fever = judgeCheck(findings({ temperatureC: 37.5 }), AT, null, policy);
    expect(fever.verdict).toBe('recheck');
    expect(fever.recheckFrom).toBe('2026-02-17T00:30:00.000Z');
  });

  it('fails on any symptom, a yellow or red code, or contact, listing every reason', () => {
    expect(codes(judgeCheck(findings({ symptoms: ['cough'] }), AT, null, POLICY))).toEqual(['symptoms']);
    expect(judgeCheck(findings({ healthCode: 'yellow' }), AT, null, POLICY)).toMatchObject({
      verdict: 'fail',
      reasons: [{ code: 'health-code-yellow' }],
    });
    expect(codes(judgeCheck(findings({ healthCode: 'red' }), AT, null, POLICY))).toEqual(['health-code-red']);
    expect(codes(judgeCheck(findings({ contactWithConfirmedCase: true }), AT, null, POLICY))).toEqual(['contact']);
    const all = judgeCheck(
      findings({ symptoms: ['diarrhoea', 'cough'], healthCode: 'red', contactWithConfirmedCase: true }),
      AT,
      null,
      POLICY,
    );
    expect(all.verdict).toBe('fail');
    expect(all.reasons[0]).toEqual({ code: 'symptoms', params: { symptoms: 'cough,diarrhoea' } });
    expect(codes(all)).toEqual(['symptoms', 'health-code-red', 'contact']);
  });

  it('fails a fever with another reason at once: no recheck can make it pass', () => {
    const judgement = judgeCheck(findings({ temperatureC: 38.2, healthCode: 'yellow' }), AT, null, POLICY);
    expect(judgement).toMatchObject({ verdict: 'fail', recheckFrom: null });
    expect(codes(judgement)).toEqual(['health-code-yellow']);
  });
});

describe('the verdict of a second reading', () => {
  const first = { temperatureC: 37.6, at: AT };

  it('passes when the second reading, 15 minutes or more later, is under the threshold', () => {
    expect(judgeCheck(findings({ temperatureC: 36.9 }), '2026-02-17T08:15:00.000+08:00', first, POLICY).verdict).toBe(
      'pass',
    );
    expect(judgeCheck(findings({ temperatureC: 37.2 }), '2026-02-17T09:40:00.000+08:00', first, POLICY).verdict).toBe(
      'pass',
    );
  });

  it('fails when the second reading is a fever too, at 37.3 exactly', () => {
    const judgement = judgeCheck(findings({ temperatureC: 37.3 }), '2026-02-17T08:20:00.000+08:00', first, POLICY);
    expect(judgement.verdict).toBe('fail');
    expect(judgement.reasons).toEqual([{ code: 'fever-confirmed', params: { thresholdC: '37.3', firstC: '37.6' } }]);
  });

  it('decides nothing one second before the interval has passed', () => {
    const judgement = judgeCheck(findings({ temperatureC: 36.5 }), '2026-02-17T08:14:59.000+08:00', first, POLICY);
    expect(judgement).toEqual({
      verdict: 'recheck',
      reasons: [{ code: 'recheck-too-early', params: { from: '2026-02-17T00:15:00.000Z' } }],
      recheckFrom: '2026-02-17T00:15:00.000Z',
      tooEarly: true,
    });
  });

  it('fails at once, however early, when something other than the temperature fails', () => {
    const judgement = judgeCheck(findings({ symptoms: ['cough'] }), '2026-02-17T08:05:00.000+08:00', first, POLICY);
    expect(judgement).toMatchObject({ verdict: 'fail', tooEarly: false });
  });
});
