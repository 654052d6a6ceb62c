import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { maskResidentId } from '@shared/domain/masking';
import {
  PaperInputError,
  buildRosterPdf,
  buildRosterXlsx,
  paperProblemText,
  rosterProblems,
  type SubsidyPaperRow,
} from '@shared/subsidy/papers';
import { documentFonts, makePrintContext, pdfLines } from '@tests/fixtures/documents';
import { lineWith } from '@tests/fixtures/pdf-text';
import { ENTERPRISE_PAYEE, TRANSPORT_SCHEME, at, makeRow, makeRows, rosterHeader, rowText } from './fixtures';

/** 00:30 on 8 December in Beijing, still 7 December in UTC. */
const MADE_AT = '2026-12-07T16:30:00.000Z';
const print = makePrintContext({ printedAt: MADE_AT });

async function sheetOf(bytes: Uint8Array) {
  const [sheet] = await readXlsxFile(bytes.slice().buffer, { trim: false });
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const texts = (data: readonly (readonly unknown[])[]): string[] => data.map(rowText);

describe('the application roster as XLSX', () => {
  it('says the year once when the scheme is named with its year, as the demo schemes are', async () => {
    const named = { ...rosterHeader().scheme, name: '2026年重点企业吸纳就业补贴' };
    const sheet = await sheetOf(await buildRosterXlsx(rosterHeader({ scheme: named }), makeRows(2), print));
    expect(texts(sheet.data)[0]).toBe('田东县2026年度重点企业吸纳就业补贴申请花名册');
  });

  it('lists each person under the issue’s thirteen columns, IDs masked, with a total and the sum in capitals', async () => {
    const rows = makeRows(12);
    rows[1] = { ...at(rows, 1), amountFen: 50_050, note: '分期首付' };
    const sheet = await sheetOf(await buildRosterXlsx(rosterHeader(), rows, print));
    expect(sheet.sheet).toBe('花名册');
    const lines = texts(sheet.data);
    expect(lines[0]).toBe('田东县2026年度吸纳就业补贴申请花名册');
    expect(lineWith(lines, '申请单位：深圳市华星光电半导体显示技术有限公司')).toContain('91440300MA5DC1234X');
    expect(lineWith(lines, '开户银行：中国工商银行深圳光明支行')).toContain('银行账号：4000 0212 0910 0123 456');
    // Made just after midnight in Beijing: the Beijing day, not the UTC one.
    lineWith(lines, '制表日期：2026年12月8日');
    const headerIndex = sheet.data.findIndex((row) => row[0] === '序号');
    expect(sheet.data[headerIndex]).toEqual([
      '序号',
      '姓名',
      '性别',
      '身份证号',
      '户籍地',
      '户类型',
      '务工单位',
      '务工地点',
      '到岗日期',
      '务工月数',
      '补贴标准（元）',
      '补贴金额（元）',
      '备注',
    ]);
    const body = sheet.data.slice(headerIndex + 1, headerIndex + 1 + rows.length);
    body.forEach((cells, index) => {
      const row = at(rows, index);
      expect(cells[0]).toBe(index + 1);
      expect(cells[1]).toBe(row.name);
      expect(cells[3]).toBe(maskResidentId(row.residentId));
      expect(cells[4]).toBe(row.householdPlace);
      expect(cells[8]).toBe(row.startDate);
      expect(cells[9]).toBe(row.months);
      expect(cells[10]).toBe(1000);
      expect(cells[11]).toBe(row.amountFen / 100);
    });
    expect(body[0]?.slice(2, 3)).toEqual(['女']);
    expect(body[0]?.[5]).toBe('建档立卡贫困户');
    expect(body[1]?.[12]).toBe('分期首付');
    const total = sheet.data[headerIndex + 1 + rows.length];
    expect(total?.[0]).toBe('合计');
    expect(total?.[2]).toBe('12人');
    // 11 × 1,000.00 + 500.50, summed in fen.
    expect(total?.[11]).toBe(11_500.5);
    lineWith(lines, '合计人数：12人', '人民币（大写）壹万壹仟伍佰元伍角整', '¥11,500.50');
    lineWith(lines, '申请单位（盖章）：', '田东县人力资源和社会保障局审核意见（盖章）：');
    lineWith(lines, '法定代表人或负责人（签字）：', '审核人（签字）：');
    lineWith(lines, '身份证号已遮挡');
    const all = lines.join('\n');
    for (const row of rows) expect(all).not.toContain(row.residentId);
  });

  it('prints full resident IDs only when full numbers were chosen, and says who made that version', async () => {
    const rows = makeRows(3);
    const sheet = await sheetOf(
      await buildRosterXlsx(rosterHeader(), rows, { ...print, fullNumbers: true, operator: '黄丽华' }),
    );
    const lines = texts(sheet.data);
    for (const row of rows) lineWith(lines, row.name, row.residentId);
    lineWith(lines, '完整身份证号版本，由 黄丽华 于 2026年12月8日 00:30 制作');
  });

  it('has English headings when the app is in English', async () => {
    const sheet = await sheetOf(await buildRosterXlsx(rosterHeader(), makeRows(2), { ...print, language: 'en' }));
    expect(sheet.sheet).toBe('Roster');
    const lines = texts(sheet.data);
    lineWith(lines, 'No.', 'Name', 'Sex', 'Resident ID', 'Registered home', 'Household type', 'Amount (yuan)');
    lineWith(lines, 'Total: 2 people, CNY 2,000.00', '贰仟元整');
    lineWith(lines, 'Applicant (stamp):', 'Review by 田东县人力资源和社会保障局 (stamp):');
  });
});

describe('the application roster as PDF', () => {
  it('repeats the header row on every page, numbers the pages and ends with the total, capitals and signatures', async () => {
    const rows = makeRows(45);
    const pages = await pdfLines(buildRosterPdf(rosterHeader(), rows, documentFonts(), print));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((lines, index) => {
      lineWith(lines, '序号', '姓名', '性别', '身份证号', '户籍地', '户类型', '务工单位', '务工地点', '到岗日期');
      lineWith(lines, '补贴标准', '补贴金额');
      lineWith(lines, `第 ${index + 1} 页 / 共 ${pages.length} 页`);
      lineWith(lines, '身份证号已遮挡');
      if (index > 0) lineWith(lines, '田东县2026年度吸纳就业补贴申请花名册（续）', ENTERPRISE_PAYEE.name);
    });
    const first = at(pages, 0);
    lineWith(first, '田东县2026年度吸纳就业补贴申请花名册');
    lineWith(first, '制表日期', '2026年12月8日');
    const all = pages.flat();
    rows.forEach((row, index) => {
      expect(lineWith(all, `${index + 1} ${row.name} `, maskResidentId(row.residentId))).toContain('1,000.00');
    });
    const last = at(pages, -1);
    lineWith(last, '合计', '45人', '45,000.00');
    lineWith(last, '合计人数：45人', '人民币（大写）肆万伍仟元整（¥45,000.00）');
    lineWith(last, '申请单位（盖章）：', '审核意见（盖章）：');
    lineWith(last, '经办人（签字）：');
    const text = all.join('\n');
    for (const row of rows) expect(text).not.toContain(row.residentId);
  });

  it('prints names with rare characters (CJK Extension B) as they are written', async () => {
    const rows = [makeRow(0, { name: '覃\u{20087}明' }), makeRow(1, { name: '李䶮' })];
    const all = (await pdfLines(buildRosterPdf(rosterHeader(), rows, documentFonts(), print))).flat();
    lineWith(all, '1 覃\u{20087}明 ');
    lineWith(all, '2 李䶮 ');
  });

  it('prints a name that only the fallback font has in its own row, on a later page too', async () => {
    const rows = makeRows(40);
    const fallbackOnly = '\u{20547}';
    rows[33] = { ...at(rows, 33), name: `张${fallbackOnly}三` };
    const pages = await pdfLines(buildRosterPdf(rosterHeader(), rows, documentFonts(), print));
    // Each run of one font is its own piece of text: the reader puts a space between pieces.
    const onPage = pages.findIndex((lines) =>
      lines.some((line) => {
        const text = line.replaceAll(' ', '');
        return text.includes(`34张${fallbackOnly}三`) && text.includes(maskResidentId(at(rows, 33).residentId));
      }),
    );
    expect(onPage).toBeGreaterThan(0);
    lineWith(at(pages, -1), '合计', '40人', '40,000.00');
  });

  it('prints full IDs and a red notice only when full numbers were chosen', async () => {
    const rows = makeRows(3);
    const pages = await pdfLines(
      buildRosterPdf(rosterHeader(), rows, documentFonts(), { ...print, fullNumbers: true, operator: '黄丽华' }),
    );
    const all = pages.flat();
    for (const row of rows) lineWith(all, row.name, row.residentId);
    lineWith(all, '完整身份证号版本，由 黄丽华 于 2026年12月8日 00:30 制作');
  });

  it('names the workers themselves as payee for a worker scheme, with no bank account needed', async () => {
    const header = rosterHeader({
      scheme: TRANSPORT_SCHEME,
      payee: { id: 'workers', kind: 'worker', name: '', creditCode: '', bankName: '', bankAccount: '' },
    });
    expect(rosterProblems(header, makeRows(1))).toEqual([]);
    const all = (await pdfLines(buildRosterPdf(header, makeRows(2), documentFonts(), print))).flat();
    lineWith(all, '申请单位', '务工人员本人（按人发放）');
    lineWith(all, '申报单位（盖章）：');
  });
});

describe('a roster that cannot be made', () => {
  it('is refused, in words, for a payee with no bank account', async () => {
    const header = rosterHeader({ payee: { ...ENTERPRISE_PAYEE, bankAccount: ' ' } });
    const refusal = await buildRosterXlsx(header, makeRows(2), print).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PaperInputError);
    const problem = at((refusal as PaperInputError).problems, 0);
    expect(paperProblemText(problem, 'zh-CN')).toBe(
      '深圳市华星光电半导体显示技术有限公司没有登记开户银行和账号，请先在其资料中填写，再制作花名册。',
    );
    expect(paperProblemText(problem, 'en')).toContain('has no bank and account number on record');
    expect(() => buildRosterPdf(header, makeRows(2), documentFonts(), print)).toThrow(PaperInputError);
  });

  it('is refused with nobody on it, or with an amount that is not whole fen', () => {
    expect(rosterProblems(rosterHeader(), []).map((problem) => problem.code)).toEqual(['no-rows']);
    const rows: SubsidyPaperRow[] = makeRows(2);
    rows[1] = { ...at(rows, 1), amountFen: 100.5 };
    expect(rosterProblems(rosterHeader(), rows)).toEqual([{ code: 'bad-amount', params: { name: at(rows, 1).name } }]);
  });
});
