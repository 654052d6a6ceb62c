/**
 * The audit trail of printed documents (issue 6): a document printed with full, unmasked resident
 * IDs and phones is recorded on its batch before it is built, with who printed it and why, so that
 * every copy of those numbers on paper can be traced. Masked prints are not recorded.
 */
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import type { AuditEntry } from '@shared/domain/records';
import type { DocumentKind } from '@shared/documents/model';
import { auditedWrite } from '../audited-write';
import { RecordRejectedError } from '../problems';
import { liveBatch } from './batches';

/** A document as the audit names it: one of the documents, or every document of the batch in one file. */
export type PrintedDocument = DocumentKind | 'all';

/** What the audit row of a full-numbers print says it printed (its `after`). */
export interface FullNumbersPrint {
  document: PrintedDocument;
  fullNumbers: true;
  /** The receiving enterprise of a handover sheet printed for one enterprise. */
  enterpriseId?: string;
}

/** The longest reason kept; a reason is a few words ("保险公司投保名单"), not a letter. */
export const PRINT_REASON_MAX_LENGTH = 200;

/**
 * Records that `document` of `batchId` is about to be printed with full numbers, under the operator
 * named in settings. Refuses (`operator-missing`) while no operator is named: a print of full
 * numbers must say who made it. Throws RecordNotFoundError for a batch that is gone.
 */
export async function recordFullNumbersPrint(
  batchId: string,
  document: PrintedDocument,
  reason?: string,
  enterpriseId?: string,
): Promise<AuditEntry> {
  return auditedWrite(['batches'], async ({ db, record }) => {
    await liveBatch(db, batchId);
    const settings = await db.settings.get(DEFAULT_SETTINGS.id);
    if (!settings || settings.operatorName.trim() === '') {
      throw new RecordRejectedError([{ field: 'operator', code: 'operator-missing' }]);
    }
    const after: FullNumbersPrint = { document, fullNumbers: true, ...(enterpriseId ? { enterpriseId } : {}) };
    const trimmed = Array.from(reason?.trim() ?? '')
      .slice(0, PRINT_REASON_MAX_LENGTH)
      .join('');
    return record({
      table: 'batches',
      recordId: batchId,
      action: 'print',
      before: null,
      after,
      ...(trimmed === '' ? {} : { reason: trimmed }),
    });
  });
}
