/**
 * The rows of the documents panel and what each asks of the documents worker and of the audit:
 * the health sheet has two rows (blank and filled) but is one document, and the handover sheet
 * may be for one receiving enterprise or for all of them.
 */
import type { DocumentRequest } from '@shared/documents';
import type { Enterprise } from '@shared/domain/records';
import type { PrintedDocument as AuditedDocument } from '../../db';

/** The rows of the panel, "print all" first, then in the order the papers are used. */
export const DOCUMENT_ROWS = [
  'all',
  'cover',
  'manifest',
  'health-sheet-blank',
  'health-sheet-filled',
  'handover',
  'boarding-cards',
] as const;

export type DocumentRow = (typeof DOCUMENT_ROWS)[number];

/** What the documents worker is asked to make for a row; `enterpriseId` narrows the handover sheet to one enterprise. */
export function requestFor(row: DocumentRow, enterpriseId: string | undefined): DocumentRequest {
  switch (row) {
    case 'health-sheet-blank':
      return { kind: 'health-sheet', filled: false };
    case 'health-sheet-filled':
      return { kind: 'health-sheet', filled: true };
    case 'handover':
      return enterpriseId ? { kind: 'handover', enterpriseId } : { kind: 'handover' };
    default:
      return { kind: row };
  }
}

/** The document a print of full numbers is recorded under: both health-sheet rows are the health sheet. */
export function auditedDocument(row: DocumentRow): AuditedDocument {
  return row === 'health-sheet-blank' || row === 'health-sheet-filled' ? 'health-sheet' : row;
}

/** A receiving enterprise the handover sheet can be made for, with how many of the batch's passengers go there. */
export interface HandoverEnterprise {
  id: string;
  name: string;
  count: number;
}

/** The live receiving enterprises of the batch's passengers, by name, each with its count of passengers. */
export function handoverEnterprises(passengers: readonly { enterprise: Enterprise | null }[]): HandoverEnterprise[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const { enterprise } of passengers) {
    if (!enterprise || enterprise.deletedAt) continue;
    const known = counts.get(enterprise.id);
    counts.set(enterprise.id, { name: enterprise.name, count: (known?.count ?? 0) + 1 });
  }
  return [...counts.entries()]
    .map(([id, { name, count }]) => ({ id, name, count }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
