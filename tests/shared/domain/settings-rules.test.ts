import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import { checkSettings } from '@shared/domain/settings-rules';

describe('the office’s county code in Settings', () => {
  it('is empty until set, or six digits', () => {
    const codes = ['', '522601', '52260', '5226011', '022601', '52260a'];
    const refused = codes.filter((countyCode) =>
      checkSettings({ ...DEFAULT_SETTINGS, countyCode }).some((problem) => problem.field === 'countyCode'),
    );
    expect(refused).toEqual(['52260', '5226011', '022601', '52260a']);
  });
});
