/**
 * Boarding cards (ISSUE 6, document 5): one small card per passenger, eight to an A4 portrait page
 * (2 columns × 4 rows, 90 × 59 mm, with cut marks at every corner), in the order the batch lists its
 * passengers. A card shows the name large, the seat on every leg, the batch and its date, where and
 * when to assemble, the escort's phone, and a QR code with the passenger's seat reference on the
 * first leg (`P2P-SEAT:1:<batchId>:<workerId>:<legId>:<seat>`, see `digest.ts`), which the escort
 * scans at the door to find the passenger and seat.
 *
 * Escort phones are staff work phones and print in full; a card carries no passenger's ID or phone.
 */
import { COMMON_LABELS, LEG_MODE_LABELS, fill } from './labels';
import type { Labels } from './labels';
import { seatPayload } from './digest';
import type { BatchPapers, DocumentOptions, PaperPassenger } from './model';
import { batchDate, drawTitle, legRoute, nextTurn, placeLabel, seatPlaces, timetableMoment } from './parts';
import type { SeatPlaces } from './parts';
import { drawQrCode } from './qr';
import { COLOURS, FONT_SIZE, MARGIN, throwIfAborted } from './sheet';
import type { Rgb, Sheet } from './sheet';

export const BOARDING_CARD_LABELS: Labels<'title' | 'legNumbered' | 'assembly' | 'escort' | 'scan'> = {
  'zh-CN': {
    title: '点对点专列乘车卡',
    legNumbered: '第{n}段',
    assembly: '集合：{place}　{at}',
    escort: '随车人员：{name} {phone}',
    scan: '上车扫码核对',
  },
  en: {
    title: 'Boarding card',
    legNumbered: 'Leg {n}',
    assembly: 'Assemble at {place}, {at}',
    escort: 'Escort: {name} {phone}',
    scan: 'Scan at the door',
  },
};

export const CARD_COLUMNS = 2;
export const CARD_ROWS = 4;
export const CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS;
export const CARD_WIDTH = 90;
export const CARD_HEIGHT = 59;
/** Room between cards, for the cut marks and the scissors. */
const CARD_GAP = 6;
const PADDING = 3.5;
const QR_SIZE = 23;
const BAND_HEIGHT = 7.5;
/** Cut marks: short lines on the lines of each card's edges, starting this far outside the corner. */
const MARK_OFFSET = 0.8;
const MARK_LENGTH = 2;

/** Where card `index` (from 0, in the document's card order) lies: its page (from 0 within the cards) and its box, in mm. */
export function boardingCardFrame(index: number): {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const slot = index % CARDS_PER_PAGE;
  return {
    page: Math.floor(index / CARDS_PER_PAGE),
    x: MARGIN + (slot % CARD_COLUMNS) * (CARD_WIDTH + CARD_GAP),
    y: MARGIN + Math.floor(slot / CARD_COLUMNS) * (CARD_HEIGHT + CARD_GAP),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  };
}

/** The QR code's box on card `index`, in mm on its page (for a scanner, or a test, to crop). */
export function boardingCardQrFrame(index: number): { x: number; y: number; size: number } {
  const card = boardingCardFrame(index);
  return { x: card.x + CARD_WIDTH - PADDING - QR_SIZE, y: card.y + BAND_HEIGHT + 1.5, size: QR_SIZE };
}

function drawCutMarks(sheet: Sheet, x: number, y: number): void {
  const doc = sheet.doc;
  doc.setDrawColor(...COLOURS.text);
  doc.setLineWidth(0.15);
  for (const cornerX of [x, x + CARD_WIDTH]) {
    for (const cornerY of [y, y + CARD_HEIGHT]) {
      const outX = cornerX === x ? -1 : 1;
      const outY = cornerY === y ? -1 : 1;
      doc.line(cornerX + outX * MARK_OFFSET, cornerY, cornerX + outX * (MARK_OFFSET + MARK_LENGTH), cornerY);
      doc.line(cornerX, cornerY + outY * MARK_OFFSET, cornerX, cornerY + outY * (MARK_OFFSET + MARK_LENGTH));
    }
  }
}

interface CardLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  colour: Rgb;
}

interface CardText {
  text: string;
  size: number;
  bold?: boolean;
  colour?: Rgb;
  /** Space above, in mm. */
  before?: number;
  /** Shrink to one line (down to this size) before wrapping: a name reads best whole. */
  shrinkTo?: number;
}

/**
 * The first line of a name that needs more than one: as many whole parts of a minority name
 * (阿依古丽·买买提) as fit, the dot kept at the line's end; null when the first part alone is too
 * wide, or the name has one part.
 */
function nameLine(sheet: Sheet, name: string, width: number): string | null {
  const parts = name.split(/(?<=·)/);
  if (parts.length < 2) return null;
  let line = '';
  for (const part of parts) {
    if (sheet.measure(line + part) > width) break;
    line += part;
  }
  return line === '' ? null : line;
}

/**
 * Lays `texts` out from `top`, each wrapped to the width free at its line: beside the QR code until
 * its bottom, the whole card below it. Sizes are scaled by `scale`. Returns the lines and the y below.
 */
function layout(
  sheet: Sheet,
  texts: readonly CardText[],
  box: { x: number; top: number; narrow: number; wide: number; qrBottom: number },
  scale: number,
): { lines: CardLine[]; bottom: number } {
  const lines: CardLine[] = [];
  let y = box.top;
  for (const entry of texts) {
    y += (entry.before ?? 0) * scale;
    let size = entry.size * scale;
    const bold = entry.bold ?? false;
    if (entry.shrinkTo !== undefined) {
      const floor = entry.shrinkTo * scale;
      sheet.setStyle({ size, bold });
      const width = sheet.measure(entry.text);
      if (width > box.narrow) size = Math.max(floor, (size * box.narrow) / width);
    }
    const style = { size, bold, colour: entry.colour ?? COLOURS.text };
    let rest = entry.text;
    while (rest !== '') {
      sheet.setStyle(style);
      const width = y + sheet.lineHeight(size) * 0.6 < box.qrBottom ? box.narrow : box.wide;
      const first =
        (entry.shrinkTo === undefined ? null : nameLine(sheet, rest, width)) ?? sheet.wrap(rest, width)[0] ?? '';
      if (first === '') break;
      lines.push({ text: first, x: box.x, y, ...style });
      y += sheet.lineHeight(size);
      const at = rest.indexOf(first);
      rest = at < 0 ? '' : rest.slice(at + first.length).trimStart();
    }
  }
  return { lines, bottom: y };
}

/** The card's text: the top block (batch, name, seats) flows down from the band; the bottom block (assembly, escort) sits on the card's foot. */
function cardTexts(
  sheet: Sheet,
  papers: BatchPapers,
  passenger: PaperPassenger,
  places: SeatPlaces,
): { top: CardText[]; bottom: CardText[] } {
  const labels = BOARDING_CARD_LABELS[sheet.language];
  const language = sheet.language;
  // The office that issues the card (Settings' organisation name) heads it, with the batch.
  const organization = sheet.print.organization.trim();
  const top: CardText[] = [
    {
      text: organization === '' ? papers.batch.name : `${organization}\u3000${papers.batch.name}`,
      size: 7,
      colour: COLOURS.muted,
    },
    { text: passenger.name, size: 18, bold: true, before: 0.3, shrinkTo: 11 },
  ];
  papers.legs.forEach((leg, index) => {
    const place = places.get(leg.id)?.get(passenger.workerId);
    top.push({
      text: `${fill(labels.legNumbered, { n: index + 1 })} ${LEG_MODE_LABELS[language][leg.mode]} ${legRoute(leg, language)}`,
      size: 7,
      colour: COLOURS.muted,
      before: index === 0 ? 1.2 : 1,
    });
    top.push(
      place
        ? { text: placeLabel(place.vehicle, place.seat, language), size: 11.5, bold: true }
        : { text: COMMON_LABELS[language].notSeated, size: 11.5, bold: true, colour: COLOURS.alert },
    );
  });
  const bottom: CardText[] = [];
  const firstLeg = papers.legs[0];
  const assembly = passenger.assembly ?? (firstLeg ? { place: firstLeg.from, at: firstLeg.departureAt } : null);
  if (assembly) {
    bottom.push({
      text: fill(labels.assembly, { place: assembly.place, at: timetableMoment(assembly.at, language) }),
      size: 8,
      bold: true,
    });
  }
  const firstPlace = firstLeg ? places.get(firstLeg.id)?.get(passenger.workerId) : undefined;
  const escort = firstPlace?.vehicle.escort ?? papers.batch.escorts[0] ?? null;
  bottom.push({
    text: escort
      ? fill(labels.escort, { name: escort.name, phone: escort.phone })
      : fill(labels.escort, { name: COMMON_LABELS[language].none, phone: '' }).trimEnd(),
    size: 8,
    before: 0.3,
  });
  return { top, bottom };
}

/**
 * Both blocks at `scale`: the bottom one as low as the card allows, never over the top one.
 * Null when they do not fit.
 */
function fitCard(
  sheet: Sheet,
  texts: { top: CardText[]; bottom: CardText[] },
  box: { x: number; top: number; narrow: number; wide: number; qrBottom: number },
  cardBottom: number,
  scale: number,
): CardLine[] | null {
  const top = layout(sheet, texts.top, box, scale);
  const height = layout(sheet, texts.bottom, { ...box, top: box.qrBottom }, scale).bottom - box.qrBottom;
  const start = Math.max(top.bottom + 1.5 * scale, cardBottom - height);
  const bottom = layout(sheet, texts.bottom, { ...box, top: start }, scale);
  return bottom.bottom <= cardBottom + 0.01 ? [...top.lines, ...bottom.lines] : null;
}

function drawCard(
  sheet: Sheet,
  papers: BatchPapers,
  passenger: PaperPassenger,
  places: SeatPlaces,
  index: number,
): void {
  const labels = BOARDING_CARD_LABELS[sheet.language];
  const { x, y } = boardingCardFrame(index);
  const doc = sheet.doc;
  drawCutMarks(sheet, x, y);
  doc.setDrawColor(...COLOURS.rule);
  doc.setLineWidth(0.1);
  doc.rect(x, y, CARD_WIDTH, CARD_HEIGHT, 'S');
  doc.setFillColor(...COLOURS.heading);
  doc.rect(x, y, CARD_WIDTH, BAND_HEIGHT, 'F');
  const bandText = y + (BAND_HEIGHT - sheet.lineHeight(8.5)) / 2;
  sheet.line(labels.title, x + PADDING, bandText, { size: 8.5, bold: true });
  sheet.line(batchDate(papers, sheet.language), x + CARD_WIDTH - PADDING, bandText, {
    size: 8.5,
    bold: true,
    align: 'right',
  });

  const firstLeg = papers.legs[0];
  const seat = firstLeg ? (places.get(firstLeg.id)?.get(passenger.workerId)?.seat ?? '') : '';
  const qr = boardingCardQrFrame(index);
  drawQrCode(
    sheet,
    seatPayload({ batchId: papers.batch.id, workerId: passenger.workerId, legId: firstLeg?.id ?? '', seat }),
    qr.x,
    qr.y,
    qr.size,
  );
  sheet.line(labels.scan, qr.x + qr.size / 2, qr.y + qr.size - 0.8, {
    size: 5.5,
    colour: COLOURS.muted,
    align: 'center',
  });

  const left = x + PADDING;
  const box = {
    x: left,
    top: y + BAND_HEIGHT + 1.5,
    narrow: qr.x - 1.5 - left,
    wide: CARD_WIDTH - 2 * PADDING,
    qrBottom: qr.y + qr.size + 2,
  };
  const texts = cardTexts(sheet, papers, passenger, places);
  const cardBottom = y + CARD_HEIGHT - PADDING + 0.8;
  // Shrinks the text (down to half size) until it fits: a long route or a third leg must not be cut off.
  let lines: CardLine[] | null = null;
  for (let step = 0; lines === null && step <= 10; step += 1) {
    lines = fitCard(sheet, texts, box, cardBottom, 1 - step * 0.05);
  }
  for (const line of lines ?? layout(sheet, [...texts.top, ...texts.bottom], box, 0.5).lines) {
    sheet.line(line.text, line.x, line.y, { size: line.size, bold: line.bold, colour: line.colour });
  }
}

/**
 * Draws one boarding card per passenger of `papers`, eight to a new A4 portrait page of `sheet`.
 * A batch with no passengers gets one page that says there is no card to print.
 */
export async function drawBoardingCards(sheet: Sheet, papers: BatchPapers, options: DocumentOptions): Promise<void> {
  if (papers.passengers.length === 0) {
    throwIfAborted(options.signal);
    const labels = BOARDING_CARD_LABELS[sheet.language];
    const subtitle = `${papers.batch.name} · ${batchDate(papers, sheet.language)}`;
    const y = drawTitle(sheet, sheet.newPage('portrait'), labels.title, subtitle);
    sheet.paragraph(COMMON_LABELS[sheet.language].noPassengers, MARGIN, y + 4, sheet.contentWidth, {
      size: FONT_SIZE.heading,
      bold: true,
    });
    options.onProgress?.(1, 1);
    return;
  }
  const places = seatPlaces(papers);
  const pages = Math.max(1, Math.ceil(papers.passengers.length / CARDS_PER_PAGE));
  for (let page = 0; page < pages; page += 1) {
    throwIfAborted(options.signal);
    sheet.newPage('portrait');
    const first = page * CARDS_PER_PAGE;
    papers.passengers.slice(first, first + CARDS_PER_PAGE).forEach((passenger, slot) => {
      drawCard(sheet, papers, passenger, places, first + slot);
    });
    options.onProgress?.(page + 1, pages);
    await nextTurn();
  }
  throwIfAborted(options.signal);
}
