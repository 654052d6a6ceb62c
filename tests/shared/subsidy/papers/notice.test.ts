import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { maskResidentId } from '@shared/domain/masking';
import {
  HOUSEHOLD_TYPE_LABELS,
  PaperInputError,
  buildNoticePdf,
  buildNoticeXlsx,
  noticeProblems,
  paperProblemText,
  type SubsidyPaperRow,
} from '@shared/subsidy/papers';
import { documentFonts, makePrintContext, pdfLines } from '@tests/fixtures/documents';
import { lineWith } from '@tests/fixtures/pdf-text';
import { at, makeRows, noticeHeader, rowText } from './fixtures';

const print = makePrintContext({ printedAt: '2026-12-07T16:30:00.000Z', fullNumbers: true });
/** The bureau's own number for objections, the one run of digits a notice may print. */
const BUREAU_PHONE = '0776-5221234';

/** People with notes and phones in their notes: a notice must show neither. */
function people(count: number): SubsidyPaperRow[] {
  return makeRows(count).map((row, index) => ({ ...row, note: `联系电话139${String(10_000_000 + index)}` }));
}

/** Every way a person's ID or phone could leak: in full, masked, its parts, its birth date. */
function assertNothingIdentifying(text: string, rows: readonly SubsidyPaperRow[]): void {
  const withoutBureauPhone = text.replaceAll(BUREAU_PHONE, '');
  // No run of six or more digits at all: no ID, no part of one, no phone, no compact birth date.
  expect(withoutBureauPhone).not.toMatch(/\d{6,}/);
  expect(withoutBureauPhone).not.toMatch(/\*{3,}/);
  for (const row of rows) {
    expect(text).not.toContain(row.residentId);
    expect(text).not.toContain(maskResidentId(row.residentId));
    expect(text).not.toContain(row.residentId.slice(-4).padStart(5, '*'));
    expect(text).not.toContain(row.birthDate);
    expect(text).not.toContain(row.householdPlace);
    expect(text).not.toContain('联系电话1');
  }
  for (const words of Object.values(HOUSEHOLD_TYPE_LABELS)) {
    for (const word of Object.values(words)) expect(text).not.toContain(word);
  }
  expect(text).not.toContain('户类型');
  expect(text).not.toContain('身份证');
}

describe('the public notice', () => {
  it('as PDF shows name, gender, age, work period, place, employer and amount, and no ID, phone or household type', async () => {
    const rows = people(40);
    const pages = await pdfLines(buildNoticePdf(noticeHeader(), rows, documentFonts(), print));
    const all = pages.flat();
    const text = all.join('\n');
    assertNothingIdentifying(text, rows);
    lineWith(all, '田东县2026年度吸纳就业补贴拟补贴人员公示名单');
    lineWith(all, '公示期：2026年12月8日至2026年12月14日');
    lineWith(all, '0776-5221234');
    pages.forEach((lines, index) => {
      lineWith(lines, '序号', '姓名', '性别', '年龄', '务工时间', '务工地点', '务工单位');
      lineWith(lines, `第 ${index + 1} 页 / 共 ${pages.length} 页`);
    });
    // The first person: born 1975-01-10, 51 on the notice's first day; still at work.
    lineWith(all, `1 ${at(rows, 0).name} 女 51 2026-02-01至今 广东省深圳市光明区`);
    // The fourth left at the end of November.
    lineWith(all, `4 ${at(rows, 3).name} 女 48 2026-05-04至2026-11-30`);
    lineWith(all, '共40人，合计40,000.00元', '40,000.00');
    lineWith(at(pages, -1), '田东县人力资源和社会保障局');
  });

  it('as XLSX holds the same columns and nothing identifying in any cell', async () => {
    const rows = people(25);
    const bytes = await buildNoticeXlsx(noticeHeader(), rows, 'zh-CN');
    const [sheet] = await readXlsxFile(bytes.slice().buffer, { trim: false });
    expect(sheet?.sheet).toBe('公示名单');
    const data = sheet?.data ?? [];
    assertNothingIdentifying(data.map(rowText).join('\n'), rows);
    const headerIndex = data.findIndex((row) => row[0] === '序号');
    expect(data[headerIndex]).toEqual([
      '序号',
      '姓名',
      '性别',
      '年龄',
      '务工时间',
      '务工地点',
      '务工单位',
      '补贴金额（元）',
    ]);
    expect(data[headerIndex + 1]).toEqual([
      1,
      at(rows, 0).name,
      '女',
      51,
      '2026-02-01至今',
      '广东省深圳市光明区',
      '深圳市华星光电半导体显示技术有限公司',
      1000,
    ]);
    expect(rowText(at(data, headerIndex + 1 + rows.length))).toBe('合计 共25人，合计25,000.00元 25000');
  });

  it('has English words when the app is in English', async () => {
    const rows = people(3);
    const all = (
      await pdfLines(buildNoticePdf(noticeHeader(), rows, documentFonts(), { ...print, language: 'en' }))
    ).flat();
    assertNothingIdentifying(all.join('\n'), rows);
    lineWith(all, 'No.', 'Name', 'Sex', 'Age', 'Period of work', 'Place of work', 'Employer');
    lineWith(all, '2026-02-01 to present');
    lineWith(all, 'Notice period: Dec 8, 2026 to Dec 14, 2026');
  });

  it('is refused when its period ends before it starts', async () => {
    const header = noticeHeader({ from: '2026-12-14', to: '2026-12-08' });
    expect(noticeProblems(header, makeRows(1)).map((problem) => paperProblemText(problem, 'zh-CN'))).toEqual([
      '公示期的结束日期（2026-12-08）早于开始日期（2026-12-14）。',
    ]);
    await expect(buildNoticeXlsx(header, makeRows(1), 'zh-CN')).rejects.toBeInstanceOf(PaperInputError);
  });
});
