/**
 * The audit of a follow-up register exported with full resident IDs: as a document printed with
 * full numbers is (renderer/db/repositories/document-audit.ts), the export is recorded before the
 * file is built, under the operator named in settings, with the purpose given, as a `print` row on
 * each batch whose workers the register holds, so that each batch's history shows where its
 * people's full numbers went.
 */
import { DEFAULT_SETTINGS, type AuditEntry } from '@shared/domain/records';
import { PRINT_REASON_MAX_LENGTH, RecordRejectedError } from '@renderer/db';
import { auditedWrite } from '@renderer/db/audited-write';

/** The document a register's audit rows name (documents.documents in the i18n parts). */
export const REGISTER_DOCUMENT = 'followup-register';

/** What the audit row says it printed (its `after`), as a document print says. */
export interface RegisterFullNumbersPrint {
  document: typeof REGISTER_DOCUMENT;
  fullNumbers: true;
  /** How many contacts the register holds. */
  rows: number;
}

/**
 * Records that a register of `rows` contacts of `batchIds` is about to be exported with full
 * numbers. Refuses (`operator-missing`) while no operator is named: an export of full numbers
 * must say who made it.
 */
export async function recordRegisterFullNumbers(
  batchIds: readonly string[],
  rows: number,
  reason?: string,
): Promise<AuditEntry[]> {
  return auditedWrite(['batches'], async ({ db, record }) => {
    const settings = await db.settings.get(DEFAULT_SETTINGS.id);
    if (!settings || settings.operatorName.trim() === '') {
      throw new RecordRejectedError([{ field: 'operator', code: 'operator-missing' }]);
    }
    const trimmed = Array.from(reason?.trim() ?? '')
      .slice(0, PRINT_REASON_MAX_LENGTH)
      .join('');
    const after: RegisterFullNumbersPrint = { document: REGISTER_DOCUMENT, fullNumbers: true, rows };
    const entries: AuditEntry[] = [];
    for (const batchId of batchIds) {
      entries.push(
        await record({
          table: 'batches',
          recordId: batchId,
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
