/**
 * What the subsidy papers share: their input checks (a clear message, nothing half made), the PDF
 * sheet with the papers' own footer, and the XLSX file. The PDF is the batch documents' Sheet
 * (shared/documents/sheet.ts: the document font, wrapped cells, the header row on every page);
 * only its footer differs, since a public notice says nothing of masking or operators, and it draws
 * plain tables faster (a roster has thousands of rows; see PaperSheet). The XLSX
 * is write-excel-file, as the worker list writes it (shared/roster/write.ts): a paper has a title
 * block, merged cells and borders, which the register's streaming writer does not make.
 */
import type { CellInput, RowInput } from 'jspdf-autotable';
import writeExcelFile from 'write-excel-file/universal';
import type { Sheet as XlsxSheet, SheetData } from 'write-excel-file/universal';
import type { Language } from '../../domain/records';
import { FALLBACK_STAND_INS, FONT_FAMILY } from '../../documents/fonts';
import type { DocumentFonts } from '../../documents/fonts';
import type { PrintContext } from '../../documents/model';
import { COLOURS, FONT_SIZE, FOOTER_HEIGHT, MARGIN, Sheet, TABLE_CELL } from '../../documents/sheet';
import type { SheetTableOptions } from '../../documents/sheet';
import { isFen, sumFen, type Fen } from '../money';
import { PAPER_PROBLEM_LABELS, fill, localized } from './labels';
import type { SubsidyPaperRow } from './model';

export type PaperProblemCode = keyof (typeof PAPER_PROBLEM_LABELS)['zh-CN'];

export interface PaperProblem {
  code: PaperProblemCode;
  params?: Readonly<Record<string, string | number>>;
}

/** A problem in words, in the user's language. */
export function paperProblemText(problem: PaperProblem, language: Language): string {
  return fill(localized(PAPER_PROBLEM_LABELS, language)[problem.code], problem.params ?? {});
}

/** Thrown by a builder given input it cannot make a true paper of; nothing is made. */
export class PaperInputError extends Error {
  readonly problems: readonly PaperProblem[];

  constructor(problems: readonly PaperProblem[]) {
    super(`subsidy paper refused: ${problems.map((problem) => problem.code).join(', ')}`);
    this.name = 'PaperInputError';
    this.problems = problems;
  }
}

/** Problems of the rows themselves: none at all, or an amount that is not whole fen. */
export function rowProblems(rows: readonly SubsidyPaperRow[]): PaperProblem[] {
  if (rows.length === 0) return [{ code: 'no-rows' }];
  const problems: PaperProblem[] = [];
  for (const row of rows) {
    if (!isFen(row.amountFen) || !isFen(row.standardFen)) {
      problems.push({ code: 'bad-amount', params: { name: row.name } });
    }
  }
  return problems;
}

export function throwIfProblems(problems: readonly PaperProblem[]): void {
  if (problems.length > 0) throw new PaperInputError(problems);
}

/** The exact total of the rows' amounts. */
export function totalFen(rows: readonly SubsidyPaperRow[]): Fen {
  return sumFen(rows.map((row) => row.amountFen));
}

/** An amount as a spreadsheet cell holds it: yuan, shown with two decimals (the sum is made in fen). */
export function yuanNumber(fen: Fen): number {
  return fen / 100;
}

/** Excel's number format for amounts: 1,000.00. */
export const YUAN_FORMAT = '#,##0.00';

/** The footer of a paper's pages: lines at the left (the first one may be an alert), the page label at the right. */
export interface PaperFooter {
  lines: readonly string[];
  /** The first line is a warning (full numbers printed): bold and red, as the manifest's. */
  alert: boolean;
  pageLabel: (page: number, pages: number) => string;
}

/** Room for the footer at the bottom of each page (the Sheet's own, three lines of footer text). */
const FOOTER_ROOM = 16;

/** Wrapped texts remembered per sheet: beyond this many, the memory is cleared and starts again. */
const WRAP_MEMORY = 50_000;

type Align = 'left' | 'center' | 'right';

/** A cell of a table as the papers draw it: its lines (printable), style and place across the columns. */
interface PlainCell {
  lines: string[];
  bold: boolean;
  align: Align;
  column: number;
  span: number;
}

interface PlainRow {
  cells: PlainCell[];
  height: number;
}

/** What jspdf-autotable gives jsPDF's `text` for a cell (its default text options), so that text is laid out alike. */
const CELL_TEXT_OPTIONS = {
  isInputVisual: false,
  isOutputVisual: undefined,
  isInputRtl: false,
  isOutputRtl: undefined,
  isSymmetricSwapping: false,
};

/** jspdf-autotable's line height for placing a cell's text: the first baseline sits this many font sizes lower. */
const PHYSICAL_LINE_HEIGHT = 1.15;

function isAlign(value: unknown): value is Align {
  return value === 'left' || value === 'center' || value === 'right';
}

/** Whether a style object asks for no more than a weight and an alignment. */
function plainStyles(styles: object | undefined): styles is { fontStyle?: 'normal' | 'bold'; halign?: Align } {
  if (styles === undefined) return true;
  return Object.entries(styles).every(
    ([key, value]) =>
      (key === 'fontStyle' && (value === 'normal' || value === 'bold')) || (key === 'halign' && isAlign(value)),
  );
}

/** jsPDF's record of a font, as its encoder takes it. */
interface EncodingFont {
  id: string | number;
  encoding: string;
  metadata: unknown;
}

/** What the tables use of the interface jsPDF gives its plugins (`doc.internal`). */
interface PluginInterface {
  /** The current font. */
  getFont: () => EncodingFont;
  /** Writes to the current page's content. */
  write: (value: string) => void;
}

/**
 * Texts that jsPDF's `text` must draw itself: stand-ins of fallback-font characters (drawn run by
 * run, see documents/fonts.ts) and right-to-left scripts (reordered by jsPDF's bidi step).
 */
const NEEDS_TEXT_CALL = new RegExp(`${FALLBACK_STAND_INS.source}|[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]`);

/** A text drawn in a cell: where its baseline starts on the page, in millimetres. */
interface PlacedText {
  text: string;
  x: number;
  y: number;
}

/**
 * A Sheet of the document font whose footer is the paper's own. It remembers how each text wraps
 * in each font and width: a roster of 10,000 repeats its employers, places, household types, dates
 * and amounts thousands of times, and wrapping (breaking and measuring) is a third of a table's cost.
 *
 * Its tables are the Sheet's tables (same cells, rules, header row on every page, rows kept whole),
 * drawn page by page instead of cell by cell: the rules of a page as lines across the table, the
 * text of a page in one text object per weight, and each distinct text measured and encoded once:
 * the roster of 10,000 people draws its table in under a second, where jspdf-autotable took five
 * (tests/bench/subsidy-papers.ts). A table with anything more than plain cells (hooks, fills per
 * column, rows taller than a page) is left to jspdf-autotable.
 */
export class PaperSheet extends Sheet {
  private readonly wrapped = new Map<string, string[]>();
  /** Widths of printable texts in font units, per weight: `width × size` is the width. */
  private readonly unitWidths = { normal: new Map<string, number>(), bold: new Map<string, number>() };
  /** Texts as jsPDF encodes them, per font. */
  private readonly encodings = new Map<string | number, Map<string, string>>();

  constructor(
    fonts: DocumentFonts,
    print: PrintContext,
    private readonly footer: PaperFooter,
  ) {
    super(fonts, print);
  }

  override wrap(text: string, width: number): string[] {
    const font = this.doc.getFont();
    const key = `${font.fontName}|${font.fontStyle}|${this.doc.getFontSize()}|${width.toFixed(3)}|${text}`;
    const known = this.wrapped.get(key);
    if (known) return [...known];
    const lines = super.wrap(text, width);
    if (this.wrapped.size >= WRAP_MEMORY) this.wrapped.clear();
    this.wrapped.set(key, lines);
    return [...lines];
  }

  override table(options: SheetTableOptions): number {
    if (options.onPage || options.didDrawCell || options.bodyMinCellHeight) return super.table(options);
    const fontSize = options.fontSize ?? FONT_SIZE.table;
    const head = this.plainRows(options.head, 'head', options, fontSize);
    const body = this.plainRows(options.body, 'body', options, fontSize);
    if (!head || !body) return super.table(options);
    return this.drawPlainTable(head, body, options, fontSize);
  }

  /** Sets the table font (only when it changes, which is seldom). */
  private tableFont(bold: boolean, size: number): void {
    const font = this.doc.getFont();
    const style = bold ? 'bold' : 'normal';
    if (font.fontName !== FONT_FAMILY || font.fontStyle !== style) this.doc.setFont(FONT_FAMILY, style);
    if (this.doc.getFontSize() !== size) this.doc.setFontSize(size);
  }

  /** The rows with their cells wrapped and their heights, or null when some cell is more than plain. */
  private plainRows(
    rows: readonly RowInput[],
    section: 'head' | 'body',
    options: SheetTableOptions,
    fontSize: number,
  ): PlainRow[] | null {
    const padding = TABLE_CELL.padding;
    const lineHeight = (fontSize / this.doc.internal.scaleFactor) * this.doc.getLineHeightFactor();
    const columnAligns = options.widths.map((_, index) => {
      const styles = options.columnStyles?.[index];
      if (section === 'head' || !styles) return 'left';
      if (!plainStyles(styles)) return null;
      return styles.fontStyle === undefined ? (styles.halign ?? 'left') : null;
    });
    if (columnAligns.includes(null)) return null;
    const planned: PlainRow[] = [];
    for (const row of rows) {
      if (!Array.isArray(row)) return null;
      const cells: PlainCell[] = [];
      let column = 0;
      let height = 0;
      for (const input of row as CellInput[]) {
        if (column >= options.widths.length) break;
        let content: unknown = input;
        let span = 1;
        let styles: { fontStyle?: 'normal' | 'bold'; halign?: Align } = {};
        if (input !== null && typeof input === 'object') {
          const {
            content: inner,
            colSpan,
            styles: own,
            ...rest
          } = input as {
            content?: unknown;
            colSpan?: number;
            styles?: object;
          };
          if (Object.keys(rest).length > 0 || !plainStyles(own)) return null;
          content = inner;
          span = Math.max(1, Math.min(colSpan ?? 1, options.widths.length - column));
          styles = own ?? {};
        }
        const bold = (styles.fontStyle ?? (section === 'head' ? 'bold' : 'normal')) === 'bold';
        const align = styles.halign ?? columnAligns[column] ?? 'left';
        let width = 0;
        for (let spanned = column; spanned < column + span; spanned += 1) width += options.widths[spanned] ?? 0;
        this.tableFont(bold, fontSize);
        if (content !== null && content !== undefined && typeof content !== 'string' && typeof content !== 'number') {
          return null;
        }
        const text = typeof content === 'string' || typeof content === 'number' ? String(content) : '';
        const lines = this.wrap(text, width - 2 * padding).map((line) => this.typeface.printable(line));
        cells.push({ lines, bold, align, column, span });
        height = Math.max(height, lines.length * lineHeight + 2 * padding);
        column += span;
      }
      planned.push({ cells, height });
    }
    return planned;
  }

  /** Width of a printable text in the current table font, in millimetres (each text measured once per weight). */
  private textWidth(text: string, bold: boolean, fontSize: number): number {
    const known = bold ? this.unitWidths.bold : this.unitWidths.normal;
    let unit = known.get(text);
    if (unit === undefined) {
      this.tableFont(bold, fontSize);
      unit = this.doc.getStringUnitWidth(text);
      if (known.size >= WRAP_MEMORY) known.clear();
      known.set(text, unit);
    }
    return (unit * fontSize) / this.doc.internal.scaleFactor;
  }

  private drawPlainTable(head: PlainRow[], body: PlainRow[], options: SheetTableOptions, fontSize: number): number {
    const doc = this.doc;
    const before = {
      font: doc.getFont(),
      size: doc.getFontSize(),
      text: doc.getTextColor(),
      draw: doc.getDrawColor(),
      lineWidth: doc.getLineWidth(),
    };
    const top = MARGIN + (options.reserveTop ?? 0);
    const bottom = MARGIN + FOOTER_HEIGHT + (options.reserveBottom ?? 0);
    const headHeight = head.reduce((sum, row) => sum + row.height, 0);
    const pageHeight = (): number => doc.internal.pageSize.getHeight();
    // Rows taller than a page are split across pages: jspdf-autotable knows how.
    if (body.some((row) => row.height > pageHeight() - top - bottom - headHeight)) return super.table(options);
    const edges = [MARGIN];
    for (const width of options.widths) edges.push((edges.at(-1) ?? MARGIN) + width);
    const page = new TablePage(this, edges, fontSize);
    const nextPage = (): number => {
      page.draw();
      if (this.pageNumber < this.pageCount) doc.setPage(this.pageNumber + 1);
      else doc.addPage();
      return top;
    };
    let y = options.startY;
    if (y + bottom + headHeight > pageHeight()) y = nextPage();
    const heads = (at: number): number => head.reduce((next, row) => page.add(row, next, true), at);
    y = heads(y);
    body.forEach((row, index) => {
      if (row.height > pageHeight() - y - bottom) y = heads(nextPage());
      y = page.add(row, y, false);
      options.onRow?.(index);
    });
    page.draw();
    doc.setFont(before.font.fontName, before.font.fontStyle);
    doc.setFontSize(before.size);
    doc.setTextColor(before.text);
    doc.setDrawColor(before.draw);
    doc.setLineWidth(before.lineWidth);
    return y;
  }

  /**
   * @internal The texts of a table's page in one weight, in one text object. jsPDF's `text` makes
   * a text object per call and encodes the string anew each time (most of a table's cost); here
   * the first text goes through `text` (which sets the colour and marks the font used), the others
   * are written as one text object through jsPDF's plugin interface, each distinct string encoded
   * once by jsPDF's own encoder (which records the glyphs for the font subset). Texts that need
   * `text` itself (fallback-font runs, right-to-left script) are drawn by it.
   */
  drawTableTexts(texts: readonly PlacedText[], bold: boolean, fontSize: number): void {
    const doc = this.doc;
    this.tableFont(bold, fontSize);
    doc.setTextColor(...COLOURS.text);
    const plugin = doc.internal as unknown as PluginInterface;
    const font = plugin.getFont();
    const scale = doc.internal.scaleFactor;
    const height = doc.internal.pageSize.getHeight();
    let drawn = false;
    let operators = '';
    // Each text's start, in thousandths of a point from the bottom left of the page, moved to from
    // the one before (the first from the corner).
    let lastX = 0;
    let lastY = 0;
    for (const { text, x, y } of texts) {
      if (!drawn || NEEDS_TEXT_CALL.test(text)) {
        doc.text(text, x, y, CELL_TEXT_OPTIONS);
        drawn = true;
        continue;
      }
      const pointX = Math.round(x * scale * 1000);
      const pointY = Math.round((height - y) * scale * 1000);
      operators += `${String((pointX - lastX) / 1000)} ${String((pointY - lastY) / 1000)} Td\n<${this.encoded(text, font)}> Tj\n`;
      lastX = pointX;
      lastY = pointY;
    }
    if (operators !== '') {
      plugin.write(`BT\n/${String(font.id)} ${fontSize} Tf\n${operators}ET`);
    }
  }

  /** A text as jsPDF encodes it for `text` in the document font (glyph numbers in hex), each string once. */
  private encoded(text: string, font: EncodingFont): string {
    let known = this.encodings.get(font.id);
    if (!known) {
      known = new Map();
      this.encodings.set(font.id, known);
    }
    let hex = known.get(text);
    if (hex === undefined) {
      hex = (this.doc as unknown as { pdfEscape16: (text: string, font: EncodingFont) => string }).pdfEscape16(
        text,
        font,
      );
      if (known.size >= WRAP_MEMORY) known.clear();
      known.set(text, hex);
    }
    return hex;
  }

  /** @internal Where a cell's lines go: as jspdf-autotable places them (middle of the cell, padded). */
  placeCell(cell: PlainCell, x: number, width: number, y: number, height: number, fontSize: number): PlacedText[] {
    const padding = TABLE_CELL.padding;
    const size = fontSize / this.doc.internal.scaleFactor;
    const lineHeight = size * this.doc.getLineHeightFactor();
    let lineY = y + height / 2 + size * (2 - PHYSICAL_LINE_HEIGHT) - (cell.lines.length / 2) * lineHeight;
    const placed: PlacedText[] = [];
    for (const line of cell.lines) {
      if (line !== '') {
        let lineX = x + padding;
        if (cell.align === 'right') lineX = x + width - padding - this.textWidth(line, cell.bold, fontSize);
        if (cell.align === 'center') lineX = x + width / 2 - this.textWidth(line, cell.bold, fontSize) / 2;
        placed.push({ text: line, x: lineX, y: lineY });
      }
      lineY += lineHeight;
    }
    return placed;
  }

  override finish(): Uint8Array {
    const pages = this.pageCount;
    const lineHeight = this.lineHeight(FONT_SIZE.footer);
    for (let page = 1; page <= pages; page += 1) {
      this.doc.setPage(page);
      const bottom = this.pageHeight - MARGIN;
      this.rule(MARGIN, bottom - FOOTER_ROOM + 1, this.pageWidth - MARGIN);
      const lines = this.footer.lines;
      lines.forEach((text, index) => {
        const alert = this.footer.alert && index === 0;
        this.line(text, MARGIN, bottom - (lines.length - index) * lineHeight, {
          size: FONT_SIZE.footer,
          bold: alert,
          colour: alert ? COLOURS.alert : COLOURS.muted,
        });
      });
      this.line(this.footer.pageLabel(page, pages), this.pageWidth - MARGIN, bottom - lineHeight, {
        size: FONT_SIZE.footer,
        align: 'right',
      });
    }
    return new Uint8Array(this.doc.output('arraybuffer'));
  }
}

/**
 * One page of a {@link PaperSheet} table being laid out: its rows' places, the shaded header rows,
 * and the texts; drawn when the page is full.
 */
class TablePage {
  private rows: { row: PlainRow; y: number; head: boolean }[] = [];

  constructor(
    private readonly sheet: PaperSheet,
    /** x of the left edge of each column, and of the table's right edge last. */
    private readonly edges: readonly number[],
    private readonly fontSize: number,
  ) {}

  /** Puts a row at `y`; returns the y below it. */
  add(row: PlainRow, y: number, head: boolean): number {
    this.rows.push({ row, y, head });
    return y + row.height;
  }

  /** Draws the rows put on the page so far: shading, rules, then texts; and starts afresh. */
  draw(): void {
    const { rows, edges, sheet } = this;
    this.rows = [];
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return;
    const doc = sheet.doc;
    const left = edges[0] ?? MARGIN;
    const right = edges.at(-1) ?? left;
    const half = TABLE_CELL.lineWidth / 2;
    doc.setFillColor(...COLOURS.heading);
    for (const { row, y } of rows.filter((placed) => placed.head)) doc.rect(left, y, right - left, row.height, 'F');
    // The Sheet's tables fill their body cells white; so does this, in one rectangle for the page's
    // body rows: viewers anti-alias text on a filled area a shade differently from text on the bare page.
    const body = rows.filter((placed) => !placed.head);
    const firstBody = body[0];
    const lastBody = body.at(-1);
    if (firstBody && lastBody) {
      doc.setFillColor(255, 255, 255);
      doc.rect(left, firstBody.y, right - left, lastBody.y + lastBody.row.height - firstBody.y, 'F');
    }
    doc.setDrawColor(...COLOURS.rule);
    doc.setLineWidth(TABLE_CELL.lineWidth);
    // Across the table: above the first row and below each row, reaching over the side rules' width.
    doc.line(left - half, first.y, right + half, first.y);
    for (const { row, y } of rows) doc.line(left - half, y + row.height, right + half, y + row.height);
    // Down the table: each column's edge, in one line over the rows that have a cell edge there.
    edges.forEach((x, edge) => {
      let from: number | null = null;
      let to = first.y;
      for (const { row, y } of rows) {
        const inside = row.cells.some((cell) => cell.column < edge && edge < cell.column + cell.span);
        if (inside) {
          if (from !== null) doc.line(x, from, x, to);
          from = null;
        } else {
          from ??= y;
        }
        to = y + row.height;
      }
      if (from !== null) doc.line(x, from, x, to);
    });
    const texts = { normal: [] as PlacedText[], bold: [] as PlacedText[] };
    for (const { row, y } of rows) {
      for (const cell of row.cells) {
        const x = edges[cell.column] ?? left;
        const width = (edges[cell.column + cell.span] ?? right) - x;
        texts[cell.bold ? 'bold' : 'normal'].push(...sheet.placeCell(cell, x, width, y, row.height, this.fontSize));
      }
    }
    sheet.drawTableTexts(texts.normal, false, this.fontSize);
    sheet.drawTableTexts(texts.bold, true, this.fontSize);
  }
}

/** Width in Excel's character units of a text: a Chinese character takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/** The sheets as one XLSX file's bytes. */
export async function xlsxBytes(sheets: readonly XlsxSheet<Blob>[]): Promise<Uint8Array> {
  const blob = await writeExcelFile([...sheets]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export type { SheetData };
