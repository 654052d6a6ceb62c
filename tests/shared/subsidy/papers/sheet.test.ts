import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { CellInput, RowInput } from 'jspdf-autotable';
import { Sheet, type SheetTableOptions } from '@shared/documents/sheet';
import { PaperSheet } from '@shared/subsidy/papers/common';
import { documentFonts, makePrintContext, pdfTextItems, type PdfTextItem } from '@tests/fixtures/documents';
import { makeRows } from './fixtures';

/** 𠕇 (U+20547): not in Noto Sans SC, drawn by the fallback font. */
const FALLBACK_ONLY = '\u{20547}';

const print = makePrintContext({ printedAt: '2026-12-07T08:00:00.000Z' });
const FOOTER = { lines: ['页脚'], alert: false, pageLabel: (page: number, pages: number) => `${page}/${pages}` };

/**
 * A table of every kind of cell the papers print: wrapped text, centred and right-aligned columns,
 * empty cells, a name in the fallback font and one beyond the Basic Multilingual Plane, and a
 * closing row of merged bold cells; long enough to run over three pages.
 */
function table(): Omit<SheetTableOptions, 'startY'> {
  const rows = makeRows(60);
  const body: RowInput[] = rows.map((row, index) => [
    String(index + 1),
    index === 4 ? `张${FALLBACK_ONLY}三` : index === 7 ? '覃\u{20087}明' : row.name,
    row.employer,
    row.workPlace,
    String(row.months),
    (row.amountFen / 100).toFixed(2),
    row.note,
  ]);
  const total: CellInput[] = [
    { content: '合计', colSpan: 2, styles: { fontStyle: 'bold', halign: 'center' } },
    { content: '60人', colSpan: 3, styles: { fontStyle: 'bold' } },
    { content: '60,000.00', styles: { fontStyle: 'bold', halign: 'right' } },
    '',
  ];
  body.push(total);
  return {
    head: [['序号', '姓名', '务工单位', '务工地点', '务工月数', '补贴金额（元）', '备注']],
    body,
    widths: [12, 24, 40, 40, 14, 24, 30],
    columnStyles: { 0: { halign: 'center' }, 4: { halign: 'center' }, 5: { halign: 'right' } },
    reserveTop: 6,
  };
}

interface Drawn {
  end: number;
  pageOfRow: number[];
  bytes: Uint8Array;
}

function draw(sheet: Sheet): Drawn {
  const pageOfRow: number[] = [];
  sheet.newPage('portrait');
  const end = sheet.table({ ...table(), startY: 40, onRow: (index) => (pageOfRow[index] = sheet.pageNumber) });
  // The pages as drawn, before either sheet adds its own footer.
  return { end, pageOfRow, bytes: new Uint8Array(sheet.doc.output('arraybuffer')) };
}

const place = (value: number): number => Math.round(value * 100);
const byPlace = (a: PdfTextItem, b: PdfTextItem): number =>
  a.page - b.page || place(a.y) - place(b.y) || place(a.x) - place(b.x);

/** Each page rendered in grey levels at `dpi`, with pdftoppm. */
function rendered(bytes: Uint8Array, dpi: number): PNG[] {
  const folder = mkdtempSync(join(tmpdir(), 'planner-paper-sheet-'));
  try {
    const file = join(folder, 'table.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, join(folder, 'page')]);
    const pages = execFileSync('ls', [folder])
      .toString()
      .split('\n')
      .filter((name) => name.endsWith('.png'));
    return pages.sort().map((name) => PNG.sync.read(readFileSync(join(folder, name))));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the tables of the subsidy papers', () => {
  it('put every text where the documents’ own tables put it, on the same pages, and end at the same place', async () => {
    const own = draw(new Sheet(documentFonts(), print));
    const paper = draw(new PaperSheet(documentFonts(), print, FOOTER));
    expect(paper.end).toBeCloseTo(own.end, 6);
    expect(paper.pageOfRow).toEqual(own.pageOfRow);
    expect(new Set(own.pageOfRow).size).toBe(3);
    const expected = (await pdfTextItems(own.bytes)).sort(byPlace);
    const items = (await pdfTextItems(paper.bytes)).sort(byPlace);
    expect(items.map((item) => [item.page, item.text])).toEqual(expected.map((item) => [item.page, item.text]));
    items.forEach((item, index) => {
      expect(item.x).toBeCloseTo(expected[index]?.x ?? NaN, 3);
      expect(item.y).toBeCloseTo(expected[index]?.y ?? NaN, 3);
    });
    // The header row on every page, the fallback-font name and the closing row among them.
    expect(items.filter((item) => item.text === '序号').map((item) => item.page)).toEqual([1, 2, 3]);
    expect(items.some((item) => item.text.includes(FALLBACK_ONLY))).toBe(true);
    expect(items.some((item) => item.text.includes('\u{20087}'))).toBe(true);
    expect(items.filter((item) => item.text === '60,000.00').map((item) => item.page)).toEqual([3]);
  });

  it('look as the documents’ own tables look: rules, shading and text', () => {
    const own = rendered(draw(new Sheet(documentFonts(), print)).bytes, 100);
    const paper = rendered(draw(new PaperSheet(documentFonts(), print, FOOTER)).bytes, 100);
    expect(paper).toHaveLength(own.length);
    paper.forEach((page, index) => {
      const expected = own[index];
      if (!expected) throw new Error(`no page ${index + 1}`);
      expect([page.width, page.height]).toEqual([expected.width, expected.height]);
      let differing = 0;
      // Grey levels: every fourth byte of RGBA holds the same value three times.
      for (let at = 0; at < page.data.length; at += 4) {
        if (Math.abs((page.data[at] ?? 0) - (expected.data[at] ?? 0)) > 32) differing += 1;
      }
      // A pixel or two where corners of rules meet, out of the 800,000 of a page.
      expect(differing).toBeLessThan(20);
    });
  });
});
