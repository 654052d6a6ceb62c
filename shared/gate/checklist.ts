/**
 * The five unifications (五统一, docs/domain.md#five-unifications) and the one table of the checklist items under them.
 * An office sees the whole gate here and extends it by adding a row: a ticked item needs nothing
 * else, because evaluation reads only the row. A derived item needs a rule in `evaluate.ts`, which
 * the `DerivedItemKey` type asks for at compile time.
 */
import type { Language } from '../domain/records';

/** The five unifications, in the order the cover sheet and the batch page show them. */
export const UNIFICATIONS = ['organization', 'medical', 'vehicle', 'follow-up', 'protection'] as const;

export type Unification = (typeof UNIFICATIONS)[number];

/** A text in each language the app speaks, for rows an office may add without touching i18n files. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** Names of the unifications as offices write them (统一组织 …) and in English. */
export const UNIFICATION_LABELS: Readonly<Record<Unification, LocalizedText>> = {
  organization: { 'zh-CN': '统一组织', en: 'Unified organization' },
  medical: { 'zh-CN': '统一体检', en: 'Unified medical examination' },
  vehicle: { 'zh-CN': '统一包车', en: 'Unified chartered vehicle' },
  'follow-up': { 'zh-CN': '统一跟踪服务', en: 'Unified follow-up service' },
  protection: { 'zh-CN': '统一保障', en: 'Unified protection guarantee' },
};

/**
 * Items that the data decides: never ticked by hand (a tick stored under one of these keys is
 * ignored). Each has a rule in `evaluate.ts`.
 */
export const DERIVED_ITEM_KEYS = [
  'organization.organizer-named',
  'organization.passengers-listed',
  'organization.escort-per-vehicle',
  'medical.health-checks-passed',
  'vehicle.vehicles-on-every-leg',
  'vehicle.seats-enough',
  'vehicle.seat-plan-made',
  'follow-up.enterprise-handover',
  'follow-up.arrival-recorded',
  'follow-up.handover-signed',
  'protection.isolation-seats',
] as const;

export type DerivedItemKey = (typeof DERIVED_ITEM_KEYS)[number];

/**
 * A later change that undoes a tick. `roster-change`: a passenger added to or removed from the
 * batch after the tick time (the roster that was locked, or insured, is no longer the roster).
 */
export type TickBreak = 'roster-change';

/** What a ticked item's note must hold, when the tick means nothing without it. */
export interface TickNote {
  /** True when the item stays open until the note holds some text. */
  required: boolean;
  /** What the note holds, as a stable name (`charter-sign-number`): printed beside it on the cover sheet. */
  holds: string;
  /** The label of the note field in the tick dialog. */
  prompt: LocalizedText;
}

/** An item that the data decides. */
export interface DerivedChecklistItem {
  kind: 'derived';
  key: DerivedItemKey;
  unification: Unification;
  label: LocalizedText;
}

/** An item that a named operator ticks, with the time; an office may add such rows. */
export interface TickedChecklistItem {
  kind: 'ticked';
  /** Stable key `unification.item`, stored in `ChecklistTick.item`: never rename a key in use. */
  key: string;
  unification: Unification;
  label: LocalizedText;
  /** The note the tick carries; absent when the tick alone says it. */
  note?: TickNote;
  /** Later changes that break the tick (turn it from met to broken); absent when none do. */
  brokenBy?: readonly TickBreak[];
}

export type ChecklistItem = DerivedChecklistItem | TickedChecklistItem;

export type ChecklistItemKind = ChecklistItem['kind'];

/**
 * Every item of the gate, grouped by unification in order. Pass a longer table to `evaluateGate`
 * to add an office's own ticked items (meals and water on board, say).
 */
export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  {
    kind: 'derived',
    key: 'organization.organizer-named',
    unification: 'organization',
    label: { 'zh-CN': '已指定带队负责人', en: 'Organizer named' },
  },
  {
    kind: 'derived',
    key: 'organization.passengers-listed',
    unification: 'organization',
    label: { 'zh-CN': '乘车人员名单不为空', en: 'Passenger list not empty' },
  },
  {
    kind: 'ticked',
    key: 'organization.roster-locked',
    unification: 'organization',
    label: { 'zh-CN': '人员名单已确认并锁定', en: 'Roster confirmed and locked' },
    brokenBy: ['roster-change'],
  },
  {
    kind: 'ticked',
    key: 'organization.assembly-announced',
    unification: 'organization',
    label: { 'zh-CN': '集合地点和时间已通知到人', en: 'Assembly place and time announced' },
  },
  {
    kind: 'derived',
    key: 'organization.escort-per-vehicle',
    unification: 'organization',
    label: { 'zh-CN': '每辆车（每节车厢）都有随车人员', en: 'An escort in every vehicle (coach or carriage)' },
  },
  {
    kind: 'derived',
    key: 'medical.health-checks-passed',
    unification: 'medical',
    label: {
      'zh-CN': '每人都有有效期内的合格体检',
      en: 'Every passenger passed a health check within the validity window',
    },
  },
  {
    kind: 'derived',
    key: 'vehicle.vehicles-on-every-leg',
    unification: 'vehicle',
    label: { 'zh-CN': '每段行程都已安排车辆', en: 'Vehicles on every leg' },
  },
  {
    kind: 'ticked',
    key: 'vehicle.booked',
    unification: 'vehicle',
    label: { 'zh-CN': '包车已预订', en: 'Vehicles booked' },
    note: {
      required: true,
      holds: 'charter-sign-number',
      prompt: { 'zh-CN': '包车客运标志牌号', en: 'Charter sign number' },
    },
  },
  {
    kind: 'derived',
    key: 'vehicle.seats-enough',
    unification: 'vehicle',
    label: { 'zh-CN': '每段行程按限载率座位充足', en: 'Seats enough at the load factor on every leg' },
  },
  {
    kind: 'derived',
    key: 'vehicle.seat-plan-made',
    unification: 'vehicle',
    label: { 'zh-CN': '座位表已排定（每人每段都有座位）', en: 'Seat plan made (every passenger seated on every leg)' },
  },
  {
    kind: 'ticked',
    key: 'vehicle.disinfected',
    unification: 'vehicle',
    label: { 'zh-CN': '车辆已消毒', en: 'Vehicles disinfected' },
  },
  {
    kind: 'derived',
    key: 'follow-up.enterprise-handover',
    unification: 'follow-up',
    label: {
      'zh-CN': '每人都有接收企业，企业有交接联系人',
      en: 'Every passenger has a receiving enterprise with a handover contact',
    },
  },
  // The two facts of the journey's end (issue 17, item 1): recorded on the batch's page after it
  // left, and `not-due` before that (evaluate.ts), so they never hold up the steps to ready and departed.
  {
    kind: 'derived',
    key: 'follow-up.arrival-recorded',
    unification: 'follow-up',
    label: { 'zh-CN': '每段行程都已登记到达时间', en: 'Arrival recorded for every leg' },
  },
  {
    kind: 'derived',
    key: 'follow-up.handover-signed',
    unification: 'follow-up',
    label: {
      'zh-CN': '每家接收企业都已签收本企业的乘客',
      en: 'Every receiving enterprise signed for its passengers',
    },
  },
  {
    kind: 'ticked',
    key: 'protection.insurance',
    unification: 'protection',
    label: { 'zh-CN': '已为乘车人员投保', en: 'Travel insurance for every passenger' },
    note: {
      required: true,
      holds: 'insurance-policy-number',
      prompt: { 'zh-CN': '保险单号', en: 'Insurance policy number' },
    },
    // The policy names the insured passengers: someone added afterwards is not covered.
    brokenBy: ['roster-change'],
  },
  {
    kind: 'ticked',
    key: 'protection.supplies-on-board',
    unification: 'protection',
    label: { 'zh-CN': '口罩、体温计、消毒液已随车', en: 'Masks, thermometers and disinfectant on board' },
  },
  {
    kind: 'ticked',
    key: 'protection.emergency-contacts',
    unification: 'protection',
    label: { 'zh-CN': '应急预案及联系人已落实', en: 'Emergency plan with contacts' },
  },
  {
    kind: 'derived',
    key: 'protection.isolation-seats',
    unification: 'protection',
    label: { 'zh-CN': '每辆车都留有隔离座位', en: 'Isolation seats kept free in every vehicle' },
  },
];
