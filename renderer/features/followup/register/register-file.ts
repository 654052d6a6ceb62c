/**
 * The follow-up register's XLSX file from its source: the rows (shared/followup/register.ts) in the
 * app's language, written in slices (shared/followup/register-xlsx.ts) with progress after each, and
 * dropped when cancelled. Runs in the register's Web Worker; the bench runs it in Node.
 */
import type { Language } from '@shared/domain/records';
import {
  REGISTER_COLUMNS,
  REGISTER_WIDTHS,
  registerHeader,
  planRegisterRows,
  type RegisterSource,
  type RegisterWords,
} from '@shared/followup/register';
import { xlsxStream, type RegisterCell } from '@shared/followup/register-xlsx';
import { followupEn, followupZhCN } from '@renderer/i18n/parts/followup';
import { registerEn, registerZhCN } from '@renderer/i18n/parts/register';

/** Rows written between two progress reports (and two looks at a cancel). */
export const REGISTER_SLICE = 2000;

export interface RegisterProgress {
  done: number;
  total: number;
}

/** The register's words in `language`. */
export function registerWords(language: Language): RegisterWords {
  const register = language === 'en' ? registerEn : registerZhCN;
  const followup = language === 'en' ? followupEn : followupZhCN;
  return {
    columns: register.columns,
    householdType: register.householdType,
    point: register.point,
    extraContact: register.extraContact,
    yes: register.yes,
    no: register.no,
    listSeparator: register.listSeparator,
    reasonSeparator: register.reasonSeparator,
    outcome: followup.outcome,
    method: followup.method,
    need: followup.need,
  };
}

/** Lets a cancel (a message to the Web Worker) in between two slices. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The register as an XLSX file; null when `cancelled` said so before it was done. */
export async function buildRegisterFile(
  source: RegisterSource,
  { fullNumbers, language }: { fullNumbers: boolean; language: Language },
  onProgress: (progress: RegisterProgress) => void,
  cancelled: () => boolean,
): Promise<Uint8Array | null> {
  const words = registerWords(language);
  const plan = planRegisterRows(source, { fullNumbers, words });
  const { total } = plan;
  const rows = plan.rows();
  onProgress({ done: 0, total });
  const register = language === 'en' ? registerEn : registerZhCN;
  const stream = xlsxStream({
    sheet: register.sheet,
    header: registerHeader(words),
    widths: REGISTER_COLUMNS.map((column) => REGISTER_WIDTHS[column]),
  });
  for (let start = 0; start < total; start += REGISTER_SLICE) {
    await nextTask();
    if (cancelled()) {
      await stream.abort();
      return null;
    }
    const slice: RegisterCell[][] = [];
    for (let next = rows.next(); !next.done; next = rows.next()) {
      slice.push(next.value);
      if (slice.length === REGISTER_SLICE) break;
    }
    await stream.rows(slice);
    onProgress({ done: Math.min(total, start + REGISTER_SLICE), total });
  }
  const bytes = await stream.finish();
  return cancelled() ? null : bytes;
}
