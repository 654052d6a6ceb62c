/**
 * The figures behind the dashboard as one XLSX file (issue 19, item 4): a sheet of the key figures
 * beside the year before, then one sheet per chart with every bar behind it (not only those the
 * page has room for). Headers in the user's language, counts as numbers, yuan as numbers with two
 * decimals, days as the language writes them. Written as the subsidy papers write theirs.
 */
import { formatCalendarDate, formatTimestamp } from '../../dates';
import { COMMON_LABELS, fill, localized } from '../../documents/labels';
import { STATUS_LABELS } from '../../documents/parts';
import type { BatchStatus } from '../../domain/records';
import { displayWidth, xlsxBytes, YUAN_FORMAT, yuanNumber, type SheetData } from '../../subsidy/papers/common';
import { IN_POST_DAYS, share, type PeriodFigures } from '../index';
import {
  chartTitles,
  documentTitle,
  periodWords,
  placeName,
  printLabels,
  scopeWords,
  type DashboardPrintInput,
} from './model';

type Cell = SheetData[number][number];

const BORDER = { borderStyle: 'thin', borderColor: '#A0A0A0' } as const;
const BATCH_STATUSES: readonly BatchStatus[] = [
  'draft',
  'planned',
  'ready',
  'departed',
  'arrived',
  'handed-over',
  'closed',
];

const text = (value: string, style: object = {}): Cell => ({ value, type: String, ...BORDER, ...style });
const count = (value: number, style: object = {}): Cell => ({
  value,
  type: Number,
  format: '#,##0',
  ...BORDER,
  ...style,
});
const yuan = (fen: number, style: object = {}): Cell => ({
  value: yuanNumber(fen),
  type: Number,
  format: YUAN_FORMAT,
  ...BORDER,
  ...style,
});
const percent = (value: string | null): Cell =>
  value === null ? text('') : { value: Number(value), type: Number, format: '0.00', ...BORDER };
const BOLD = { fontWeight: 'bold' } as const;

function header(labels: readonly string[]): Cell[] {
  return labels.map((value) => text(value, { fontWeight: 'bold', align: 'center', backgroundColor: '#E6ECF5' }));
}

/** A sheet: its title row, then its header and rows, columns as wide as their widest text. */
function sheet(name: string, title: string, head: readonly string[], rows: Cell[][]) {
  const data: SheetData = [[{ value: title, type: String, fontWeight: 'bold' }], header(head), ...rows];
  const widths = head.map((label, column) =>
    Math.min(
      60,
      Math.max(
        10,
        displayWidth(label) + 2,
        ...rows.map((row) => {
          const cell = row[column];
          const value = cell !== null && typeof cell === 'object' && 'value' in cell ? cell.value : null;
          return typeof value === 'string' ? displayWidth(value) + 2 : 12;
        }),
      ),
    ),
  );
  return { data, sheet: name, stickyRowsCount: 2, columns: widths.map((width) => ({ width })) };
}

/** The dashboard's figures as XLSX bytes. */
export async function dashboardXlsx(input: DashboardPrintInput): Promise<Uint8Array> {
  const { dashboard, print } = input;
  const { language } = print;
  const labels = printLabels(language);
  const common = localized(COMMON_LABELS, language);
  const titles = chartTitles(dashboard, language);
  const date = (day: string) => formatCalendarDate(day, language);

  const { current, yearBefore } = dashboard.figures;
  const figureRow = (label: string, of: (figures: PeriodFigures) => Cell): Cell[] => [
    text(label),
    of(current),
    of(yearBefore),
  ];
  const yuanLabel = (what: string) => fill(labels.yuanHeader, { what });
  const figures: SheetData = [
    [{ value: documentTitle(input), type: String, fontWeight: 'bold', fontSize: 14 }],
    [{ value: periodWords(input.filter, language), type: String }],
    [{ value: scopeWords(input), type: String }],
    [
      {
        value: fill(labels.madeAt, {
          at: formatTimestamp(print.printedAt, language),
          operator: print.operator.trim() || common.none,
        }),
        type: String,
        textColor: '#646464',
      },
    ],
    header([labels.figure, labels.current, labels.yearBefore]),
    figureRow(labels.peopleSent, (f) => count(f.peopleSent, BOLD)),
    figureRow(labels.poorCount, (f) => count(f.registeredPoor.count)),
    figureRow(labels.poorPercent, (f) => percent(f.registeredPoor.percent)),
    figureRow(labels.batchesDeparted, (f) => count(f.batchesDeparted)),
    figureRow(labels.batchesPlanned, (f) => count(f.batchesPlanned)),
    figureRow(labels.handedOver, (f) => count(f.handedOver)),
    ...IN_POST_DAYS.map((days) => figureRow(fill(labels.inPost, { days }), (f) => count(f.inPost[days]))),
    figureRow(yuanLabel(labels.owed), (f) => yuan(f.subsidies.owedFen)),
    figureRow(yuanLabel(labels.onNotice), (f) => yuan(f.subsidies.onNoticeFen)),
    figureRow(yuanLabel(labels.paid), (f) => yuan(f.subsidies.paidFen)),
    [text(labels.overdue), count(dashboard.figures.overdueContacts), text('')],
  ];
  const figuresSheet = {
    data: figures,
    sheet: labels.sheetFigures,
    stickyRowsCount: 5,
    columns: [{ width: 26 }, { width: 18 }, { width: 18 }],
  };

  const title = (index: number) => titles[index] ?? '';
  const grouped = (groups: typeof dashboard.sentByCounty): Cell[][] =>
    groups.flatMap((group) => [
      [text(placeName(group.label, labels), BOLD), text(labels.total, BOLD), count(group.people, BOLD)],
      ...group.parts.map((part) => [
        text(placeName(group.label, labels)),
        text(placeName(part.label, labels)),
        count(part.people),
      ]),
    ]);
  const { funnel } = dashboard;
  const step = (label: string, people: number): Cell[] => [
    text(label),
    count(people),
    percent(share(people, funnel.sent).percent),
  ];
  const statuses = localized(STATUS_LABELS, language);

  const sheets = [
    figuresSheet,
    sheet(
      labels.sheetMonths,
      title(0),
      [labels.month, labels.people],
      dashboard.sentByMonth.map((bar) => [text(bar.key), count(bar.people)]),
    ),
    sheet(labels.sheetHome, title(1), [labels.county, labels.township, labels.people], grouped(dashboard.sentByCounty)),
    sheet(
      labels.sheetDestinations,
      title(2),
      [labels.province, labels.city, labels.people],
      grouped(dashboard.sentByDestination),
    ),
    sheet(
      labels.sheetEnterprises,
      title(3),
      [labels.enterprise, labels.people],
      dashboard.topEnterprises.map((bar) => [text(placeName(bar.label, labels)), count(bar.people)]),
    ),
    sheet(
      labels.sheetFunnel,
      title(4),
      [labels.funnelStep, labels.people, fill(labels.percentHeader, { what: labels.ofSent })],
      [
        step(labels.sent, funnel.sent),
        step(labels.handedOver, funnel.handedOver),
        ...IN_POST_DAYS.map((days) => step(fill(labels.inPost, { days }), funnel.inPost[days])),
      ],
    ),
    sheet(
      labels.sheetWeeks,
      title(5),
      [
        labels.weekFrom,
        labels.batch,
        labels.date,
        labels.status,
        labels.passengers,
        labels.seated,
        labels.capacity,
        ...BATCH_STATUSES.map((status) => statuses[status]),
      ],
      dashboard.comingWeeks.flatMap((week) => [
        [
          text(date(week.from), BOLD),
          text(fill(labels.weekTotal, { count: week.batches.length }), BOLD),
          text(''),
          text(''),
          count(week.passengers, BOLD),
          count(week.seated, BOLD),
          count(week.capacity, BOLD),
          ...BATCH_STATUSES.map((status) => count(week.byStatus[status], BOLD)),
        ],
        ...week.batches.map((batch) => [
          text(date(week.from)),
          text(batch.name),
          text(date(batch.date)),
          text(statuses[batch.status]),
          count(batch.passengers),
          count(batch.seated),
          count(batch.capacity),
          ...BATCH_STATUSES.map(() => text('')),
        ]),
      ]),
    ),
    sheet(
      labels.sheetHealth,
      title(6),
      [
        labels.batch,
        labels.date,
        labels.passengers,
        labels.checked,
        labels.passed,
        labels.recheck,
        labels.failed,
        labels.expired,
        labels.notChecked,
      ],
      dashboard.healthSoon.map(({ name, date: day, progress }) => [
        text(name),
        text(date(day)),
        count(progress.total),
        count(progress.checked),
        count(progress.passed),
        count(progress.recheck),
        count(progress.failed),
        count(progress.expired),
        count(progress.notChecked),
      ]),
    ),
    sheet(
      labels.sheetSubsidies,
      title(7),
      [
        labels.scheme,
        fill(labels.yuanHeader, { what: labels.owed }),
        fill(labels.yuanHeader, { what: labels.onNotice }),
        fill(labels.yuanHeader, { what: labels.paid }),
        fill(labels.yuanHeader, { what: labels.rejected }),
      ],
      dashboard.subsidiesByScheme.map((scheme) => [
        text(scheme.schemeName),
        yuan(scheme.owedFen),
        yuan(scheme.onNoticeFen),
        yuan(scheme.paidFen),
        yuan(scheme.rejectedFen),
      ]),
    ),
  ];
  return xlsxBytes(sheets);
}
