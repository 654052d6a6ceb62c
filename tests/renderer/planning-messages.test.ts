import { describe, expect, it } from 'vitest';
import { PLANNING_PROBLEM_CODES } from '@shared/planning';
import { createI18n } from '@renderer/i18n';
import { en } from '@renderer/i18n/en';
import { zhCN } from '@renderer/i18n/zh-CN';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();

/** The params each code is reported with (batch-planning.ts), which its texts may use. */
const PARAMS: Readonly<Record<(typeof PLANNING_PROBLEM_CODES)[number], readonly string[]>> = {
  'planning-date-order': [],
  'planning-no-capacity': ['seats'],
  'planning-count-invalid': [],
  'planning-route-changed': ['name'],
  'planning-passengers-taken': ['count', 'names'],
};

describe('the batch planning messages', () => {
  it('have a Chinese and an English text for every problem a plan can report', () => {
    for (const code of PLANNING_PROBLEM_CODES) {
      expect(zhCN.planning.problems, code).toHaveProperty([code]);
      expect(en.planning.problems, code).toHaveProperty([code]);
    }
    expect(Object.keys(en.planning.problems).sort()).toEqual([...PLANNING_PROBLEM_CODES].sort());
  });

  it('use in both languages the params the problem comes with, and no others', () => {
    for (const code of PLANNING_PROBLEM_CODES) {
      expect(placeholders(zhCN.planning.problems[code]), `zh-CN ${code}`).toEqual([...PARAMS[code]].sort());
      expect(placeholders(en.planning.problems[code]), `en ${code}`).toEqual([...PARAMS[code]].sort());
    }
  });

  it('fill them in both languages', () => {
    const params = { count: 2, names: '韦秀英、黄海燕' };
    expect(createI18n('zh-CN').t('planning.problems.planning-passengers-taken', params)).toBe(
      '有 2 人在生成方案后已编入其他批次或已删除：韦秀英、黄海燕。请重新生成方案',
    );
    expect(createI18n('en').t('planning.problems.planning-no-capacity', { seats: 5 })).toBe(
      'At the load factor a vehicle of 5 seats takes no passengers',
    );
  });

  it('find the common texts for the codes a plan shares with other screens', () => {
    // batch-planning.ts reports these too; the page words them from `problems`.
    for (const code of ['required', 'date-invalid', 'route-missing', 'seat-count-range'] as const) {
      expect(zhCN.problems, code).toHaveProperty([code]);
      expect(en.problems, code).toHaveProperty([code]);
    }
  });
});
