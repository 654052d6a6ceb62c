/**
 * The audit of a subsidy paper made with full resident IDs (issue 18, item 5): as a batch's
 * document printed with full numbers is (renderer/db/repositories/document-audit.ts) and as the
 * follow-up register is (renderer/features/followup/register/register-audit.ts), it is recorded
 * before the file is made, under the operator named in settings, with the purpose given, as a
 * `print` row on each scheme whose claims the paper lists: the scheme's history shows where its
 * people's full numbers went. A masked paper, and the public notice (which prints no number at
 * all), are not recorded.
 */
import { DEFAULT_SETTINGS, type AuditEntry } from '@shared/domain/records';
import { PRINT_REASON_MAX_LENGTH, RecordRejectedError } from '@renderer/db';
import { auditedWrite } from '@renderer/db/audited-write';

/** The papers as audit rows name them (documents.documents in the i18n parts). */
export const PAPER_DOCUMENTS = { roster: 'subsidy-roster', summary: 'subsidy-summary' } as const;
export type PaperDocument = (typeof PAPER_DOCUMENTS)[keyof typeof PAPER_DOCUMENTS];

/** What the audit row says was printed (its `after`). */
export interface PaperFullNumbersPrint {
  document: PaperDocument;
  fullNumbers: true;
  /** How many people (claims) of this scheme the paper lists. */
  rows: number;
  /** The roster's payee: an enterprise's or agency's id, or `workers`. */
  payeeId?: string;
}

/**
 * Records that `document` listing `rows` claims per scheme (scheme id → count) is about to be
 * made with full numbers. Refuses (`operator-missing`) while no operator is named: full numbers
 * on paper must say who made them.
 */
export async function recordPaperFullNumbers(
  document: PaperDocument,
  rows: ReadonlyMap<string, number>,
  reason?: string,
  payeeId?: string,
): Promise<AuditEntry[]> {
  return auditedWrite(['subsidySchemes'], async ({ db, record }) => {
    const settings = await db.settings.get(DEFAULT_SETTINGS.id);
    if (!settings || settings.operatorName.trim() === '') {
      throw new RecordRejectedError([{ field: 'operator', code: 'operator-missing' }]);
    }
    const trimmed = Array.from(reason?.trim() ?? '')
      .slice(0, PRINT_REASON_MAX_LENGTH)
      .join('');
    const entries: AuditEntry[] = [];
    for (const [schemeId, count] of rows) {
      const after: PaperFullNumbersPrint = {
        document,
        fullNumbers: true,
        rows: count,
        ...(payeeId === undefined ? {} : { payeeId }),
      };
      entries.push(
        await record({
          table: 'subsidySchemes',
          recordId: schemeId,
          action: 'print',
          before: null,
          after,
          ...(trimmed === '' ? {} : { reason: trimmed }),
        }),
      );
    }
    return entries;
  });
}
