/**
 * The cover sheet of a batch (ISSUE 6, document 2): what the batch is; the five unifications, each
 * with its light written out and every item with its state, who ticked it and when, and why it is
 * not met; any status step forced past the gate, boxed in red with its reason; the counts per leg;
 * the contacts; and a QR code with the batch id and the manifest's content hash, so a printed copy
 * can be checked against the data later (see `digest.ts`).
 */
import type { CellDef, CellInput } from 'jspdf-autotable';
import { CHECKLIST_ITEMS, DERIVED_ITEM_KEYS, UNIFICATION_LABELS } from '../gate';
import type { ItemState, Light } from '../gate';
import type { StaffMember, StatusOverride } from '../domain/records';
import { qrPayload, shortDigest } from './digest';
import { COMMON_LABELS, LEG_MODE_LABELS, fill } from './labels';
import type { Labels } from './labels';
import type { BatchPapers, DocumentOptions, PaperGateItem } from './model';
import {
  STATUS_LABELS,
  batchDate,
  drawFacts,
  drawHeading,
  drawTitle,
  ensureRoom,
  legRoute,
  moment,
  nextTurn,
  noteOnPages,
  rgb,
  timetableMoment,
  vehicleName,
} from './parts';
import { drawQrCode } from './qr';
import { shortAuditHash } from '../audit/anchor';
import { formatTimestamp } from '../dates';
import { COLOURS, FONT_SIZE, MARGIN, throwIfAborted } from './sheet';
import type { Rgb, Sheet } from './sheet';

export const COVER_LABELS: Labels<
  | 'title'
  | 'batchId'
  | 'route'
  | 'date'
  | 'status'
  | 'organizer'
  | 'organization'
  | 'passengers'
  | 'people'
  | 'qrCaption'
  | 'overrideTitle'
  | 'overrideStep'
  | 'overrideReason'
  | 'overrideUnmet'
  | 'overrideBy'
  | 'unifications'
  | 'unificationsSummary'
  | 'unification'
  | 'verdict'
  | 'item'
  | 'state'
  | 'tickedBy'
  | 'tickedAt'
  | 'remarks'
  | 'reason'
  | 'note'
  | 'fromData'
  | 'legs'
  | 'legNumber'
  | 'mode'
  | 'fromTo'
  | 'departure'
  | 'vehicles'
  | 'seated'
  | 'unseated'
  | 'total'
  | 'contacts'
  | 'role'
  | 'name'
  | 'responsibility'
  | 'roleOrganizer'
  | 'roleEscort'
  | 'roleMedic'
  | 'roleEnterprise'
  | 'handoverAt'
  | 'checkCode'
  | 'pageNote'
  | 'checkCodeHelp'
  | 'auditAnchor'
  | 'auditAnchorMissing'
> = {
  'zh-CN': {
    title: '点对点包车批次封面',
    pageNote: '批次封面 · {batch} · {date}',
    batchId: '批次编号',
    route: '线路',
    date: '出发日期',
    status: '批次状态',
    organization: '组织单位',
    organizer: '组织负责人',
    passengers: '乘客人数',
    people: '{count} 人',
    qrCaption: '校验码 {code}',
    overrideTitle: '强制推进状态（五统一未全部满足）',
    overrideStep: '由“{from}”推进到“{to}”',
    overrideReason: '理由：{reason}',
    overrideUnmet: '当时未满足：{items}',
    overrideBy: '操作人：{by}　时间：{at}',
    unifications: '五统一',
    unificationsSummary: '已满足 {met} / {total} 项',
    unification: '统一项',
    verdict: '结论',
    item: '检查项',
    state: '状态',
    tickedBy: '确认人',
    tickedAt: '确认时间',
    remarks: '说明',
    reason: '原因：{reason}',
    note: '备注：{note}',
    fromData: '系统判定',
    legs: '各段人数',
    legNumber: '段',
    mode: '方式',
    fromTo: '起止',
    departure: '出发时间',
    vehicles: '车辆',
    seated: '已安排座位',
    unseated: '未安排座位',
    total: '乘客',
    contacts: '联系人',
    role: '职责',
    name: '姓名 / 单位',
    responsibility: '负责车辆 / 说明',
    roleOrganizer: '组织负责人',
    roleEscort: '随车人员',
    roleMedic: '医务人员',
    roleEnterprise: '接收企业',
    handoverAt: '交接地点：{place}',
    checkCode: '名单校验码（SHA-256）',
    checkCodeHelp:
      '扫描右上角二维码或核对校验码，可确认本打印件的乘客名单、座位、身份证号与系统当前数据一致；其中任何改动都会改变校验码。',
    auditAnchor: '操作日志锚点：最新校验码 {hash}，共 {count} 条，{at}（北京时间）',
    auditAnchorMissing: '操作日志锚点：本机没有记下锚点',
  },
  en: {
    title: 'Point-to-point charter: batch cover sheet',
    pageNote: 'Batch cover sheet · {batch} · {date}',
    batchId: 'Batch ID',
    route: 'Route',
    date: 'Date',
    status: 'Status',
    organization: 'Organization',
    organizer: 'Organizer',
    passengers: 'Passengers',
    people: '{count}',
    qrCaption: 'Check code {code}',
    overrideTitle: 'Status forced past the gate (five unifications not all met)',
    overrideStep: 'From "{from}" to "{to}"',
    overrideReason: 'Reason: {reason}',
    overrideUnmet: 'Not met at the time: {items}',
    overrideBy: 'By {by} at {at}',
    unifications: 'Five unifications',
    unificationsSummary: '{met} of {total} met',
    unification: 'Unification',
    verdict: 'Verdict',
    item: 'Item',
    state: 'State',
    tickedBy: 'Confirmed by',
    tickedAt: 'Confirmed at',
    remarks: 'Remarks',
    reason: 'Reason: {reason}',
    note: 'Note: {note}',
    fromData: 'From data',
    legs: 'Passengers per leg',
    legNumber: 'Leg',
    mode: 'Mode',
    fromTo: 'From → to',
    departure: 'Departs',
    vehicles: 'Vehicles',
    seated: 'Seated',
    unseated: 'No seat',
    total: 'Passengers',
    contacts: 'Contacts',
    role: 'Role',
    name: 'Name',
    responsibility: 'Vehicles / remarks',
    roleOrganizer: 'Organizer',
    roleEscort: 'Escort',
    roleMedic: 'Medic',
    roleEnterprise: 'Receiving enterprise',
    handoverAt: 'Handover at {place}',
    checkCode: 'Manifest check code (SHA-256)',
    checkCodeHelp:
      'Scan the QR code at the top right or compare this code to confirm that the passengers, seats and ID numbers on this printed copy are those in the data now: any change to them changes the code.',
    auditAnchor: 'Audit trail anchor: latest hash {hash}, {count} entries, {at} (Beijing time)',
    auditAnchorMissing: 'Audit trail anchor: none recorded on this installation',
  },
};

/** A unification's light in words (the colour alone says nothing on a black-and-white printout). */
export const LIGHT_LABELS: Labels<Light> = {
  'zh-CN': { green: '通过', amber: '待办', red: '未通过' },
  en: { green: 'Passed', amber: 'To do', red: 'Not passed' },
};

/**
 * An item's state in words, as the gate screen says it: an item the data decides is 未满足 until the
 * data changes, an item a person ticks is 待办 (to do) until ticked.
 */
export type ItemStateWords = Exclude<ItemState, 'unmet'> | 'unmet-derived' | 'unmet-ticked';

export const ITEM_STATE_LABELS: Labels<ItemStateWords> = {
  'zh-CN': {
    met: '已满足',
    'unmet-derived': '未满足',
    'unmet-ticked': '待办',
    broken: '已失效',
    'no-checks-yet': '暂无体检',
    'not-due': '出发后登记',
  },
  en: {
    met: 'Met',
    'unmet-derived': 'Not met',
    'unmet-ticked': 'To do',
    broken: 'Broken',
    'no-checks-yet': 'No checks yet',
    'not-due': 'After departure',
  },
};

function itemStateWords(state: ItemState, derived: boolean): ItemStateWords {
  if (state !== 'unmet') return state;
  return derived ? 'unmet-derived' : 'unmet-ticked';
}

const LIGHT_COLOURS: Readonly<Record<Light, Rgb>> = {
  green: [30, 140, 60],
  amber: [220, 150, 0],
  red: COLOURS.alert,
};

const DERIVED = new Set<string>(DERIVED_ITEM_KEYS);
const QR_SIZE = 36;
/** Room the coloured dot before a light's words takes in its cell. */
const DOT_ROOM = 4.2;

/** `options.digest`: the manifest's digest from {@link manifestDigest}, computed by the caller once. */
export interface CoverOptions extends DocumentOptions {
  digest: string;
}

function itemLabel(papers: BatchPapers, key: string, sheet: Sheet): string {
  for (const unification of papers.gate) {
    const item = unification.items.find((candidate) => candidate.key === key);
    if (item) return item.label;
  }
  return CHECKLIST_ITEMS.find((item) => item.key === key)?.label[sheet.language] ?? key;
}

function drawHeader(sheet: Sheet, papers: BatchPapers, digest: string): number {
  const labels = COVER_LABELS[sheet.language];
  const top = drawTitle(sheet, sheet.newPage('portrait'), labels.title);
  const left = sheet.contentWidth - QR_SIZE - 4;
  let y = sheet.paragraph(papers.batch.name, MARGIN, top, left, { size: 13, bold: true }) + 1.5;
  y = drawFacts(
    sheet,
    y,
    [
      [labels.batchId, papers.batch.id],
      [labels.status, STATUS_LABELS[sheet.language][papers.batch.status]],
      [labels.route, papers.route.name],
      [labels.date, batchDate(papers, sheet.language)],
      // The office in Settings, then the person who leads this batch: two facts, never one for the other.
      [labels.organization, sheet.print.organization.trim() || COMMON_LABELS[sheet.language].none],
      [labels.organizer, papers.batch.organizer || COMMON_LABELS[sheet.language].none],
      [labels.passengers, fill(labels.people, { count: papers.passengers.length })],
    ],
    { width: left, pairs: 2, labelWidth: sheet.language === 'en' ? 21 : 18 },
  );
  const qrX = sheet.pageWidth - MARGIN - QR_SIZE;
  drawQrCode(sheet, qrPayload(papers.batch.id, digest), qrX, top - 1, QR_SIZE);
  const below = sheet.line(
    fill(labels.qrCaption, { code: shortDigest(digest) }),
    qrX + QR_SIZE / 2,
    top + QR_SIZE - 1.5,
    {
      size: FONT_SIZE.table,
      bold: true,
      align: 'center',
    },
  );
  return drawCheckCode(sheet, digest, Math.max(y + 2, below + 1)) + 3;
}

/** The full digest under the header, for comparing by eye when no scanner is at hand. */
function drawCheckCode(sheet: Sheet, digest: string, y: number): number {
  const labels = COVER_LABELS[sheet.language];
  const label = `${labels.checkCode}${sheet.language === 'en' ? ': ' : '：'}`;
  sheet.line(label, MARGIN, y, { size: FONT_SIZE.body, bold: true });
  const groups = digest.match(/.{1,16}/g) ?? [digest];
  let next = sheet.line(groups.join(' '), MARGIN + sheet.measure(label) + 1, y, { size: FONT_SIZE.body });
  sheet.setStyle({ size: FONT_SIZE.table });
  for (const line of sheet.wrap(labels.checkCodeHelp, sheet.contentWidth)) {
    next = sheet.line(line, MARGIN, next, { size: FONT_SIZE.table, colour: COLOURS.muted });
  }
  return next;
}

function overrideLines(sheet: Sheet, papers: BatchPapers, override: StatusOverride): string[] {
  const labels = COVER_LABELS[sheet.language];
  const status = STATUS_LABELS[sheet.language];
  const lines = [
    fill(labels.overrideStep, { from: status[override.from], to: status[override.to] }),
    fill(labels.overrideReason, { reason: override.reason }),
  ];
  if (override.unmet.length > 0) {
    const separator = sheet.language === 'en' ? '; ' : '；';
    lines.push(
      fill(labels.overrideUnmet, { items: override.unmet.map((key) => itemLabel(papers, key, sheet)).join(separator) }),
    );
  }
  lines.push(fill(labels.overrideBy, { by: override.by, at: moment(override.at, sheet.language) }));
  return lines;
}

/** Each forced step in a red box, bold: nobody reading the cover can miss that the gate was passed by hand. */
function drawOverrides(sheet: Sheet, papers: BatchPapers, y: number): number {
  const labels = COVER_LABELS[sheet.language];
  let next = y;
  const padding = 3;
  const width = sheet.contentWidth - 2 * padding;
  const titleHeight = sheet.lineHeight(FONT_SIZE.heading);
  const lineHeight = sheet.lineHeight(FONT_SIZE.body + 1);
  for (const override of papers.batch.overrides) {
    sheet.setStyle({ size: FONT_SIZE.body + 1, bold: true });
    const lines = overrideLines(sheet, papers, override).flatMap((line) => sheet.wrap(line, width));
    const height = 2 * padding + titleHeight + 1 + lines.length * lineHeight;
    next = ensureRoom(sheet, next, height, 'portrait');
    const doc = sheet.doc;
    doc.setDrawColor(...COLOURS.alert);
    doc.setFillColor(253, 236, 236);
    doc.setLineWidth(0.8);
    doc.rect(MARGIN, next, sheet.contentWidth, height, 'FD');
    let line = sheet.line(labels.overrideTitle, MARGIN + padding, next + padding, {
      size: FONT_SIZE.heading,
      bold: true,
      colour: COLOURS.alert,
    });
    line += 1;
    for (const text of lines) {
      line = sheet.line(text, MARGIN + padding, line, { size: FONT_SIZE.body + 1, bold: true, colour: COLOURS.alert });
    }
    next += height + 3;
  }
  return next;
}

function itemRemarks(sheet: Sheet, item: PaperGateItem): string {
  const labels = COVER_LABELS[sheet.language];
  const parts = item.reasons.map((reason) => fill(labels.reason, { reason }));
  const note = item.tick?.note.trim() ?? '';
  if (note !== '') parts.push(fill(labels.note, { note }));
  return parts.join('\n');
}

function drawUnifications(sheet: Sheet, papers: BatchPapers, y: number): number {
  const labels = COVER_LABELS[sheet.language];
  const met = papers.gate.filter((unification) => unification.light === 'green').length;
  const top = drawHeading(
    sheet,
    ensureRoom(sheet, y, 30, 'portrait'),
    labels.unifications,
    fill(labels.unificationsSummary, { met, total: papers.gate.length }),
  );
  const body: CellDef[][] = [];
  const lightOfRow: (Light | null)[] = [];
  for (const unification of papers.gate) {
    const name = UNIFICATION_LABELS[unification.unification][sheet.language];
    const items = unification.items.length > 0 ? unification.items : [null];
    items.forEach((item, index) => {
      const row: CellDef[] = [];
      if (index === 0) {
        const span = items.length;
        row.push({ content: name, rowSpan: span, styles: { fontStyle: 'bold' } });
        row.push({
          content: LIGHT_LABELS[sheet.language][unification.light],
          rowSpan: span,
          styles: { fontStyle: 'bold', textColor: rgb(LIGHT_COLOURS[unification.light]) },
        });
      }
      if (item) {
        const derived = DERIVED.has(item.key);
        row.push(
          { content: item.label },
          {
            content: ITEM_STATE_LABELS[sheet.language][itemStateWords(item.state, derived)],
            styles:
              item.state === 'met' || item.state === 'not-due'
                ? {}
                : { fontStyle: 'bold', textColor: rgb(COLOURS.alert) },
          },
          { content: item.tick?.by ?? (derived ? labels.fromData : '') },
          { content: moment(item.tick?.at, sheet.language) },
          { content: itemRemarks(sheet, item) },
        );
      } else {
        row.push({ content: '' }, { content: '' }, { content: '' }, { content: '' }, { content: '' });
      }
      body.push(row);
      lightOfRow.push(index === 0 ? unification.light : null);
    });
  }
  return sheet.table({
    head: [
      [labels.unification, labels.verdict, labels.item, labels.state, labels.tickedBy, labels.tickedAt, labels.remarks],
    ],
    body,
    startY: top,
    widths: [24, 19, 38, 17, 20, 33, 35],
    columnStyles: { 1: { cellPadding: { left: DOT_ROOM, right: 1.2, top: 1.2, bottom: 1.2 } } },
    didDrawCell: (data) => {
      if (data.section !== 'body' || data.column.index !== 1) return;
      const light = lightOfRow[data.row.index];
      if (!light) return;
      sheet.doc.setFillColor(...LIGHT_COLOURS[light]);
      sheet.doc.circle(data.cell.x + 2.2, data.cell.y + data.cell.height / 2, 1.1, 'F');
    },
  });
}

function drawLegCounts(sheet: Sheet, papers: BatchPapers, y: number): number {
  const labels = COVER_LABELS[sheet.language];
  const top = drawHeading(sheet, ensureRoom(sheet, y + 5, 25, 'portrait'), labels.legs);
  const body = papers.legs.map((leg, index): CellInput[] => {
    const seated = leg.vehicles.reduce((sum, vehicle) => sum + vehicle.seats.length, 0);
    return [
      String(index + 1),
      LEG_MODE_LABELS[sheet.language][leg.mode],
      legRoute(leg, sheet.language),
      timetableMoment(leg.departureAt, sheet.language),
      String(leg.vehicles.length),
      String(papers.passengers.length),
      String(seated),
      {
        content: String(leg.unseated.length),
        styles: leg.unseated.length > 0 ? { fontStyle: 'bold', textColor: rgb(COLOURS.alert) } : {},
      },
    ];
  });
  const numeric = { halign: 'right' } as const;
  return sheet.table({
    head: [
      [
        labels.legNumber,
        labels.mode,
        labels.fromTo,
        labels.departure,
        labels.vehicles,
        labels.total,
        labels.seated,
        labels.unseated,
      ],
    ],
    body,
    startY: top,
    widths: [10, 16, 57, 34, 15, 19, 17, 18],
    columnStyles: { 0: { halign: 'center' }, 4: numeric, 5: numeric, 6: numeric, 7: numeric },
  });
}

/** The vehicles an escort rides, leg by leg: `第1段 桂L12345；第2段 05车`. */
function escortVehicles(sheet: Sheet, papers: BatchPapers, escort: StaffMember): string {
  const parts: string[] = [];
  papers.legs.forEach((leg, index) => {
    const vehicles = leg.vehicles.filter((vehicle) => vehicle.escort?.id === escort.id);
    if (vehicles.length === 0) return;
    const names = vehicles.map((vehicle) => vehicleName(vehicle, sheet.language));
    const leadIn = sheet.language === 'en' ? `Leg ${index + 1}: ` : `第${index + 1}段 `;
    parts.push(leadIn + names.join(sheet.language === 'en' ? ', ' : '、'));
  });
  return parts.join(sheet.language === 'en' ? '; ' : '；');
}

/**
 * Staff and enterprise contacts print in full: they are work numbers, and the cover is where the
 * police, the railway and the enterprise look them up. Only passengers' numbers are masked.
 */
function drawContacts(sheet: Sheet, papers: BatchPapers, y: number): number {
  const labels = COVER_LABELS[sheet.language];
  const none = COMMON_LABELS[sheet.language].none;
  const top = drawHeading(sheet, ensureRoom(sheet, y + 5, 25, 'portrait'), labels.contacts);
  const body: string[][] = [[labels.roleOrganizer, papers.batch.organizer || none, '', '']];
  for (const escort of papers.batch.escorts) {
    body.push([labels.roleEscort, escort.name, escort.phone, escortVehicles(sheet, papers, escort)]);
  }
  for (const medic of papers.batch.medics) body.push([labels.roleMedic, medic.name, medic.phone, '']);
  for (const enterprise of papers.enterprises) {
    body.push([
      labels.roleEnterprise,
      enterprise.contactName,
      enterprise.contactPhone ? enterprise.contactPhone : '',
      `${enterprise.name}\n${fill(labels.handoverAt, { place: enterprise.handoverPoint || none })}`,
    ]);
  }
  return sheet.table({
    head: [[labels.role, labels.name, COMMON_LABELS[sheet.language].phone, labels.responsibility]],
    body,
    startY: top,
    widths: [30, 34, 30, 92],
  });
}

/**
 * The audit chain's anchor when printing, in small print under the last section (issue 16, item 1):
 * checked later against the audit page, it shows whether the trail was cut short or rewritten since.
 */
function drawAuditAnchor(sheet: Sheet, y: number): number {
  const anchor = sheet.print.auditAnchor;
  if (anchor === undefined) return y;
  const labels = COVER_LABELS[sheet.language];
  const text =
    anchor === null
      ? labels.auditAnchorMissing
      : fill(labels.auditAnchor, {
          hash: anchor.hash ? shortAuditHash(anchor.hash) : '—',
          count: anchor.count,
          at: anchor.at ? formatTimestamp(anchor.at, sheet.language) : '—',
        });
  sheet.setStyle({ size: FONT_SIZE.footer });
  const lines = sheet.wrap(text, sheet.contentWidth);
  let next = ensureRoom(sheet, y + 3, lines.length * sheet.lineHeight(FONT_SIZE.footer), 'portrait');
  for (const line of lines) next = sheet.line(line, MARGIN, next, { size: FONT_SIZE.footer, colour: COLOURS.muted });
  return next;
}

/**
 * Draws the cover sheet of `papers` on new A4 portrait pages of `sheet` (one page, more when the
 * gate or the contacts are long). `options.digest` must be `await manifestDigest(papers)`.
 */
export async function drawCover(sheet: Sheet, papers: BatchPapers, options: CoverOptions): Promise<void> {
  const sections: ((y: number) => number)[] = [
    () => drawHeader(sheet, papers, options.digest),
    (y) => drawOverrides(sheet, papers, y),
    (y) => drawUnifications(sheet, papers, y),
    (y) => drawLegCounts(sheet, papers, y),
    (y) => drawContacts(sheet, papers, y),
  ];
  let y = 0;
  let firstPage = 0;
  for (const [index, section] of sections.entries()) {
    throwIfAborted(options.signal);
    y = section(y);
    if (index === 0) firstPage = sheet.pageNumber;
    options.onProgress?.(index + 1, sections.length);
    await nextTurn();
  }
  throwIfAborted(options.signal);
  drawAuditAnchor(sheet, y);
  // Every page says which batch it is the cover of, for when the pages come apart.
  const labels = COVER_LABELS[sheet.language];
  noteOnPages(
    sheet,
    firstPage,
    fill(labels.pageNote, { batch: papers.batch.name, date: batchDate(papers, sheet.language) }),
  );
}
