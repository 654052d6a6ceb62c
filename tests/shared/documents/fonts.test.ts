import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { DocumentTypeface, MISSING_GLYPH_STAND_IN } from '../../../shared/documents/fonts';
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
