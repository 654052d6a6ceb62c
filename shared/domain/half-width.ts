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
  if (clean) return text;
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}

/**
 * A flat copy of the text, held one byte per character when every character is ASCII. The search
 * index keeps its IDs and phones so: `endsWith` over 100,000 of them took 4 ms on flat copies and
 * 13-17 ms on the strings as records hold them (pieces of longer texts, chains of concatenations).
 * Not used for the records themselves: making these copies for every row of an import cost more
 * than the smaller records saved in IndexedDB (measured, session 4).
 */
export function oneByteIfAscii(text: string): string {
  if (text.length > ONE_BYTE_MAX_LENGTH) return text;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return text;
    codes[i] = code;
  }
  return String.fromCharCode(...codes);
}

/** Identifiers are short; a longer text is left as it is (a call takes a limited number of arguments). */
const ONE_BYTE_MAX_LENGTH = 256;
