/**
 * What anonymisation keeps of a follow-up record (issue 17, item 9): the caller's words about the
 * person go, an employer only named by the caller becomes `*`, an enterprise the office knows and
 * every figure stay; applying it twice changes nothing more.
 */
import { describe, expect, it } from 'vitest';
import {
  anonymisedContactFields,
  anonymisedExceptions,
  anonymisedPeriodFields,
  redactFollowUpRecord,
} from '@shared/privacy/followup';

const contact = {
  enterpriseId: null,
  employerName: '覃记表哥五金店',
  leftReason: '车间主任克扣加班费',
  difficulties: '丈夫住院',
  action: '已联系劳动监察大队',
  correctionReason: '本人补充',
};

describe('anonymising follow-up records', () => {
  it('clears the caller’s words and a named employer, and is the same applied twice', () => {
    const once = anonymisedContactFields(contact);
    expect(once).toEqual({ employerName: '*', leftReason: '', difficulties: '', action: '', correctionReason: '' });
    expect(anonymisedContactFields({ ...contact, ...once })).toEqual(once);
  });

  it('keeps an enterprise the office knows, and an empty employer empty', () => {
    expect(
      anonymisedContactFields({ ...contact, enterpriseId: 'e1', employerName: '深圳市鹏达电子科技有限公司' })
        .employerName,
    ).toBe('深圳市鹏达电子科技有限公司');
    expect(anonymisedPeriodFields({ enterpriseId: null, employerName: '', endNote: '回乡' })).toEqual({
      employerName: '',
      endNote: '',
    });
  });

  it('clears only the person’s own exception note on a handover', () => {
    const handover = {
      exceptions: [
        { workerId: 'w1', reason: 'other' as const, note: '途中发烧送医' },
        { workerId: 'w2', reason: 'left-on-way' as const, note: '在南宁下车' },
      ],
    };
    expect(anonymisedExceptions(handover, new Set(['w1']))).toEqual([
      { workerId: 'w1', reason: 'other', note: '' },
      { workerId: 'w2', reason: 'left-on-way', note: '在南宁下车' },
    ]);
  });

  it('reduces an audit row’s record of a contact the same way, and leaves other values alone', () => {
    const row = { id: 'c1', outcome: 'changed-job', employerCity: '东莞市', monthlyIncome: 4800, ...contact };
    expect(redactFollowUpRecord('contacts', row, new Set())).toEqual({
      ...row,
      employerName: '*',
      leftReason: '',
      difficulties: '',
      action: '',
      correctionReason: '',
    });
    expect(redactFollowUpRecord('contacts', null, new Set())).toBeNull();
    const other = { workers: 3 };
    expect(redactFollowUpRecord('*', other, new Set())).toBe(other);
  });
});
