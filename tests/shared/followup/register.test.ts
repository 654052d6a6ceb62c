import { describe, expect, it } from 'vitest';
import type { Batch, Contact, EmploymentPeriod, Enterprise, FollowUp, Worker } from '@shared/domain/records';
import { derivePeriods } from '@shared/followup';
import {
  REGISTER_COLUMNS,
  followUpMatches,
  registerHeader,
  registerRows,
  type RegisterSource,
} from '@shared/followup/register';
import type { RegisterWords } from '@shared/followup/register';

const AT = '2026-03-01T02:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: AT, updatedAt: AT, revision: 1 });

function worker(id: string, fields: Partial<Worker> = {}): Worker {
  return {
    ...meta(id),
    name: '韦小宝',
    residentId: '452601199001011234',
    phone: '13812345678',
    gender: 'male',
    birthDate: '1990-01-01',
    county: '田东县',
    countyCode: '451022',
    township: '平马镇',
    village: '那王村',
    household: '韦家',
    povertyStatus: 'registered-poor',
    skills: [],
    wantedJob: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    enterpriseId: 'e1',
    openingId: null,
    status: 'onboarded',
    notes: '',
    ...fields,
  };
}

function followUp(id: string, workerId: string, fields: Partial<FollowUp> = {}): FollowUp {
  return {
    ...meta(id),
    workerId,
    batchId: 'b1',
    handoverId: 'h1',
    enterpriseId: 'e1',
    handedOverOn: '2026-03-01',
    staffId: null,
    stationId: null,
    nextDue: null,
    lastContactOn: null,
    lastOutcome: null,
    ...fields,
  };
}

function contact(id: string, followUpId: string, workerId: string, fields: Partial<Contact> = {}): Contact {
  return {
    ...meta(id),
    followUpId,
    workerId,
    date: '2026-03-08',
    method: 'phone',
    by: '李干事',
    outcome: 'in-post',
    enterpriseId: null,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: null,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    ...fields,
  };
}

const enterprises = new Map<string, Pick<Enterprise, 'name' | 'city'>>([
  ['e1', { name: '广州美华电子厂', city: '广州市' }],
  ['e2', { name: '东莞新力鞋业', city: '东莞市' }],
]);
const batches = new Map<string, Pick<Batch, 'name'>>([['b1', { name: '田东县 第1批' }]]);

/** The periods the repository would store for a follow-up's live contacts. */
function periodsOf(followUps: readonly FollowUp[], contacts: readonly Contact[]): EmploymentPeriod[] {
  return followUps.flatMap((item) =>
    derivePeriods(
      {
        enterpriseId: item.enterpriseId,
        employerName: enterprises.get(item.enterpriseId)?.name ?? '',
        employerCity: '',
        handedOverOn: item.handedOverOn,
      },
      contacts.filter((one) => one.followUpId === item.id && !one.deletedAt),
    ).map((period, index) => ({
      ...meta(`${item.id}:${index}`),
      followUpId: item.id,
      workerId: item.workerId,
      ...period,
    })),
  );
}

function source(workers: Worker[], followUps: FollowUp[], contacts: Contact[]): RegisterSource {
  return {
    followUps,
    contacts,
    workers: new Map(workers.map((one) => [one.id, one])),
    batches,
    enterprises,
    periods: periodsOf(followUps, contacts),
    contactDays: [7, 30, 90, 180],
  };
}

/** The words as renderer/i18n/parts/register.ts and followup.ts give them (register-file.test.ts checks those). */
const zh: RegisterWords = {
  columns: {
    index: '序号',
    township: '乡镇',
    village: '行政村',
    name: '姓名',
    residentId: '身份证号',
    householdType: '户类型',
    phone: '联系电话',
    batch: '批次',
    enterprise: '输入企业',
    workCity: '务工省市',
    startedOn: '到岗日期',
    point: '回访节点',
    date: '回访日期',
    method: '回访方式',
    by: '回访人',
    inPost: '是否在岗',
    employer: '现单位',
    monthlyIncome: '月收入',
    difficulties: '存在困难',
    left: '离职/返乡日期及原因',
    needs: '需要帮助',
    action: '处理结果',
    nextDate: '下次回访日期',
  },
  householdType: { 'registered-poor': '建档立卡贫困户', 'relatively-poor': '相对贫困户', none: '一般户' },
  point: '第{{day}}天',
  extraContact: '补充回访',
  yes: '是',
  no: '否',
  listSeparator: '、',
  reasonSeparator: '，',
  outcome: {
    'in-post': '在岗',
    'changed-job': '已换工作',
    'left-looking': '已离职，在找工作',
    'returned-home': '已返乡',
    unreachable: '未联系上',
  },
  method: {
    phone: '电话',
    wechat: '微信',
    visit: '走访',
    enterprise: '通过企业',
    'liaison-station': '通过驻外工作站',
    'enterprise-verification': '企业核实',
  },
  need: { 'change-job': '换工作', rights: '欠薪或其他维权', training: '技能培训', other: '其他' },
};
const en: RegisterWords = {
  ...zh,
  columns: {
    ...zh.columns,
    index: 'No.',
    township: 'Township',
    village: 'Village',
    name: 'Name',
    residentId: 'Resident ID',
  },
  householdType: { 'registered-poor': 'Registered poor', 'relatively-poor': 'Relatively poor', none: 'General' },
  point: 'Day {{day}}',
  yes: 'Yes',
  method: { ...zh.method, wechat: 'WeChat' },
};
const column = (name: (typeof REGISTER_COLUMNS)[number]) => REGISTER_COLUMNS.indexOf(name);

describe('the follow-up register', () => {
  it('has the 23 columns of the issue, in its order, in the app language', () => {
    expect(registerHeader(zh)).toEqual([
      '序号',
      '乡镇',
      '行政村',
      '姓名',
      '身份证号',
      '户类型',
      '联系电话',
      '批次',
      '输入企业',
      '务工省市',
      '到岗日期',
      '回访节点',
      '回访日期',
      '回访方式',
      '回访人',
      '是否在岗',
      '现单位',
      '月收入',
      '存在困难',
      '离职/返乡日期及原因',
      '需要帮助',
      '处理结果',
      '下次回访日期',
    ]);
  });

  it('writes one row per contact, with every column as an office reads it', () => {
    const rows = registerRows(
      source(
        [worker('w1')],
        [followUp('f1', 'w1')],
        [
          contact('c1', 'f1', 'w1', {
            date: '2026-03-08',
            monthlyIncome: 4800,
            difficulties: '宿舍离厂远',
            needs: ['rights', 'training'],
            action: '已联系企业',
          }),
        ],
      ),
      { fullNumbers: false, words: zh },
    );
    expect(rows).toEqual([
      [
        1,
        '平马镇',
        '那王村',
        '韦小宝',
        '452601********1234',
        '建档立卡贫困户',
        '13812345678',
        '田东县 第1批',
        '广州美华电子厂',
        '广州市',
        '2026-03-01',
        '第7天',
        '2026-03-08',
        '电话',
        '李干事',
        '是',
        '广州美华电子厂',
        4800,
        '宿舍离厂远',
        '',
        '欠薪或其他维权、技能培训',
        '已联系企业',
        '2026-03-31',
      ],
    ]);
  });

  it('masks the resident ID unless full numbers are chosen, and keeps the phone whole for the calls', () => {
    const data = source([worker('w1')], [followUp('f1', 'w1')], [contact('c1', 'f1', 'w1')]);
    const masked = registerRows(data, { fullNumbers: false, words: zh })[0] ?? [];
    const full = registerRows(data, { fullNumbers: true, words: zh })[0] ?? [];
    expect(masked[column('residentId')]).toBe('452601********1234');
    expect(full[column('residentId')]).toBe('452601199001011234');
    expect(masked[column('phone')]).toBe('13812345678');
    // An anonymised worker's ID stays masked even with full numbers.
    const anonymised = worker('w1', { residentId: 'anon:w1:452601********1234', anonymisedAt: AT });
    const row = registerRows({ ...data, workers: new Map([['w1', anonymised]]) }, { fullNumbers: true, words: zh })[0];
    expect(row?.[column('residentId')]).toBe('452601********1234');
  });

  it('names the schedule point each contact answered, an extra contact when none, and a not-reached call answers none', () => {
    const rows = registerRows(
      source(
        [worker('w1')],
        [followUp('f1', 'w1')],
        [
          contact('c1', 'f1', 'w1', { date: '2026-03-08' }), // day 7
          contact('c2', 'f1', 'w1', { date: '2026-03-15' }), // between points
          contact('c3', 'f1', 'w1', { date: '2026-03-30', outcome: 'unreachable' }), // day 29, not reached
          contact('c4', 'f1', 'w1', { date: '2026-06-05' }), // day 96: late, answers day 30 and day 90
        ],
      ),
      { fullNumbers: false, words: zh },
    );
    expect(rows.map((row) => row[column('point')])).toEqual(['第7天', '补充回访', '补充回访', '第30天、第90天']);
    expect(rows.map((row) => row[column('inPost')])).toEqual(['是', '是', '未联系上', '是']);
    // Not reached on 03-30, the day before the day-30 point: that point stays due, before a retry.
    expect(rows[2]?.[column('nextDate')]).toBe('2026-03-31');
    expect(rows.map((row) => row[column('index')])).toEqual([1, 2, 3, 4]);
  });

  it('writes a correction in place of the contact it replaced', () => {
    const original = contact('c1', 'f1', 'w1', {
      outcome: 'left-looking',
      leftOn: '2026-03-05',
      deletedAt: AT,
      supersededById: 'c2',
    });
    const correction = contact('c2', 'f1', 'w1', {
      outcome: 'in-post',
      correctsId: 'c1',
      correctionReason: '记错了人',
    });
    const rows = registerRows(source([worker('w1')], [followUp('f1', 'w1')], [original, correction]), {
      fullNumbers: false,
      words: zh,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[column('inPost')]).toBe('是');
    expect(rows[0]?.[column('left')]).toBe('');
  });

  it('says when and why a worker left, where they work after a change, and the start of the period', () => {
    const rows = registerRows(
      source(
        [worker('w1')],
        [followUp('f1', 'w1')],
        [
          contact('c1', 'f1', 'w1', {
            date: '2026-03-28',
            outcome: 'changed-job',
            enterpriseId: 'e2',
            leftOn: '2026-03-20',
            leftReason: '工资低',
            startedOn: '2026-03-22',
          }),
          contact('c2', 'f1', 'w1', {
            date: '2026-05-30',
            outcome: 'returned-home',
            leftOn: '2026-05-25',
            leftReason: '家中有事',
          }),
        ],
      ),
      { fullNumbers: false, words: zh },
    );
    expect(rows[0]?.[column('employer')]).toBe('东莞新力鞋业');
    expect(rows[0]?.[column('startedOn')]).toBe('2026-03-22');
    expect(rows[0]?.[column('left')]).toBe('2026-03-20，工资低');
    expect(rows[1]?.[column('inPost')]).toBe('否');
    expect(rows[1]?.[column('employer')]).toBe('');
    expect(rows[1]?.[column('left')]).toBe('2026-05-25，家中有事');
    // Returned home: off the schedule.
    expect(rows[1]?.[column('nextDate')]).toBe('');
  });

  it('keeps Beijing calendar dates on a PC in another zone', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['America/New_York', 'Pacific/Kiritimati', 'Europe/London']) {
        process.env.TZ = zone;
        // 2026-03-08 is the day New York moves its clocks: no date may slip by one.
        const rows = registerRows(
          source(
            [worker('w1')],
            [followUp('f1', 'w1', { handedOverOn: '2026-03-01' })],
            [contact('c1', 'f1', 'w1', { date: '2026-03-08' })],
          ),
          { fullNumbers: false, words: zh },
        );
        expect(rows[0]?.[column('date')]).toBe('2026-03-08');
        expect(rows[0]?.[column('startedOn')]).toBe('2026-03-01');
        expect(rows[0]?.[column('nextDate')]).toBe('2026-03-31');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('orders rows by township, village and person, and writes English words in English', () => {
    const rows = registerRows(
      source(
        [
          worker('w1', { village: '那王村', name: '乙' }),
          worker('w2', { village: '东江村', name: '甲', povertyStatus: 'none' }),
        ],
        [followUp('f1', 'w1'), followUp('f2', 'w2')],
        [contact('c1', 'f1', 'w1'), contact('c2', 'f2', 'w2', { method: 'wechat' })],
      ),
      { fullNumbers: false, words: en },
    );
    expect(rows.map((row) => row[column('name')])).toEqual(['甲', '乙']);
    expect(rows[0]?.[column('householdType')]).toBe('General');
    expect(rows[0]?.[column('method')]).toBe('WeChat');
    expect(rows[0]?.[column('point')]).toBe('Day 7');
    expect(rows[0]?.[column('inPost')]).toBe('Yes');
  });

  it('takes the workspace filter: every field left out matches all', () => {
    const one = followUp('f1', 'w1', { staffId: 's1', lastOutcome: 'in-post' });
    const person = worker('w1');
    expect(followUpMatches(one, person, {})).toBe(true);
    expect(followUpMatches(one, person, { township: '平马镇', staffId: 's1', outcome: 'in-post' })).toBe(true);
    expect(followUpMatches(one, person, { staffId: null })).toBe(false);
    expect(followUpMatches(one, person, { outcome: 'none' })).toBe(false);
    expect(followUpMatches(followUp('f2', 'w1'), person, { outcome: 'none', staffId: null })).toBe(true);
    expect(followUpMatches(one, person, { countyCode: '450000' })).toBe(false);
  });
});
