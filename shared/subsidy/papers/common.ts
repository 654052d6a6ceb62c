/**
 * What the subsidy papers share: their input checks (a clear message, nothing half made), the PDF
 * sheet with the papers' own footer, and the XLSX file. The PDF is the batch documents' Sheet
 * (shared/documents/sheet.ts: the document font, wrapped cells, the header row on every page);
 * only its footer differs, since a public notice says nothing of masking or operators. The XLSX
 * is write-excel-file, as the worker list writes it (shared/roster/write.ts): a paper has a title
 * block, merged cells and borders, which the register's streaming writer does not make.
 */
import writeExcelFile from 'write-excel-file/universal';
import type { Sheet as XlsxSheet, SheetData } from 'write-excel-file/universal';
import type { Language } from '../../domain/records';
import type { DocumentFonts } from '../../documents/fonts';
import type { PrintContext } from '../../documents/model';
import { COLOURS, FONT_SIZE, MARGIN, Sheet } from '../../documents/sheet';
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

/**
 * A Sheet of the document font whose footer is the paper's own. It remembers how each text wraps
 * in each font and width: a roster of 10,000 repeats its employers, places, household types, dates
 * and amounts thousands of times, and wrapping (breaking and measuring) is a third of a table's cost.
 */
export class PaperSheet extends Sheet {
  private readonly wrapped = new Map<string, string[]>();

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
