/**
 * One PDF being written: A4 pages in either orientation, the document font, tables that wrap their
 * cells properly, and a footer on every page (page x of y, printed-at time, operator, the masking
 * notice or the full-numbers notice, and any totals the page's section asks for). Every document
 * draws onto a Sheet, so "print all" is several documents drawn onto one.
 */
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import type { CellInput, RowInput, Styles, UserOptions } from 'jspdf-autotable';
import { formatTimestamp } from '../dates';
import { DocumentTypeface, FONT_FAMILY } from './fonts';
import type { DocumentFonts } from './fonts';
import { COMMON_LABELS, fill, localized } from './labels';
import type { PrintContext } from './model';
import { wrapText } from './wrap';

export type Orientation = 'portrait' | 'landscape';

/** Page margin, in millimetres. */
export const MARGIN = 12;
/** The sides of an A4 sheet, in millimetres. */
const A4_SHORT_SIDE = 210;
const A4_LONG_SIDE = 297;

/** Room kept free at the bottom of every page for the footer. */
export const FOOTER_HEIGHT = 16;

export const FONT_SIZE = { title: 15, heading: 11, body: 9, table: 8, footer: 7 } as const;

/** The cells of every table: padding and rule width, in millimetres. */
export const TABLE_CELL = { padding: 1.2, lineWidth: 0.15 } as const;

/** Points to millimetres, for line heights. */
const PT_TO_MM = 25.4 / 72;

export type Rgb = readonly [number, number, number];

export const COLOURS = {
  text: [20, 20, 20],
  muted: [100, 100, 100],
  rule: [160, 160, 160],
  heading: [230, 236, 245],
  alert: [190, 20, 20],
} as const satisfies Record<string, Rgb>;

export class DocumentAbortedError extends Error {
  constructor() {
    super('document build cancelled');
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DocumentAbortedError();
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  colour?: Rgb;
  align?: 'left' | 'center' | 'right';
}

export interface SheetTableOptions {
  head: CellInput[][];
  body: RowInput[];
  startY: number;
  /** Column widths in millimetres, in column order; they should add up to the page's content width. */
  widths: readonly number[];
  /** Extra per-column styles, by column index. */
  columnStyles?: Record<number, Partial<Styles>>;
  fontSize?: number;
  /** Called for each page the table draws on (its first page too). */
  onPage?: (pageNumber: number) => void;
  /** Rows drawn so far, for progress. */
  onRow?: (rowIndex: number) => void;
  didDrawCell?: UserOptions['didDrawCell'];
  bodyMinCellHeight?: number;
  /** Extra room kept free at the top of each page the table continues on (for a running header). */
  reserveTop?: number;
  /** Extra room kept free at the bottom of each of the table's pages (for what must follow it). */
  reserveBottom?: number;
}

export class Sheet {
  readonly doc: jsPDF;
  readonly typeface: DocumentTypeface;
  private readonly notes = new Map<number, string[]>();
  private started = false;

  constructor(
    fonts: DocumentFonts,
    readonly print: PrintContext,
  ) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
    this.typeface = new DocumentTypeface(this.doc, fonts);
    this.doc.setTextColor(...COLOURS.text);
  }

  get language(): PrintContext['language'] {
    return this.print.language;
  }

  get pageWidth(): number {
    return this.doc.internal.pageSize.getWidth();
  }

  get pageHeight(): number {
    return this.doc.internal.pageSize.getHeight();
  }

  /** Width between the margins. */
  get contentWidth(): number {
    return this.pageWidth - 2 * MARGIN;
  }

  /** Width between the margins of an A4 page in `orientation`, whichever page is current. */
  contentWidthOf(orientation: Orientation): number {
    return (orientation === 'landscape' ? A4_LONG_SIDE : A4_SHORT_SIDE) - 2 * MARGIN;
  }

  /** The lowest y that content may reach before the footer. */
  get contentBottom(): number {
    return this.pageHeight - MARGIN - FOOTER_HEIGHT;
  }

  get pageNumber(): number {
    return this.doc.getCurrentPageInfo().pageNumber;
  }

  get pageCount(): number {
    return this.doc.getNumberOfPages();
  }

  /** A fresh page (the document's first page is used for the first call); returns the top y. */
  newPage(orientation: Orientation): number {
    if (this.started) {
      this.doc.addPage('a4', orientation);
    } else {
      this.started = true;
      if (orientation !== 'portrait') {
        // jsPDF always opens with one page; swap it for one in the wanted orientation.
        this.doc.addPage('a4', orientation);
        this.doc.deletePage(1);
      }
    }
    return MARGIN;
  }

  /**
   * Throws away page `pageNumber` and every page after it, to draw them again another way; the
   * next {@link newPage} continues from the page before.
   */
  discardPagesFrom(pageNumber: number): void {
    if (pageNumber <= 1) {
      // jsPDF keeps at least one page: leave one blank page, which the next newPage reuses.
      this.doc.addPage('a4', 'portrait');
      this.started = false;
    }
    for (let page = this.pageCount - (pageNumber <= 1 ? 1 : 0); page >= Math.max(pageNumber, 1); page -= 1) {
      this.doc.deletePage(page);
      this.notes.delete(page);
    }
    this.doc.setPage(this.pageCount);
  }

  /** Lines printed in the footer of `pageNumber`, above the page numbers (vehicle totals and the like). */
  setPageNote(pageNumber: number, lines: readonly string[]): void {
    this.notes.set(pageNumber, [...lines]);
  }

  setStyle(style: TextStyle = {}): void {
    this.doc.setFont(FONT_FAMILY, style.bold ? 'bold' : 'normal');
    this.doc.setFontSize(style.size ?? FONT_SIZE.body);
    this.doc.setTextColor(...(style.colour ?? COLOURS.text));
  }

  /** Width of text in the current style, in millimetres. */
  measure(text: string): number {
    return this.doc.getTextWidth(this.typeface.printable(text));
  }

  lineHeight(size: number = FONT_SIZE.body): number {
    return size * PT_TO_MM * 1.35;
  }

  /** Writes one line of text (its baseline at `y + line height × 0.8`); returns the y below it. */
  line(text: string, x: number, y: number, style: TextStyle = {}): number {
    this.setStyle(style);
    const size = style.size ?? FONT_SIZE.body;
    this.doc.text(this.typeface.printable(text), x, y + this.lineHeight(size) * 0.8, { align: style.align ?? 'left' });
    return y + this.lineHeight(size);
  }

  /** Writes text wrapped to `width`; returns the y below it. */
  paragraph(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    this.setStyle(style);
    let next = y;
    for (const line of wrapText(text, width, (part) => this.measure(part))) {
      next = this.line(line, x, next, style);
    }
    return next;
  }

  /** The lines `text` needs within `width` in the current style. */
  wrap(text: string, width: number): string[] {
    return wrapText(text, width, (part) => this.measure(part));
  }

  rule(x1: number, y: number, x2: number, colour: Rgb = COLOURS.rule): void {
    this.doc.setDrawColor(...colour);
    this.doc.setLineWidth(0.2);
    this.doc.line(x1, y, x2, y);
  }

  /**
   * A table with the document font in both styles, cells wrapped by {@link wrapText}, the header
   * repeated on every page and rows never split across pages. Returns the y below the table.
   */
  table(options: SheetTableOptions): number {
    const fontSize = options.fontSize ?? FONT_SIZE.table;
    const columnStyles: Record<number, Partial<Styles>> = {};
    options.widths.forEach((width, index) => {
      columnStyles[index] = { cellWidth: width, ...options.columnStyles?.[index] };
    });
    let lastRow = -1;
    autoTable(this.doc, {
      head: options.head,
      body: options.body,
      startY: options.startY,
      margin: {
        top: MARGIN + (options.reserveTop ?? 0),
        bottom: MARGIN + FOOTER_HEIGHT + (options.reserveBottom ?? 0),
        left: MARGIN,
        right: MARGIN,
      },
      theme: 'grid',
      rowPageBreak: 'avoid',
      showHead: 'everyPage',
      tableWidth: options.widths.reduce((sum, width) => sum + width, 0),
      styles: {
        font: FONT_FAMILY,
        fontStyle: 'normal',
        fontSize,
        cellPadding: TABLE_CELL.padding,
        lineColor: COLOURS.rule as unknown as [number, number, number],
        lineWidth: TABLE_CELL.lineWidth,
        textColor: COLOURS.text as unknown as [number, number, number],
        valign: 'middle',
        overflow: (text: string | string[], width: number) => {
          const source = Array.isArray(text) ? text.join('\n') : text;
          return this.wrap(source, width).map((line) => this.typeface.printable(line));
        },
      },
      headStyles: {
        font: FONT_FAMILY,
        fontStyle: 'bold',
        fillColor: COLOURS.heading as unknown as [number, number, number],
        textColor: COLOURS.text as unknown as [number, number, number],
      },
      bodyStyles: options.bodyMinCellHeight ? { minCellHeight: options.bodyMinCellHeight } : {},
      columnStyles,
      didDrawPage: (data) => {
        options.onPage?.(data.pageNumber);
      },
      didDrawCell: (data) => {
        if (data.section === 'body' && data.row.index !== lastRow) {
          lastRow = data.row.index;
          options.onRow?.(lastRow);
        }
        options.didDrawCell?.(data);
      },
    });
    const finalY = (this.doc as unknown as { lastAutoTable?: { finalY: number } }).lastAutoTable?.finalY;
    return finalY ?? options.startY;
  }

  /** A signature line: label, then a rule to write on. */
  signature(label: string, x: number, y: number, width: number): void {
    this.line(label, x, y, { size: FONT_SIZE.body });
    this.rule(x + this.measure(label) + 2, y + this.lineHeight() * 0.9, x + width);
  }

  /** The printed-at time as people read it. */
  get printedAt(): string {
    return formatTimestamp(this.print.printedAt, this.language);
  }

  private drawFooters(): void {
    const labels = localized(COMMON_LABELS, this.language);
    const pages = this.pageCount;
    const operator = this.print.operator.trim() || labels.none;
    const stamp = [fill(labels.printedAt, { at: this.printedAt }), fill(labels.operator, { operator })].join('  ·  ');
    const privacy = this.print.fullNumbers ? fill(labels.fullNumbers, { operator, at: this.printedAt }) : labels.masked;
    const lineHeight = this.lineHeight(FONT_SIZE.footer);
    for (let page = 1; page <= pages; page += 1) {
      this.doc.setPage(page);
      const bottom = this.pageHeight - MARGIN;
      let y = bottom - FOOTER_HEIGHT + 1.5;
      this.rule(MARGIN, y - 0.5, this.pageWidth - MARGIN);
      for (const note of this.notes.get(page) ?? []) {
        y = this.line(note, MARGIN, y, { size: FONT_SIZE.footer, bold: true });
      }
      // The last two lines: which version this is (masked or full numbers), then who printed it
      // when, with the page number at the right.
      this.line(privacy, MARGIN, bottom - 2 * lineHeight, {
        size: FONT_SIZE.footer,
        bold: this.print.fullNumbers,
        colour: this.print.fullNumbers ? COLOURS.alert : COLOURS.muted,
      });
      this.line(stamp, MARGIN, bottom - lineHeight, { size: FONT_SIZE.footer, colour: COLOURS.muted });
      this.line(fill(labels.pageOf, { page, pages }), this.pageWidth - MARGIN, bottom - lineHeight, {
        size: FONT_SIZE.footer,
        align: 'right',
      });
    }
  }

  /** Draws every page's footer and returns the PDF. */
  finish(): Uint8Array {
    this.drawFooters();
    return new Uint8Array(this.doc.output('arraybuffer'));
  }
}
