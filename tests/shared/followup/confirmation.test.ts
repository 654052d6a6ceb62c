import { describe, expect, it } from 'vitest';
import {
  confirmationCounts,
  judgeConfirmationRows,
  listDateProblem,
  listedRows,
  parseListDate,
  parseListedStatus,
  recognizeConfirmationColumns,
  withConfirmationHeader,
  type ConfirmationContext,
  type ConfirmationFollowUp,
  type ConfirmationWorker,
  type ListedRow,
} from '@shared/followup/confirmation';
import type { RosterTable } from '@shared/roster';
import { makeResidentId } from '../../fixtures/factories';

const TODAY = '2026-06-15';
const ENTERPRISE = { id: 'ent-1', name: '深圳华强电子厂', city: '深圳' };
const ID_A = makeResidentId('451021', '1990-01-01', 'male');
const ID_B = makeResidentId('451021', '1992-05-05', 'female');
const ID_C = makeResidentId('451021', '1988-03-03', 'male');
const ID_D = makeResidentId('451021', '1995-07-07', 'female');

const workers = new Map<string, ConfirmationWorker>([
  [ID_A, { id: 'w-a', name: '韦明', enterpriseId: ENTERPRISE.id }],
  [ID_B, { id: 'w-b', name: '黄丽', enterpriseId: 'ent-2' }],
  [ID_C, { id: 'w-c', name: '陆强', enterpriseId: ENTERPRISE.id }],
  [ID_D, { id: 'w-d', name: '农芳', enterpriseId: ENTERPRISE.id }],
]);

function context(followUps: Record<string, ConfirmationFollowUp[]>, overrides: Partial<ConfirmationContext> = {}) {
  return {
    enterprise: ENTERPRISE,
    listDate: '2026-06-10',
    today: TODAY,
    operator: '韦小燕',
    hasStatusColumn: true,
    workerOf: (id: string) => workers.get(id),
    followUpsOf: (workerId: string) => followUps[workerId] ?? [],
    ...overrides,
  } satisfies ConfirmationContext;
}

function followUp(overrides: Partial<ConfirmationFollowUp> = {}): ConfirmationFollowUp {
  return { id: 'f-a', enterpriseId: ENTERPRISE.id, handedOverOn: '2026-04-01', contacts: [], ...overrides };
}

function row(overrides: Partial<ListedRow> = {}): ListedRow {
  return {
    line: 2,
    residentId: ID_A,
    name: '',
    status: '在岗',
    startedOn: '',
    leftOn: '',
    leftReason: '',
    ...overrides,
  };
}

describe('the words and dates of a confirmation list', () => {
  it('reads the usual status words in both languages, and says when it does not know one', () => {
    for (const word of ['在岗', '在职', '是', ' 正常在岗 ', 'Yes', 'in post', '√']) {
      expect(parseListedStatus(word)).toBe('in-post');
    }
    for (const word of ['离职', '已离职', '否', '不在岗', '自离', 'No', 'Resigned', '×']) {
      expect(parseListedStatus(word)).toBe('left');
    }
    expect(parseListedStatus('')).toBeUndefined();
    expect(parseListedStatus('待定')).toBeNull();
  });

  it('reads dates as offices write them, Excel day numbers included, and refuses days that do not exist', () => {
    expect(parseListDate('2026-03-01')).toBe('2026-03-01');
    expect(parseListDate('2026/3/1')).toBe('2026-03-01');
    expect(parseListDate('2026.3.1')).toBe('2026-03-01');
    expect(parseListDate('2026年3月1日')).toBe('2026-03-01');
    expect(parseListDate('20260301')).toBe('2026-03-01');
    expect(parseListDate('2026-03-01 08:30')).toBe('2026-03-01');
    // Excel's serial for 2026-03-01.
    expect(parseListDate('46082')).toBe('2026-03-01');
    expect(parseListDate('2026-02-30')).toBeNull();
    expect(parseListDate('三月初')).toBeNull();
    expect(parseListDate('  ')).toBeUndefined();
  });

  it('never takes a list dated in the future', () => {
    expect(listDateProblem('2026-06-16', TODAY)).toBe('date-in-future');
    expect(listDateProblem('2026-06-15', TODAY)).toBeNull();
    expect(listDateProblem('2026-6-1', TODAY)).toBe('date-invalid');
  });
});

describe('the columns of a confirmation list', () => {
  it('finds the ID and name as the roster import does, and the list columns by their usual headers', () => {
    expect(
      recognizeConfirmationColumns(['序号', '姓名', '公民身份号码', '是否在岗', '入职时间', '离职日期', '离职原因']),
    ).toEqual({ name: 1, residentId: 2, status: 3, startedOn: 4, leftOn: 5, leftReason: 6 });
    expect(recognizeConfirmationColumns(['ID number', 'Status', 'Start date', 'Leave date', 'Reason'])).toEqual({
      residentId: 0,
      status: 1,
      startedOn: 2,
      leftOn: 3,
      leftReason: 4,
    });
  });

  it('finds the header under a title row that names only the ID among the roster columns', () => {
    const table: RosterTable = {
      format: 'csv',
      headerLine: 1,
      headers: ['华强电子厂在岗人员核实表', '', ''],
      rows: [
        ['身份证号', '在岗状态', '入职日期'],
        [ID_A, '在岗', '2026-04-02'],
        ['', '', ''],
        [ID_B, '离职', ''],
      ],
    };
    const found = withConfirmationHeader(table);
    expect(found.headerLine).toBe(2);
    const mapping = recognizeConfirmationColumns(found.headers);
    expect(listedRows(found, mapping)).toEqual([
      { line: 3, residentId: ID_A, name: '', status: '在岗', startedOn: '2026-04-02', leftOn: '', leftReason: '' },
      { line: 5, residentId: ID_B, name: '', status: '离职', startedOn: '', leftOn: '', leftReason: '' },
    ]);
  });
});

describe('judging the rows of a confirmation list', () => {
  it('writes a matched in-post row as an enterprise verification by the operator, on the day of the list', () => {
    const [verdict] = judgeConfirmationRows([row({ startedOn: '2026/4/2' })], context({ 'w-a': [followUp()] }));
    expect(verdict).toMatchObject({
      category: 'matched',
      name: '韦明',
      workerId: 'w-a',
      followUpId: 'f-a',
      contact: {
        date: '2026-06-10',
        method: 'enterprise-verification',
        by: '韦小燕',
        outcome: 'in-post',
        enterpriseId: ENTERPRISE.id,
        startedOn: '2026-04-02',
        leftOn: null,
      },
    });
  });

  it('writes a row that left as left-looking with the leave date and the reason', () => {
    const [verdict] = judgeConfirmationRows(
      [row({ status: '已离职', leftOn: '2026-05-20', leftReason: '家中有事' })],
      context({ 'w-a': [followUp()] }),
    );
    expect(verdict?.category).toBe('matched');
    expect(verdict?.contact).toMatchObject({ outcome: 'left-looking', leftOn: '2026-05-20', leftReason: '家中有事' });
  });

  it('takes a leave date without a status as leaving, and a list with no status column as in post', () => {
    const rows = [row({ status: '', leftOn: '2026-05-20' }), row({ line: 3, residentId: ID_C, status: '' })];
    const followUps = { 'w-a': [followUp()], 'w-c': [followUp({ id: 'f-c' })] };
    const withStatus = judgeConfirmationRows(rows, context(followUps));
    expect(withStatus.map((v) => [v.category, v.contact?.outcome])).toEqual([
      ['matched', 'left-looking'],
      ['invalid', undefined],
    ]);
    expect(withStatus[1]?.reasons).toEqual([{ code: 'status-missing' }]);
    const without = judgeConfirmationRows(rows, context(followUps, { hasStatusColumn: false }));
    expect(without.map((v) => v.contact?.outcome)).toEqual(['left-looking', 'in-post']);
  });

  it('reports an unknown ID, another enterprise, and a worker not yet handed over', () => {
    const unknown = makeResidentId('451021', '1999-09-09', 'male');
    const verdicts = judgeConfirmationRows(
      [
        row({ residentId: unknown, name: '张三' }),
        row({ line: 3, residentId: ID_B }),
        row({ line: 4, residentId: ID_C }),
        row({ line: 5, residentId: ID_D }),
      ],
      context({
        'w-b': [followUp({ id: 'f-b', enterpriseId: 'ent-2' })],
        'w-d': [followUp({ id: 'f-d', enterpriseId: 'ent-2' })],
      }),
    );
    expect(verdicts.map((v) => [v.line, v.category])).toEqual([
      [2, 'not-found'],
      [3, 'other-enterprise'],
      [4, 'no-handover'],
      // Placed with this enterprise, but handed over to another one.
      [5, 'other-enterprise'],
    ]);
    expect(verdicts[0]?.name).toBe('张三');
  });

  it('normalises the ID as the roster import does, and gives the roster messages for bad IDs', () => {
    const legacy = `${ID_A.slice(0, 6)}${ID_A.slice(8, 17)}`;
    const verdicts = judgeConfirmationRows(
      [
        row({ residentId: `${ID_C.slice(0, 6)} ${ID_C.slice(6, 17)}${ID_C.slice(17).toLowerCase()}` }),
        row({ line: 3, residentId: legacy }),
        row({ line: 4, residentId: '4.51021199001011E+17' }),
        row({ line: 5, residentId: '45102119900101' }),
        row({ line: 6, residentId: '' }),
      ],
      context({ 'w-a': [followUp()], 'w-c': [followUp({ id: 'f-c' })] }),
    );
    expect(verdicts.map((v) => v.category)).toEqual(['matched', 'matched', 'invalid', 'invalid', 'invalid']);
    expect(verdicts[1]?.residentId).toBe(ID_A);
    expect(verdicts[2]?.reasons).toEqual([{ code: 'problem', params: { code: 'resident-id-precision-lost' } }]);
    expect(verdicts[3]?.reasons).toEqual([{ code: 'problem', params: { code: 'resident-id-length' } }]);
    expect(verdicts[4]?.reasons).toEqual([{ code: 'id-missing' }]);
  });

  it('refuses unreadable cells and a second row for the same person', () => {
    const verdicts = judgeConfirmationRows(
      [
        row({ status: '待定' }),
        row({ line: 3, residentId: ID_C, startedOn: '三月初' }),
        row({ line: 4, residentId: ID_C, status: '在岗', leftOn: '2026-05-01' }),
        row({ line: 5, residentId: ID_D }),
        row({ line: 6, residentId: ID_D }),
      ],
      context({ 'w-a': [followUp()], 'w-c': [followUp({ id: 'f-c' })], 'w-d': [followUp({ id: 'f-d' })] }),
    );
    expect(verdicts.map((v) => v.category)).toEqual(['invalid', 'invalid', 'invalid', 'matched', 'invalid']);
    expect(verdicts[0]?.reasons).toEqual([{ code: 'status-unknown', params: { text: '待定' } }]);
    expect(verdicts[1]?.reasons).toEqual([
      { code: 'date-unreadable', params: { column: 'startedOn', text: '三月初' } },
    ]);
    expect(verdicts[2]?.reasons).toEqual([{ code: 'in-post-with-leave-date', params: { date: '2026-05-01' } }]);
    expect(verdicts[4]?.reasons).toEqual([{ code: 'problem', params: { code: 'duplicate-in-file', firstLine: 5 } }]);
  });

  it('holds back rows that contradict the log, and lets the coordinator force only those the contact rules allow', () => {
    const newer = followUp({
      contacts: [
        {
          date: '2026-06-12',
          method: 'phone',
          outcome: 'returned-home',
          enterpriseId: null,
          startedOn: null,
          leftOn: '2026-06-11',
          leftReason: '',
        },
      ],
    });
    const verdicts = judgeConfirmationRows(
      [
        row(),
        row({ line: 3, residentId: ID_C, status: '离职', leftOn: '2026-03-20' }),
        row({ line: 4, residentId: ID_D, startedOn: '2026-06-20' }),
      ],
      context({ 'w-a': [newer], 'w-c': [followUp({ id: 'f-c' })], 'w-d': [followUp({ id: 'f-d' })] }),
    );
    expect(verdicts.map((v) => [v.category, v.forcible])).toEqual([
      ['contradicts', true],
      ['contradicts', false],
      ['contradicts', false],
    ]);
    expect(verdicts[0]?.reasons).toEqual([
      { code: 'newer-contact', params: { date: '2026-06-12', outcome: 'returned-home' } },
    ]);
    // Said once: the contact rules' own word for a date before the handover is left out.
    expect(verdicts[1]?.reasons).toHaveLength(1);
    expect(verdicts[1]?.reasons[0]).toEqual({
      code: 'left-before-handover',
      params: { date: '2026-03-20', handover: '2026-04-01' },
    });
    expect(verdicts[2]?.reasons.map((reason) => reason.code)).toContain('started-after-list');
    expect(verdicts[2]?.reasons).toContainEqual({
      code: 'problem',
      params: { code: 'date-in-future', field: 'startedOn' },
    });
  });

  it('does not count as contradicting a newer contact that agrees, or an older one that differs', () => {
    const contacts = [
      {
        date: '2026-05-01',
        method: 'phone',
        outcome: 'left-looking',
        enterpriseId: null,
        startedOn: null,
        leftOn: null,
        leftReason: '',
      },
      {
        date: '2026-06-12',
        method: 'phone',
        outcome: 'in-post',
        enterpriseId: null,
        startedOn: null,
        leftOn: null,
        leftReason: '',
      },
    ] as const;
    const [verdict] = judgeConfirmationRows([row()], context({ 'w-a': [followUp({ contacts: [...contacts] })] }));
    expect(verdict?.category).toBe('matched');
  });

  it('skips a row that an identical verification of the same day already holds', () => {
    const first = judgeConfirmationRows([row({ startedOn: '2026-04-02' })], context({ 'w-a': [followUp()] }));
    const stored = first[0]?.contact;
    if (!stored) throw new Error('no contact');
    const again = judgeConfirmationRows(
      [row({ startedOn: '2026-04-02' }), row({ line: 3, residentId: ID_C, startedOn: '2026-04-03' })],
      context({ 'w-a': [followUp({ contacts: [stored] })], 'w-c': [followUp({ id: 'f-c' })] }),
    );
    expect(again.map((v) => v.category)).toEqual(['already-recorded', 'matched']);
    // Another day's list is news.
    const later = judgeConfirmationRows(
      [row({ startedOn: '2026-04-02' })],
      context({ 'w-a': [followUp({ contacts: [stored] })] }, { listDate: '2026-06-11' }),
    );
    expect(later[0]?.category).toBe('matched');
    expect(confirmationCounts(again)).toMatchObject({ 'already-recorded': 1, matched: 1, invalid: 0 });
  });
});
