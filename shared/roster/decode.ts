/**
 * The text of a CSV file in whatever encoding the cadre's computer wrote it: Excel on a Chinese
 * Windows saves "CSV" in GBK (code page 936), newer Excel and WPS save "CSV UTF-8" with a byte
 * order mark, and "Unicode text" is UTF-16 with one (issue 3, "Import": detected without asking).
 */

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes a text file. A UTF-16 byte order mark decides by itself; otherwise bytes that are valid
 * UTF-8 are UTF-8 (a leading UTF-8 BOM is dropped), and anything else is read as GB18030, the
 * superset of GBK and GB2312. Chinese text in GBK is practically never valid UTF-8, and pure ASCII
 * reads the same either way, so the guess is safe. GB18030 is a WHATWG encoding: TextDecoder has
 * it in Chromium (and so in Web Workers) and in Node built with full ICU, as Node 20 is.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  try {
    // The decoder drops a UTF-8 byte order mark itself (ignoreBOM is false by default).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
