/**
 * How the app's records are CouchDB documents (issue 20, docs/architecture.md#documents): one
 * document per record, `_id` `<table>:<id>`, the record's own fields, without what is this PC's own
 * (the `revision` counter, the audit trail's local `seq`). The table is said by the `_id` alone: a
 * field for it would collide with the audit entries' own `table` (the table a change was made to). And the county's marker, the
 * document `ptp:marker` that every county database holds, read before any push or pull.
 */

/** The marker's `_id`: not of the `<table>:<id>` form, so no record can take it. */
export const MARKER_ID = 'ptp:marker';
/** What the marker says the database belongs to. */
export const MARKER_APP = 'point-to-point-planner';
export const MARKER_FORMAT = 1;

/** The county database's marker document. */
export interface CountyMarker {
  _id: typeof MARKER_ID;
  app: typeof MARKER_APP;
  format: number;
  /** The county's administrative code (six digits), as the data set's county. */
  countyCode: string;
  countyName: string;
  createdAt: string;
}

/** Fields a record keeps on this PC only, never sent. */
const LOCAL_FIELDS: ReadonlySet<string> = new Set(['revision', 'seq']);
/** CouchDB's own fields of a document, none of them a record's. */
const DOCUMENT_FIELDS: ReadonlySet<string> = new Set([
  '_id',
  '_rev',
  '_revisions',
  '_conflicts',
  '_deleted_conflicts',
  '_deleted',
]);

/** `value` without the fields named in `left`. */
function without(value: object, left: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([field]) => !left.has(field)));
}
const TABLE_NAME = /^[a-z][A-Za-z]*$/;

/** The `_id` of a record's document. */
export function documentId(table: string, id: string): string {
  if (!TABLE_NAME.test(table)) throw new RangeError(`not a table name: ${table}`);
  if (id === '') throw new RangeError('a record without an id');
  return `${table}:${id}`;
}

/** The table and record id that a document's `_id` names, or null for a document that is no record. */
export function parseDocumentId(docId: string): { table: string; id: string } | null {
  const colon = docId.indexOf(':');
  if (colon < 0) return null;
  const table = docId.slice(0, colon);
  const id = docId.slice(colon + 1);
  return TABLE_NAME.test(table) && id !== '' && table !== 'ptp' ? { table, id } : null;
}

/** A record as its document's body (CouchDB's `_rev` and `_revisions` are the caller's to add). */
export function recordToDocument(table: string, record: { id: string }): Record<string, unknown> {
  return { ...without(record, LOCAL_FIELDS), _id: documentId(table, record.id) };
}

/**
 * A document as the record it carries, or null for one that is no record (the marker, a design
 * document). A document whose `_id` names another id than its body is refused: the app did not write it.
 */
export function documentToRecord(
  document: Record<string, unknown>,
): { table: string; record: Record<string, unknown> } | null {
  const named = typeof document._id === 'string' ? parseDocumentId(document._id) : null;
  if (!named) return null;
  if (document.id !== named.id) {
    throw new RangeError(`the document ${String(document._id)} does not carry its own id`);
  }
  return { table: named.table, record: without(document, DOCUMENT_FIELDS) };
}

/** What the marker of a server's database says about syncing this PC's county with it. */
export type MarkerFinding =
  | { kind: 'ours' }
  /** No marker and no document: a new database, which this PC marks as its county's. */
  | { kind: 'new-database' }
  /** Documents but no marker: not a county database of the app; refused. */
  | { kind: 'unmarked' }
  /** A marker of another app or of a format this version does not know; refused. */
  | { kind: 'foreign'; app: string; format: number }
  /** Another county's database; refused, naming the county the server holds. */
  | { kind: 'other-county'; countyCode: string; countyName: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks a database's marker (null when the server has none) against this PC's county, before any
 * push or pull. `documentCount` is the database's `doc_count`: a database without a marker may be
 * marked only while it is empty.
 */
export function checkMarker(marker: unknown, documentCount: number, countyCode: string): MarkerFinding {
  if (marker === null || marker === undefined)
    return documentCount === 0 ? { kind: 'new-database' } : { kind: 'unmarked' };
  const app = isObject(marker) && typeof marker.app === 'string' ? marker.app : '';
  const format = isObject(marker) && typeof marker.format === 'number' ? marker.format : 0;
  if (!isObject(marker) || app !== MARKER_APP || format !== MARKER_FORMAT) return { kind: 'foreign', app, format };
  const code = typeof marker.countyCode === 'string' ? marker.countyCode : '';
  if (code !== countyCode) {
    return {
      kind: 'other-county',
      countyCode: code,
      countyName: typeof marker.countyName === 'string' ? marker.countyName : '',
    };
  }
  return { kind: 'ours' };
}

/** The marker a PC writes into a new database of its county. */
export function newMarker(countyCode: string, countyName: string, createdAt: string): CountyMarker {
  return { _id: MARKER_ID, app: MARKER_APP, format: MARKER_FORMAT, countyCode, countyName, createdAt };
}
