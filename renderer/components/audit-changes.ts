/**
 * An audit row's `before` and `after` as people read them: the fields that changed, each with its
 * label from the screens in the user's language, and its values as the screens say them: a name
 * for a record id, Beijing time for an instant, the screen's word for a status, a verdict or a
 * colour, and for a list what was added, removed or changed in it. Used by a record's history and
 * by the audit page. Large values (a roster import's list of 25,000 people) are summarised, never
 * written out whole, and no record id, raw ISO string or stored enum value reaches the screen.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import type { AuditEntry, Language, ManifestColumn } from '@shared/domain/records';
import { MANIFEST_COLUMNS } from '@shared/domain/records';
import { canonicalJson } from '@shared/audit/canonical';
import { formatCalendarDate, formatTimestamp, isCalendarDate } from '@shared/dates';
import { CHECKLIST_ITEMS } from '@shared/gate';
import { formatYuan } from '@shared/subsidy/money';
import { manifestColumnLabel } from '@shared/documents/manifest-labels';
import { MAX_NAMED, PAYEE_TABLES, REFERENCE_FIELDS, recordKey } from '../db';

/** One field of a record, before and after a change (`undefined`: the field was not there). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What reading a row needs: the texts, the language, and the names of the records it refers to. */
export interface AuditReading {
  t: TFunction;
  i18n: I18n;
  language: Language;
  /** Names of records, keyed by `recordKey(table, id)` (audit-trail.ts `recordNames`). */
  names: Readonly<Record<string, string>>;
}

/** Fields every record has that say nothing about what a change did. */
const BOOKKEEPING = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'revision',
  // The employment period a subsidy claim rests on: an id with no name; the claim's months and due day say it.
  'periodId',
  // When the sync binding was saved: the audit row's own time says it.
  'savedAt',
]);

/** Where a table's field labels live, before the audit page's own. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  workers: 'workers.fields',
  enterprises: 'enterprises.fields',
  openings: 'openings.fields',
  routes: 'routes.fields',
  batches: 'batches.fields',
  settings: 'settings',
  // The sync binding (issue 20): its fields are the sync card's.
  installation: 'sync',
  subsidySchemes: 'subsidy.fields',
  agencies: 'subsidy.fields',
  introductions: 'subsidy.fields',
  subsidyClaims: 'subsidy.fields',
};

/** Fields whose stored words (`green`, `pass`, `draft`) have a screen text: where it is. */
const ENUM_TEXTS: Readonly<Record<string, string>> = {
  'workers.status': 'workers.status',
  'workers.gender': 'workers.gender',
  'workers.povertyStatus': 'workers.poverty',
  'enterprises.resumptionStatus': 'enterprises.resumption',
  'openings.genderRequirement': 'openings.gender',
  'batches.status': 'batches.status',
  'assignments.boarding': 'audit.values.boarding',
  'healthChecks.healthCode': 'health.healthCode',
  'healthChecks.result': 'health.verdict',
  'healthChecks.symptoms': 'health.symptoms',
  'routes.mode': 'routes.modes',
  'settings.language': 'audit.values.language',
  '*.origin': 'audit.values.origin',
  'batches.from': 'batches.status',
  'batches.to': 'batches.status',
  'batches.kind': 'batches.vehicles.kinds',
  'batches.role': 'batches.vehicles.roles',
  'contacts.outcome': 'followup.outcome',
  'contacts.method': 'followup.method',
  'contacts.needs': 'followup.need',
  'followUps.lastOutcome': 'followup.outcome',
  'employmentPeriods.endReason': 'followup.endReason',
  'handovers.reason': 'followup.exceptionReason',
  'subsidySchemes.kind': 'subsidy.schemeKind',
  'subsidySchemes.payee': 'subsidy.payee',
  'subsidySchemes.destination': 'subsidy.destination',
  'subsidySchemes.destinations': 'subsidy.destination',
  'subsidySchemes.evidence': 'subsidy.evidence',
  'subsidySchemes.organisedBatch': 'subsidy.organisedBatch',
  'subsidySchemes.householdTypes': 'workers.poverty',
  'subsidyClaims.payee': 'subsidy.payee',
  'subsidyClaims.status': 'subsidy.claimStatus',
};

/** Ids inside a health check that name other checks: said as "another check", never as an id. */
const CHECK_REFERENCES = new Set(['recheckOf', 'correctsId', 'supersededById']);

const MAX_TEXT = 80;
const MAX_LISTED = MAX_NAMED;

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

/** An ISO instant as the app stores it (`2026-02-18T08:30:00.000Z`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The fields a row changed. Two records: the fields that differ (the time of the change only when
 * nothing else did). A record created or removed: its fields that hold something. Anything else
 * (a number, a summary): one `value` change.
 */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const { before, after } = entry;
  if (isPlainObject(before) && isPlainObject(after)) {
    const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    // The revision counts writes (docs/architecture.md#data): never a change of its own.
    const changed = fields
      .filter((field) => field !== 'revision' && !same(before[field], after[field]))
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

/** A field's label: the table's own, else the audit page's, else the words for "a detail". */
export function fieldLabel(table: string, field: string, reading: Pick<AuditReading, 't' | 'i18n'>): string {
  const { t, i18n } = reading;
  const own = FIELD_LABELS[table];
  if (own && i18n.exists(`${own}.${field}`)) return t(`${own}.${field}`);
  // The whole-database rows (demo data, restore) count records per table.
  if (table === '*' && i18n.exists(`audit.tables.${field}`)) return t(`audit.tables.${field}`);
  if (i18n.exists(`audit.fields.${field}`)) return t(`audit.fields.${field}`);
  // A worker's page labels its references by the record (接收企业, 岗位), not by the id field.
  const reference = field.replace(/Id$/, '');
  if (own && i18n.exists(`${own}.${reference}`)) return t(`${own}.${reference}`);
  return t('audit.fields.other');
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT - 1).join('')}…` : text;
}

function join(parts: readonly string[], reading: AuditReading): string {
  return parts.filter((part) => part !== '').join(reading.t('audit.changes.listSeparator'));
}

/** The name of a record another one refers to, or the words for one that is gone. */
function referenceName(table: string, id: unknown, reading: AuditReading): string {
  if (typeof id !== 'string' || id === '') return '—';
  return reading.names[recordKey(table, id)] ?? reading.t('audit.changes.goneRecord');
}

/** A checklist item's name in the user's language. */
function checklistItemLabel(key: unknown, reading: AuditReading): string {
  const item = CHECKLIST_ITEMS.find((candidate) => candidate.key === key);
  return item ? item.label[reading.language] : reading.t('audit.changes.checklistItem');
}

/** A stored word (`draft`, `green`) as the screens say it. */
function enumText(table: string, field: string, value: string, reading: AuditReading): string | null {
  const prefix = ENUM_TEXTS[`${table}.${field}`] ?? ENUM_TEXTS[`*.${field}`];
  if (!prefix) return null;
  const key = `${prefix}.${value}`;
  return reading.i18n.exists(key) ? reading.t(key) : null;
}

/** One item of a list (a leg, an escort, a reading) as a few words. */
function itemText(table: string, field: string, item: unknown, reading: AuditReading): string {
  if (!isPlainObject(item)) return scalarText(table, field, item, reading);
  const { t } = reading;
  if (typeof item.name === 'string' && item.name !== '') return shorten(item.name);
  if (typeof item.from === 'string' && typeof item.to === 'string') {
    const from = enumText(table, 'from', item.from, reading) ?? item.from;
    const to = enumText(table, 'to', item.to, reading) ?? item.to;
    const reason = typeof item.reason === 'string' && item.reason !== '' ? ` (${shorten(item.reason)})` : '';
    return `${from} → ${to}${reason}`;
  }
  if (typeof item.place === 'string') return shorten(item.place);
  // A subsidy's tier (issue 18) and a bank account.
  if (typeof item.destination === 'string' && typeof item.amountFen === 'number') {
    return `${enumText(table, 'destination', item.destination, reading) ?? ''} ${formatYuan(item.amountFen)}`.trim();
  }
  if (typeof item.bankName === 'string' && typeof item.accountNumber === 'string') {
    return shorten(`${item.bankName} ${item.accountNumber}`);
  }
  if (typeof item.temperatureC === 'number') {
    const at = typeof item.at === 'string' ? ` ${formatTimestamp(item.at, reading.language)}` : '';
    return `${item.temperatureC} °C${at}`;
  }
  if (typeof item.seat === 'string') return t('audit.changes.seat', { seat: item.seat });
  if (Array.isArray(item.vehicles)) {
    return t('audit.changes.vehicles', { count: item.vehicles.length });
  }
  if (typeof item.label === 'string' && typeof item.kind === 'string') {
    return `${enumText('batches', 'kind', item.kind, reading) ?? ''} ${item.label}`.trim();
  }
  if (typeof item.id === 'string' && table === 'workers') return referenceName('workers', item.id, reading);
  return t('audit.changes.oneItem');
}

/** A single value: a name for an id, Beijing time for an instant, the screen's word for a stored word. */
function scalarText(table: string, field: string, value: unknown, reading: AuditReading): string {
  const { t, language } = reading;
  if (value === undefined || value === null) return '—';
  if (value === '') return t('audit.changes.empty');
  if (typeof value === 'boolean') return value ? t('audit.changes.yes') : t('audit.changes.no');
  if (typeof value === 'number') {
    if (table === 'settings' && field === 'loadFactor') return `${Math.round(value * 100)}%`;
    // Subsidy amounts are whole fen (issue 18), said in yuan with two decimals.
    if (field.endsWith('Fen') && Number.isSafeInteger(value)) return formatYuan(value);
    return String(value);
  }
  if (typeof value !== 'string') return t('audit.changes.oneItem');
  const reference = REFERENCE_FIELDS[field];
  if (reference && table !== '*') return referenceName(reference, value, reading);
  if (CHECK_REFERENCES.has(field)) return t('audit.changes.otherCheck');
  if (field === 'payeeId') {
    const names = Object.values(PAYEE_TABLES).map((payeeTable) => reading.names[recordKey(payeeTable, value)]);
    return names.find((name) => name !== undefined) ?? t('audit.changes.goneRecord');
  }
  if (table === 'checklistTicks' && field === 'item') return checklistItemLabel(value, reading);
  if (table === 'settings' && field === 'manifestColumns' && (MANIFEST_COLUMNS as readonly string[]).includes(value)) {
    return manifestColumnLabel(value as ManifestColumn, language);
  }
  const word = enumText(table, field, value, reading);
  if (word !== null) return word;
  if (INSTANT.test(value)) return formatTimestamp(value, language);
  if (isCalendarDate(value)) return formatCalendarDate(value, language);
  return shorten(value);
}

/** What identifies an item of a list between two versions of it. */
function identity(item: unknown): string {
  if (isPlainObject(item)) {
    for (const key of ['id', 'legId', 'key']) if (typeof item[key] === 'string') return `${key}:${item[key]}`;
  }
  return canonicalJson(item ?? null);
}

/** A list as a few words: its items when few and short, else how many. */
function listText(table: string, field: string, items: readonly unknown[], reading: AuditReading): string {
  if (items.length === 0) return reading.t('audit.changes.empty');
  if (items.length <= MAX_LISTED)
    return shorten(
      join(
        items.map((item) => itemText(table, field, item, reading)),
        reading,
      ),
    );
  return reading.t('audit.changes.items', { count: items.length });
}

/**
 * What changed in a list, as people say it: "新增 李四；删除 王五；修改 2 项" / "added 李四; removed 王五;
 * 2 changed", never "45 项 → 45 项".
 */
function listChangeText(
  table: string,
  field: string,
  before: readonly unknown[],
  after: readonly unknown[],
  reading: AuditReading,
): string {
  const { t } = reading;
  const old = new Map(before.map((item) => [identity(item), item]));
  const now = new Map(after.map((item) => [identity(item), item]));
  const added = after.filter((item) => !old.has(identity(item)));
  const removed = before.filter((item) => !now.has(identity(item)));
  const changed = after.filter((item) => {
    const was = old.get(identity(item));
    return was !== undefined && !same(was, item);
  }).length;
  const parts: string[] = [];
  const named = (items: readonly unknown[]) =>
    items.length <= MAX_LISTED
      ? {
          list: join(
            items.map((item) => itemText(table, field, item, reading)),
            reading,
          ),
          count: items.length,
        }
      : { list: t('audit.changes.items', { count: items.length }), count: items.length };
  if (added.length > 0) parts.push(t('audit.changes.added', named(added)));
  if (removed.length > 0) parts.push(t('audit.changes.removed', named(removed)));
  if (changed > 0) parts.push(t('audit.changes.changedItems', { count: changed }));
  if (parts.length === 0) parts.push(t('audit.changes.reordered'));
  return shorten(join(parts, reading));
}

/** A value as short text, read as the field `field` of a record of `table`. */
export function valueText(table: string, field: string, value: unknown, reading: AuditReading): string {
  if (Array.isArray(value)) return listText(table, field, value, reading);
  if (isPlainObject(value)) {
    if (typeof value.name === 'string') return shorten(value.name);
    // A roster import's row: the file, then the people added and changed.
    return itemText(table, field, value, reading);
  }
  return scalarText(table, field, value, reading);
}

/** The labels of the fields an anonymisation reduced (its row's `after.fields`). */
function fieldList(fields: unknown, reading: AuditReading): string {
  if (!Array.isArray(fields)) return '';
  return join(
    (fields as unknown[])
      .filter((field): field is string => typeof field === 'string')
      .map((field) => fieldLabel('workers', field, reading)),
    reading,
  );
}

/** The words for a change's value after it, or before it for a field removed. */
export function changeValues(
  table: string,
  change: FieldChange,
  reading: AuditReading,
): { before: string; after: string } {
  if (Array.isArray(change.before) && Array.isArray(change.after)) {
    return {
      before: listText(table, change.field, change.before, reading),
      after: listChangeText(table, change.field, change.before, change.after, reading),
    };
  }
  return {
    before: change.before === undefined ? '' : valueText(table, change.field, change.before, reading),
    after: change.after === undefined ? '' : valueText(table, change.field, change.after, reading),
  };
}

/** One change as a line: `姓名 张三 → 张四`, `姓名 张三` for a record created, `随车人员 新增 李四` for a list. */
export function changeText(table: string, change: FieldChange, reading: AuditReading): string {
  const { t } = reading;
  const label = fieldLabel(table, change.field, reading);
  if (change.field === 'fields' && Array.isArray(change.after)) {
    return t('audit.changes.field', { label, value: fieldList(change.after, reading) });
  }
  if (Array.isArray(change.before) && Array.isArray(change.after)) {
    return t('audit.changes.field', {
      label,
      value: listChangeText(table, change.field, change.before, change.after, reading),
    });
  }
  if (change.before === undefined) {
    return t('audit.changes.field', { label, value: valueText(table, change.field, change.after, reading) });
  }
  if (change.after === undefined) {
    return t('audit.changes.field', { label, value: valueText(table, change.field, change.before, reading) });
  }
  return t('audit.changes.change', {
    label,
    before: valueText(table, change.field, change.before, reading),
    after: valueText(table, change.field, change.after, reading),
  });
}

/**
 * What a row that records an act rather than a change says, in words: which fields an
 * anonymisation reduced, how many rows a redaction touched, which file an export saved, what a
 * roster import did. Null for any other row.
 */
function actSummary(entry: AuditEntry, reading: AuditReading): string | null {
  const { t } = reading;
  const after = isPlainObject(entry.after) ? entry.after : {};
  if (entry.action === 'anonymise') return t('audit.changes.anonymised', { fields: fieldList(after.fields, reading) });
  if (entry.action === 'redact') {
    return t('audit.changes.redactedRows', { count: Array.isArray(after.redacted) ? after.redacted.length : 0 });
  }
  if (entry.action === 'export') {
    return t('audit.changes.exported', { file: scalarText(entry.table, 'file', after.file, reading) });
  }
  if (entry.table === 'workers' && entry.recordId.startsWith('import:')) {
    const created = Array.isArray(after.created) ? after.created.length : 0;
    const updated = Array.isArray(after.updated) ? after.updated.length : 0;
    return t('audit.changes.imported', { created, updated });
  }
  return null;
}

/** The first few changes of a row on one line, and how many more there are. */
export function changeSummary(entry: AuditEntry, reading: AuditReading, limit = 3): string {
  const { t } = reading;
  const act = actSummary(entry, reading);
  if (act !== null) return act;
  const changes = fieldChanges(entry);
  if (changes.length === 0) return t('audit.changes.none');
  const shown = changes.slice(0, limit).map((change) => changeText(entry.table, change, reading));
  const rest = changes.length - shown.length;
  const line = shown.join(t('audit.changes.separator'));
  const summary = rest > 0 ? `${line} ${t('audit.changes.more', { count: rest })}` : line;
  return entry.redaction ? `${summary} · ${t('audit.changes.redacted')}` : summary;
}

/** The content of the row's record as the row holds it (after, else before). */
function content(entry: Pick<AuditEntry, 'before' | 'after'>): Record<string, unknown> {
  if (isPlainObject(entry.after)) return entry.after;
  if (isPlainObject(entry.before)) return entry.before;
  return {};
}

/**
 * What the row is about, for people: the record's name as the row holds it, else its name now,
 * else what names it (a passenger's and a batch's names for an assignment, a checklist item's
 * name), else the kind of record: never its id.
 */
export function recordLabel(
  entry: Pick<AuditEntry, 'before' | 'after' | 'recordId' | 'table'>,
  reading: AuditReading,
): string {
  const { t } = reading;
  for (const side of [entry.after, entry.before]) {
    if (isPlainObject(side) && typeof side.name === 'string' && side.name !== '') return side.name;
  }
  const own = reading.names[recordKey(entry.table, entry.recordId)];
  if (own) return own;
  const held = content(entry);
  if (entry.table === 'workers' && entry.recordId.startsWith('import:')) {
    return t('audit.records.import', { file: typeof held.source === 'string' ? held.source : '' });
  }
  if (entry.table === '*') {
    return i18nOr(reading, `audit.records.${entry.recordId}`, t('audit.records.allData'));
  }
  if (entry.table === 'settings') return t('audit.tables.settings');
  if (entry.table === 'installation' && entry.recordId === 'sync-binding') return t('sync.title');
  if (entry.table === 'audit') return t('audit.records.trail');
  if (entry.table === 'openings' && typeof held.position === 'string') return held.position;
  const parts: string[] = [];
  if (entry.table === 'checklistTicks' && typeof held.item === 'string')
    parts.push(checklistItemLabel(held.item, reading));
  if (typeof held.workerId === 'string') parts.push(referenceName('workers', held.workerId, reading));
  if (typeof held.batchId === 'string') parts.push(referenceName('batches', held.batchId, reading));
  if (parts.length > 0) return parts.join(' · ');
  return t('audit.records.unnamed');
}

function i18nOr(reading: AuditReading, key: string, fallback: string): string {
  return reading.i18n.exists(key) ? reading.t(key) : fallback;
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
