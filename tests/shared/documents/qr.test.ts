import { describe, expect, it } from 'vitest';
import { qrPayload } from '@shared/documents/digest';
import { drawQrCode, qrModules } from '@shared/documents/qr';
import { Sheet } from '@shared/documents/sheet';
import { decodeQrInRegions, decodeQrOnPage, documentFonts, makePrintContext } from '../../fixtures/documents';

function sheetWithCodes(codes: readonly { text: string; x: number; y: number; size: number }[]): Uint8Array {
  const sheet = new Sheet(documentFonts(), makePrintContext());
  sheet.newPage('portrait');
  for (const code of codes) drawQrCode(sheet, code.text, code.x, code.y, code.size);
  return sheet.finish();
}

describe('drawQrCode', () => {
  it('draws a cover-sheet payload that a scanner reads back', () => {
    const text = qrPayload('batch-2026-02-18', 'c0ffee'.repeat(10) + 'abcd');
    const region = { x: 55, y: 55, width: 46, height: 46 };
    expect(decodeQrInRegions(sheetWithCodes([{ text, x: 60, y: 60, size: 36 }]), 1, [region])).toEqual([text]);
  });

  it('carries text beyond ASCII as UTF-8', () => {
    const text = 'P2P-SEAT:1:田东第一批:w-1:leg-1:05-12F';
    const region = { x: 15, y: 15, width: 40, height: 40 };
    expect(decodeQrInRegions(sheetWithCodes([{ text, x: 20, y: 20, size: 30 }]), 1, [region])).toEqual([text]);
  });

  it('reads on a shaded background: the code brings its own light quiet zone', () => {
    const text = 'P2P-SEAT:1:b:w-9:leg-1:12';
    const sheet = new Sheet(documentFonts(), makePrintContext());
    sheet.newPage('portrait');
    sheet.doc.setFillColor(90, 90, 90);
    sheet.doc.rect(10, 10, 80, 80, 'F');
    drawQrCode(sheet, text, 30, 30, 25);
    expect(decodeQrOnPage(sheet.finish(), 1)).toBe(text);
  });

  it('keeps several codes on one page apart, each readable in its own region', () => {
    const codes = ['P2P-SEAT:1:b:w-1:leg-1:2', 'P2P-SEAT:1:b:w-2:leg-1:3', 'P2P-SEAT:1:b:w-3:leg-1:4'].map(
      (text, index) => ({ text, x: 20 + index * 40, y: 30, size: 23 }),
    );
    const read = decodeQrInRegions(
      sheetWithCodes(codes),
      1,
      codes.map((code) => ({ x: code.x - 1, y: code.y - 1, width: code.size + 2, height: code.size + 2 })),
    );
    expect(read).toEqual(codes.map((code) => code.text));
  });
});

describe('qrModules', () => {
  it('uses the smallest version that holds the text (21 modules for a short one) and grows with it', () => {
    expect(qrModules('P2P')).toHaveLength(21);
    const long = qrModules(qrPayload('3f1c7a52-9d0e-4c8b-a1f6-2b7e9c4d5a10', 'f'.repeat(64)));
    expect(long.length).toBeGreaterThan(21);
    expect(long.every((row) => row.length === long.length)).toBe(true);
  });
});
