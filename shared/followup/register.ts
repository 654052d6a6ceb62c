/**
 * The follow-up register (回访台账, issue 17, item 7): one row per contact, in the columns the
 * county offices keep it in, for the follow-ups the workspace shows. Pure: the export's Web Worker
 * reads the tables and hands them here, then writes the rows with register-xlsx.ts.
 *
 * What each column holds, as an office reads it:
 * - 序号: the row's number, from 1.
 * - 乡镇, 行政村, 姓名: the worker's, as registered.
 * - 身份证号: masked (452601********1234) unless the person exporting chose full numbers, which is
 *   recorded in the audit trail as a print with full numbers is. An anonymised worker's ID stays masked.
 * - 户类型: the household's poverty status (建档立卡贫困户 / 相对贫困户 / 一般户).
 * - 联系电话: the worker's phone in full. The register is the list the staff call from, and the
 *   issue names only the ID for masking; an anonymised worker's phone is stored masked already.
 * - 批次: the batch the worker travelled with; 输入企业: the enterprise they were handed over to;
 *   务工省市: that enterprise's city.
 * - 到岗日期: the start of the employment period the contact falls in, or, for a contact after a
 *   period ended (the worker left), the start of the period it ended.
 * - 回访节点: the schedule points the contact answered (第30天; a late call answering two:
 *   第30天、第90天), through contactSchedule (schedule.ts) over the follow-up's contacts up to this
 *   one; 补充回访 (an extra contact) when it answered none: a call between points, a worker not
 *   reached (未联系上 answers no point), a worker found returned home.
 * - 回访日期, 回访方式, 回访人: the contact's day (a Beijing calendar date, as stored), method and who made it.
 * - 是否在岗: 是 for in post or in a new job, 否 for left or returned home; 未联系上 when not reached,
 *   since nothing is known.
 * - 现单位: the employer now (in post or a new job): the contact's employer, else the enterprise
 *   handed over to; empty when the worker is not in a job.
 * - 月收入: yuan, a number, when told. 存在困难, 处理结果: as logged. 需要帮助: the needs, joined.
 * - 离职/返乡日期及原因: the day the worker left and the reason, when the contact says so.
 * - 下次回访日期: the next due date after this contact, as the schedule set it then (the sooner of
 *   the schedule's point, a retry and the date asked for); empty once the worker left the schedule.
 *
 * Rows go worker by worker (township, village, name: texts compared as stored, so that a village's
 * workers stand together), each worker's follow-ups by handover, each follow-up's contacts by day.
 * Superseded contacts are soft-deleted, so their corrections stand in their place.
 */
import type {
  Batch,
  CalendarDate,
  Contact,
  ContactMethod,
  ContactNeed,
  ContactOutcome,
  EmploymentPeriod,
  Enterprise,
  FollowUp,
  PovertyStatus,
  Worker,
} from '../domain/records';
import { maskResidentId } from '../domain/masking';
import { shownResidentId } from '../privacy/anonymise';
import type { FollowUpFilter } from './filter';
import type { RegisterCell } from './register-xlsx';
import { contactSchedule, type ScheduledContact } from './schedule';

/** The columns, in the order of the issue. */
export const REGISTER_COLUMNS = [
  'index',
  'township',
  'village',
  'name',
  'residentId',
  'householdType',
  'phone',
  'batch',
  'enterprise',
  'workCity',
  'startedOn',
  'point',
  'date',
  'method',
  'by',
  'inPost',
  'employer',
  'monthlyIncome',
  'difficulties',
  'left',
  'needs',
  'action',
  'nextDate',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** The words of the register in one language (renderer/i18n/parts/register.ts and followup.ts). */
export interface RegisterWords {
  columns: Readonly<Record<RegisterColumn, string>>;
  householdType: Readonly<Record<PovertyStatus, string>>;
  /** A schedule point, with `{{day}}`: 第{{day}}天. */
  point: string;
  /** A contact that answered no point. */
  extraContact: string;
  yes: string;
  no: string;
  /** Between items of a list (needs, points). */
  listSeparator: string;
  /** Between the day a worker left and the reason. */
  reasonSeparator: string;
  outcome: Readonly<Record<ContactOutcome, string>>;
  method: Readonly<Record<ContactMethod, string>>;
  need: Readonly<Record<ContactNeed, string>>;
}

/** What the register is built from: the follow-ups to write (already filtered) and what they point at. */
export interface RegisterSource {
  followUps: readonly FollowUp[];
  /** Contacts of any follow-up, live or not: only the live ones of `followUps` are written. */
  contacts: readonly Contact[];
  workers: ReadonlyMap<string, Worker>;
  batches: ReadonlyMap<string, Pick<Batch, 'name'>>;
  enterprises: ReadonlyMap<string, Pick<Enterprise, 'name' | 'city'>>;
  /** Employment periods of any follow-up. */
  periods: readonly EmploymentPeriod[];
  /** Settings' contact days. */
  contactDays: readonly number[];
}

export interface RegisterOptions {
  /** Full resident IDs (the choice is audited by the caller before the rows are built). */
  fullNumbers: boolean;
  words: RegisterWords;
}

/** Whether a follow-up is one the workspace shows under `filter` (every field left out matches all). */
export function followUpMatches(followUp: FollowUp, worker: Worker | undefined, filter: FollowUpFilter): boolean {
  if (filter.countyCode !== undefined && worker?.countyCode !== filter.countyCode) return false;
  if (filter.township !== undefined && worker?.township !== filter.township) return false;
  if (filter.enterpriseId !== undefined && followUp.enterpriseId !== filter.enterpriseId) return false;
  if (filter.batchId !== undefined && followUp.batchId !== filter.batchId) return false;
  if (filter.staffId !== undefined && followUp.staffId !== filter.staffId) return false;
  if (filter.stationId !== undefined && followUp.stationId !== filter.stationId) return false;
  if (filter.outcome !== undefined && (followUp.lastOutcome ?? 'none') !== filter.outcome) return false;
  return true;
}

const isLive = (record: { deletedAt?: string | null }) => !record.deletedAt;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = key(item);
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}

const byDay = (a: Contact, b: Contact) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/** What the schedule says after a contact: the points it answered, the next due date. */
interface ContactSchedulePoint {
  points: number[];
  nextDue: CalendarDate | null;
}

/**
 * What the schedule says of each contact of a follow-up (in day order). The schedule is pure and a
 * batch's workers share their handover day and mostly their contact days and outcomes, so the
 * answers are kept by what they depend on: a county's 300,000 contacts need a few thousand
 * computations instead of a million date sums.
 */
function scheduleOfContacts(
  handedOverOn: CalendarDate,
  contacts: readonly Contact[],
  days: readonly number[],
  known: Map<string, ContactSchedulePoint[]>,
): ContactSchedulePoint[] {
  const key = `${handedOverOn}|${contacts.map((contact) => `${contact.date},${contact.outcome},${contact.nextDate ?? ''}`).join(';')}`;
  const cached = known.get(key);
  if (cached) return cached;
  const answered = new Set<number>();
  const seen: ScheduledContact[] = [];
  const result = contacts.map((contact) => {
    seen.push({ date: contact.date, outcome: contact.outcome, nextDate: contact.nextDate });
    try {
      // The schedule after the contacts so far: a point answered now and not before is this contact's.
      const schedule = contactSchedule(handedOverOn, seen, days);
      const points = schedule.points
        .filter((point) => point.answeredOn !== null && !answered.has(point.day))
        .map((point) => point.day);
      for (const day of points) answered.add(day);
      return { points, nextDue: schedule.nextDue };
    } catch {
      // A contact dated before its handover (the rules refuse one; an old record may hold it).
      return { points: [], nextDue: contact.nextDate };
    }
  });
  known.set(key, result);
  return result;
}

/** The start of the period the contact falls in, or of the last one begun by its day. */
function periodStart(periods: readonly EmploymentPeriod[] | undefined, date: CalendarDate): CalendarDate | null {
  let start: CalendarDate | null = null;
  for (const period of periods ?? []) {
    if (period.start <= date && (start === null || period.start >= start)) start = period.start;
  }
  return start;
}

const IN_A_JOB: ReadonlySet<ContactOutcome> = new Set(['in-post', 'changed-job']);

/** The register's header in the words' language. */
export function registerHeader(words: RegisterWords): string[] {
  return REGISTER_COLUMNS.map((column) => words.columns[column]);
}

/** The register's rows as they are asked for: how many, and each in turn. */
export interface RegisterRowPlan {
  total: number;
  /** The rows (without the header), in the order and columns described above, made one at a time. */
  rows: () => Generator<RegisterCell[]>;
}

/** The register's rows (without the header), in the order and columns described above. */
export function registerRows(source: RegisterSource, options: RegisterOptions): RegisterCell[][] {
  return [...planRegisterRows(source, options).rows()];
}

/**
 * The register's rows, ordered but not yet made: an export makes them a slice at a time while it
 * writes, so that 300,000 rows of 23 cells are never all held at once (the collector's work grows
 * with what is held, issue 17, `followup-register-100k`).
 */
export function planRegisterRows(source: RegisterSource, { fullNumbers, words }: RegisterOptions): RegisterRowPlan {
  const followUps = source.followUps.filter(isLive);
  const wanted = new Set(followUps.map((followUp) => followUp.id));
  const contactsOf = groupBy(
    source.contacts.filter((contact) => isLive(contact) && wanted.has(contact.followUpId)),
    (contact) => contact.followUpId,
  );
  const periodsOf = groupBy(
    source.periods.filter((period) => isLive(period) && wanted.has(period.followUpId)),
    (period) => period.followUpId,
  );
  const ordered = followUps
    .filter((followUp) => contactsOf.has(followUp.id) && source.workers.has(followUp.workerId))
    .map((followUp) => {
      const worker = source.workers.get(followUp.workerId) as Worker;
      const key = [worker.township, worker.village, worker.name, worker.residentId, followUp.handedOverOn, followUp.id];
      return { followUp, worker, key: key.join('\u0000') };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const total = ordered.reduce((sum, { followUp }) => sum + (contactsOf.get(followUp.id)?.length ?? 0), 0);
  const rows = function* (): Generator<RegisterCell[]> {
    let made = 0;
    const schedules = new Map<string, ContactSchedulePoint[]>();
    for (const { followUp, worker } of ordered) {
      const contacts = (contactsOf.get(followUp.id) ?? []).sort(byDay);
      const schedule = scheduleOfContacts(followUp.handedOverOn, contacts, source.contactDays, schedules);
      const handedTo = source.enterprises.get(followUp.enterpriseId);
      const shownId = shownResidentId(worker.residentId);
      const residentId = fullNumbers ? shownId : maskResidentId(shownId);
      for (const [index, contact] of contacts.entries()) {
        const { points, nextDue } = schedule[index] ?? { points: [], nextDue: null };
        const inJob = IN_A_JOB.has(contact.outcome);
        const employer = inJob
          ? contact.employerName ||
            (contact.enterpriseId ? source.enterprises.get(contact.enterpriseId)?.name : undefined) ||
            handedTo?.name ||
            ''
          : '';
        const left = [contact.leftOn ?? '', contact.leftReason.trim()].filter((part) => part !== '');
        made += 1;
        yield [
          made,
          worker.township,
          worker.village,
          worker.name,
          residentId,
          words.householdType[worker.povertyStatus],
          worker.phone,
          source.batches.get(followUp.batchId)?.name ?? '',
          handedTo?.name ?? '',
          handedTo?.city ?? '',
          periodStart(periodsOf.get(followUp.id), contact.date) ?? '',
          points.length === 0
            ? words.extraContact
            : points.map((day) => words.point.replace('{{day}}', String(day))).join(words.listSeparator),
          contact.date,
          words.method[contact.method],
          contact.by,
          contact.outcome === 'unreachable' ? words.outcome.unreachable : inJob ? words.yes : words.no,
          employer,
          contact.monthlyIncome,
          contact.difficulties,
          left.join(words.reasonSeparator),
          contact.needs.map((need) => words.need[need]).join(words.listSeparator),
          contact.action,
          nextDue ?? '',
        ];
      }
    }
  };
  return { total, rows };
}

/** Column widths for the register, in Excel's character units. */
export const REGISTER_WIDTHS: Readonly<Record<RegisterColumn, number>> = {
  index: 7,
  township: 10,
  village: 10,
  name: 10,
  residentId: 21,
  householdType: 14,
  phone: 14,
  batch: 18,
  enterprise: 22,
  workCity: 10,
  startedOn: 12,
  point: 12,
  date: 12,
  method: 10,
  by: 10,
  inPost: 9,
  employer: 22,
  monthlyIncome: 9,
  difficulties: 24,
  left: 24,
  needs: 18,
  action: 24,
  nextDate: 12,
};
