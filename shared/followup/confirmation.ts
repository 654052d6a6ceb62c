/**
 * Enterprise confirmation lists (issue 17, item 6; docs/domain.md#follow-up): an enterprise sends
 * back a spreadsheet of who is still employed. The file is read by the roster reader
 * (shared/roster/read.ts) and its resident ID and name columns are found by the roster's column
 * recognition; this module adds the list's own columns (status, on-board date, leave date, reason),
 * reads their cells, and judges each row against the worker register and the contact log before
 * anything is written: matched, ID not found, handed over to another enterprise, no handover yet,
 * contradicting the log, already recorded by the same verification, or not readable.
 *
 * A row that is written becomes a contact by `enterprise-verification`, dated the day of the list,
 * by the operator: `in-post` with the on-board date as `startedOn`, or `left-looking` with the
 * leave date and the reason. The contact passes the same rules as one typed in (checkContact).
 */
import { addCalendarDays, calendarDaysBetween, isCalendarDate } from '../dates';
import type { CalendarDate, Contact, ContactOutcome } from '../domain/records';
import { parseResidentId } from '../domain/resident-id';
import { normalizeHeader, recognizeColumns, type RosterField } from '../roster/columns';
import type { RosterTable } from '../roster/read';
import type { FieldProblem } from '../domain/problems';
import { checkContact, type ContactInput } from './rules';

/** The columns of a confirmation list, in the order the mapping step shows them. */
export const CONFIRMATION_FIELDS = ['residentId', 'name', 'status', 'startedOn', 'leftOn', 'leftReason'] as const;
export type ConfirmationField = (typeof CONFIRMATION_FIELDS)[number];
/** Column index of each field; fields that no column fills are absent. */
export type ConfirmationMapping = Partial<Record<ConfirmationField, number>>;

/** The list's own columns; resident ID and name are recognised as the roster import does. */
type ListField = Exclude<ConfirmationField, 'residentId' | 'name'>;

/**
 * Header texts of the list's own columns, matched through the roster's normalizeHeader (case,
 * spaces, full-width brackets and a required mark do not matter).
 */
export const CONFIRMATION_HEADER_ALIASES: Readonly<Record<ListField, readonly string[]>> = {
  status: [
    '在岗状态',
    '是否在岗',
    '在岗情况',
    '是否在职',
    '在职状态',
    '在职情况',
    '状态',
    '就业状态',
    '务工状态',
    '人员状态',
    '在岗',
    '在职',
    'Status',
    'In post',
    'Employed',
    'Employment status',
    'Still employed',
  ],
  startedOn: [
    '入职日期',
    '入职时间',
    '到岗日期',
    '到岗时间',
    '上岗日期',
    '上岗时间',
    '入厂日期',
    '入厂时间',
    '报到日期',
    'On-board date',
    'Onboard date',
    'Start date',
    'Started on',
    'Hire date',
    'Date hired',
  ],
  leftOn: [
    '离职日期',
    '离职时间',
    '离岗日期',
    '离岗时间',
    '离厂日期',
    '离厂时间',
    '辞职日期',
    'Leave date',
    'Leaving date',
    'Left on',
    'Date left',
    'End date',
  ],
  leftReason: [
    '离职原因',
    '离岗原因',
    '原因',
    '离职/返乡原因',
    '备注',
    '说明',
    'Reason',
    'Leaving reason',
    'Reason for leaving',
    'Notes',
    'Note',
    'Remarks',
  ],
};

const LIST_FIELD_BY_HEADER: ReadonlyMap<string, ListField> = (() => {
  const map = new Map<string, ListField>();
  for (const [field, aliases] of Object.entries(CONFIRMATION_HEADER_ALIASES) as [ListField, readonly string[]][]) {
    for (const alias of aliases) map.set(normalizeHeader(alias), field);
  }
  return map;
})();

/**
 * Which column holds each field: resident ID and name by the roster's recognition (with the
 * columns the user confirmed on roster imports), the list's own columns by their aliases. Each
 * field takes the leftmost column that names it; a column taken by one field is not taken again.
 */
export function recognizeConfirmationColumns(
  headers: readonly string[],
  remembered: Readonly<Record<string, RosterField | null>> = {},
): ConfirmationMapping {
  const roster = recognizeColumns(headers, remembered);
  const mapping: ConfirmationMapping = {};
  if (roster.residentId !== undefined) mapping.residentId = roster.residentId;
  if (roster.name !== undefined) mapping.name = roster.name;
  const taken = new Set(Object.values(mapping));
  headers.forEach((header, index) => {
    if (taken.has(index)) return;
    const field = LIST_FIELD_BY_HEADER.get(normalizeHeader(header));
    if (field && mapping[field] === undefined) {
      mapping[field] = index;
      taken.add(index);
    }
  });
  return mapping;
}

/** How many rows below the roster reader's header may hold the list's real header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The table with its header on the row that names a resident ID column. The roster reader takes
 * the first row as the header unless a later one names two roster columns; a list that names only
 * the ID among the roster's columns (身份证号, 在岗状态, 入职日期) under a title row
 * (某某公司在岗人员核实表) is found here. The table comes back unchanged when no row names an ID.
 */
export function withConfirmationHeader(table: RosterTable): RosterTable {
  if (recognizeConfirmationColumns(table.headers).residentId !== undefined) return table;
  const index = table.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => recognizeConfirmationColumns(row.map((cell) => cell.trim())).residentId !== undefined);
  if (index < 0) return table;
  return {
    ...table,
    headerLine: table.headerLine + 1 + index,
    headers: (table.rows[index] ?? []).map((cell) => cell.trim()),
    rows: table.rows.slice(index + 1),
  };
}

/** What a list says of a worker. */
export type ListedStatus = 'in-post' | 'left';

const STATUS_WORDS: ReadonlyMap<string, ListedStatus> = new Map(
  (
    [
      ['在岗', 'in-post'],
      ['在职', 'in-post'],
      ['是', 'in-post'],
      ['在', 'in-post'],
      ['正常', 'in-post'],
      ['正常在岗', 'in-post'],
      ['仍在岗', 'in-post'],
      ['仍在职', 'in-post'],
      ['在岗在职', 'in-post'],
      ['在厂', 'in-post'],
      ['上班', 'in-post'],
      ['正式', 'in-post'],
      ['试用', 'in-post'],
      ['试用期', 'in-post'],
      ['yes', 'in-post'],
      ['y', 'in-post'],
      ['true', 'in-post'],
      ['1', 'in-post'],
      ['√', 'in-post'],
      ['✓', 'in-post'],
      ['✔', 'in-post'],
      ['in post', 'in-post'],
      ['in-post', 'in-post'],
      ['employed', 'in-post'],
      ['active', 'in-post'],
      ['working', 'in-post'],
      ['离职', 'left'],
      ['已离职', 'left'],
      ['离岗', 'left'],
      ['已离岗', 'left'],
      ['否', 'left'],
      ['不在岗', 'left'],
      ['不在职', 'left'],
      ['辞职', 'left'],
      ['已辞职', 'left'],
      ['自离', 'left'],
      ['自动离职', 'left'],
      ['离厂', 'left'],
      ['已离厂', 'left'],
      ['辞退', 'left'],
      ['已辞退', 'left'],
      ['解除', 'left'],
      ['解除合同', 'left'],
      ['no', 'left'],
      ['n', 'left'],
      ['false', 'left'],
      ['0', 'left'],
      ['×', 'left'],
      ['✗', 'left'],
      ['left', 'left'],
      ['resigned', 'left'],
      ['quit', 'left'],
      ['not employed', 'left'],
      ['terminated', 'left'],
    ] as const
  ).map(([word, status]) => [normalizeHeader(word), status]),
);

/** The status a cell names; undefined for an empty cell, null for a word that is none of the known ones. */
export function parseListedStatus(text: string): ListedStatus | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return STATUS_WORDS.get(normalizeHeader(trimmed)) ?? null;
}

/** Excel's day 0: day serials count from here (1900's false leap day included, as Excel does). */
const EXCEL_EPOCH = '1899-12-30';
/** Day serials of 1960 to 2099: a bare number in this range in a date column is an Excel date. */
const EXCEL_SERIALS = { min: 21_916, max: 73_415 } as const;
const DATE_FORMS = [/^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/u, /^(\d{4})(\d{2})(\d{2})$/] as const;

/**
 * The day a date cell names: 2026-03-01 (as the reader gives a date cell), 2026/3/1, 2026.3.1,
 * 2026年3月1日, 20260301, or an Excel day serial (a date column formatted as General). A time after
 * the date is left out. Undefined for an empty cell, null for text that names no existing day.
 */
export function parseListDate(text: string): CalendarDate | null | undefined {
  const trimmed = text.trim().replace(/[\sT]\d{1,2}:\d{2}(?::\d{2})?$/u, '');
  if (trimmed === '') return undefined;
  if (/^\d{5}$/.test(trimmed)) {
    const serial = Number(trimmed);
    if (serial < EXCEL_SERIALS.min || serial > EXCEL_SERIALS.max) return null;
    return addCalendarDays(EXCEL_EPOCH, serial);
  }
  for (const form of DATE_FORMS) {
    const match = form.exec(trimmed);
    if (!match) continue;
    const date = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
    return isCalendarDate(date) ? date : null;
  }
  return null;
}

/** One row of the list as the file has it. */
export interface ListedRow {
  /** The row's line as Excel shows it. */
  line: number;
  residentId: string;
  name: string;
  status: string;
  startedOn: string;
  leftOn: string;
  leftReason: string;
}

/** The rows of a read table under a mapping; empty rows are left out. */
export function listedRows(table: RosterTable, mapping: ConfirmationMapping): ListedRow[] {
  const rows: ListedRow[] = [];
  const cell = (cells: readonly string[], field: ConfirmationField) => {
    const column = mapping[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  table.rows.forEach((cells, index) => {
    if (cells.every((value) => value.trim() === '')) return;
    rows.push({
      line: table.headerLine + 1 + index,
      residentId: cell(cells, 'residentId'),
      name: cell(cells, 'name'),
      status: cell(cells, 'status'),
      startedOn: cell(cells, 'startedOn'),
      leftOn: cell(cells, 'leftOn'),
      leftReason: cell(cells, 'leftReason'),
    });
  });
  return rows;
}

/** How a row of the list is judged. */
export const CONFIRMATION_CATEGORIES = [
  'matched',
  'contradicts',
  'already-recorded',
  'not-found',
  'other-enterprise',
  'no-handover',
  'invalid',
] as const;
export type ConfirmationCategory = (typeof CONFIRMATION_CATEGORIES)[number];

/**
 * Why a row is judged as it is. `code` is a key under `confirmations.reasons.`, except `problem`,
 * whose `params.code` is a key under `problems.` (the resident ID's messages, the contact rules').
 */
export interface ConfirmationReason {
  code:
    | 'problem'
    | 'id-missing'
    | 'status-unknown'
    | 'status-missing'
    | 'date-unreadable'
    | 'in-post-with-leave-date'
    | 'not-found'
    | 'other-enterprise'
    | 'no-handover'
    | 'newer-contact'
    | 'started-after-list'
    | 'left-after-list'
    | 'left-before-handover'
    | 'started-before-handover'
    | 'list-before-handover'
    | 'already-recorded';
  params?: Readonly<Record<string, string | number>>;
}

/** A worker as the judgement needs them. */
export interface ConfirmationWorker {
  id: string;
  name: string;
  /** The enterprise the worker is placed with, if any. */
  enterpriseId: string | null;
}

/** A live contact as the judgement needs it. */
export type ConfirmationContact = Pick<
  Contact,
  'date' | 'method' | 'outcome' | 'enterpriseId' | 'startedOn' | 'leftOn' | 'leftReason'
> & { createdAt?: string };

/** A worker's live follow-up with its live contacts. */
export interface ConfirmationFollowUp {
  id: string;
  enterpriseId: string;
  handedOverOn: CalendarDate;
  contacts: readonly ConfirmationContact[];
}

/** What the judgement reads besides the rows. */
export interface ConfirmationContext {
  enterprise: { id: string; name: string; city: string };
  /** The day of the list: the contacts' date. */
  listDate: CalendarDate;
  /** Today, Beijing calendar. */
  today: CalendarDate;
  /** Who logs the contacts. */
  operator: string;
  /** Whether the list has a status column; without one, a row is in post unless it gives a leave date. */
  hasStatusColumn: boolean;
  /** The worker registered under an 18-character resident ID. */
  workerOf: (residentId: string) => ConfirmationWorker | undefined;
  /** The worker's live follow-ups. */
  followUpsOf: (workerId: string) => readonly ConfirmationFollowUp[];
}

/** A row and what the import makes of it. */
export interface ConfirmationVerdict {
  line: number;
  /** The ID as the file has it, or the 18-character ID it names. */
  residentId: string;
  /** The worker's name as registered, or as the file has it. */
  name: string;
  category: ConfirmationCategory;
  reasons: ConfirmationReason[];
  /** What the list says of the worker, when it is readable. */
  status?: ListedStatus;
  /** The row's dates and reason as read, when its status is readable. */
  listed?: { startedOn: CalendarDate | null; leftOn: CalendarDate | null; reason: string };
  workerId?: string;
  followUpId?: string;
  /** The contact that accepting the row writes; present for matched and contradicting rows. */
  contact?: ContactInput;
  /** A contradicting row the coordinator may tick to write nonetheless: its contact passes the rules. */
  forcible: boolean;
}

const LEFT_OUTCOMES: ReadonlySet<ContactOutcome> = new Set(['changed-job', 'left-looking', 'returned-home']);

/** Whether a stored contact says the same as the one a row would write: the row is recorded already. */
export function sameVerification(stored: ConfirmationContact, contact: ContactInput): boolean {
  return (
    stored.method === 'enterprise-verification' &&
    stored.date === contact.date &&
    stored.outcome === contact.outcome &&
    stored.enterpriseId === contact.enterpriseId &&
    (stored.startedOn ?? null) === (contact.startedOn ?? null) &&
    (stored.leftOn ?? null) === (contact.leftOn ?? null) &&
    stored.leftReason.trim() === contact.leftReason.trim()
  );
}

/** The contact a row writes. */
export function verificationContact(
  context: Pick<ConfirmationContext, 'enterprise' | 'listDate' | 'operator'>,
  listed: { status: ListedStatus; startedOn: CalendarDate | null; leftOn: CalendarDate | null; reason: string },
): ContactInput {
  const left = listed.status === 'left';
  return {
    date: context.listDate,
    method: 'enterprise-verification',
    by: context.operator,
    outcome: left ? 'left-looking' : 'in-post',
    enterpriseId: context.enterprise.id,
    employerName: context.enterprise.name,
    employerCity: context.enterprise.city,
    startedOn: listed.startedOn,
    leftOn: left ? listed.leftOn : null,
    leftReason: left ? listed.reason : '',
    monthlyIncome: null,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
  };
}

function problemReason(problem: FieldProblem): ConfirmationReason {
  return { code: 'problem', params: { code: problem.code, field: problem.field, ...problem.params } };
}

function newestOf<T extends ConfirmationContact>(contacts: readonly T[]): T | undefined {
  return [...contacts]
    .sort((a, b) => a.date.localeCompare(b.date) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))
    .at(-1);
}

/** Judges the rows of a list, in file order. */
export function judgeConfirmationRows(rows: readonly ListedRow[], context: ConfirmationContext): ConfirmationVerdict[] {
  const firstLineOf = new Map<string, number>();
  return rows.map((row) => {
    const verdict = judgeRow(row, context);
    if (verdict.workerId !== undefined && verdict.category !== 'invalid' && verdict.category !== 'not-found') {
      const first = firstLineOf.get(verdict.residentId);
      if (first !== undefined) {
        return invalid(row, verdict.residentId, verdict.name, [
          { code: 'problem', params: { code: 'duplicate-in-file', firstLine: first } },
        ]);
      }
      firstLineOf.set(verdict.residentId, row.line);
    }
    return verdict;
  });
}

function invalid(row: ListedRow, residentId: string, name: string, reasons: ConfirmationReason[]): ConfirmationVerdict {
  return { line: row.line, residentId, name, category: 'invalid', reasons, forcible: false };
}

function judgeRow(row: ListedRow, context: ConfirmationContext): ConfirmationVerdict {
  if (row.residentId === '') return invalid(row, '', row.name, [{ code: 'id-missing' }]);
  const parsed = parseResidentId(row.residentId, context.today);
  if (!parsed.ok) {
    return invalid(row, row.residentId, row.name, [
      { code: 'problem', params: { code: `resident-id-${parsed.reason}` } },
    ]);
  }
  const residentId = parsed.id;

  // The row's own cells first: a row that can not be read is reported as such whoever it names.
  const reasons: ConfirmationReason[] = [];
  const startedOn = parseListDate(row.startedOn);
  const leftOn = parseListDate(row.leftOn);
  if (startedOn === null)
    reasons.push({ code: 'date-unreadable', params: { column: 'startedOn', text: row.startedOn } });
  if (leftOn === null) reasons.push({ code: 'date-unreadable', params: { column: 'leftOn', text: row.leftOn } });
  let status = parseListedStatus(row.status);
  if (status === null) reasons.push({ code: 'status-unknown', params: { text: row.status } });
  if (status === undefined) {
    if (leftOn) status = 'left';
    else if (!context.hasStatusColumn) status = 'in-post';
    else reasons.push({ code: 'status-missing' });
  }
  if (status === 'in-post' && leftOn) reasons.push({ code: 'in-post-with-leave-date', params: { date: leftOn } });

  const worker = context.workerOf(residentId);
  const name = worker?.name ?? row.name;
  if (reasons.length > 0 || status === undefined || status === null) {
    return { ...invalid(row, residentId, name, reasons), ...(worker ? { workerId: worker.id } : {}) };
  }
  const listed = { startedOn: startedOn ?? null, leftOn: leftOn ?? null, reason: row.leftReason };
  if (!worker) {
    return {
      line: row.line,
      residentId,
      name,
      status,
      listed,
      category: 'not-found',
      reasons: [{ code: 'not-found' }],
      forcible: false,
    };
  }
  const base = { line: row.line, residentId, name, status, listed, workerId: worker.id };
  const followUps = context.followUpsOf(worker.id);
  const followUp = [...followUps]
    .filter((candidate) => candidate.enterpriseId === context.enterprise.id)
    .sort((a, b) => a.handedOverOn.localeCompare(b.handedOverOn))
    .at(-1);
  if (!followUp) {
    const elsewhere =
      followUps.length > 0 || (worker.enterpriseId !== null && worker.enterpriseId !== context.enterprise.id);
    const code = elsewhere ? 'other-enterprise' : 'no-handover';
    return { ...base, category: code, reasons: [{ code }], forcible: false };
  }

  const contact = verificationContact(context, {
    status,
    startedOn: startedOn ?? null,
    leftOn: leftOn ?? null,
    reason: row.leftReason,
  });
  const withFollowUp = { ...base, followUpId: followUp.id, contact };
  if (followUp.contacts.some((stored) => sameVerification(stored, contact))) {
    return {
      ...withFollowUp,
      category: 'already-recorded',
      reasons: [{ code: 'already-recorded', params: { date: context.listDate } }],
      forcible: false,
    };
  }

  const contradictions: ConfirmationReason[] = [];
  const handover = followUp.handedOverOn;
  if (calendarDaysBetween(handover, context.listDate) < 0) {
    contradictions.push({ code: 'list-before-handover', params: { handover } });
  }
  if (startedOn && calendarDaysBetween(context.listDate, startedOn) > 0) {
    contradictions.push({ code: 'started-after-list', params: { date: startedOn } });
  }
  if (startedOn && calendarDaysBetween(handover, startedOn) < 0) {
    contradictions.push({ code: 'started-before-handover', params: { date: startedOn, handover } });
  }
  if (leftOn && calendarDaysBetween(context.listDate, leftOn) > 0) {
    contradictions.push({ code: 'left-after-list', params: { date: leftOn } });
  }
  if (leftOn && calendarDaysBetween(handover, leftOn) < 0) {
    contradictions.push({ code: 'left-before-handover', params: { date: leftOn, handover } });
  }
  // A newer contact than the list that says otherwise: the list is older news.
  const newer = newestOf(followUp.contacts.filter((stored) => stored.outcome !== 'unreachable'));
  if (newer && calendarDaysBetween(context.listDate, newer.date) > 0) {
    const says: ListedStatus = LEFT_OUTCOMES.has(newer.outcome) ? 'left' : 'in-post';
    if (says !== status) {
      contradictions.push({ code: 'newer-contact', params: { date: newer.date, outcome: newer.outcome } });
    }
  }
  const refused = checkContact(contact, { today: context.today, handedOverOn: handover });
  if (contradictions.length === 0) {
    return refused.length === 0
      ? { ...withFollowUp, category: 'matched', reasons: [], forcible: false }
      : { ...invalid(row, residentId, name, refused.map(problemReason)), workerId: worker.id, status, listed };
  }
  return {
    ...withFollowUp,
    category: 'contradicts',
    // A date before the handover is named by its contradiction already: the rules' words for it are left out.
    reasons: [
      ...contradictions,
      ...refused.filter((problem) => problem.code !== 'date-before-handover').map(problemReason),
    ],
    forcible: refused.length === 0,
  };
}

/** How many rows fall in each category. */
export function confirmationCounts(verdicts: readonly ConfirmationVerdict[]): Record<ConfirmationCategory, number> {
  const counts = Object.fromEntries(CONFIRMATION_CATEGORIES.map((category) => [category, 0])) as Record<
    ConfirmationCategory,
    number
  >;
  for (const verdict of verdicts) counts[verdict.category] += 1;
  return counts;
}

/** Whether a day can be the list's: an existing day, not after today. */
export function listDateProblem(listDate: string, today: CalendarDate): 'date-invalid' | 'date-in-future' | null {
  if (!isCalendarDate(listDate)) return 'date-invalid';
  if (calendarDaysBetween(today, listDate) > 0) return 'date-in-future';
  return null;
}
