/**
 * Rows and heads for the subsidy papers' tests and bench: people with real-looking resident IDs, so
 * that a test can look for their digits on a paper that must not show them.
 */
import type { PovertyStatus } from '@shared/domain/records';
import type { NoticeHeader, PaperPayee, PaperScheme, RosterHeader, SubsidyPaperRow } from '@shared/subsidy/papers';
import { makeResidentId } from '@tests/fixtures/factories';

const SURNAMES = ['黄', '韦', '农', '李', '陆', '梁', '覃', '罗', '蒙', '潘'];
const GIVEN = ['建国', '秀英', '海燕', '志强', '丽华', '文军', '春梅', '德胜', '桂兰', '永福'];
const TOWNSHIPS = ['平马镇', '祥周镇', '林逢镇', '思林镇'];
const VILLAGES = ['那王村', '百渡村', '檀河村', '四平村', '东养村'];
const HOUSEHOLDS: readonly PovertyStatus[] = ['registered-poor', 'relatively-poor', 'none'];

export const HIRING_SCHEME: PaperScheme = { id: 'scheme-hiring', name: '吸纳就业补贴', kind: 'hiring', year: 2026 };
export const TRANSPORT_SCHEME: PaperScheme = {
  id: 'scheme-transport',
  name: '一次性交通补助',
  kind: 'transport',
  year: 2026,
};

export const ENTERPRISE_PAYEE: PaperPayee = {
  id: 'e-1',
  kind: 'enterprise',
  name: '深圳市华星光电半导体显示技术有限公司',
  creditCode: '91440300MA5DC1234X',
  bankName: '中国工商银行深圳光明支行',
  bankAccount: '4000 0212 0910 0123 456',
};

export const AGENCY_PAYEE: PaperPayee = {
  id: 'a-1',
  kind: 'agency',
  name: '田东县众鑫人力资源服务有限公司',
  creditCode: '91451022MA5L0001X',
  bankName: '广西农村信用社田东支行',
  bankAccount: '6230 0000 1111 2222',
};

export function makeRow(index: number, overrides: Partial<SubsidyPaperRow> = {}): SubsidyPaperRow {
  const gender = index % 3 === 0 ? 'female' : 'male';
  const year = 1975 + (index % 30);
  const birthDate = `${year}-0${(index % 9) + 1}-1${index % 10}`;
  const township = TOWNSHIPS[index % TOWNSHIPS.length] ?? '平马镇';
  return {
    claimId: `c-${String(index + 1).padStart(6, '0')}`,
    name: `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length]}`,
    gender,
    birthDate,
    residentId: makeResidentId('451022', birthDate, gender),
    householdPlace: `田东县${township}${VILLAGES[index % VILLAGES.length]}`,
    township,
    householdType: HOUSEHOLDS[index % HOUSEHOLDS.length] ?? 'none',
    employer: '深圳市华星光电半导体显示技术有限公司',
    workPlace: '广东省深圳市光明区',
    startDate: `2026-0${(index % 6) + 2}-0${(index % 9) + 1}`,
    endDate: index % 4 === 3 ? '2026-11-30' : null,
    months: 3 + (index % 7),
    standardFen: 100_000,
    amountFen: 100_000,
    note: index % 5 === 0 ? '重点企业' : '',
    ...overrides,
  };
}

export function makeRows(count: number, overrides: Partial<SubsidyPaperRow> = {}): SubsidyPaperRow[] {
  return Array.from({ length: count }, (_, index) => makeRow(index, overrides));
}

export function rosterHeader(overrides: Partial<RosterHeader> = {}): RosterHeader {
  return {
    county: '田东县',
    bureau: '田东县人力资源和社会保障局',
    scheme: HIRING_SCHEME,
    payee: ENTERPRISE_PAYEE,
    ...overrides,
  };
}

export function noticeHeader(overrides: Partial<NoticeHeader> = {}): NoticeHeader {
  return {
    county: '田东县',
    bureau: '田东县人力资源和社会保障局',
    bureauPhone: '0776-5221234',
    scheme: HIRING_SCHEME,
    from: '2026-12-08',
    to: '2026-12-14',
    ...overrides,
  };
}

/** The item at `index` (negative from the end); throws when there is none. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
}

/** A spreadsheet row as one line of text, its cells joined by spaces (empty cells left out). */
export function rowText(row: readonly unknown[]): string {
  return row
    .filter((cell) => cell !== null && cell !== undefined)
    .map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : JSON.stringify(cell)))
    .join(' ');
}
