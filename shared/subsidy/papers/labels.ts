/**
 * The words of the subsidy papers in both languages, as the batch documents keep theirs
 * (shared/documents/labels.ts): Chinese is the default, English complete. A household type is the
 * follow-up register's word for it (renderer/i18n/parts/register.ts), so that both lists agree.
 */
import type { PovertyStatus } from '../../domain/records';
import type { Labels } from '../../documents/labels';
import type { Payee, SchemeKind } from '../scheme';

export { fill, localized } from '../../documents/labels';

/**
 * A scheme's name as a paper prints it beside its year: without the year the name may begin with
 * ("2026年重点企业吸纳就业补贴" under "2026年度" is "重点企业吸纳就业补贴"), so that a title does not
 * say the year twice.
 */
export function schemeNameBesideYear(scheme: { name: string; year: number }): string {
  const year = String(scheme.year);
  const rest = scheme.name.startsWith(year) ? scheme.name.slice(year.length).replace(/^(年度|年)?\s*/, '') : '';
  return rest === '' ? scheme.name : rest;
}

/** The roster's columns, in the order the issue lists them. */
export const ROSTER_COLUMNS = [
  'sequence',
  'name',
  'gender',
  'residentId',
  'householdPlace',
  'householdType',
  'employer',
  'workPlace',
  'startDate',
  'months',
  'standard',
  'amount',
  'note',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** The public notice's columns: nothing that identifies a person beyond name, gender and age. */
export const NOTICE_COLUMNS = [
  'sequence',
  'name',
  'gender',
  'age',
  'workPeriod',
  'workPlace',
  'employer',
  'amount',
] as const;
export type NoticeColumn = (typeof NOTICE_COLUMNS)[number];

export const SUMMARY_COLUMNS = ['scheme', 'township', 'payee', 'count', 'amount'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** Columns of the summary's people sheet: who is behind each line. */
export const SUMMARY_PEOPLE_COLUMNS = [
  'scheme',
  'township',
  'payee',
  'name',
  'gender',
  'residentId',
  'employer',
  'amount',
] as const;
export type SummaryPeopleColumn = (typeof SUMMARY_PEOPLE_COLUMNS)[number];

export const ROSTER_LABELS: Labels<
  | Exclude<RosterColumn, 'standard' | 'amount'>
  | 'standard'
  | 'amount'
  | 'sheet'
  | 'title'
  | 'continued'
  | 'payee'
  | 'workersPayee'
  | 'creditCode'
  | 'bankName'
  | 'bankAccount'
  | 'scheme'
  | 'schemeValue'
  | 'madeOn'
  | 'total'
  | 'people'
  | 'summary'
  | 'signPayee'
  | 'signOffice'
  | 'signPayeeHead'
  | 'signHandler'
  | 'signBureau'
  | 'signReviewer'
  | 'signDate'
  | 'masked'
  | 'fullNumbers'
  | 'madeAt'
  | 'madeBy'
  | 'pageOf'
> = {
  'zh-CN': {
    sequence: '序号',
    name: '姓名',
    gender: '性别',
    residentId: '身份证号',
    householdPlace: '户籍地',
    householdType: '户类型',
    employer: '务工单位',
    workPlace: '务工地点',
    startDate: '到岗日期',
    months: '务工月数',
    standard: '补贴标准（元）',
    amount: '补贴金额（元）',
    note: '备注',
    sheet: '花名册',
    title: '{county}{year}年度{scheme}申请花名册',
    continued: '（续）',
    payee: '申请单位',
    workersPayee: '务工人员本人（按人发放）',
    creditCode: '统一社会信用代码',
    bankName: '开户银行',
    bankAccount: '银行账号',
    scheme: '补贴项目',
    schemeValue: '{scheme}（{kind}）',
    madeOn: '制表日期',
    total: '合计',
    people: '{count}人',
    summary: '合计人数：{count}人　补贴金额合计：人民币（大写）{capital}（¥{amount}）',
    signPayee: '申请单位（盖章）：',
    signOffice: '申报单位（盖章）：',
    signPayeeHead: '法定代表人或负责人（签字）：',
    signHandler: '经办人（签字）：',
    signBureau: '{bureau}审核意见（盖章）：',
    signReviewer: '审核人（签字）：',
    signDate: '日期：　　　　年　　月　　日',
    masked: '身份证号已遮挡（仅显示前6位和后4位）',
    fullNumbers: '完整身份证号版本，由 {operator} 于 {at} 制作',
    madeAt: '制表时间 {at}',
    madeBy: '制表人 {operator}',
    pageOf: '第 {page} 页 / 共 {pages} 页',
  },
  en: {
    sequence: 'No.',
    name: 'Name',
    gender: 'Sex',
    residentId: 'Resident ID',
    householdPlace: 'Registered home',
    householdType: 'Household type',
    employer: 'Employer',
    workPlace: 'Place of work',
    startDate: 'Start date',
    months: 'Months',
    standard: 'Standard (yuan)',
    amount: 'Amount (yuan)',
    note: 'Remarks',
    sheet: 'Roster',
    title: 'Application roster: {scheme} {year}, {county}',
    continued: ' (continued)',
    payee: 'Applicant',
    workersPayee: 'Each worker in person',
    creditCode: 'Unified social credit code',
    bankName: 'Bank',
    bankAccount: 'Account number',
    scheme: 'Subsidy',
    schemeValue: '{scheme} ({kind})',
    madeOn: 'Made on',
    total: 'Total',
    people: '{count} people',
    summary: 'Total: {count} people, CNY {amount}; in capital numerals: {capital}',
    signPayee: 'Applicant (stamp):',
    signOffice: 'Submitting office (stamp):',
    signPayeeHead: 'Legal representative or head (signature):',
    signHandler: 'Prepared by (signature):',
    signBureau: 'Review by {bureau} (stamp):',
    signReviewer: 'Reviewed by (signature):',
    signDate: 'Date:',
    masked: 'Resident IDs masked (first 6 and last 4 characters shown)',
    fullNumbers: 'Full resident IDs, made by {operator} at {at}',
    madeAt: 'Made {at}',
    madeBy: 'By {operator}',
    pageOf: 'Page {page} of {pages}',
  },
};

export const NOTICE_LABELS: Labels<
  | NoticeColumn
  | 'sheet'
  | 'title'
  | 'continued'
  | 'intro'
  | 'period'
  | 'ongoing'
  | 'total'
  | 'totals'
  | 'noticePeriod'
  | 'pageOf'
> = {
  'zh-CN': {
    sequence: '序号',
    name: '姓名',
    gender: '性别',
    age: '年龄',
    workPeriod: '务工时间',
    workPlace: '务工地点',
    employer: '务工单位',
    amount: '补贴金额（元）',
    sheet: '公示名单',
    title: '{county}{year}年度{scheme}拟补贴人员公示名单',
    continued: '（续）',
    intro:
      '根据{scheme}有关规定，经审核，以下{count}人拟享受补贴，补贴金额合计{amount}元，现予公示。公示期：{from}至{to}。如有异议，请在公示期内向{bureau}反映，联系电话：{phone}。',
    period: '{from}至{to}',
    ongoing: '{from}至今',
    total: '合计',
    totals: '共{count}人，合计{amount}元',
    noticePeriod: '公示期：{from}至{to}',
    pageOf: '第 {page} 页 / 共 {pages} 页',
  },
  en: {
    sequence: 'No.',
    name: 'Name',
    gender: 'Sex',
    age: 'Age',
    workPeriod: 'Period of work',
    workPlace: 'Place of work',
    employer: 'Employer',
    amount: 'Amount (yuan)',
    sheet: 'Public notice',
    title: 'Public notice: proposed recipients of {scheme} {year}, {county}',
    continued: ' (continued)',
    intro:
      'Under the rules of {scheme}, the {count} people below are proposed to receive the subsidy, {amount} yuan in total. Notice period: {from} to {to}. Objections to {bureau} within the notice period, telephone {phone}.',
    period: '{from} to {to}',
    ongoing: '{from} to present',
    total: 'Total',
    totals: '{count} people, {amount} yuan in total',
    noticePeriod: 'Notice period: {from} to {to}',
    pageOf: 'Page {page} of {pages}',
  },
};

export const SUMMARY_LABELS: Labels<
  | SummaryColumn
  | Exclude<SummaryPeopleColumn, SummaryColumn>
  | 'sheet'
  | 'schemeYear'
  | 'peopleSheet'
  | 'title'
  | 'subtotal'
  | 'total'
  | 'workers'
  | 'madeOn'
  | 'capital'
  | 'masked'
  | 'fullNumbers'
  | 'madeAt'
  | 'madeBy'
  | 'pageOf'
> = {
  'zh-CN': {
    scheme: '补贴项目',
    township: '乡镇',
    payee: '补贴对象',
    count: '人数',
    amount: '金额（元）',
    name: '姓名',
    gender: '性别',
    residentId: '身份证号',
    employer: '务工单位',
    sheet: '汇总',
    schemeYear: '{scheme}（{year}年度）',
    peopleSheet: '人员明细',
    title: '{county}就业补贴汇总表（{period}）',
    subtotal: '小计',
    total: '总计',
    workers: '务工人员本人',
    madeOn: '制表日期：{date}',
    capital: '总计金额：人民币（大写）{capital}（¥{amount}）',
    masked: '身份证号已遮挡（仅显示前6位和后4位）',
    fullNumbers: '完整身份证号版本，由 {operator} 于 {at} 制作',
    madeAt: '制表时间 {at}',
    madeBy: '制表人 {operator}',
    pageOf: '第 {page} 页 / 共 {pages} 页',
  },
  en: {
    scheme: 'Subsidy',
    township: 'Township',
    payee: 'Paid to',
    count: 'People',
    amount: 'Amount (yuan)',
    name: 'Name',
    gender: 'Sex',
    residentId: 'Resident ID',
    employer: 'Employer',
    sheet: 'Summary',
    schemeYear: '{scheme} ({year})',
    peopleSheet: 'People',
    title: 'Employment subsidies summary, {county} ({period})',
    subtotal: 'Subtotal',
    total: 'Grand total',
    workers: 'Workers in person',
    madeOn: 'Made on {date}',
    capital: 'Grand total CNY {amount}; in capital numerals: {capital}',
    masked: 'Resident IDs masked (first 6 and last 4 characters shown)',
    fullNumbers: 'Full resident IDs, made by {operator} at {at}',
    madeAt: 'Made {at}',
    madeBy: 'By {operator}',
    pageOf: 'Page {page} of {pages}',
  },
};

/** The kinds of scheme as the issue names them. */
export const SCHEME_KIND_LABELS: Labels<SchemeKind> = {
  'zh-CN': { hiring: '吸纳就业补贴', placement: '职业介绍补贴', transport: '一次性交通补助', retention: '稳岗补助' },
  en: {
    hiring: 'Enterprise hiring subsidy',
    placement: 'Agency placement subsidy',
    transport: 'One-off transport subsidy',
    retention: 'Job-retention subsidy',
  },
};

export const PAYEE_LABELS: Labels<Payee> = {
  'zh-CN': { enterprise: '企业', agency: '人力资源服务机构', worker: '务工人员' },
  en: { enterprise: 'Enterprise', agency: 'HR service agency', worker: 'Worker' },
};

/** The follow-up register's words for a household type. */
export const HOUSEHOLD_TYPE_LABELS: Labels<PovertyStatus> = {
  'zh-CN': { 'registered-poor': '建档立卡贫困户', 'relatively-poor': '相对贫困户', none: '一般户' },
  en: { 'registered-poor': 'Registered poor', 'relatively-poor': 'Relatively poor', none: 'General' },
};

/** What is wrong with the input of a paper, each in words (see papers/problems.ts). */
export const PAPER_PROBLEM_LABELS: Labels<'no-rows' | 'no-bank-account' | 'bad-amount' | 'notice-dates'> = {
  'zh-CN': {
    'no-rows': '名单上没有人员，无法制作。',
    'no-bank-account': '{payee}没有登记开户银行和账号，请先在其资料中填写，再制作花名册。',
    'bad-amount': '{name}的补贴金额不是以分为单位的有效金额，请核对后再制作。',
    'notice-dates': '公示期的结束日期（{to}）早于开始日期（{from}）。',
  },
  en: {
    'no-rows': 'There is nobody on the list: nothing to make.',
    'no-bank-account':
      '{payee} has no bank and account number on record. Add them to its details, then make the roster.',
    'bad-amount': 'The amount for {name} is not a valid amount in fen. Check it, then make the paper again.',
    'notice-dates': 'The notice period ends ({to}) before it starts ({from}).',
  },
};
