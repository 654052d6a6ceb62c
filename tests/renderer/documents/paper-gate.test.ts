import { describe, expect, it } from 'vitest';
import type { GateReport } from '@shared/gate';
import { CHECKLIST_ITEMS } from '@shared/gate';
import type { Language } from '@shared/domain/records';
import { createI18n } from '@renderer/i18n';
import { paperGate } from '@renderer/features/documents/paper-gate';

const REPORT: GateReport = {
  unifications: [
    {
      unification: 'organization',
      light: 'red',
      items: [
        { key: 'organization.organizer-named', kind: 'derived', state: 'met', reasons: [], tick: null },
        {
          key: 'organization.passengers-listed',
          kind: 'derived',
          state: 'unmet',
          reasons: [{ code: 'no-passengers', params: {} }],
          tick: null,
        },
      ],
    },
    {
      unification: 'medical',
      light: 'amber',
      items: [
        {
          key: 'medical.health-checks-passed',
          kind: 'derived',
          state: 'unmet',
          reasons: [{ code: 'health-checks-missing', params: { count: 12, names: ['黄丽华', '韦志强'] } }],
          tick: { by: '王调度', at: '2026-02-16T09:00:00.000+08:00', note: '' },
        },
      ],
    },
  ],
  unmet: ['organization.passengers-listed', 'medical.health-checks-passed'],
};

function worded(language: Language) {
  const t = createI18n(language).getFixedT(language);
  return paperGate(REPORT, { t, language, batch: { legs: [] }, route: null });
}

describe('the gate as the cover sheet prints it', () => {
  it('words the unifications, items and reasons in Chinese as the gate panel does', () => {
    const [organization, medical] = worded('zh-CN');
    expect(organization).toMatchObject({ unification: 'organization', label: '统一组织', light: 'red' });
    expect(organization?.items.map((item) => [item.label, item.state, item.reasons])).toEqual([
      [CHECKLIST_ITEMS.find((row) => row.key === 'organization.organizer-named')?.label['zh-CN'], 'met', []],
      [
        CHECKLIST_ITEMS.find((row) => row.key === 'organization.passengers-listed')?.label['zh-CN'],
        'unmet',
        ['这个批次还没有乘客'],
      ],
    ]);
    expect(medical?.items[0]?.reasons).toEqual(['没有体检记录的有 12 人：黄丽华、韦志强 等 12 人']);
    expect(medical?.items[0]?.tick).toEqual({ by: '王调度', at: '2026-02-16T09:00:00.000+08:00', note: '' });
  });

  it('words them in English when the print language is English', () => {
    const [organization, medical] = worded('en');
    expect(organization?.label).toBe('Unified organization');
    expect(organization?.items[1]?.reasons).toEqual(['This batch has no passengers yet']);
    expect(medical?.items[0]?.reasons).toEqual(['Without a health check (12): 黄丽华, 韦志强 and 10 more']);
  });
});
