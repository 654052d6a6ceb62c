import { describe, expect, it } from 'vitest';
import {
  checkMarker,
  documentId,
  documentToRecord,
  MARKER_ID,
  newMarker,
  parseDocumentId,
  recordToDocument,
} from '@shared/sync/documents';

const worker = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  name: '张三',
  residentId: '452601199001011234',
  deletedAt: null,
  createdAt: '2026-12-01T08:00:00.000+08:00',
  updatedAt: '2026-12-02T08:00:00.000+08:00',
  revision: 7,
};

describe('a record as a CouchDB document', () => {
  it('is named by its table and id', () => {
    expect(documentId('workers', 'w1')).toBe('workers:w1');
    expect(parseDocumentId('healthChecks:abc')).toEqual({ table: 'healthChecks', id: 'abc' });
    expect(() => documentId('work ers', 'w1')).toThrow(RangeError);
    expect(() => documentId('workers', '')).toThrow(RangeError);
  });

  it('does not take the marker, design documents or odd ids for records', () => {
    for (const id of [MARKER_ID, '_design/app', 'workers', 'workers:', ':w1', 'Workers:w1']) {
      expect(parseDocumentId(id), id).toBeNull();
    }
  });

  it('carries every field but the PC’s own revision counter, and its soft delete as a field', () => {
    const deleted = { ...worker, deletedAt: '2026-12-03T09:00:00.000+08:00' };
    const document = recordToDocument('workers', deleted);
    expect(document).toEqual({
      _id: `workers:${worker.id}`,
      id: worker.id,
      name: '张三',
      residentId: '452601199001011234',
      deletedAt: '2026-12-03T09:00:00.000+08:00',
      createdAt: worker.createdAt,
      updatedAt: worker.updatedAt,
    });
    expect(document).not.toHaveProperty('_deleted');
  });

  it('leaves out the audit trail’s local order, keeping the entry’s own id and the table it names', () => {
    const entry = { seq: 42, id: 'a1', at: '2026-12-03T09:00:00.000+08:00', table: 'workers', recordId: 'w1' };
    expect(recordToDocument('audit', entry)).toEqual({
      _id: 'audit:a1',
      id: 'a1',
      at: entry.at,
      table: 'workers',
      recordId: 'w1',
    });
  });

  it('reads back to the record as it was sent, without CouchDB’s fields', () => {
    const { revision: _revision, ...sent } = worker;
    const received = {
      ...recordToDocument('workers', worker),
      _rev: '3-abc',
      _revisions: { start: 3, ids: ['abc', 'def', '012'] },
      _conflicts: ['3-abb'],
    };
    expect(documentToRecord(received)).toEqual({ table: 'workers', record: sent });
  });

  it('reads the marker as no record, and refuses a document whose body names another record', () => {
    expect(documentToRecord({ ...newMarker('452601', '田阳区', worker.createdAt) })).toBeNull();
    const forged = { ...recordToDocument('workers', worker), id: 'someone-else' };
    expect(() => documentToRecord(forged)).toThrow(RangeError);
  });
});

describe('the county’s marker, read before any sync', () => {
  const marker = newMarker('452601', '田阳区', '2026-12-01T08:00:00.000+08:00');

  it('lets this county’s PCs sync', () => {
    expect(checkMarker(marker, 100, '452601')).toEqual({ kind: 'ours' });
  });

  it('refuses another county’s database, naming the county the server holds', () => {
    expect(checkMarker(marker, 100, '452602')).toEqual({
      kind: 'other-county',
      countyCode: '452601',
      countyName: '田阳区',
    });
  });

  it('marks a new, empty database, and refuses one that holds documents without a marker', () => {
    expect(checkMarker(null, 0, '452601')).toEqual({ kind: 'new-database' });
    expect(checkMarker(null, 3, '452601')).toEqual({ kind: 'unmarked' });
  });

  it('refuses a marker of another app or of an unknown format', () => {
    expect(checkMarker({ ...marker, app: 'other' }, 5, '452601')).toEqual({ kind: 'foreign', app: 'other', format: 1 });
    expect(checkMarker({ ...marker, format: 2 }, 5, '452601')).toMatchObject({ kind: 'foreign', format: 2 });
    expect(checkMarker('452601', 5, '452601')).toMatchObject({ kind: 'foreign' });
  });
});
