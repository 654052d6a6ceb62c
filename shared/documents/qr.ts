/**
 * QR codes drawn as vector rectangles (crisp at any printer resolution, no image in the PDF), from
 * the module matrix of qrcode-generator: error correction M (15% of the code may be smudged or
 * folded and it still reads), the smallest version that holds the text, and the quiet zone of four
 * modules on every side that the QR specification (ISO/IEC 18004) asks for.
 */
import qrcode from 'qrcode-generator';
import type { Sheet } from './sheet';

/** Light modules around the code; scanners need them to find its edges. */
export const QR_QUIET_ZONE_MODULES = 4;

/** The text as the bytes of its UTF-8 encoding, one byte per character, as qrcode-generator's byte mode reads it. */
function utf8Binary(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

/** The module matrix of `text`: `dark[row][column]`. */
export function qrModules(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(utf8Binary(text), 'Byte');
  code.make();
  const count = code.getModuleCount();
  return Array.from({ length: count }, (_, row) =>
    Array.from({ length: count }, (_, column) => code.isDark(row, column)),
  );
}

/**
 * Draws `text` as a QR code whose square, quiet zone included, has its top-left corner at (x, y)
 * and sides of `sizeMm`. The square is painted white first, so nothing drawn earlier shows through.
 * Dark runs along a row are drawn as one rectangle each, and overlap the next row by a hair, so no
 * hairline seams appear between modules when a viewer anti-aliases.
 */
export function drawQrCode(sheet: Sheet, text: string, x: number, y: number, sizeMm: number): void {
  const modules = qrModules(text);
  const count = modules.length + 2 * QR_QUIET_ZONE_MODULES;
  const module = sizeMm / count;
  const doc = sheet.doc;
  doc.setFillColor(255, 255, 255);
  doc.rect(x, y, sizeMm, sizeMm, 'F');
  doc.setFillColor(0, 0, 0);
  const origin = QR_QUIET_ZONE_MODULES * module;
  const seam = Math.min(0.02, module / 20);
  modules.forEach((row, rowIndex) => {
    let column = 0;
    while (column < row.length) {
      if (!row[column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < row.length && row[column]) column += 1;
      const bottomRow = rowIndex === modules.length - 1;
      doc.rect(
        x + origin + start * module,
        y + origin + rowIndex * module,
        (column - start) * module,
        module + (bottomRow ? 0 : seam),
        'F',
      );
    }
  });
}
