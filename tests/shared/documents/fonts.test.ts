import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { DocumentTypeface, MISSING_GLYPH_STAND_IN } from '@shared/documents/fonts';
import { documentFonts, pdfText } from '../../fixtures/documents';

function printed(text: string): Promise<string> {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
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
    const first = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
    const second = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
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
      const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
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
