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
  // Most cells have nothing to fold: they are returned as they are, without building a copy.
  let first = 0;
  while (first < text.length && !isFolded(text.charCodeAt(first))) first += 1;
  if (first === text.length) return text;
  let out = text.slice(0, first);
  for (let i = first; i < text.length; i += 1) {
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

function isFolded(code: number): boolean {
  return (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) || code === IDEOGRAPHIC_SPACE;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

/** Half-width, without any whitespace (leading, trailing or inside), upper-cased. */
export function compactIdentifier(text: string): string {
  // An ID or phone typed cleanly (digits and capitals only) is compact already.
  let clean = true;
  for (let i = 0; i < text.length && clean; i += 1) {
    const code = text.charCodeAt(i);
    clean = (code >= DIGIT_0 && code <= DIGIT_9) || (code >= UPPER_A && code <= UPPER_Z);
  }
  if (clean) return oneByteIfAscii(text);
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}

/**
 * The same text, held one byte per character when every character is ASCII. A cell cut from a
 * decoded roster (a text full of Chinese) is held two bytes per character, and IndexedDB stores a
 * string as it is held: an imported worker's ID, phones, birth date, county code and household
 * number took 68 bytes more than the same worker read from JSON, 14% of the record. Also a flat
 * copy: search compares IDs faster in one than in a piece of another string.
 */
export function oneByteIfAscii(text: string): string {
  if (text.length > ONE_BYTE_MAX_LENGTH) return text;
  codes.length = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return text;
    codes[i] = code;
  }
  // One new string of the codes: a string built by adding characters would be a chain of pieces.
  return String.fromCharCode.apply(null, codes);
}

/** Identifiers are short; a longer text is left as it is (and `apply` has an argument limit). */
const ONE_BYTE_MAX_LENGTH = 256;
const codes: number[] = [];
