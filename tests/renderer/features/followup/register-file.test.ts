import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { xlsxStream } from '@shared/followup/register-xlsx';
import { REGISTER_SLICE, buildRegisterFile, registerWords } from '@renderer/features/followup/register/register-file';
import { registerHeader, type RegisterSource } from '@shared/followup/register';
import type { Contact, FollowUp, Worker } from '@shared/domain/records';

const AT = '2026-03-01T02:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: AT, updatedAt: AT, revision: 1 });

const readBack = async (bytes: Uint8Array) => {
  const copy = bytes.slice();
  const sheets = await readXlsxFile(copy.buffer, { trim: false });
  return sheets[0];
};

function registerSource(count: number): RegisterSource {
  const workers: Worker[] = [];
  const followUps: FollowUp[] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = String(index).padStart(6, '0');
    workers.push({
      ...meta(`w${id}`),
      name: `韦${id}`,
      residentId: `452601199001${id}`,
      phone: '13812345678',
      gender: 'female',
      birthDate: '1990-01-01',
      county: '田东县',
      countyCode: '451022',
      township: '平马镇',
      village: '那王村',
      household: '',
      povertyStatus: 'relatively-poor',
      skills: [],
      wantedJob: '',
      emergencyContactName: '',
      emergencyContactPhone: '',
      enterpriseId: 'e1',
      openingId: null,
      status: 'onboarded',
      notes: '',
    });
    followUps.push({
      ...meta(`f${id}`),
      workerId: `w${id}`,
      batchId: 'b1',
      handoverId: 'h1',
      enterpriseId: 'e1',
      handedOverOn: '2026-03-01',
      staffId: null,
      stationId: null,
      nextDue: null,
      lastContactOn: null,
      lastOutcome: null,
    });
    contacts.push({
      ...meta(`c${id}`),
      followUpId: `f${id}`,
      workerId: `w${id}`,
      date: '2026-03-31',
      method: 'wechat',
      by: '李干事',
      outcome: 'in-post',
      enterpriseId: null,
      employerName: '',
      employerCity: '',
      startedOn: null,
      leftOn: null,
      leftReason: '',
      monthlyIncome: 5200,
      difficulties: '=1+1 <宿舍> & 饭堂',
      needs: [],
      action: '',
      nextDate: null,
    });
  }
  return {
    followUps,
    contacts,
    workers: new Map(workers.map((worker) => [worker.id, worker])),
    batches: new Map([['b1', { name: '田东县 第1批' }]]),
    enterprises: new Map([['e1', { name: '广州美华电子厂', city: '广州市' }]]),
    periods: [],
    contactDays: [7, 30, 90, 180],
  };
}

describe('the follow-up register file', () => {
  it('reads back in a spreadsheet reader with its headers and rows, texts as written', async () => {
    const progress: number[] = [];
    const bytes = await buildRegisterFile(
      registerSource(3),
      { fullNumbers: false, language: 'zh-CN' },
      ({ done }) => progress.push(done),
      () => false,
    );
    expect(bytes).not.toBeNull();
    const sheet = await readBack(bytes as Uint8Array);
    expect(sheet?.sheet).toBe('回访台账');
    const [header, first] = sheet?.data ?? [];
    expect(header?.slice(0, 5)).toEqual(['序号', '乡镇', '行政村', '姓名', '身份证号']);
    expect(header?.at(-1)).toBe('下次回访日期');
    expect(header).toHaveLength(23);
    expect(first).toEqual([
      1,
      '平马镇',
      '那王村',
      '韦000000',
      '452601********0000',
      '相对贫困户',
      '13812345678',
      '田东县 第1批',
      '广州美华电子厂',
      '广州市',
      null,
      '第7天、第30天',
      '2026-03-31',
      '微信',
      '李干事',
      '是',
      '广州美华电子厂',
      5200,
      '=1+1 <宿舍> & 饭堂',
      null,
      null,
      null,
      '2026-05-30',
    ]);
    expect(sheet?.data).toHaveLength(4);
    expect(progress.at(-1)).toBe(3);
  });

  it('has the 23 columns of the issue in both languages, in its order', () => {
    expect(registerHeader(registerWords('zh-CN'))).toEqual([
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
    const english = registerHeader(registerWords('en'));
    expect(english).toHaveLength(23);
    expect(new Set(english).size).toBe(23);
  });

  it('writes English headers in English', async () => {
    const bytes = await buildRegisterFile(
      registerSource(1),
      { fullNumbers: true, language: 'en' },
      () => {},
      () => false,
    );
    const sheet = await readBack(bytes as Uint8Array);
    expect(sheet?.sheet).toBe('Follow-up register');
    expect(sheet?.data[0]?.slice(0, 5)).toEqual(['No.', 'Township', 'Village', 'Name', 'Resident ID']);
    expect(sheet?.data[1]?.[4]).toBe('452601199001000000');
  });

  it('writes nothing once cancelled', async () => {
    let slices = 0;
    const bytes = await buildRegisterFile(
      registerSource(REGISTER_SLICE * 2 + 1),
      { fullNumbers: false, language: 'zh-CN' },
      () => {
        slices += 1;
      },
      () => slices > 1,
    );
    expect(bytes).toBeNull();
  });

  it('keeps characters XML cannot hold out of the file, and a long digit string as text', async () => {
    const stream = xlsxStream({ sheet: 'S', header: ['a', 'b'], widths: [10, 10] });
    await stream.rows([['ok\u0001"quoted"', '123456789012345678']]);
    const sheet = await readBack(await stream.finish());
    expect(sheet?.data[1]).toEqual(['ok"quoted"', '123456789012345678']);
  });
});
