/**
 * Words that several documents print, in both languages. Each document keeps its own headings in
 * its own file; what they share lives here. A word that a screen shows too (a gender, a verdict, a
 * leg's mode) is the screen's word: tests/renderer/document-labels.test.ts holds them together.
 */
import type { Gender, HealthVerdict, Language, LegMode, PovertyStatus } from '../domain/records';
import type { LocalizedText } from '../gate';

export type { LocalizedText };

export type Labels<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export function localized<K extends string>(labels: Labels<K>, language: Language): Readonly<Record<K, string>> {
  return labels[language];
}

export const COMMON_LABELS: Labels<
  | 'pageOf'
  | 'printedAt'
  | 'operator'
  | 'masked'
  | 'fullNumbers'
  | 'none'
  | 'signature'
  | 'date'
  | 'time'
  | 'phone'
  | 'batch'
  | 'route'
  | 'leg'
  | 'vehicle'
  | 'escort'
  | 'notSeated'
  | 'noPassengers'
> = {
  'zh-CN': {
    pageOf: '第 {page} 页 / 共 {pages} 页',
    printedAt: '打印时间 {at}',
    operator: '操作员 {operator}',
    masked: '乘客的身份证号、电话已遮挡',
    fullNumbers: '完整号码版本，由 {operator} 于 {at} 打印',
    none: '无',
    signature: '签字',
    date: '日期',
    time: '时间',
    phone: '电话',
    batch: '批次',
    route: '线路',
    leg: '行程段',
    vehicle: '车辆',
    escort: '随车人员',
    notSeated: '未安排座位',
    noPassengers: '本批次还没有乘客，没有可打印的内容。',
  },
  en: {
    pageOf: 'Page {page} of {pages}',
    printedAt: 'Printed {at}',
    operator: 'Operator {operator}',
    masked: "Passengers' ID numbers and phones masked",
    fullNumbers: 'Full numbers, printed by {operator} at {at}',
    none: 'none',
    signature: 'Signature',
    date: 'Date',
    time: 'Time',
    phone: 'Phone',
    batch: 'Batch',
    route: 'Route',
    leg: 'Leg',
    vehicle: 'Vehicle',
    escort: 'Escort',
    notSeated: 'No seat yet',
    noPassengers: 'This batch has no passengers yet: there is nothing to print.',
  },
};

/** English prints the screen's word by its initial: a whole word wraps in the narrow column. */
export const GENDER_LABELS: Labels<Gender> = {
  'zh-CN': { male: '男', female: '女' },
  en: { male: 'M', female: 'F' },
};

export const VERDICT_LABELS: Labels<HealthVerdict | 'unchecked'> = {
  'zh-CN': { pass: '合格', fail: '不合格', recheck: '待复测', unchecked: '未检' },
  en: { pass: 'Passed', fail: 'Failed', recheck: 'Recheck pending', unchecked: 'Not checked' },
};

/** Printed as a remark: nothing to remark for a household that is neither (the screens say 一般). */
export const POVERTY_LABELS: Labels<PovertyStatus> = {
  'zh-CN': { 'registered-poor': '建档立卡贫困户', 'relatively-poor': '相对贫困', none: '' },
  en: { 'registered-poor': 'Registered poor household', 'relatively-poor': 'Relatively poor', none: '' },
};

export const LEG_MODE_LABELS: Labels<LegMode> = {
  'zh-CN': { coach: '汽车', train: '火车' },
  en: { coach: 'Coach', train: 'Train' },
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
