/**
 * Chinese input methods type full-width forms (Ａ, ０, －, ＋, the ideographic space) into roster
 * cells, and they look the same as ASCII on screen, so every identifier is folded to ASCII first.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xff01 - 0x21;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Folds the full-width ASCII block (U+FF01-U+FF5E) to ASCII and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    } else if (code === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += text.charAt(i);
    }
  }
  return out;
}

/** Half-width, without any whitespace (leading, trailing or inside), upper-cased. */
export function compactIdentifier(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}
