/**
 * The dashboard on one A4 page for the director (issue 19, item 4): the title, the period and the
 * filter, the key figures beside the same period a year earlier, and the eight charts drawn as
 * vectors (bars, axes, labels, legends) in the documents' font.
 *
 * Portrait: it is filed and read with the other papers, and four rows of two charts leave each
 * chart 91 mm wide, room for a place's or an enterprise's name beside its bar (landscape would give
 * four charts of 66 mm a row). Everything has a fixed box: a chart shows as many bars as its box
 * holds, the rest summed in one "其他" bar, and shortens a long name with an ellipsis, so the page
 * holds whatever the data.
 */
import { formatTimestamp } from '../../dates';
import type { DocumentFonts } from '../../documents/fonts';
import { COMMON_LABELS, fill, localized } from '../../documents/labels';
import { drawTitle } from '../../documents/parts';
import { COLOURS, FONT_SIZE, MARGIN, Sheet, type Rgb, type TextStyle } from '../../documents/sheet';
import { formatYuan } from '../../subsidy/money';
import { IN_POST_DAYS, share, type PeriodFigures } from '../index';
import {
  chartTitles,
  documentTitle,
  monthName,
  numberWriter,
  periodWords,
  placeChart,
  placeName,
  printLabels,
  scopeWords,
  type DashboardPrintInput,
  type PrintLabels,
} from './model';

/** A box on the page, in millimetres. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PALETTE = {
  bar: [47, 110, 186],
  light: [190, 211, 236],
  green: [70, 150, 90],
  orange: [230, 145, 56],
  red: [200, 60, 50],
  grey: [175, 175, 175],
  axis: [120, 120, 120],
  grid: [225, 225, 225],
} as const satisfies Record<string, Rgb>;

const SIZE = { chartTitle: 8.5, label: 6.5, small: 6, figures: 7.5 } as const;
const ELLIPSIS = '…';
/** A name is cut between the characters a reader sees, never inside one (a surrogate pair, a combined mark). */
const GRAPHEMES = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const CHART_GAP = 4;
const FOOTER_ROOM = 8;
/** A horizontal bar's row: at least this high (as many bars as fit), at most this (a few bars). */
const MIN_ROW = 4.2;
const MAX_ROW = 6.5;

/** The people of a bar, its words and value as printed. */
interface Row {
  label: string;
  value: number;
  text: string;
}

/** One segment of a stacked bar. */
interface Segment {
  value: number;
  colour: Rgb;
}

interface LegendItem {
  label: string;
  colour: Rgb;
}

class DashboardPage {
  readonly labels: PrintLabels;
  readonly n: (value: number) => string;

  constructor(
    readonly sheet: Sheet,
    readonly input: DashboardPrintInput,
  ) {
    this.labels = printLabels(input.print.language);
    this.n = numberWriter(input.print.language);
  }

  get doc() {
    return this.sheet.doc;
  }

  /** Text with its baseline at `y`. */
  text(value: string, x: number, y: number, style: TextStyle): void {
    this.sheet.setStyle(style);
    this.doc.text(this.sheet.typeface.printable(value), x, y, { align: style.align ?? 'left' });
  }

  width(value: string, style: TextStyle): number {
    this.sheet.setStyle(style);
    return this.sheet.measure(value);
  }

  /** `value` cut to `width` with an ellipsis when it is wider. */
  fit(value: string, width: number, style: TextStyle): string {
    if (this.width(value, style) <= width) return value;
    const chars = Array.from(GRAPHEMES.segment(value), (part) => part.segment);
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.width(chars.slice(0, middle).join('') + ELLIPSIS, style) <= width) low = middle;
      else high = middle - 1;
    }
    return low === 0 ? ELLIPSIS : chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
  }

  rect(x: number, y: number, width: number, height: number, colour: Rgb): void {
    if (width <= 0 || height <= 0) return;
    this.doc.setFillColor(...colour);
    this.doc.rect(x, y, width, height, 'F');
  }

  stroke(x1: number, y1: number, x2: number, y2: number, colour: Rgb, width = 0.2): void {
    this.doc.setDrawColor(...colour);
    this.doc.setLineWidth(width);
    this.doc.line(x1, y1, x2, y2);
  }

  /** The chart's frame and title; returns the box left for the plot. */
  frame(box: Box, title: string, legend: readonly LegendItem[] = []): Box {
    const style = { size: SIZE.chartTitle, bold: true };
    this.text(this.fit(title, box.width, style), box.x, box.y + 3.2, style);
    let top = box.y + 5;
    if (legend.length > 0) {
      let x = box.x;
      const legendStyle = { size: SIZE.small, colour: COLOURS.muted };
      for (const item of legend) {
        const width = this.width(item.label, legendStyle);
        if (x + 3 + width > box.x + box.width) break;
        this.rect(x, top + 0.6, 2.2, 2.2, item.colour);
        this.text(item.label, x + 3, top + 2.6, legendStyle);
        x += 3 + width + 3;
      }
      top += 4;
    }
    return { x: box.x, y: top + 0.5, width: box.width, height: box.y + box.height - top - 0.5 };
  }

  /** A word in the middle of an empty plot, so that an empty chart says why it is empty. */
  empty(plot: Box, words: string): void {
    this.text(words, plot.x + plot.width / 2, plot.y + plot.height / 2, {
      size: SIZE.label,
      colour: COLOURS.muted,
      align: 'center',
    });
  }

  /**
   * Horizontal bars, largest first as given: as many as the plot holds, the others summed into one
   * "其他" bar; names shortened to the label column. Stacked when segments are given.
   */
  horizontal(plot: Box, given: readonly (Row & { segments?: Segment[] })[], options: { other?: boolean } = {}): void {
    const room = Math.max(1, Math.floor(plot.height / MIN_ROW));
    let rows: (Row & { segments?: Segment[]; other?: boolean })[] = [...given];
    if (rows.length > room) {
      if (options.other === false) rows = rows.slice(0, room);
      else {
        const rest = rows.slice(room - 1);
        const value = rest.reduce((sum, row) => sum + row.value, 0);
        rows = [...rows.slice(0, room - 1), { label: this.labels.other, value, text: this.n(value), other: true }];
      }
    }
    const rowHeight = Math.min(MAX_ROW, plot.height / Math.max(1, rows.length));
    const labelStyle = { size: SIZE.label };
    const valueStyle = { size: SIZE.label, colour: COLOURS.muted };
    const labelWidth = Math.min(
      plot.width * 0.36,
      Math.max(8, ...rows.map((row) => this.width(row.label, labelStyle))) + 1,
    );
    const valueWidth = Math.max(...rows.map((row) => this.width(row.text, valueStyle))) + 1.5;
    const barsLeft = plot.x + labelWidth + 1;
    const barsWidth = Math.max(5, plot.x + plot.width - barsLeft - valueWidth);
    // Scaled to the named bars: "其他" may sum hundreds of them, and is cut short with a break mark.
    const named = rows.filter((row) => !row.other);
    const max = Math.max(1, ...(named.length > 0 ? named : rows).map((row) => row.value));
    const barHeight = Math.min(3.6, rowHeight * 0.66);
    rows.forEach((row, index) => {
      const top = plot.y + index * rowHeight;
      const middle = top + rowHeight / 2;
      this.text(this.fit(row.label, labelWidth - 1, labelStyle), plot.x + labelWidth - 0.5, middle + 1, {
        ...labelStyle,
        align: 'right',
      });
      let x = barsLeft;
      if (row.other) {
        const length = Math.min(row.value / max, 1) * barsWidth;
        this.rect(x, middle - barHeight / 2, length, barHeight, PALETTE.grey);
        if (row.value > max) {
          const at = x + length * 0.8;
          this.stroke(at, middle + barHeight / 2 + 0.3, at + 1, middle - barHeight / 2 - 0.3, [255, 255, 255], 0.6);
          this.stroke(at + 1, middle + barHeight / 2 + 0.3, at + 2, middle - barHeight / 2 - 0.3, [255, 255, 255], 0.6);
        }
        x += length;
      } else {
        for (const segment of row.segments ?? [{ value: row.value, colour: PALETTE.bar }]) {
          const length = (segment.value / max) * barsWidth;
          this.rect(x, middle - barHeight / 2, length, barHeight, segment.colour);
          x += length;
        }
      }
      this.text(row.text, x + 1, middle + 1, valueStyle);
    });
    const bottom = plot.y + Math.max(rows.length, 1) * rowHeight;
    this.stroke(barsLeft, plot.y, barsLeft, bottom, PALETTE.axis);
  }

  /** Vertical bars along a time axis, every bar labelled when there is room, else every k-th one counting from the largest. */
  vertical(plot: Box, rows: readonly Row[]): void {
    const labelStyle = { size: SIZE.small };
    const valueStyle = { size: SIZE.small, colour: COLOURS.muted };
    const max = Math.max(0, ...rows.map((row) => row.value));
    const top = niceTop(max);
    const tickWidth = Math.max(...[0, top / 2, top].map((tick) => this.width(this.n(tick), valueStyle))) + 1;
    const left = plot.x + tickWidth;
    const bottom = plot.y + plot.height - 3.5;
    const height = bottom - (plot.y + 3);
    const width = plot.x + plot.width - left;
    for (const tick of [0, top / 2, top]) {
      const y = bottom - (tick / top) * height;
      if (tick > 0) this.stroke(left, y, left + width, y, PALETTE.grid, 0.15);
      this.text(this.n(tick), left - 0.8, y + 0.8, { ...valueStyle, align: 'right' });
    }
    const slot = width / Math.max(1, rows.length);
    const barWidth = slot * 0.7;
    const largest = rows.findIndex((row) => row.value === max);
    const widest = Math.max(...rows.map((row) => this.width(row.label, labelStyle)), 1);
    const step = Math.max(1, Math.ceil((widest + 1) / slot));
    const everyValue = rows.every((row) => this.width(row.text, valueStyle) <= slot - 0.3);
    rows.forEach((row, index) => {
      const x = left + index * slot + (slot - barWidth) / 2;
      const barHeight = (row.value / top) * height;
      this.rect(x, bottom - barHeight, barWidth, barHeight, PALETTE.bar);
      const centre = x + barWidth / 2;
      if ((index - largest) % step === 0) {
        this.text(row.label, centre, bottom + 2.8, { ...labelStyle, align: 'center' });
      }
      if (row.value > 0 && (everyValue || index === largest)) {
        this.text(row.text, centre, bottom - barHeight - 0.7, { ...valueStyle, align: 'center' });
      }
    });
    this.stroke(left, bottom, left + width, bottom, PALETTE.axis);
    this.stroke(left, plot.y + 2, left, bottom, PALETTE.axis);
  }
}

/** The top of a value axis: a round number at least `max` whose half is whole (250 for 211). */
function niceTop(max: number): number {
  if (max <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const factor of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const top = Math.round(factor * power);
    if (top >= max && top % 2 === 0) return top;
  }
  return 10 * power;
}

function keyFigures(page: DashboardPage, box: Box): void {
  const { labels, n, input } = page;
  const { current, yearBefore } = input.dashboard.figures;
  const people = (count: number) => fill(labels.peopleUnit, { count: n(count) });
  const shareOf = (figures: PeriodFigures) =>
    figures.registeredPoor.percent === null
      ? labels.shareNone
      : fill(labels.share, {
          count: n(figures.registeredPoor.count),
          of: n(figures.registeredPoor.of),
          percent: figures.registeredPoor.percent,
        });
  const yuan = (what: string) => fill(labels.yuanHeader, { what });
  const left: [string, string, string][] = [
    [labels.peopleSent, people(current.peopleSent), people(yearBefore.peopleSent)],
    [labels.registeredPoor, shareOf(current), shareOf(yearBefore)],
    [labels.handedOver, people(current.handedOver), people(yearBefore.handedOver)],
    ...IN_POST_DAYS.map((days): [string, string, string] => [
      fill(labels.inPost, { days }),
      people(current.inPost[days]),
      people(yearBefore.inPost[days]),
    ]),
  ];
  const right: [string, string, string][] = [
    [labels.batchesDeparted, n(current.batchesDeparted), n(yearBefore.batchesDeparted)],
    [labels.batchesPlanned, n(current.batchesPlanned), n(yearBefore.batchesPlanned)],
    [yuan(labels.owed), formatYuan(current.subsidies.owedFen), formatYuan(yearBefore.subsidies.owedFen)],
    [yuan(labels.onNotice), formatYuan(current.subsidies.onNoticeFen), formatYuan(yearBefore.subsidies.onNoticeFen)],
    [yuan(labels.paid), formatYuan(current.subsidies.paidFen), formatYuan(yearBefore.subsidies.paidFen)],
    [labels.overdue, people(input.dashboard.figures.overdueContacts), '—'],
  ];
  const half = (box.width - CHART_GAP) / 2;
  figureTable(page, { ...box, width: half }, left);
  figureTable(page, { ...box, x: box.x + half + CHART_GAP, width: half }, right);
}

function figureTable(page: DashboardPage, box: Box, rows: readonly [string, string, string][]): void {
  const { labels } = page;
  const rowHeight = box.height / (rows.length + 1);
  const columns = [box.width * 0.34, box.width * 0.33, box.width * 0.33];
  const style: TextStyle = { size: SIZE.figures };
  const head: TextStyle = { size: SIZE.figures, bold: true };
  page.rect(box.x, box.y, box.width, rowHeight, COLOURS.heading);
  const all: [string, string, string][] = [[labels.figure, labels.current, labels.yearBefore], ...rows];
  all.forEach((row, index) => {
    const baseline = box.y + index * rowHeight + rowHeight / 2 + 1;
    const rowStyle = index === 0 ? head : style;
    let x = box.x;
    row.forEach((cell, column) => {
      const width = columns[column] ?? 0;
      const shown = page.fit(cell, width - 2, column === 1 && index > 0 ? { ...rowStyle, bold: true } : rowStyle);
      if (column === 0) page.text(shown, x + 1, baseline, rowStyle);
      else
        page.text(shown, x + width - 1, baseline, {
          ...rowStyle,
          bold: rowStyle.bold === true || column === 1,
          colour: column === 2 && index > 0 ? COLOURS.muted : COLOURS.text,
          align: 'right',
        });
      x += width;
    });
    page.stroke(
      box.x,
      box.y + (index + 1) * rowHeight,
      box.x + box.width,
      box.y + (index + 1) * rowHeight,
      COLOURS.rule,
      0.15,
    );
  });
  page.stroke(box.x, box.y, box.x + box.width, box.y, COLOURS.rule, 0.15);
}

function charts(page: DashboardPage, area: Box): void {
  const { labels, n, input } = page;
  const { dashboard } = input;
  const language = input.print.language;
  const titles = chartTitles(dashboard, language);
  const columnWidth = (area.width - CHART_GAP) / 2;
  const rowHeight = (area.height - 3 * CHART_GAP) / 4;
  const boxes: Box[] = Array.from({ length: 8 }, (_, index) => ({
    x: area.x + (index % 2) * (columnWidth + CHART_GAP),
    y: area.y + Math.floor(index / 2) * (rowHeight + CHART_GAP),
    width: columnWidth,
    height: rowHeight,
  }));
  const box = (index: number): Box => boxes[index] ?? { x: 0, y: 0, width: 0, height: 0 };
  const title = (index: number): string => titles[index] ?? '';
  const peopleRow = (label: string, people: number): Row => ({ label, value: people, text: n(people) });

  // 1. People sent per month.
  {
    const plot = page.frame(box(0), title(0));
    const months = dashboard.sentByMonth;
    if (months.every((month) => month.people === 0)) page.empty(plot, labels.noData);
    else {
      // Over more than two years, every labelled month says its year: a label is every k-th month.
      const years = new Set(months.map((month) => month.key.slice(0, 4)));
      page.vertical(
        plot,
        months.map((month, index) =>
          peopleRow(
            monthName(
              month.key,
              language,
              years.size > 1 && (months.length > 24 || index === 0 || month.key.endsWith('-01')),
            ),
            month.people,
          ),
        ),
      );
    }
  }
  // 2 and 3. By home county (or township) and by destination province (or city).
  for (const [index, groups] of [
    [1, dashboard.sentByCounty],
    [2, dashboard.sentByDestination],
  ] as const) {
    const plot = page.frame(box(index), title(index));
    const { bars } = placeChart(groups);
    if (bars.length === 0) page.empty(plot, labels.noData);
    else
      page.horizontal(
        plot,
        bars.map((bar) => peopleRow(placeName(bar.label, labels), bar.people)),
      );
  }
  // 4. The enterprises that received the most.
  {
    const plot = page.frame(box(3), title(3));
    if (dashboard.topEnterprises.length === 0) page.empty(plot, labels.noData);
    else
      page.horizontal(
        plot,
        dashboard.topEnterprises.map((bar) => peopleRow(placeName(bar.label, labels), bar.people)),
      );
  }
  // 5. The funnel: sent, handed over, in post at 30, 90, 180 days, with the share of those sent.
  {
    const plot = page.frame(box(4), title(4));
    const { funnel } = dashboard;
    if (funnel.sent === 0) page.empty(plot, labels.noData);
    else {
      const step = (label: string, count: number): Row => {
        const percent = share(count, funnel.sent).percent ?? '0.00';
        return { label, value: count, text: `${n(count)} (${percent}%)` };
      };
      page.horizontal(
        plot,
        [
          step(labels.sent, funnel.sent),
          step(labels.handedOver, funnel.handedOver),
          ...IN_POST_DAYS.map((days) => step(fill(labels.inPost, { days }), funnel.inPost[days])),
        ],
        { other: false },
      );
    }
  }
  // 6. The batches of the coming weeks: seats, passengers and those seated, per week.
  {
    const legend = [
      { label: labels.seated, colour: PALETTE.green },
      { label: labels.passengers, colour: PALETTE.bar },
      { label: labels.capacity, colour: PALETTE.light },
    ];
    const weeks = dashboard.comingWeeks;
    const none = weeks.every((week) => week.batches.length === 0);
    const plot = page.frame(box(5), title(5), none ? [] : legend);
    if (none) page.empty(plot, labels.noData);
    else {
      page.horizontal(
        plot,
        weeks.map((week) => {
          const batches = week.batches.length;
          const top = Math.max(week.capacity, week.passengers);
          const seated = Math.min(week.seated, week.passengers);
          return {
            label: `${fill(labels.weekLabel, { date: shortDate(week.from, language) })} (${n(batches)})`,
            value: top,
            text: `${n(week.passengers)} / ${n(week.capacity)}`,
            segments: [
              { value: seated, colour: PALETTE.green },
              { value: week.passengers - seated, colour: PALETTE.bar },
              { value: top - week.passengers, colour: PALETTE.light },
            ],
          };
        }),
        { other: false },
      );
    }
  }
  // 7. Health checks of the batches leaving in the next three days.
  {
    const legend = [
      { label: labels.passed, colour: PALETTE.green },
      { label: labels.recheck, colour: PALETTE.orange },
      { label: labels.failed, colour: PALETTE.red },
      { label: labels.expired, colour: PALETTE.grey },
      { label: labels.notChecked, colour: PALETTE.light },
    ];
    const soon = [...dashboard.healthSoon].sort((a, b) => b.progress.total - a.progress.total);
    const plot = page.frame(box(6), title(6), soon.length === 0 ? [] : legend);
    if (soon.length === 0) page.empty(plot, labels.noneSoon);
    else
      page.horizontal(
        plot,
        soon.map(({ name, date, progress }) => ({
          label: `${shortDate(date, language)} ${name}`,
          value: progress.total,
          text: `${n(progress.passed)} / ${n(progress.total)}`,
          segments: [
            { value: progress.passed, colour: PALETTE.green },
            { value: progress.recheck, colour: PALETTE.orange },
            { value: progress.failed, colour: PALETTE.red },
            { value: progress.expired, colour: PALETTE.grey },
            { value: progress.notChecked, colour: PALETTE.light },
          ],
        })),
        { other: false },
      );
  }
  // 8. Subsidies by scheme: paid, on notice, owed.
  {
    const legend = [
      { label: labels.paid, colour: PALETTE.green },
      { label: labels.onNotice, colour: PALETTE.orange },
      { label: labels.owed, colour: PALETTE.bar },
    ];
    const schemes = dashboard.subsidiesByScheme
      .map((scheme) => ({ scheme, total: scheme.paidFen + scheme.onNoticeFen + scheme.owedFen }))
      .filter(({ total }) => total > 0)
      .sort((a, b) => b.total - a.total);
    const plot = page.frame(box(7), title(7), schemes.length === 0 ? [] : legend);
    if (schemes.length === 0) page.empty(plot, labels.noData);
    else
      page.horizontal(
        plot,
        schemes.map(({ scheme, total }) => ({
          label: scheme.schemeName,
          value: total,
          text: formatYuan(total),
          segments: [
            { value: scheme.paidFen, colour: PALETTE.green },
            { value: scheme.onNoticeFen, colour: PALETTE.orange },
            { value: scheme.owedFen, colour: PALETTE.bar },
          ],
        })),
        { other: false },
      );
  }
}

/** A day in a chart's label: 12月7日 / Dec 7. */
function shortDate(date: string, language: DashboardPrintInput['print']['language']): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return language === 'zh-CN' ? `${month}月${day}日` : `${monthName(date.slice(0, 7), 'en', false)} ${day}`;
}

function footer(page: DashboardPage): void {
  const { sheet, input } = page;
  const common = localized(COMMON_LABELS, input.print.language);
  const bottom = sheet.pageHeight - MARGIN;
  sheet.rule(MARGIN, bottom - FOOTER_ROOM + 2, sheet.pageWidth - MARGIN);
  const operator = input.print.operator.trim() || common.none;
  const words = [
    fill(page.labels.printedAt, { at: formatTimestamp(input.print.printedAt, input.print.language) }),
    fill(common.operator, { operator }),
  ].join('  ·  ');
  page.text(words, MARGIN, bottom - 1.5, { size: FONT_SIZE.footer, colour: COLOURS.muted });
}

/** The dashboard as a one-page A4 PDF (portrait), in the documents' font. */
export function dashboardPdf(input: DashboardPrintInput, fonts: DocumentFonts): Uint8Array {
  const sheet = new Sheet(fonts, input.print);
  const page = new DashboardPage(sheet, input);
  let y = sheet.newPage('portrait');
  const subtitleStyle = { size: FONT_SIZE.body };
  const subtitle = page.fit(
    `${periodWords(input.filter, input.print.language)}    ${scopeWords(input)}`,
    sheet.contentWidth,
    subtitleStyle,
  );
  y = drawTitle(
    sheet,
    y,
    page.fit(documentTitle(input), sheet.contentWidth, { size: FONT_SIZE.title, bold: true }),
    subtitle,
  );
  const figuresHeight = 7 * 4.4;
  keyFigures(page, { x: MARGIN, y, width: sheet.contentWidth, height: figuresHeight });
  y += figuresHeight + 5;
  charts(page, {
    x: MARGIN,
    y,
    width: sheet.contentWidth,
    height: sheet.pageHeight - MARGIN - FOOTER_ROOM - y,
  });
  footer(page);
  return new Uint8Array(sheet.doc.output('arraybuffer'));
}
