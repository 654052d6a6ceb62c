import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { DocumentTypeface, MISSING_GLYPH_STAND_IN, canDraw, fontRuns } from '@shared/documents/fonts';
import { documentFonts, pdfText, pdfTextItems } from '../../fixtures/documents';

function printed(text: string): Promise<string> {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  const typeface = new DocumentTypeface(doc, documentFonts());
  doc.text(typeface.printable(text), 20, 20);
  doc.setFont('NotoSansSC', 'bold');
  doc.text(typeface.printable(`粗体${text}`), 20, 40);
  return pdfText(new Uint8Array(doc.output('arraybuffer')));
}

describe('the document font', () => {
  it('knows the glyphs of characters beyond the Basic Multilingual Plane', () => {
    const fonts = documentFonts();
    expect(fonts.regular.supplementary.get(0x20087)).toBeGreaterThan(0);
    expect(fonts.bold.supplementary.get(0x20087)).toBeGreaterThan(0);
  });

  it('prints an Extension B character as itself, in both styles, and the text after it too', async () => {
    const text = await printed('覃\u{20087}明 after');
    expect(text).toContain('覃\u{20087}明 after');
    expect(text).toContain('粗体覃\u{20087}明 after');
  });

  it('prints □ for a character the font lacks instead of cutting the text short', async () => {
    const text = await printed('王\u{1F600}芳 end');
    expect(text).toContain(`王${MISSING_GLYPH_STAND_IN}芳 end`);
  });
});

describe('the font parsed once and shared by every document', () => {
  it('keeps each document’s text its own when two are written at the same time', async () => {
    const fonts = documentFonts();
    const first = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    const second = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    const firstType = new DocumentTypeface(first, fonts);
    const secondType = new DocumentTypeface(second, fonts);
    first.text(firstType.printable('甲方\u{20087}'), 20, 20);
    second.text(secondType.printable('乙方'), 20, 20);
    first.text(firstType.printable('第二行'), 20, 30);
    const [firstText, secondText] = await Promise.all([
      pdfText(new Uint8Array(first.output('arraybuffer'))),
      pdfText(new Uint8Array(second.output('arraybuffer'))),
    ]);
    expect(firstText).toContain('甲方\u{20087}');
    expect(firstText).toContain('第二行');
    expect(firstText).not.toContain('乙');
    expect(secondText).toContain('乙方');
    expect(secondText).not.toContain('甲');
  });

  it('embeds in each document only the glyphs that document uses', () => {
    const fonts = documentFonts();
    const sizeOf = (text: string): number => {
      const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
      doc.text(new DocumentTypeface(doc, fonts).printable(text), 20, 20);
      return doc.output('arraybuffer').byteLength;
    };
    const before = sizeOf('甲');
    const many = sizeOf('春风行动点对点专列返岗务工人员接收企业健康检查登车卡交接单');
    expect(many).toBeGreaterThan(before);
    // The glyphs of the bigger document stayed with it.
    expect(sizeOf('甲')).toBe(before);
  });
});

/** 𠕇 (U+20547): CJK Extension B, in Noto Sans TC but not in Noto Sans SC. */
const FALLBACK_ONLY = '\u{20547}';
/** A Plane-15 private-use code point: no font has it. */
const NO_FONT = '\u{F0000}';

describe('the fallback font', () => {
  it('draws a character Noto Sans SC lacks, and no font lacks it any more', () => {
    const fonts = documentFonts();
    expect(fonts.regular.supplementary.has(0x20547)).toBe(false);
    expect(canDraw(fonts, 0x20547)).toBe(true);
    expect(canDraw(fonts, 0x20087)).toBe(true);
    expect(canDraw(fonts, 0xf0000)).toBe(false);
    expect(canDraw(fonts, 0x1f600)).toBe(false);
  });

  it('prints the character as itself, in the middle of a name, in both styles', async () => {
    // Each run is its own piece of text in the PDF: the test's reader puts a space between pieces.
    const text = (await printed(`覃${FALLBACK_ONLY}明`)).replaceAll(' ', '');
    expect(text).toContain(`覃${FALLBACK_ONLY}明`);
    expect(text).toContain(`粗体覃${FALLBACK_ONLY}明`);
    expect(text).not.toContain(MISSING_GLYPH_STAND_IN);
  });

  it('draws the character in the fallback font, and the rest in Noto Sans SC', () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false, putOnlyUsedFonts: true });
    const typeface = new DocumentTypeface(doc, documentFonts());
    doc.text(typeface.printable(`张${FALLBACK_ONLY}三`), 20, 20);
    const pdf = new TextDecoder('latin1').decode(doc.output('arraybuffer'));
    const fonts = [...pdf.matchAll(/\/BaseFont \/([\w-]+)/g)].map((match) => match[1]);
    expect(fonts).toContain('PlannerFallback1');
    expect(fonts).toContain('NotoSansSC');
  });

  it('measures the character one ideograph wide, so that lines wrap and align as before', () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4' });
    const typeface = new DocumentTypeface(doc, documentFonts());
    doc.setFontSize(10);
    expect(doc.getTextWidth(typeface.printable(`张${FALLBACK_ONLY}三`))).toBeCloseTo(
      doc.getTextWidth(typeface.printable('张三丰')),
      6,
    );
  });

  it('draws right-aligned and multi-line text with the fallback character in place', async () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    const typeface = new DocumentTypeface(doc, documentFonts());
    doc.text(typeface.printable(`右对齐${FALLBACK_ONLY}`), 190, 20, { align: 'right' });
    doc.text([typeface.printable('第一行'), typeface.printable(`第二${FALLBACK_ONLY}行`)], 20, 40);
    const items = await pdfTextItems(new Uint8Array(doc.output('arraybuffer')));
    const rightY = items.find((item) => item.text === '右对齐')?.y;
    const right = items.filter((item) => item.y === rightY);
    expect(right.map((item) => item.text)).toEqual(['右对齐', FALLBACK_ONLY]);
    // Right-aligned: the last character ends at x = 190 mm, right after the others.
    const [first, last] = right;
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(190, 0);
    expect(last?.x ?? 0).toBeCloseTo((first?.x ?? 0) + (first?.width ?? 0), 1);
    const text = (await pdfText(new Uint8Array(doc.output('arraybuffer')))).replaceAll(' ', '');
    expect(text).toContain('第一行');
    expect(text).toContain(`第二${FALLBACK_ONLY}行`);
    // The second line sits where jsPDF puts the second line of any two-line text.
    const plain = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    const plainType = new DocumentTypeface(plain, documentFonts());
    plain.text([plainType.printable('第一行'), plainType.printable('第二行')], 20, 40);
    const plainItems = await pdfTextItems(new Uint8Array(plain.output('arraybuffer')));
    const secondY = (list: typeof items) => list.find((item) => item.text.startsWith('第二'))?.y;
    expect(secondY(items)).toBeDefined();
    expect(secondY(items)).toBeCloseTo(secondY(plainItems) ?? 0, 1);
  });

  it('prints □ for what no font has', async () => {
    expect(await printed(`王${NO_FONT}芳 end`)).toContain(`王${MISSING_GLYPH_STAND_IN}芳 end`);
  });

  it('embeds the fallback font as a subset, only in a document that uses it', () => {
    const fonts = documentFonts();
    const sizeOf = (text: string): number => {
      const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
      const typeface = new DocumentTypeface(doc, fonts);
      doc.text(typeface.printable(text), 20, 20);
      return doc.output('arraybuffer').byteLength;
    };
    const plain = sizeOf('甲');
    const withFallback = sizeOf(`甲${FALLBACK_ONLY}`);
    expect(withFallback).toBeGreaterThan(plain);
    // The whole Noto Sans TC file is 7 MB; its subset here is tens of kilobytes.
    expect(withFallback - plain).toBeLessThan(200_000);
  });
});

describe('font runs', () => {
  it('cuts a line where the font changes', () => {
    const faceOf = (unit: number) => (unit === 0xf000 ? 0 : undefined);
    expect(fontRuns('张\uf000\uf000三', faceOf)).toEqual([
      { text: '张' },
      { text: '\uf000\uf000', face: 0 },
      { text: '三' },
    ]);
    expect(fontRuns('', faceOf)).toEqual([]);
  });
});
