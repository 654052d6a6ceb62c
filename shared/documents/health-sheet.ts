/**
 * The health-check sheet of a batch for the medical team (ISSUE 6, document 4), A4 landscape: every
 * passenger, grouped by the vehicle they board first and in seat order there (the team walks the
 * coaches at the assembly point), with either tall blank rows to write the readings in, printed
 * hints to circle, or the latest check's values filled in. Then the totals and the medic's signature.
 */
import type { CellInput, Styles } from 'jspdf-autotable';
import { formatShortTimestamp } from '../dates';
import { maskResidentId } from '../domain/masking';
import type { HealthCodeColour, Language, Symptom } from '../domain/records';
import { COMMON_LABELS, GENDER_LABELS, VERDICT_LABELS, fill } from './labels';
import type { Labels } from './labels';
import type { BatchPapers, DocumentOptions, PaperPassenger, PaperVehicle } from './model';
import {
  batchDate,
  drawFacts,
  drawTitle,
  ensureRoom,
  legLabel,
  nextTurn,
  noteOnPages,
  placeLabel,
  rgb,
  vehicleName,
} from './parts';
import { COLOURS, FONT_SIZE, MARGIN, throwIfAborted } from './sheet';
import type { Sheet } from './sheet';

export const HEALTH_SHEET_LABELS: Labels<
  | 'title'
  | 'batch'
  | 'date'
  | 'route'
  | 'medics'
  | 'firstLeg'
  | 'expected'
  | 'sequence'
  | 'name'
  | 'gender'
  | 'age'
  | 'residentId'
  | 'seat'
  | 'temperature'
  | 'symptoms'
  | 'healthCode'
  | 'contact'
  | 'result'
  | 'examiner'
  | 'time'
  | 'hintTemperature'
  | 'hintSymptoms'
  | 'hintCode'
  | 'hintContact'
  | 'hintResult'
  | 'noSymptoms'
  | 'contactYes'
  | 'contactNo'
  | 'group'
  | 'groupUnseated'
  | 'people'
  | 'totalsFilled'
  | 'totalsBlank'
  | 'signature'
  | 'dateBlank'
  | 'timeBlank'
  | 'pageNote'
> = {
  'zh-CN': {
    title: '健康检查登记表',
    batch: '批次',
    date: '出发日期',
    route: '线路',
    medics: '医务人员',
    firstLeg: '第一段行程',
    expected: '应检人数',
    sequence: '序号',
    name: '姓名',
    gender: '性别',
    age: '年龄',
    residentId: '身份证号',
    seat: '座位（第1段）',
    temperature: '体温（°C）',
    symptoms: '症状',
    healthCode: '健康码',
    contact: '接触史',
    result: '结果',
    examiner: '检查人',
    time: '时间',
    hintTemperature: '°C',
    hintSymptoms: '无 / 有：',
    hintCode: '绿  黄  红',
    hintContact: '无  有',
    hintResult: '合格 不合格 复测',
    noSymptoms: '无',
    contactYes: '有',
    contactNo: '无',
    group: '{vehicle} · {count} 人',
    groupUnseated: '第1段未安排座位 · {count} 人',
    people: '{count} 人',
    totalsFilled: '应检 {total} 人：合格 {pass} 人，不合格 {fail} 人，待复测 {recheck} 人，未检 {unchecked} 人',
    totalsBlank: '应检 {total} 人，实检 ______ 人，合格 ______ 人，不合格 ______ 人，待复测 ______ 人',
    signature: '检查医生签字：',
    dateBlank: '日期：______年____月____日',
    timeBlank: '时间：______时______分',
    pageNote: '健康检查登记表 · {batch} · {date}',
  },
  en: {
    title: 'Health check sheet',
    batch: 'Batch',
    date: 'Date',
    route: 'Route',
    medics: 'Medical staff',
    firstLeg: 'First leg',
    expected: 'To check',
    sequence: 'No.',
    name: 'Name',
    gender: 'Sex',
    age: 'Age',
    residentId: 'Resident ID',
    seat: 'Seat (leg 1)',
    temperature: 'Temp. (°C)',
    symptoms: 'Symptoms',
    healthCode: 'Health code',
    contact: 'Contact',
    result: 'Result',
    examiner: 'Examiner',
    time: 'Time',
    hintTemperature: '°C',
    hintSymptoms: 'None / Yes:',
    hintCode: 'G  Y  R',
    hintContact: 'No  Yes',
    hintResult: 'Pass Fail Recheck',
    noSymptoms: 'None',
    contactYes: 'Yes',
    contactNo: 'No',
    group: '{vehicle} · {count} passengers',
    groupUnseated: 'No seat on leg 1 · {count} passengers',
    people: '{count} passengers',
    totalsFilled: '{total} to check: {pass} passed, {fail} failed, {recheck} to recheck, {unchecked} not checked',
    totalsBlank: '{total} to check; checked ______, passed ______, failed ______, to recheck ______',
    signature: 'Examining doctor: ',
    dateBlank: 'Date: ________ / ____ / ____',
    timeBlank: 'Time: ______ : ______',
    pageNote: 'Health check sheet · {batch} · {date}',
  },
};

export const SYMPTOM_LABELS: Labels<Symptom> = {
  'zh-CN': {
    fever: '发热',
    cough: '咳嗽',
    fatigue: '乏力',
    'sore-throat': '咽痛',
    'short-breath': '气促',
    diarrhoea: '腹泻',
  },
  en: {
    fever: 'Fever',
    cough: 'Cough',
    fatigue: 'Fatigue',
    'sore-throat': 'Sore throat',
    'short-breath': 'Short of breath',
    diarrhoea: 'Diarrhoea',
  },
};

export const HEALTH_CODE_LABELS: Labels<HealthCodeColour> = {
  'zh-CN': { green: '绿码', yellow: '黄码', red: '红码' },
  en: { green: 'Green', yellow: 'Yellow', red: 'Red' },
};

/** `options.filled`: the latest check's values; blank rows to write on when false. */
export interface HealthSheetOptions extends DocumentOptions {
  filled: boolean;
}

/** Column widths (mm) on A4 landscape: 273 between the margins. */
const WIDTHS = [10, 24, 9, 9, 38, 30, 17, 32, 22, 15, 22, 22, 23] as const;
const HINT_COLUMNS = [6, 7, 8, 9, 10] as const;
/** Tall enough to write a temperature and a name by hand. */
const BLANK_ROW_HEIGHT = 9.5;
const FILLED_ROW_HEIGHT = 6;

interface HealthGroup {
  title: string;
  vehicle: PaperVehicle | null;
  passengers: { passenger: PaperPassenger; seat: string }[];
}

/** Passengers by the vehicle they board first, in seat order; those without a first-leg seat last. */
function healthGroups(papers: BatchPapers, language: Language): HealthGroup[] {
  const labels = HEALTH_SHEET_LABELS[language];
  const people = new Map(papers.passengers.map((passenger) => [passenger.workerId, passenger]));
  const firstLeg = papers.legs[0];
  const groups: HealthGroup[] = [];
  const seen = new Set<string>();
  for (const vehicle of firstLeg?.vehicles ?? []) {
    const passengers = vehicle.seats.flatMap(({ workerId, seat }) => {
      const passenger = people.get(workerId);
      if (!passenger || seen.has(workerId)) return [];
      seen.add(workerId);
      return [{ passenger, seat: placeLabel(vehicle, seat, language) }];
    });
    if (passengers.length === 0) continue;
    const escort = vehicle.escort
      ? ` · ${COMMON_LABELS[language].escort} ${vehicle.escort.name} ${vehicle.escort.phone}`
      : '';
    groups.push({
      title: fill(labels.group, { vehicle: vehicleName(vehicle, language), count: passengers.length }) + escort,
      vehicle,
      passengers,
    });
  }
  const rest = papers.passengers
    .filter((passenger) => !seen.has(passenger.workerId))
    .map((passenger) => ({ passenger, seat: COMMON_LABELS[language].notSeated }));
  if (rest.length > 0) {
    groups.push({ title: fill(labels.groupUnseated, { count: rest.length }), vehicle: null, passengers: rest });
  }
  return groups;
}

/** A muted word printed in a blank cell for the medic to fill or circle. */
function hint(text: string, styles: Partial<Styles> = {}): CellInput {
  return {
    content: text,
    styles: { textColor: rgb(COLOURS.muted), fontSize: 6.5, halign: 'center', valign: 'bottom', ...styles },
  };
}

function filledCells(sheet: Sheet, passenger: PaperPassenger): CellInput[] {
  const labels = HEALTH_SHEET_LABELS[sheet.language];
  const health = passenger.health;
  if (!health) {
    const unchecked: CellInput = {
      content: VERDICT_LABELS[sheet.language].unchecked,
      styles: { fontStyle: 'bold', textColor: rgb(COLOURS.alert) },
    };
    return ['', '', '', '', unchecked, '', ''];
  }
  const alert: Partial<Styles> = { fontStyle: 'bold', textColor: rgb(COLOURS.alert) };
  const symptoms =
    health.symptoms === undefined
      ? ''
      : health.symptoms.length === 0
        ? labels.noSymptoms
        : health.symptoms
            .map((symptom) => SYMPTOM_LABELS[sheet.language][symptom])
            .join(sheet.language === 'en' ? ', ' : '、');
  const contact =
    health.contactWithConfirmedCase === undefined
      ? ''
      : health.contactWithConfirmedCase
        ? labels.contactYes
        : labels.contactNo;
  return [
    { content: health.temperatureC.toFixed(1), styles: health.result === 'pass' ? {} : alert },
    symptoms,
    health.healthCode ? HEALTH_CODE_LABELS[sheet.language][health.healthCode] : '',
    contact,
    { content: VERDICT_LABELS[sheet.language][health.result], styles: health.result === 'pass' ? {} : alert },
    health.examiner,
    formatShortTimestamp(health.checkedAt, sheet.language),
  ];
}

function blankCells(sheet: Sheet): CellInput[] {
  const labels = HEALTH_SHEET_LABELS[sheet.language];
  return [
    hint(labels.hintTemperature, { halign: 'right' }),
    hint(labels.hintSymptoms, { halign: 'left', valign: 'top' }),
    hint(labels.hintCode),
    hint(labels.hintContact),
    hint(labels.hintResult),
    '',
    hint(':'),
  ];
}

function drawHead(sheet: Sheet, papers: BatchPapers): number {
  const labels = HEALTH_SHEET_LABELS[sheet.language];
  const none = COMMON_LABELS[sheet.language].none;
  const top = drawTitle(sheet, sheet.newPage('landscape'), labels.title);
  // Medics' phones are staff work phones, printed in full.
  const medics = papers.batch.medics
    .map((medic) => `${medic.name} ${medic.phone}`)
    .join(sheet.language === 'en' ? ', ' : '、');
  const firstLeg = papers.legs[0];
  return (
    drawFacts(
      sheet,
      top,
      [
        [labels.batch, papers.batch.name],
        [labels.date, batchDate(papers, sheet.language)],
        [labels.route, papers.route.name],
        [labels.firstLeg, firstLeg ? legLabel(firstLeg, 0, sheet.language) : none],
        [labels.medics, medics || none],
        [labels.expected, fill(labels.people, { count: papers.passengers.length })],
      ],
      { width: sheet.contentWidth, pairs: 3, labelWidth: sheet.language === 'en' ? 24 : 20 },
    ) + 3
  );
}

function drawTotals(sheet: Sheet, papers: BatchPapers, filled: boolean, y: number): number {
  const labels = HEALTH_SHEET_LABELS[sheet.language];
  const count = (verdict: string): number =>
    papers.passengers.filter((passenger) => (passenger.health?.result ?? 'unchecked') === verdict).length;
  const text = filled
    ? fill(labels.totalsFilled, {
        total: papers.passengers.length,
        pass: count('pass'),
        fail: count('fail'),
        recheck: count('recheck'),
        unchecked: count('unchecked'),
      })
    : fill(labels.totalsBlank, { total: papers.passengers.length });
  const lineHeight = sheet.lineHeight(FONT_SIZE.heading);
  let next = ensureRoom(sheet, y + 3, lineHeight + 14, 'landscape');
  next = sheet.paragraph(text, MARGIN, next, sheet.contentWidth, { size: FONT_SIZE.heading, bold: true }) + 7;
  const third = sheet.contentWidth / 3;
  sheet.signature(labels.signature, MARGIN, next, third - 10);
  sheet.line(labels.dateBlank, MARGIN + third, next, { size: FONT_SIZE.body });
  sheet.line(labels.timeBlank, MARGIN + 2 * third, next, { size: FONT_SIZE.body });
  return next + sheet.lineHeight();
}

/**
 * Draws the health-check sheet of `papers` on new A4 landscape pages of `sheet`: blank rows for the
 * medical team to write on, or (`options.filled`) the latest check of each passenger.
 */
export async function drawHealthSheet(sheet: Sheet, papers: BatchPapers, options: HealthSheetOptions): Promise<void> {
  const labels = HEALTH_SHEET_LABELS[sheet.language];
  const { filled } = options;
  throwIfAborted(options.signal);
  let y = drawHead(sheet, papers);
  const firstPage = sheet.pageNumber;
  const groups = healthGroups(papers, sheet.language);
  const head: CellInput[][] = [
    [
      labels.sequence,
      labels.name,
      labels.gender,
      labels.age,
      labels.residentId,
      labels.seat,
      labels.temperature,
      labels.symptoms,
      labels.healthCode,
      labels.contact,
      labels.result,
      labels.examiner,
      labels.time,
    ],
  ];
  const centred: Partial<Styles> = { halign: 'center' };
  const columnStyles: Record<number, Partial<Styles>> = { 0: centred, 2: centred, 3: centred };
  for (const column of HINT_COLUMNS) columnStyles[column] = centred;
  if (papers.passengers.length === 0) {
    // Nobody to check: say so rather than print an empty form.
    y = sheet.paragraph(COMMON_LABELS[sheet.language].noPassengers, MARGIN, y + 2, sheet.contentWidth, {
      size: FONT_SIZE.heading,
      bold: true,
    });
  }
  let sequence = 0;
  for (const [index, group] of groups.entries()) {
    throwIfAborted(options.signal);
    y = ensureRoom(sheet, y + 2, 8 + 2 * (filled ? FILLED_ROW_HEIGHT : BLANK_ROW_HEIGHT), 'landscape');
    y = sheet.line(group.title, MARGIN, y, { size: FONT_SIZE.body, bold: true }) + 0.5;
    const body = group.passengers.map(({ passenger, seat }): CellInput[] => {
      sequence += 1;
      return [
        String(sequence),
        passenger.name,
        GENDER_LABELS[sheet.language][passenger.gender],
        String(passenger.age),
        sheet.print.fullNumbers ? passenger.residentId : maskResidentId(passenger.residentId),
        seat,
        ...(filled ? filledCells(sheet, passenger) : blankCells(sheet)),
      ];
    });
    y = sheet.table({
      head,
      body,
      startY: y,
      widths: WIDTHS,
      columnStyles,
      bodyMinCellHeight: filled ? FILLED_ROW_HEIGHT : BLANK_ROW_HEIGHT,
    });
    options.onProgress?.(index + 1, groups.length + 1);
    await nextTurn();
  }
  throwIfAborted(options.signal);
  drawTotals(sheet, papers, filled, y);
  const note = fill(labels.pageNote, { batch: papers.batch.name, date: batchDate(papers, sheet.language) });
  noteOnPages(sheet, firstPage, note);
  options.onProgress?.(groups.length + 1, groups.length + 1);
}
