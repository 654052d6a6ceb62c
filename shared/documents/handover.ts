/**
 * The handover sheet (交接单, ISSUE 6, document 3), one per receiving enterprise: who the escorts
 * hand over at the enterprise's door, with each passenger's seat on the last leg (the vehicle that
 * arrives there), so that the enterprise's contact can check people off vehicle by vehicle; then
 * the count, and signature lines for the escort and the enterprise contact with the date and time.
 *
 * Passengers with no receiving enterprise (or one missing from the papers) are on no handover sheet:
 * the cover sheet's follow-up unification already says they lack one.
 */
import type { CellInput, RowInput } from 'jspdf-autotable';
import { maskPhone, maskResidentId } from '../domain/masking';
import type { StaffMember } from '../domain/records';
import { COMMON_LABELS, GENDER_LABELS, fill } from './labels';
import type { Labels } from './labels';
import type { BatchPapers, DocumentOptions, PaperEnterprise, PaperPassenger } from './model';
import {
  batchDate,
  drawFacts,
  drawKeptTable,
  drawTitle,
  ensureRoom,
  legLabel,
  nextTurn,
  noteOnPages,
  placeLabel,
  rgb,
  seatPlaces,
  vehicleName,
} from './parts';
import type { SeatPlace } from './parts';
import { COLOURS, FONT_SIZE, MARGIN, throwIfAborted } from './sheet';
import type { Sheet } from './sheet';

export const HANDOVER_LABELS: Labels<
  | 'title'
  | 'enterprise'
  | 'handoverPoint'
  | 'contact'
  | 'address'
  | 'batch'
  | 'date'
  | 'arrivingLeg'
  | 'escorts'
  | 'sequence'
  | 'name'
  | 'gender'
  | 'residentId'
  | 'phone'
  | 'seat'
  | 'handedOver'
  | 'remarks'
  | 'count'
  | 'countByGender'
  | 'arrived'
  | 'noPassengers'
  | 'noEnterprises'
  | 'handingOver'
  | 'receiving'
  | 'signature'
  | 'dateBlank'
  | 'timeBlank'
  | 'pageNote'
> = {
  'zh-CN': {
    title: '接收企业交接单',
    enterprise: '接收企业',
    handoverPoint: '交接地点',
    contact: '企业联系人',
    address: '企业地址',
    batch: '批次',
    date: '出发日期',
    arrivingLeg: '到达行程',
    escorts: '随车人员',
    sequence: '序号',
    name: '姓名',
    gender: '性别',
    residentId: '身份证号',
    phone: '联系电话',
    seat: '到达座位',
    handedOver: '已交接',
    remarks: '备注',
    count: '交接人数：共 {count} 人',
    countByGender: '（男 {male} 人，女 {female} 人）',
    arrived: '实到人数：________ 人',
    noPassengers: '本批次没有分配到该企业的乘客。',
    noEnterprises: '本批次没有需要交接给接收企业的乘客。',
    handingOver: '移交方（随车人员）',
    receiving: '接收方（企业联系人）',
    signature: '签字：',
    dateBlank: '日期：______年____月____日',
    timeBlank: '时间：______时______分',
    pageNote: '交接单 · {enterprise} · 共 {count} 人',
  },
  en: {
    title: 'Handover sheet',
    enterprise: 'Enterprise',
    handoverPoint: 'Handover point',
    contact: 'Contact',
    address: 'Address',
    batch: 'Batch',
    date: 'Date',
    arrivingLeg: 'Arriving leg',
    escorts: 'Escorts',
    sequence: 'No.',
    name: 'Name',
    gender: 'Sex',
    residentId: 'Resident ID',
    phone: 'Phone',
    seat: 'Seat (arrival)',
    handedOver: 'Handed over',
    remarks: 'Remarks',
    count: 'Handed over: {count} passengers',
    countByGender: ' ({male} male, {female} female)',
    arrived: 'Arrived: ________',
    noPassengers: 'No passenger of this batch is bound for this enterprise.',
    noEnterprises: 'No passenger of this batch is bound for a receiving enterprise.',
    handingOver: 'Handed over by (escort)',
    receiving: 'Received by (enterprise contact)',
    signature: 'Signature: ',
    dateBlank: 'Date: ________ / ____ / ____',
    timeBlank: 'Time: ______ : ______',
    pageNote: 'Handover sheet · {enterprise} · {count} passengers',
  },
};

/** `options.enterpriseId`: one enterprise's sheet; every enterprise with passengers when absent. */
export interface HandoverOptions extends DocumentOptions {
  enterpriseId?: string;
}

interface HandoverRow {
  passenger: PaperPassenger;
  place: SeatPlace | undefined;
}

/** The enterprise's passengers in the order they leave the arriving vehicles: vehicle, then seat; no seat last. */
function handoverRows(papers: BatchPapers, enterprise: PaperEnterprise): HandoverRow[] {
  const lastLeg = papers.legs.at(-1);
  const onLastLeg = lastLeg ? seatPlaces(papers).get(lastLeg.id) : undefined;
  const order = new Map<string, number>();
  lastLeg?.vehicles.forEach((vehicle, vehicleIndex) => {
    vehicle.seats.forEach((seat, seatIndex) => order.set(seat.workerId, vehicleIndex * 100_000 + seatIndex));
  });
  return papers.passengers
    .filter((passenger) => passenger.enterpriseId === enterprise.id)
    .map((passenger, index) => ({ passenger, place: onLastLeg?.get(passenger.workerId), index }))
    .sort((a, b) => {
      const first = order.get(a.passenger.workerId) ?? Number.MAX_SAFE_INTEGER;
      const second = order.get(b.passenger.workerId) ?? Number.MAX_SAFE_INTEGER;
      return first - second || a.index - b.index;
    })
    .map(({ passenger, place }) => ({ passenger, place }));
}

function escortsOf(rows: readonly HandoverRow[]): StaffMember[] {
  const escorts = new Map<string, StaffMember>();
  for (const { place } of rows) {
    const escort = place?.vehicle.escort;
    if (escort) escorts.set(escort.id, escort);
  }
  return [...escorts.values()];
}

function drawEnterpriseHead(
  sheet: Sheet,
  papers: BatchPapers,
  enterprise: PaperEnterprise,
  rows: readonly HandoverRow[],
): number {
  const labels = HANDOVER_LABELS[sheet.language];
  const none = COMMON_LABELS[sheet.language].none;
  const separator = sheet.language === 'en' ? ', ' : '、';
  const top = drawTitle(sheet, sheet.newPage('portrait'), labels.title);
  const lastLegIndex = papers.legs.length - 1;
  const lastLeg = papers.legs[lastLegIndex];
  const vehicles = [
    ...new Set(rows.flatMap(({ place }) => (place ? [vehicleName(place.vehicle, sheet.language)] : []))),
  ];
  const arriving = lastLeg
    ? [legLabel(lastLeg, lastLegIndex, sheet.language), vehicles.join(separator)].filter(Boolean).join('\n')
    : none;
  // Escort phones are staff work phones, printed in full: the enterprise calls them on arrival.
  const escorts = escortsOf(rows).map((escort) => `${escort.name} ${escort.phone}`);
  const contact = [enterprise.contactName, enterprise.contactPhone].filter(Boolean).join(' ');
  return drawFacts(
    sheet,
    top,
    [
      [labels.enterprise, enterprise.name],
      [labels.handoverPoint, enterprise.handoverPoint || none],
      [labels.contact, contact || none],
      [labels.address, enterprise.address || none],
      [labels.batch, papers.batch.name],
      [labels.date, batchDate(papers, sheet.language)],
      [labels.arrivingLeg, arriving],
      [labels.escorts, escorts.join('\n') || none],
    ],
    { width: sheet.contentWidth, pairs: 2, labelWidth: sheet.language === 'en' ? 24 : 20 },
  );
}

function passengerRow(sheet: Sheet, { passenger, place }: HandoverRow, index: number): CellInput[] {
  const full = sheet.print.fullNumbers;
  return [
    String(index + 1),
    passenger.name,
    GENDER_LABELS[sheet.language][passenger.gender],
    full ? passenger.residentId : maskResidentId(passenger.residentId),
    full ? passenger.phone : maskPhone(passenger.phone),
    place
      ? placeLabel(place.vehicle, place.seat, sheet.language)
      : { content: COMMON_LABELS[sheet.language].notSeated, styles: { textColor: rgb(COLOURS.alert) } },
    '',
    '',
  ];
}

/** Height of the signature block: a role line, then signature, date and time lines. */
function signaturesHeight(sheet: Sheet): number {
  return 4 * (sheet.lineHeight(FONT_SIZE.body) + 5);
}

/** Height of the count line and the signatures under the table, which stay on its last page. */
function closingHeight(sheet: Sheet): number {
  return 3 + sheet.lineHeight(FONT_SIZE.heading) + 6 + signaturesHeight(sheet);
}

function drawSignatures(sheet: Sheet, y: number): number {
  const labels = HANDOVER_LABELS[sheet.language];
  const lineHeight = sheet.lineHeight(FONT_SIZE.body);
  const height = signaturesHeight(sheet);
  let top = ensureRoom(sheet, y, height, 'portrait');
  const half = sheet.contentWidth / 2;
  const gap = 8;
  for (const [column, role] of [labels.handingOver, labels.receiving].entries()) {
    const x = MARGIN + column * half;
    const width = half - gap;
    let next = sheet.line(role, x, top, { size: FONT_SIZE.body, bold: true }) + 4;
    sheet.signature(labels.signature, x, next, width);
    next += lineHeight + 5;
    sheet.line(labels.dateBlank, x, next, { size: FONT_SIZE.body });
    next += lineHeight + 5;
    sheet.line(labels.timeBlank, x, next, { size: FONT_SIZE.body });
  }
  top += height;
  return top;
}

/**
 * One enterprise's sheet. The count and the signatures never stand alone on a page: at least the
 * last three rows go with them (see drawKeptTable).
 */
function drawEnterprise(sheet: Sheet, papers: BatchPapers, enterprise: PaperEnterprise): void {
  const labels = HANDOVER_LABELS[sheet.language];
  const rows = handoverRows(papers, enterprise);
  const body: RowInput[] =
    rows.length > 0
      ? rows.map((row, index) => passengerRow(sheet, row, index))
      : [[{ content: labels.noPassengers, colSpan: 8, styles: { halign: 'center', textColor: rgb(COLOURS.muted) } }]];
  const drawn = drawKeptTable(sheet, {
    orientation: 'portrait',
    start: () => drawEnterpriseHead(sheet, papers, enterprise, rows) + 4,
    closingHeight: closingHeight(sheet),
    head: [
      [
        labels.sequence,
        labels.name,
        labels.gender,
        labels.residentId,
        labels.phone,
        labels.seat,
        labels.handedOver,
        labels.remarks,
      ],
    ],
    body,
    widths: [10, 27, 10, 39, 25, 33, 15, 27],
    columnStyles: { 0: { halign: 'center' }, 2: { halign: 'center' } },
    bodyMinCellHeight: 7,
  });
  const firstPage = drawn.firstPage;
  let y = drawn.end;
  const male = rows.filter(({ passenger }) => passenger.gender === 'male').length;
  const count =
    fill(labels.count, { count: rows.length }) + fill(labels.countByGender, { male, female: rows.length - male });
  y = ensureRoom(sheet, y + 3, 8, 'portrait');
  sheet.line(count, MARGIN, y, { size: FONT_SIZE.heading, bold: true });
  sheet.line(labels.arrived, sheet.pageWidth - MARGIN, y, { size: FONT_SIZE.heading, align: 'right' });
  y += sheet.lineHeight(FONT_SIZE.heading) + 6;
  drawSignatures(sheet, y);
  // Every page of this enterprise's sheet says whose it is, for when the pages come apart.
  const note = fill(labels.pageNote, { enterprise: enterprise.name, count: rows.length });
  noteOnPages(sheet, firstPage, note);
}

function drawNoEnterprises(sheet: Sheet, papers: BatchPapers): void {
  const labels = HANDOVER_LABELS[sheet.language];
  const y = drawTitle(
    sheet,
    sheet.newPage('portrait'),
    labels.title,
    `${papers.batch.name} · ${batchDate(papers, sheet.language)}`,
  );
  sheet.paragraph(labels.noEnterprises, MARGIN, y + 4, sheet.contentWidth, { size: FONT_SIZE.heading });
}

/**
 * Draws the handover sheet of one receiving enterprise (`options.enterpriseId`), or of every
 * enterprise with passengers on the batch, each starting on a new A4 portrait page. Throws a
 * RangeError for an enterprise id that is not in the papers.
 */
export async function drawHandover(sheet: Sheet, papers: BatchPapers, options: HandoverOptions): Promise<void> {
  let enterprises: PaperEnterprise[];
  if (options.enterpriseId === undefined) {
    const bound = new Set(papers.passengers.map((passenger) => passenger.enterpriseId));
    enterprises = papers.enterprises.filter((enterprise) => bound.has(enterprise.id));
  } else {
    const wanted = papers.enterprises.find((enterprise) => enterprise.id === options.enterpriseId);
    if (!wanted) throw new RangeError(`no receiving enterprise ${options.enterpriseId} in the batch's papers`);
    enterprises = [wanted];
  }
  if (enterprises.length === 0) {
    throwIfAborted(options.signal);
    drawNoEnterprises(sheet, papers);
    options.onProgress?.(1, 1);
    return;
  }
  for (const [index, enterprise] of enterprises.entries()) {
    throwIfAborted(options.signal);
    drawEnterprise(sheet, papers, enterprise);
    options.onProgress?.(index + 1, enterprises.length);
    await nextTurn();
  }
  throwIfAborted(options.signal);
}
