import { describe, expect, it } from 'vitest';
import { HEALTH_CODE_COLOURS, HEALTH_PROBLEM_CODES, SYMPTOMS, VERDICT_REASON_CODES } from '@shared/health';
import { createI18n } from '@renderer/i18n';
import { en } from '@renderer/i18n/en';
import { zhCN } from '@renderer/i18n/zh-CN';
import { healthProblemMessage, verdictReasonMessage } from '@renderer/features/health/station-text';

describe('the health-check station messages', () => {
  it('have a Chinese and an English text for every problem a save can report', () => {
    for (const code of HEALTH_PROBLEM_CODES) {
      expect(zhCN.health.problems, code).toHaveProperty([code]);
      expect(en.health.problems, code).toHaveProperty([code]);
    }
  });

  it('have both texts for every verdict reason, symptom, health-code colour and state', () => {
    for (const code of VERDICT_REASON_CODES) {
      expect(zhCN.health.reasons, code).toHaveProperty([code]);
      expect(en.health.reasons, code).toHaveProperty([code]);
    }
    for (const symptom of SYMPTOMS) {
      expect(zhCN.health.symptoms, symptom).toHaveProperty([symptom]);
      expect(en.health.symptoms, symptom).toHaveProperty([symptom]);
    }
    for (const colour of HEALTH_CODE_COLOURS) {
      expect(zhCN.health.healthCode, colour).toHaveProperty([colour]);
      expect(en.health.healthCode, colour).toHaveProperty([colour]);
    }
  });

  it('say why 365 is refused, in both languages, without guessing', () => {
    const problem = { field: 'temperatureC', code: 'temperature-decimal-missing', params: { typed: '365' } };
    expect(healthProblemMessage(problem, createI18n('zh-CN').t, 'zh-CN')).toBe(
      '“365”没有小数点，无法判断是多少度：请写成 36.5 这样带小数点的数',
    );
    expect(healthProblemMessage(problem, createI18n('en').t, 'en')).toContain('"365" has no decimal point');
  });

  it('fall back to the common problems for codes the station shares with other screens', () => {
    expect(healthProblemMessage({ field: 'examiner', code: 'required' }, createI18n('zh-CN').t, 'zh-CN')).toBe('必填');
  });

  it('name the symptoms and the time of the recheck', () => {
    const symptoms = { code: 'symptoms' as const, params: { symptoms: 'cough,sore-throat' } };
    expect(verdictReasonMessage(symptoms, createI18n('zh-CN').t, 'zh-CN')).toBe('有症状：咳嗽、咽痛');
    expect(verdictReasonMessage(symptoms, createI18n('en').t, 'en')).toBe('Symptoms: Cough, Sore throat');
    const recheck = {
      code: 'fever-first-reading' as const,
      params: { thresholdC: '37.3', from: '2026-02-17T08:15:00.000+08:00' },
    };
    expect(verdictReasonMessage(recheck, createI18n('zh-CN').t, 'zh-CN')).toBe('体温达到 37.3 °C：请于 08:15 后复测');
  });
});
