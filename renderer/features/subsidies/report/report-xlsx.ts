/**
 * The subsidy report as an XLSX file (issue 18, item 6): a sheet per grouping (scheme, payee,
 * township, month), each with the title, the filter and the day it was made, a line per group with
 * owed, on notice, paid, rejected and their total in yuan with two decimals (summed in whole fen;
 * the cells hold the sums made, not formulas), and the grand total last.
 */
import type { TFunction } from 'i18next';
import type { SheetData } from 'write-excel-file/universal';
import { YUAN_FORMAT, displayWidth, xlsxBytes, yuanNumber } from '@shared/subsidy/papers/common';
import type { SubsidyReport } from '@shared/subsidy/report';
import { BUCKETS, REPORT_GROUPINGS, reportLines, standingCount, standingFen, type ReportLine } from './report-lines';

const BORDER = { borderColor: '#999999', borderStyle: 'thin' } as const;

/** The report's XLSX bytes; `filterLine` and `madeOn` are said under the title. */
export async function buildReportXlsx(
  report: SubsidyReport,
  { filterLine, madeOn }: { filterLine: string; madeOn: string },
  t: TFunction,
): Promise<Uint8Array> {
  const sheets = REPORT_GROUPINGS.map((grouping) => {
    const lines = reportLines(report, grouping, t);
    const withKind = grouping === 'payee';
    const labels = [
      t(`subsidy.report.columns.${grouping}`),
      ...(withKind ? [t('subsidy.report.columns.payeeKind')] : []),
      ...BUCKETS.map((bucket) => t(`subsidy.report.columns.${bucket}`)),
      t('subsidy.report.columns.total'),
      t('subsidy.report.columns.count'),
    ];
    const row = (line: ReportLine, bold: boolean) => {
      const weight = bold ? { fontWeight: 'bold' as const, backgroundColor: '#F2F2F2' } : {};
      return [
        { value: line.label, type: String, ...weight, ...BORDER },
        ...(withKind
          ? [{ value: line.payee ? t(`subsidy.payee.${line.payee}`) : undefined, type: String, ...weight, ...BORDER }]
          : []),
        ...BUCKETS.map((bucket) => ({
          value: yuanNumber(line.totals[bucket].fen),
          type: Number,
          format: YUAN_FORMAT,
          ...weight,
          ...BORDER,
        })),
        { value: yuanNumber(standingFen(line.totals)), type: Number, format: YUAN_FORMAT, ...weight, ...BORDER },
        { value: standingCount(line.totals), type: Number, align: 'center' as const, ...weight, ...BORDER },
      ];
    };
    const data: SheetData = [
      [
        {
          value: `${t('subsidy.report.title')} · ${t(`subsidy.report.by.${grouping}`)}`,
          type: String,
          fontWeight: 'bold',
          fontSize: 14,
        },
      ],
      [{ value: filterLine, type: String }],
      [{ value: madeOn, type: String }],
      labels.map((value) => ({
        value,
        type: String,
        fontWeight: 'bold' as const,
        align: 'center' as const,
        backgroundColor: '#E6ECF5',
        ...BORDER,
      })),
      ...lines.map((line) => row(line, false)),
      row({ key: '', label: t('subsidy.report.grandTotal'), totals: report.all }, true),
      [{ value: t('subsidy.report.totalHint'), type: String, textColor: '#646464' }],
    ];
    const widths = labels.map((label, index) =>
      Math.max(
        displayWidth(label) + 2,
        index === 0 ? Math.max(12, ...lines.map((line) => displayWidth(line.label) + 2)) : 14,
      ),
    );
    return {
      data,
      sheet: t(`subsidy.report.by.${grouping}`),
      stickyRowsCount: 4,
      columns: widths.map((width) => ({ width: Math.min(width, 60) })),
    };
  });
  return xlsxBytes(sheets);
}
