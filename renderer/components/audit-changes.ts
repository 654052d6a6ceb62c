/**
 * An audit row's `before` and `after` as people read them: the fields that changed, each with its
 * label in the user's language and its values as short text. Used by a record's history and by the
 * audit page. Large values (a roster import's list of 25,000 people) are summarised, never written
 * out whole.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import type { AuditEntry } from '@shared/domain/records';
import { canonicalJson } from '@shared/audit/canonical';

/** One field of a record, before and after a change (`undefined`: the field was not there). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields every record has that say nothing about what a change did. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

/** Where a table's field labels live, before the audit page's own. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  workers: 'workers.fields',
  enterprises: 'enterprises.fields',
  openings: 'openings.fields',
  routes: 'routes.fields',
  batches: 'batches.fields',
  settings: 'settings',
};

const MAX_TEXT = 80;
const MAX_LISTED = 10;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Equal as stored data: the same canonical JSON (small values only are compared by text). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The fields a row changed. Two records: the fields that differ (the time of the change only when
 * nothing else did). A record created or removed: its fields that hold something. Anything else
 * (a number, a summary): one `value` change.
 */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const { before, after } = entry;
  if (isPlainObject(before) && isPlainObject(after)) {
    const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    const changed = fields
      .filter((field) => !same(before[field], after[field]))
      .map((field) => ({ field, before: before[field], after: after[field] }));
    const meaningful = changed.filter((change) => !BOOKKEEPING.has(change.field));
    return meaningful.length > 0 ? meaningful : changed;
  }
  if (isEmpty(before) && isPlainObject(after)) {
    return Object.entries(after)
      .filter(([field, value]) => !BOOKKEEPING.has(field) && !isEmpty(value))
      .map(([field, value]) => ({ field, before: undefined, after: value }));
  }
  if (isPlainObject(before) && isEmpty(after)) {
    return Object.entries(before)
      .filter(([field, value]) => !BOOKKEEPING.has(field) && !isEmpty(value))
      .map(([field, value]) => ({ field, before: value, after: undefined }));
  }
  if (same(before, after)) return [];
  return [{ field: 'value', before, after }];
}

/** A field's label: the table's own, else the audit page's, else its name. */
export function fieldLabel(table: string, field: string, t: TFunction, i18n: I18n): string {
  const own = FIELD_LABELS[table];
  if (own && i18n.exists(`${own}.${field}`)) return t(`${own}.${field}`);
  // The whole-database rows (demo data, restore) count records per table.
  if (table === '*' && i18n.exists(`audit.tables.${field}`)) return t(`audit.tables.${field}`);
  if (i18n.exists(`audit.fields.${field}`)) return t(`audit.fields.${field}`);
  return field;
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT - 1).join('')}…` : text;
}

/** A value as short text: a name for a record that has one, a count for a long list. */
export function valueText(value: unknown, t: TFunction): string {
  if (value === undefined || value === null) return '—';
  if (value === '') return t('audit.changes.empty');
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? t('audit.changes.yes') : t('audit.changes.no');
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.length <= MAX_LISTED && items.every((item) => typeof item !== 'object' || item === null)) {
      return shorten(items.map((item) => valueText(item, t)).join(t('audit.changes.listSeparator')));
    }
    return t('audit.changes.items', { count: items.length });
  }
  if (isPlainObject(value)) {
    if (typeof value.name === 'string') return shorten(value.name);
    const keys = Object.keys(value);
    if (keys.length <= MAX_LISTED) return shorten(canonicalJson(value));
    return t('audit.changes.items', { count: keys.length });
  }
  return '';
}

/** The labels of the fields an anonymisation reduced (its row's `after.fields`). */
function fieldList(fields: unknown, t: TFunction, i18n: I18n): string {
  if (!Array.isArray(fields)) return '';
  return (fields as unknown[])
    .filter((field): field is string => typeof field === 'string')
    .map((field) => fieldLabel('workers', field, t, i18n))
    .join(t('audit.changes.listSeparator'));
}

/** One change as a line: `姓名 张三 → 张四`, or `姓名 张三` for a record created. */
export function changeText(table: string, change: FieldChange, t: TFunction, i18n: I18n): string {
  const label = fieldLabel(table, change.field, t, i18n);
  if (change.field === 'fields' && Array.isArray(change.after)) {
    return t('audit.changes.field', { label, value: fieldList(change.after, t, i18n) });
  }
  if (change.before === undefined) return t('audit.changes.field', { label, value: valueText(change.after, t) });
  if (change.after === undefined) return t('audit.changes.field', { label, value: valueText(change.before, t) });
  return t('audit.changes.change', { label, before: valueText(change.before, t), after: valueText(change.after, t) });
}

/**
 * What a row that records an act rather than a change says, in words: which fields an
 * anonymisation reduced, how many rows a redaction touched, which file an export saved. Null for
 * any other row.
 */
function actSummary(entry: AuditEntry, t: TFunction, i18n: I18n): string | null {
  const after = isPlainObject(entry.after) ? entry.after : {};
  if (entry.action === 'anonymise') return t('audit.changes.anonymised', { fields: fieldList(after.fields, t, i18n) });
  if (entry.action === 'redact') {
    return t('audit.changes.redactedRows', { count: Array.isArray(after.redacted) ? after.redacted.length : 0 });
  }
  if (entry.action === 'export') return t('audit.changes.exported', { file: valueText(after.file, t) });
  return null;
}

/** The first few changes of a row on one line, and how many more there are. */
export function changeSummary(entry: AuditEntry, t: TFunction, i18n: I18n, limit = 3): string {
  const act = actSummary(entry, t, i18n);
  if (act !== null) return act;
  const changes = fieldChanges(entry);
  if (changes.length === 0) return t('audit.changes.none');
  const shown = changes.slice(0, limit).map((change) => changeText(entry.table, change, t, i18n));
  const rest = changes.length - shown.length;
  const line = shown.join(t('audit.changes.separator'));
  const summary = rest > 0 ? `${line} ${t('audit.changes.more', { count: rest })}` : line;
  return entry.redaction ? `${summary} · ${t('audit.changes.redacted')}` : summary;
}

/**
 * What the row is about, for people: the record's name as the row holds it, else its name now
 * (`currentName`, for rows that hold none), else the start of its id.
 */
export function recordLabel(entry: Pick<AuditEntry, 'before' | 'after' | 'recordId'>, currentName?: string): string {
  for (const side of [entry.after, entry.before]) {
    if (isPlainObject(side) && typeof side.name === 'string' && side.name !== '') return side.name;
  }
  if (currentName) return currentName;
  return entry.recordId.length > 12 ? entry.recordId.slice(0, 8) : entry.recordId;
}

/** The page of a record, for the tables that have one. */
export function recordPath(table: string, recordId: string): string | null {
  const pages: Readonly<Record<string, string>> = {
    workers: '/workers/',
    enterprises: '/enterprises/',
    routes: '/routes/',
    batches: '/batches/',
  };
  const page = pages[table];
  return page && !recordId.includes(':') ? `${page}${recordId}` : null;
}

/** The audit page, filtered to one record. */
export function auditPathOf(table: string, recordId: string): string {
  return `/audit?${new URLSearchParams({ table, record: recordId }).toString()}`;
}
