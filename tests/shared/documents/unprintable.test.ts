import { describe, expect, it } from 'vitest';
import { buildDocument } from '@shared/documents';
import { canDraw } from '@shared/documents/fonts';
import { codePointLabel, findUnprintable, undrawable } from '@shared/documents/unprintable';
import { documentFonts, makePaperPassenger, makePapers, makePrintContext, pdfLines } from '../../fixtures/documents';

/** 𠕇 (U+20547): not in Noto Sans SC, drawn by the fallback font. */
const FALLBACK_ONLY = '\u{20547}';
/** Plane-15 private use: no font has it. */
const NO_FONT = '\u{F0000}';

const drawable = (codePoint: number): boolean => canDraw(documentFonts(), codePoint);

describe('characters no font can draw', () => {
  it('are the ones neither Noto Sans SC nor the fallback font has, named by code point, each once', () => {
    expect(undrawable(`覃${FALLBACK_ONLY}明\u{20087}`, drawable)).toEqual([]);
    expect(undrawable(`王${NO_FONT}芳${NO_FONT}\u{1F600}`, drawable)).toEqual(['U+F0000', 'U+1F600']);
    expect(codePointLabel(0x4e00)).toBe('U+4E00');
  });

  it('name the passengers, staff and enterprises whose printed words hold them, and nobody else', () => {
    const papers = makePapers({ passengers: 6 });
    papers.passengers[1] = makePaperPassenger(1, { name: `王${NO_FONT}芳` });
    papers.passengers[2] = makePaperPassenger(2, { name: `张${FALLBACK_ONLY}三` });
    papers.passengers[3] = makePaperPassenger(3, { name: '李四', village: `${NO_FONT}村`, household: `户${NO_FONT}` });
    papers.batch.medics = [{ id: 'm-9', name: `罗${NO_FONT}`, phone: '13907760009' }];
    const found = findUnprintable(papers, drawable);
    expect(found).toEqual([
      { role: 'passenger', name: `王${NO_FONT}芳`, fields: ['name'], characters: ['U+F0000'] },
      { role: 'passenger', name: '李四', fields: ['address', 'household'], characters: ['U+F0000'] },
      { role: 'medic', name: `罗${NO_FONT}`, fields: ['name'], characters: ['U+F0000'] },
    ]);
  });

  it('for one enterprise’s handover sheet, count only that enterprise’s passengers', () => {
    const papers = makePapers({ passengers: 6 });
    papers.passengers[1] = makePaperPassenger(1, { name: `王${NO_FONT}芳`, enterpriseId: 'e-2' });
    expect(findUnprintable(papers, drawable, { kind: 'handover', enterpriseId: 'e-1' })).toEqual([]);
    expect(findUnprintable(papers, drawable, { kind: 'handover', enterpriseId: 'e-2' })).toHaveLength(1);
    expect(findUnprintable(papers, drawable, { kind: 'manifest' })).toHaveLength(1);
  });

  it('are found for nobody when every name prints', () => {
    expect(findUnprintable(makePapers({ passengers: 30 }), drawable)).toEqual([]);
  });
});

describe('a name with a character only the fallback font has', () => {
  it('prints on the manifest, boarding cards and health sheet as stored, and □ only where no font has one', async () => {
    const papers = makePapers({ passengers: 8, perCoach: 8 });
    papers.passengers[2] = makePaperPassenger(2, { name: `张${FALLBACK_ONLY}三` });
    papers.passengers[3] = makePaperPassenger(3, { name: `王${NO_FONT}芳` });
    for (const kind of ['manifest', 'boarding-cards', 'health-sheet'] as const) {
      const request = kind === 'health-sheet' ? { kind, filled: true } : { kind };
      const bytes = await buildDocument(request, papers, documentFonts(), makePrintContext());
      // The runs of one line come back as pieces of text; the reader joins them with a space.
      const text = (await pdfLines(bytes)).flat().join('\n').replaceAll(' ', '');
      expect(text, kind).toContain(`张${FALLBACK_ONLY}三`);
      expect(text, kind).toContain('王□芳');
    }
  }, 60_000);
});
