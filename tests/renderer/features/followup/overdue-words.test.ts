import { describe, expect, it } from 'vitest';
import { createI18n } from '@renderer/i18n';

describe('days overdue, as the workspace says them', () => {
  it('are one day or several in English, and 天 in Chinese', () => {
    const en = createI18n('en');
    expect(en.t('followup.desk.overdueDays', { count: 1 })).toBe('1 day overdue');
    expect(en.t('followup.desk.overdueDays', { count: 12 })).toBe('12 days overdue');
    expect(createI18n('zh-CN').t('followup.desk.overdueDays', { count: 12 })).toBe('逾期 12 天');
  });
});
