/**
 * Anonymising the people of closed batches after the retention period (issue 7, "Privacy"): the
 * name kept as the surname and `*`, the resident ID and the phones reduced to their masked form
 * (masking.ts), the birth date to its year.
 *
 * Where the data goes, and why:
 * - `residentId` becomes `anon:<worker id>:<masked ID>`. Masked IDs are not unique (two people of
 *   one county whose IDs end alike mask the same), and the workers table keeps one record per ID
 *   with a unique index that the roster import relies on (two windows importing at once). The
 *   worker's own id makes the key unique, it can never be a valid resident ID (so an import or a
 *   new registration of the same person makes a new record, never revives this one), and it carries
 *   its masked form, which `shownResidentId` gives to every screen, document and export.
 * - The birth date becomes `yyyy-01-01`: age checks and the age column still work (to within a
 *   year), and `anonymisedAt` says the day and month are not real.
 * - Gender, home county, village, household number, skills, status and notes stay: they place
 *   nobody on their own, and the office's figures (how many from which county went where) need them.
 */
import type { Timestamp, Worker } from '../domain/records';
import { maskPhone, maskResidentId } from '../domain/masking';
import { foldNameDots, hasNameDot } from '../domain/person-name';
import { toHalfWidth } from '../domain/half-width';

/** The fields anonymisation reduces, in the order screens list them. */
export const ANONYMISED_FIELDS = [
  'name',
  'residentId',
  'phone',
  'birthDate',
  'emergencyContactName',
  'emergencyContactPhone',
] as const satisfies readonly (keyof Worker)[];

export type AnonymisedField = (typeof ANONYMISED_FIELDS)[number];

const ANONYMOUS_MARK = '*';
const ANONYMISED_ID_PREFIX = 'anon:';

/**
 * Compound surnames (复姓) still in use, from the 百家姓 list: a name that starts with one keeps both
 * characters (欧阳娜娜 → 欧阳*), as people expect to read it.
 */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '太史',
  '端木',
  '上官',
  '司马',
  '东方',
  '独孤',
  '南宫',
  '万俟',
  '闻人',
  '夏侯',
  '诸葛',
  '尉迟',
  '公羊',
  '赫连',
  '澹台',
  '皇甫',
  '宗政',
  '濮阳',
  '公冶',
  '太叔',
  '申屠',
  '公孙',
  '慕容',
  '仲孙',
  '钟离',
  '长孙',
  '宇文',
  '司徒',
  '鲜于',
  '司空',
  '闾丘',
  '子车',
  '亓官',
  '司寇',
  '巫马',
  '公西',
  '颛孙',
  '壤驷',
  '公良',
  '漆雕',
  '乐正',
  '宰父',
  '谷梁',
  '拓跋',
  '夹谷',
  '轩辕',
  '令狐',
  '段干',
  '百里',
  '呼延',
  '东郭',
  '南门',
  '羊舌',
  '微生',
  '梁丘',
  '左丘',
  '东门',
  '西门',
  '第五',
]);

/**
 * A name reduced to its surname and `*`: 张三 → 张*, 欧阳娜娜 → 欧阳*, 覃𠮷明 → 覃*. A transcribed
 * minority name (阿依古丽·买买提) has no surname: its parts are personal names, and keeping a whole
 * part would keep the person's given name, so only its first character stays (阿*). Characters are
 * counted by code point, so a surname outside the BMP is kept whole. Applying it twice changes nothing.
 */
export function anonymisedName(name: string): string {
  const text = foldNameDots(toHalfWidth(name).trim());
  const chars = Array.from(text);
  if (chars.length === 0) return '';
  if (!hasNameDot(text) && chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))) {
    return `${chars.slice(0, 2).join('')}${ANONYMOUS_MARK}`;
  }
  return `${chars[0] ?? ''}${ANONYMOUS_MARK}`;
}

/** True for the `residentId` of an anonymised worker. */
export function isAnonymisedResidentId(residentId: string): boolean {
  return residentId.startsWith(ANONYMISED_ID_PREFIX);
}

/** The unique key an anonymised worker keeps in `residentId`: see the module comment. */
export function anonymisedResidentId(workerId: string, residentId: string): string {
  if (isAnonymisedResidentId(residentId)) return residentId;
  return `${ANONYMISED_ID_PREFIX}${workerId}:${maskResidentId(residentId)}`;
}

/**
 * The resident ID as people may see it: the stored one, or for an anonymised worker its masked
 * form (452601********123X). Screens, documents and exports show this, never `residentId` itself.
 */
export function shownResidentId(residentId: string): string {
  if (!isAnonymisedResidentId(residentId)) return residentId;
  return residentId.slice(residentId.lastIndexOf(':') + 1);
}

/** The birth date kept: its year, as `yyyy-01-01`. */
export function anonymisedBirthDate(birthDate: string): string {
  const year = /^(\d{4})-/.exec(birthDate)?.[1];
  return year ? `${year}-01-01` : birthDate;
}

function maskedPhone(phone: string): string {
  return phone === '' ? '' : maskPhone(phone);
}

/** The worker with its identifying fields reduced, marked anonymised at `at`. */
export function anonymiseWorker(worker: Worker, at: Timestamp): Worker {
  return {
    ...worker,
    ...anonymisedFields(worker),
    anonymisedAt: worker.anonymisedAt ?? at,
    updatedAt: at,
  };
}

/** The reduced values of the identifying fields of a worker. */
export function anonymisedFields(worker: Pick<Worker, 'id' | AnonymisedField>): Pick<Worker, AnonymisedField> {
  return {
    name: anonymisedName(worker.name),
    residentId: anonymisedResidentId(worker.id, worker.residentId),
    phone: maskedPhone(worker.phone),
    birthDate: anonymisedBirthDate(worker.birthDate),
    emergencyContactName: anonymisedName(worker.emergencyContactName),
    emergencyContactPhone: maskedPhone(worker.emergencyContactPhone),
  };
}

/** True for a worker whose identifying data was reduced. */
export function isAnonymised(worker: Pick<Worker, 'anonymisedAt' | 'residentId'>): boolean {
  return Boolean(worker.anonymisedAt) || isAnonymisedResidentId(worker.residentId);
}

/** A person being anonymised, as `redactPersonalData` needs them: their record before. */
export type AnonymisedPerson = Pick<Worker, 'id' | AnonymisedField>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Removes the personal data of these people from a value kept in the audit trail (a row's `before`
 * or `after`): every record of one of them (an object with their `id` and a `residentId`) gets the
 * reduced values of the fields it holds, and any string anywhere that is exactly one of their
 * resident IDs or phone numbers becomes its masked form. Records of other people are left exactly
 * as they are (a name is not unique, so names are replaced only inside the person's own record).
 * Returns the same value (`===`) when nothing in it was theirs.
 */
export function redactPersonalData(value: unknown, people: ReadonlyMap<string, AnonymisedPerson>): unknown {
  const numbers = new Map<string, string>();
  for (const person of people.values()) {
    const reduced = anonymisedFields(person);
    if (person.residentId !== '' && !isAnonymisedResidentId(person.residentId)) {
      numbers.set(person.residentId, shownResidentId(reduced.residentId));
    }
    if (person.phone.length >= 7) numbers.set(person.phone, reduced.phone);
    if (person.emergencyContactPhone.length >= 7)
      numbers.set(person.emergencyContactPhone, reduced.emergencyContactPhone);
  }
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return numbers.get(node) ?? node;
    if (Array.isArray(node)) {
      let changed = false;
      const items = node.map((item) => {
        const next = walk(item);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? items : node;
    }
    if (!isRecord(node)) return node;
    if (typeof node.id === 'string' && 'residentId' in node) {
      const person = people.get(node.id);
      if (!person) return node;
      const reduced: Record<string, unknown> = anonymisedFields(person);
      const next: Record<string, unknown> = { ...node };
      for (const field of ANONYMISED_FIELDS) if (field in next) next[field] = reduced[field];
      return next;
    }
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      const redacted = walk(item);
      if (redacted !== item) changed = true;
      next[key] = redacted;
    }
    return changed ? next : node;
  };
  return walk(value);
}
