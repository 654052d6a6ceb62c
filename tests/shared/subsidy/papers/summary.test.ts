import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { maskResidentId } from '@shared/domain/masking';
import {
  buildSummaryPdf,
  buildSummaryXlsx,
  claimsBehind,
  summaryLines,
  type SummaryClaim,
} from '@shared/subsidy/papers';
import { sumFen } from '@shared/subsidy/money';
import { documentFonts, makePrintContext, pdfLines } from '@tests/fixtures/documents';
import { lineWith } from '@tests/fixtures/pdf-text';
import { AGENCY_PAYEE, ENTERPRISE_PAYEE, HIRING_SCHEME, TRANSPORT_SCHEME, at, makeRows, rowText } from './fixtures';

const print = makePrintContext({ printedAt: '2026-12-07T16:30:00.000Z' });
const header = { county: '田东县', bureau: '田东县人力资源和社会保障局', period: '2026年度' };
const WORKERS = { id: 'workers', kind: 'worker' as const, name: '' };

/**
 * 30 claims: hiring paid to an enterprise (1,000.00) or an agency (400.00), and transport paid to
 * the workers (one of them 333.33, so that sums must be exact), over four townships.
 */
function claims(): SummaryClaim[] {
  return makeRows(30).map((row, index): SummaryClaim => {
    if (index % 3 === 2) {
      return {
        scheme: TRANSPORT_SCHEME,
        payee: WORKERS,
        row: { ...row, amountFen: index === 2 ? 33_333 : 50_000, standardFen: 50_000 },
      };
    }
    const payee = index % 3 === 0 ? ENTERPRISE_PAYEE : AGENCY_PAYEE;
    const amountFen = payee === ENTERPRISE_PAYEE ? 100_000 : 40_000;
    return { scheme: HIRING_SCHEME, payee, row: { ...row, amountFen, standardFen: amountFen } };
  });
}

describe('the summary by scheme, township and payee', () => {
  it('counts and sums each scheme, township and payee, with a subtotal per scheme and a grand total', () => {
    const all = claims();
    const lines = summaryLines(all, 'zh-CN');
    const total = at(lines, -1);
    expect(total).toMatchObject({
      level: 'total',
      count: 30,
      amountFen: sumFen(all.map((claim) => claim.row.amountFen)),
    });
    // 10 at 1,000.00, 10 at 400.00, 9 at 500.00 and 1 at 333.33.
    expect(total.amountFen).toBe(1_000_000 + 400_000 + 450_000 + 33_333);
    const subtotals = lines.filter((line) => line.level === 'subtotal');
    expect(subtotals.map((line) => [line.scheme, line.count, line.amountFen])).toEqual([
      // In pinyin order, as Chinese lists sort: xī before yī.
      ['吸纳就业补贴（2026年度）', 20, 1_400_000],
      ['一次性交通补助（2026年度）', 10, 483_333],
    ]);
    // Each scheme's lines come before its subtotal, and add up to it.
    for (const subtotal of subtotals) {
      const own = lines.filter((line) => line.level === 'line' && line.key.schemeId === subtotal.key.schemeId);
      expect(sumFen(own.map((line) => line.amountFen))).toBe(subtotal.amountFen);
      expect(own.reduce((sum, line) => sum + line.count, 0)).toBe(subtotal.count);
      expect(lines.indexOf(subtotal)).toBeGreaterThan(Math.max(...own.map((line) => lines.indexOf(line))));
    }
    const agencyInLinfeng = lines.find((line) => line.township === '林逢镇' && line.payee === AGENCY_PAYEE.name);
    expect(agencyInLinfeng).toMatchObject({ scheme: '吸纳就业补贴（2026年度）', level: 'line' });
  });

  it('counts workers paid in person as one payee per township, whatever id each claim gives them', () => {
    const all = claims().map((claim) =>
      claim.payee.kind === 'worker' ? { ...claim, payee: { ...claim.payee, id: claim.row.claimId } } : claim,
    );
    const transport = summaryLines(all, 'zh-CN').filter(
      (line) => line.level === 'line' && line.key.schemeId === TRANSPORT_SCHEME.id,
    );
    expect(transport.map((line) => [line.township, line.payee, line.count])).toEqual([
      ['林逢镇', '务工人员本人', 3],
      ['平马镇', '务工人员本人', 2],
      ['思林镇', '务工人员本人', 2],
      ['祥周镇', '务工人员本人', 3],
    ]);
    for (const line of transport) expect(claimsBehind(all, line.key, 'zh-CN')).toHaveLength(line.count);
  });

  it('answers the people behind every sum, and they make exactly that sum', () => {
    const all = claims();
    for (const line of summaryLines(all, 'zh-CN')) {
      const behind = claimsBehind(all, line.key, 'zh-CN');
      expect(behind, `${line.scheme} ${line.township} ${line.payee}`).toHaveLength(line.count);
      expect(sumFen(behind.map((claim) => claim.row.amountFen))).toBe(line.amountFen);
    }
    const line = summaryLines(all, 'zh-CN').find(
      (candidate) => candidate.township === '平马镇' && candidate.payee === '务工人员本人',
    );
    const names = claimsBehind(all, line?.key ?? {}, 'zh-CN').map((claim) => claim.row.claimId);
    const expected = all
      .filter((claim) => claim.scheme.id === TRANSPORT_SCHEME.id && claim.row.township === '平马镇')
      .map((claim) => claim.row.claimId);
    expect(new Set(names)).toEqual(new Set(expected));
  });

  it('as XLSX holds the lines, the total in capitals and, on request, the people behind them with IDs masked', async () => {
    const all = claims();
    const bytes = await buildSummaryXlsx(header, all, print, { withPeople: true });
    const sheets = await readXlsxFile(bytes.slice().buffer, { trim: false });
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['汇总', '人员明细']);
    const summary = at(sheets, 0).data.map(rowText);
    expect(summary[0]).toBe('田东县就业补贴汇总表（2026年度）');
    lineWith(summary, '补贴项目', '乡镇', '补贴对象', '人数', '金额（元）');
    lineWith(summary, '一次性交通补助（2026年度）', '小计', '10', '4833.33');
    lineWith(summary, '总计', '30', '18833.33');
    lineWith(summary, '人民币（大写）壹万捌仟捌佰叁拾叁元叁角叁分', '¥18,833.33');
    const people = at(sheets, 1).data;
    expect(people[0]).toEqual(['补贴项目', '乡镇', '补贴对象', '姓名', '性别', '身份证号', '务工单位', '金额（元）']);
    expect(people.filter((row) => typeof row[7] === 'number')).toHaveLength(30);
    const text = people.map(rowText).join('\n');
    for (const claim of all) {
      expect(text).toContain(maskResidentId(claim.row.residentId));
      expect(text).not.toContain(claim.row.residentId);
    }
    lineWith(people.map(rowText), '身份证号已遮挡');
    const plain = await readXlsxFile(
      (await buildSummaryXlsx(header, all, print, { withPeople: false })).slice().buffer,
    );
    expect(plain.map((sheet) => sheet.sheet)).toEqual(['汇总']);
  });

  it('as PDF lists the lines with their subtotals and the grand total in capitals', async () => {
    const all = claims();
    const lines = (await pdfLines(buildSummaryPdf(header, all, documentFonts(), print))).flat();
    lineWith(lines, '田东县就业补贴汇总表（2026年度）');
    lineWith(lines, '制表日期：2026年12月8日');
    lineWith(lines, '吸纳就业补贴（2026年度）', '小计', '20', '14,000.00');
    lineWith(lines, '总计', '30', '18,833.33');
    lineWith(lines, '总计金额：人民币（大写）壹万捌仟捌佰叁拾叁元叁角叁分（¥18,833.33）');
    lineWith(lines, '第 1 页 / 共 1 页');
  });

  it('as PDF lists, on request, the people behind the lines with IDs masked unless full numbers were chosen', async () => {
    const all = claims();
    const pages = await pdfLines(buildSummaryPdf(header, all, documentFonts(), print, { withPeople: true }));
    const people = pages.slice(1).flat();
    lineWith(people, '田东县就业补贴汇总表（2026年度）', '人员明细');
    lineWith(people, '补贴项目', '乡镇', '补贴对象', '姓名', '性别', '身份证号', '务工单位');
    for (const claim of all) lineWith(people, claim.row.name, maskResidentId(claim.row.residentId));
    expect(pages.flat().join('\n')).not.toMatch(/\d{18}/);
    lineWith(pages.flat(), '身份证号已遮挡');
    const full = (
      await pdfLines(
        buildSummaryPdf(header, all, documentFonts(), { ...print, fullNumbers: true }, { withPeople: true }),
      )
    ).flat();
    for (const claim of all) lineWith(full, claim.row.name, claim.row.residentId);
    lineWith(full, '完整身份证号版本');
    // Without people, nothing on the paper is an ID and the footer says nothing of masking.
    const bare = (
      await pdfLines(buildSummaryPdf(header, all, documentFonts(), { ...print, fullNumbers: true }))
    ).flat();
    expect(bare.join('\n')).not.toContain('身份证号');
  });

  it('has English words when the app is in English', async () => {
    const lines = (
      await pdfLines(buildSummaryPdf(header, claims(), documentFonts(), { ...print, language: 'en' }))
    ).flat();
    lineWith(lines, 'Subsidy', 'Township', 'Paid to', 'People', 'Amount (yuan)');
    lineWith(lines, 'Grand total', '30', '18,833.33');
    lineWith(lines, 'Workers in person');
  });
});
