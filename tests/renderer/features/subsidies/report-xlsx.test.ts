/**
 * The subsidy report as an XLSX file (issue 18, item 6): a sheet per grouping, each line's owed, on
 * notice, paid, rejected and total in yuan with two decimals, and the grand total, read back.
 */
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { createI18n } from '@renderer/i18n';
import { buildReportXlsx } from '@renderer/features/subsidies/report/report-xlsx';
import { withWorkersAsOne } from '@renderer/features/subsidies/report/report-lines';
import { subsidyReport, type ReportClaim } from '@shared/subsidy/report';

const base = {
  schemeId: 's1',
  schemeName: '2026 年吸纳就业补贴',
  year: 2026,
  payee: 'enterprise',
  payeeId: 'e1',
  payeeName: '深圳市鹏达电子科技有限公司',
  township: '林逢镇',
  dueOn: '2026-03-01',
  noticeFrom: null,
  paidOn: null,
} as const;

const claims: ReportClaim[] = [
  { ...base, id: 'c1', status: 'paid', amountFen: 100_000, paidOn: '2026-03-10' },
  { ...base, id: 'c2', status: 'on-notice', amountFen: 100_001, noticeFrom: '2026-04-01', township: '思林镇' },
  {
    ...base,
    id: 'c3',
    schemeId: 's2',
    schemeName: '2026 年一次性交通补助',
    payee: 'worker',
    payeeId: 'w1',
    payeeName: '陆春燕',
    status: 'eligible',
    amountFen: 50_050,
  },
];

describe('the report as XLSX', () => {
  it('has a sheet per grouping with each line and the grand total in yuan', async () => {
    const { t } = createI18n('zh-CN');
    const report = subsidyReport(withWorkersAsOne(claims, t));
    const bytes = await buildReportXlsx(report, { filterLine: '年度：2026 年', madeOn: '制表日期：2026-06-15' }, t);
    const sheets = await readXlsxFile(bytes.slice().buffer);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['按补贴项目', '按领款方', '按乡镇', '按月份']);
    const rows = (index: number) => (sheets[index]?.data ?? []).map((row) => row.map((cell) => cell ?? ''));
    const bySchemes = rows(0);
    expect(bySchemes[0]?.[0]).toBe('补贴汇总报表 · 按补贴项目');
    expect(bySchemes[1]?.[0]).toBe('年度：2026 年');
    expect(bySchemes[3]).toEqual([
      '补贴项目',
      '应发未发（元）',
      '公示中（元）',
      '已发放（元）',
      '已退回（元）',
      '合计（元）',
      '份数',
    ]);
    expect(bySchemes.slice(4, 7)).toEqual([
      ['2026 年吸纳就业补贴', 0, 1000.01, 1000, 0, 2000.01, 2],
      ['2026 年一次性交通补助', 500.5, 0, 0, 0, 500.5, 1],
      ['总计', 500.5, 1000.01, 1000, 0, 2500.51, 3],
    ]);
    expect(rows(1).slice(4, 6)).toEqual([
      ['深圳市鹏达电子科技有限公司', '用人单位', 0, 1000.01, 1000, 0, 2000.01, 2],
      ['务工人员本人', '务工人员本人', 500.5, 0, 0, 0, 500.5, 1],
    ]);
    expect(
      rows(2)
        .slice(4, 7)
        .map((row) => [row[0], row[5]]),
    ).toEqual([
      ['林逢镇', 1500.5],
      ['思林镇', 1000.01],
      ['总计', 2500.51],
    ]);
    expect(
      rows(3)
        .slice(4, 7)
        .map((row) => row[0]),
    ).toEqual(['2026 年 3 月', '2026 年 4 月', '总计']);
  });
});
