/**
 * File names the app offers when it saves something (documents, exports, templates, backups), and
 * the rule the bridge checks them with (fileNameSchema in shared/bridge.ts): a name any file system
 * an office PC uses accepts, that names no other folder, and that reads as what it is.
 *
 * Refused, and made safe by `safeFileName`:
 * - path separators, the characters Windows reserves (`: * ? " < > |`) and control characters;
 * - Windows device names (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, with any extension: `CON.pdf`
 *   opens the console, not a file);
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): a right-to-left
 *   override shows `名单‮fdp.exe` as `名单exe.pdf` in the save dialog and the file manager;
 * - leading or trailing spaces, a trailing dot, `.` and `..`; more than 200 characters.
 */

/** Longest name, in UTF-16 code units (as zod and Windows count them). */
export const MAX_FILE_NAME_LENGTH = 200;

const RESERVED_CHARACTERS = /[\\/:*?"<>|\p{Cc}]/u;
const RESERVED_CHARACTERS_ALL = new RegExp(RESERVED_CHARACTERS.source, 'gu');
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'gu');
/** Windows device names, matched against the part of a name before its first dot, trailing spaces dropped. */
const DEVICE_NAME = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/iu;

/** The reasons a name is refused, in the order they are checked (none: the name is safe). */
export type FileNameProblem =
  'empty' | 'too-long' | 'reserved-character' | 'bidi-control' | 'device-name' | 'dots' | 'edges';

/** Why a name cannot be offered as it is, or null when it can. */
export function fileNameProblem(name: string): FileNameProblem | null {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_FILE_NAME_LENGTH) return 'too-long';
  if (RESERVED_CHARACTERS.test(name)) return 'reserved-character';
  if (BIDI_CONTROLS.test(name)) return 'bidi-control';
  if (isDeviceName(name)) return 'device-name';
  if (name === '.' || name === '..' || name.startsWith('..')) return 'dots';
  if (name.trim() !== name || name.endsWith('.')) return 'edges';
  return null;
}

function isDeviceName(name: string): boolean {
  const stem = name.split('.')[0] ?? '';
  return DEVICE_NAME.test(stem.trimEnd());
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

/**
 * A safe name from the parts of a name and an extension (without its dot): the parts cleaned
 * (reserved characters become `_`, bidirectional controls are dropped, runs of white space become
 * one space), joined with `-`, cut to fit, never a device name; `fallback` when nothing is left.
 */
export function safeFileName(parts: readonly string[], extension: string, fallback = 'file'): string {
  const suffix = `.${extension}`;
  const joined = parts
    .map((part) =>
      part.replace(BIDI_CONTROLS_ALL, '').replace(/\s+/g, ' ').replace(RESERVED_CHARACTERS_ALL, '_').trim(),
    )
    .filter((part) => part !== '')
    .join('-');
  let stem = cut(joined, MAX_FILE_NAME_LENGTH - suffix.length - 1)
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (stem === '') stem = fallback;
  if (isDeviceName(stem)) stem = `${stem}_`;
  const name = `${stem}${suffix}`;
  return fileNameProblem(name) === null ? name : `${fallback}${suffix}`;
}
