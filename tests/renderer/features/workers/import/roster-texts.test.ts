import { describe, expect, it } from 'vitest';

import type { WorkerProblem } from '@shared/domain/worker-rules';
import { createI18n } from '@renderer/i18n';
import { changeText, problemText } from '@renderer/features/workers/import/roster-texts';

const MISSING: WorkerProblem[] = [
  { field: 'name', code: 'required', severity: 'error' },
  { field: 'residentId', code: 'required', severity: 'error' },
  { field: 'phone', code: 'phone-length', severity: 'error' },
];

describe('the reason of a row not imported', () => {
  it('names the field of each problem, with the punctuation of the language', () => {
    expect(problemText({ problems: MISSING }, createI18n('zh-CN').t)).toBe(
      '姓名：必填；身份证号：必填；手机号应为 11 位',
    );
    expect(problemText({ problems: MISSING }, createI18n('en').t)).toBe(
      'Name: Required; Resident ID: Required; A mobile number has 11 digits',
    );
  });

  it('does not name the field twice when the message names it already', () => {
    const problems: WorkerProblem[] = [{ field: 'residentId', code: 'resident-id-check-digit', severity: 'error' }];
    expect(problemText({ problems }, createI18n('zh-CN').t)).toBe('身份证号校验位不对，请核对是否输错');
    expect(problemText({ problems }, createI18n('en').t)).toBe(
      'Resident ID: The check character of the ID is wrong: check for a typing error',
    );
  });
});

describe('a change the check made', () => {
  it('says the field, what was typed and what is stored', () => {
    const change = { field: 'residentId', from: '452601800101123', to: '45260119800101123X' } as const;
    expect(changeText(change, createI18n('zh-CN').t)).toBe('身份证号：452601800101123 → 45260119800101123X');
    expect(changeText(change, createI18n('en').t)).toBe('Resident ID: 452601800101123 → 45260119800101123X');
  });
});
