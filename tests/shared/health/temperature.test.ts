import { describe, expect, it } from 'vitest';
import { formatTemperature, readTemperature, temperatureProblem } from '@shared/health';

const codeOf = (text: string): string | null => {
  const result = readTemperature(text);
  return result.ok ? null : result.problem.code;
};

describe('reading a typed temperature', () => {
  it('takes degrees with one decimal, as typed by hand or by a Chinese input method', () => {
    expect(readTemperature('36.5')).toEqual({ ok: true, temperatureC: 36.5 });
    expect(readTemperature(' 37 ')).toEqual({ ok: true, temperatureC: 37 });
    expect(readTemperature('３６．８')).toEqual({ ok: true, temperatureC: 36.8 });
    expect(readTemperature('36。6')).toEqual({ ok: true, temperatureC: 36.6 });
    expect(readTemperature('36,5')).toEqual({ ok: true, temperatureC: 36.5 });
    expect(readTemperature('36，5')).toEqual({ ok: true, temperatureC: 36.5 });
    expect(readTemperature('37.3℃')).toEqual({ ok: true, temperatureC: 37.3 });
    expect(readTemperature('37.3 °C')).toEqual({ ok: true, temperatureC: 37.3 });
  });

  it('refuses 365 with a message rather than guessing 36.5', () => {
    const result = readTemperature('365');
    expect(result).toEqual({ ok: false, problem: { code: 'temperature-decimal-missing', params: { typed: '365' } } });
    expect(codeOf('3650')).toBe('temperature-decimal-missing');
  });

  it('refuses more than one decimal, text, and an empty field, each with its own code', () => {
    expect(codeOf('36.55')).toBe('temperature-one-decimal');
    expect(codeOf('abc')).toBe('temperature-not-a-number');
    expect(codeOf('36,5,1')).toBe('temperature-not-a-number');
    expect(codeOf('-36.5')).toBe('temperature-not-a-number');
    expect(codeOf('')).toBe('temperature-required');
    expect(codeOf('  ')).toBe('temperature-required');
  });

  it('accepts 34.0 to 43.0 inclusive and refuses anything outside, naming the range', () => {
    expect(codeOf('34.0')).toBeNull();
    expect(codeOf('43.0')).toBeNull();
    expect(readTemperature('33.9')).toEqual({
      ok: false,
      problem: { code: 'temperature-out-of-range', params: { min: '34.0', max: '43.0' } },
    });
    expect(codeOf('43.1')).toBe('temperature-out-of-range');
    expect(codeOf('20')).toBe('temperature-out-of-range');
  });
});

describe('checking a stored temperature', () => {
  it('refuses what the form would refuse', () => {
    expect(temperatureProblem(36.5)).toBeNull();
    expect(temperatureProblem(36.55)?.code).toBe('temperature-one-decimal');
    expect(temperatureProblem(Number.NaN)?.code).toBe('temperature-not-a-number');
    expect(temperatureProblem(365)?.code).toBe('temperature-out-of-range');
    expect(temperatureProblem(33.9)?.code).toBe('temperature-out-of-range');
  });

  it('writes a temperature with its decimal', () => {
    expect(formatTemperature(37)).toBe('37.0');
    expect(formatTemperature(36.5)).toBe('36.5');
  });
});
