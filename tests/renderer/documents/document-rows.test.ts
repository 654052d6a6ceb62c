import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_ROWS,
  auditedDocument,
  handoverEnterprises,
  requestFor,
} from '@renderer/features/documents/document-rows';
import { makeEnterprise } from '../../fixtures/factories';

describe('the rows of the documents panel', () => {
  it('ask for the health sheet blank or filled, both recorded as the health sheet', () => {
    expect(requestFor('health-sheet-blank', undefined)).toEqual({ kind: 'health-sheet', filled: false });
    expect(requestFor('health-sheet-filled', undefined)).toEqual({ kind: 'health-sheet', filled: true });
    expect(auditedDocument('health-sheet-blank')).toBe('health-sheet');
    expect(auditedDocument('health-sheet-filled')).toBe('health-sheet');
  });

  it('ask for the handover sheet of one enterprise when one is chosen, of all of them otherwise', () => {
    expect(requestFor('handover', 'enterprise-1')).toEqual({ kind: 'handover', enterpriseId: 'enterprise-1' });
    expect(requestFor('handover', undefined)).toEqual({ kind: 'handover' });
  });

  it('ask for every other document by its own name, and record it so', () => {
    for (const row of DOCUMENT_ROWS.filter((row) => !row.startsWith('health-sheet') && row !== 'handover')) {
      expect(requestFor(row, 'enterprise-1')).toEqual({ kind: row });
      expect(auditedDocument(row)).toBe(row);
    }
  });
});

describe('the enterprises the handover sheet can be made for', () => {
  it('are the live enterprises of the passengers, by name, each with its number of passengers', () => {
    const north = makeEnterprise({ name: '广州北厂' });
    const east = makeEnterprise({ name: '东莞电子' });
    const gone = makeEnterprise({ name: '已删除的厂', deletedAt: '2026-02-10T00:00:00.000Z' });
    const passengers = [north, east, north, gone, null].map((enterprise) => ({ enterprise }));
    expect(handoverEnterprises(passengers)).toEqual([
      { id: east.id, name: '东莞电子', count: 1 },
      { id: north.id, name: '广州北厂', count: 2 },
    ]);
  });
});
