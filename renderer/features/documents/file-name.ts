/**
 * The name a saved document is offered under: `<batch>-<document>-<date>.pdf`, e.g.
 * `田东县 第1批-乘客名单-2026-02-18.pdf`, made safe for every file system the bridge accepts
 * (fileNameSchema in shared/bridge.ts): no separators or reserved characters, no leading or
 * trailing spaces or dots, at most 200 characters.
 */
import { fileNameSchema } from '@shared/bridge';

const EXTENSION = '.pdf';
/** fileNameSchema's limit, in UTF-16 code units as zod counts them. */
const MAX_LENGTH = 200;
const FALLBACK = 'document';

/** Characters Windows or the bridge refuse in a name, and control characters. */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;

/** One part of a name: forbidden characters become `_`, runs of spaces one space. */
function cleanPart(part: string): string {
  return part.replace(/\s+/g, ' ').replace(FORBIDDEN, '_').trim();
}

/** Cuts at a character boundary, never inside a surrogate pair. */
function cut(text: string, length: number): string {
  let result = '';
  for (const character of text) {
    if (result.length + character.length > length) break;
    result += character;
  }
  return result;
}

/** The file name of a document: the parts joined with `-`, cleaned, cut to fit, ending in `.pdf`. */
export function documentFileName(parts: readonly string[]): string {
  const joined = parts
    .map(cleanPart)
    .filter((part) => part !== '')
    .join('-');
  const stem = cut(joined, MAX_LENGTH - EXTENSION.length)
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const name = `${stem === '' ? FALLBACK : stem}${EXTENSION}`;
  return fileNameSchema.safeParse(name).success ? name : `${FALLBACK}${EXTENSION}`;
}
