/**
 * The name a saved document is offered under: `<batch>-<document>-<date>.pdf`, e.g.
 * `田东县 第1批-乘客名单-2026-02-18.pdf`, made safe as every saved file's name is
 * (shared/file-name.ts).
 */
import { safeFileName } from '@shared/file-name';

/** The file name of a document: the parts joined with `-`, cleaned, cut to fit, ending in `.pdf`. */
export function documentFileName(parts: readonly string[]): string {
  return safeFileName(parts, 'pdf', 'document');
}
