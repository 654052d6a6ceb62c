import { describe, expect, it } from 'vitest';
import { maskPhone, maskResidentId } from '@shared/domain/masking';
import {
  CARDS_PER_PAGE,
  boardingCardFrame,
  boardingCardQrFrame,
  drawBoardingCards,
} from '@shared/documents/boarding-cards';
import { parseSeatPayload, seatPayload } from '@shared/documents/digest';
import type { BatchPapers, PrintContext } from '@shared/documents/model';
import { Sheet } from '@shared/documents/sheet';
import {
  RARE_NAMES,
  chineseNotFromData,
  decodeQrInRegions,
  documentFonts,
  makePapers,
  makePrintContext,
  pdfLines,
  pdfTextItems,
} from '../../fixtures/documents';
import { lineWith } from '../../fixtures/pdf-text';

async function cards(papers: BatchPapers, print: Partial<PrintContext> = {}): Promise<Uint8Array> {
  const sheet = new Sheet(documentFonts(), makePrintContext(print));
  await drawBoardingCards(sheet, papers, {});
  return sheet.finish();
}

describe('boarding cards', () => {
  it('puts eight cards on a page: 30 passengers take 4 pages, numbered', async () => {
    const papers = makePapers({ passengers: 30 });
    const pages = await pdfLines(await cards(papers));
    expect(pages).toHaveLength(4);
    pages.forEach((lines, page) => {
      expect(lines.at(-1)).toMatch(new RegExp(`第 ${page + 1} 页 / 共 4 页$`));
      const text = lines.join('\n');
      papers.passengers.forEach((passenger, index) => {
        if (Math.floor(index / CARDS_PER_PAGE) === page) expect(text).toContain(passenger.name);
      });
    });
    expect(pages[3]?.join('\n')).not.toContain(papers.passengers[23]?.name);
  });

  it('shows the seat on every leg, the batch, date, assembly point and time, and the escort’s phone in full', async () => {
    const papers = makePapers({ passengers: 8, perCoach: 4 });
    const lines = (await pdfLines(await cards(papers)))[0] ?? [];
    // Cards stand side by side, so a line holds the same line of two cards.
    expect(lines).toContain('李䶮 王堃');
    expect(lines).toContain('第1段 汽车 田东县汽车站 → 南宁东站 第1段 汽车 田东县汽车站 → 南宁东站');
    expect(lines).toContain('桂L12345 2号座 桂L12345 3号座');
    expect(lines).toContain('05车01A 05车01B');
    expect(lines).toContain('桂L12346 2号座 桂L12346 3号座');
    expect(lineWith(lines, '点对点专列乘车卡')).toBe('点对点专列乘车卡 2026年2月18日 点对点专列乘车卡 2026年2月18日');
    // The office that issues the cards heads each, with the batch.
    expect(lineWith(lines, '田东县人社局')).toBe(
      '田东县人社局 田东县2026年春风行动第一批 田东县人社局 田东县2026年春风行动第一批',
    );
    expect(lineWith(lines, '集合：田东县汽车站')).toContain('2026年2月18日 06:30');
    // Cards stand side by side: the escort line of both.
    expect(lineWith(lines, '随车人员：')).toBe('随车人员：韦志强 13907760001 随车人员：韦志强 13907760001');
  });

  it('falls back to the first leg’s departure and the batch’s first escort', async () => {
    const papers = makePapers({ passengers: 2 });
    for (const passenger of papers.passengers) passenger.assembly = null;
    for (const vehicle of papers.legs[0]?.vehicles ?? []) vehicle.escort = null;
    papers.batch.escorts = [{ id: 's-9', name: '农德胜', phone: '13977600099' }];
    const lines = (await pdfLines(await cards(papers)))[0] ?? [];
    expect(lines).toContain('集合：田东县汽车站 2026年2月18日 07:00 集合：田东县汽车站 2026年2月18日 07:00');
    expect(lineWith(lines, '随车人员：')).toBe('随车人员：农德胜 13977600099 随车人员：农德胜 13977600099');
  });

  it('carries no passenger’s ID or phone, masked or not', async () => {
    const papers = makePapers({ passengers: 10 });
    for (const fullNumbers of [false, true]) {
      const text = (await pdfLines(await cards(papers, { fullNumbers }))).flat().join('\n');
      for (const passenger of papers.passengers) {
        for (const number of [
          passenger.residentId,
          maskResidentId(passenger.residentId),
          passenger.phone,
          maskPhone(passenger.phone),
        ]) {
          expect(text).not.toContain(number);
        }
      }
    }
  });

  it('prints rare characters as themselves', async () => {
    const papers = makePapers({ passengers: RARE_NAMES.length });
    const text = (await pdfLines(await cards(papers))).flat().join('\n');
    for (const name of RARE_NAMES) expect(text).toContain(name);
  });

  it('gives each card a QR code with its passenger’s seat reference on the first leg', async () => {
    const papers = makePapers({ passengers: 11 });
    const bytes = await cards(papers);
    const frames = (indexes: number[]) =>
      indexes.map((index) => {
        const qr = boardingCardQrFrame(index);
        return { x: qr.x - 1.5, y: qr.y - 1.5, width: qr.size + 3, height: qr.size + 3 };
      });
    const firstPage = decodeQrInRegions(bytes, 1, frames([0, 1, 2, 3, 4, 5, 6, 7]));
    const secondPage = decodeQrInRegions(bytes, 2, frames([8, 9, 10]));
    const expected = papers.passengers.map((passenger, index) =>
      seatPayload({
        batchId: papers.batch.id,
        workerId: passenger.workerId,
        legId: 'leg-1',
        seat: String(index + 2),
      }),
    );
    expect([...firstPage, ...secondPage]).toEqual(expected);
    expect(parseSeatPayload(firstPage[3] ?? '')).toEqual({
      batchId: papers.batch.id,
      workerId: 'w-00004',
      legId: 'leg-1',
      seat: '5',
    });
  });

  it('keeps a long name, a third leg and long station names inside the card', async () => {
    const papers = makePapers({ passengers: 2 });
    const first = papers.passengers[0];
    if (!first) throw new Error('two passengers');
    first.name = '阿依古丽·买买提江·艾尔肯';
    const train = papers.legs[1];
    if (!train) throw new Error('two legs');
    train.to = '深圳北站（广深港高铁深圳北站东广场出站口）';
    papers.legs.push({
      id: 'leg-3',
      mode: 'coach',
      from: '深圳北站东广场',
      to: '深圳市华星光电半导体显示技术有限公司光明厂区员工宿舍',
      departureAt: '2026-02-18T16:00:00.000+08:00',
      vehicles: [
        {
          id: 'shuttle-1',
          kind: 'coach',
          label: '粤B·D12345',
          seatCount: 45,
          escort: null,
          seats: papers.passengers.map((passenger, index) => ({
            workerId: passenger.workerId,
            seat: String(index + 1),
          })),
        },
      ],
      unseated: [],
    });
    const bytes = await cards(papers);
    const lines = (await pdfLines(bytes))[0] ?? [];
    const text = lines.join('');
    expect(lines.join('\n')).toContain('阿依古丽·买买提江·艾尔肯');
    for (const seat of [
      '桂L12345 2号座',
      '05车01A',
      '粤B·D12345 1号座',
      '桂L12345 3号座',
      '05车01B',
      '粤B·D12345 2号座',
    ]) {
      expect(text).toContain(seat);
    }
    expect(text.replace(/\s/g, '')).toContain('深圳市华星光电半导体显示技术有限公司光明厂区员工宿舍');
    expect(lines.join('\n')).toContain('随车人员：韦志强 13907760001');
    // Every run of text stands inside its card (the footer aside).
    const cardsOnPage = [0, 1].map(boardingCardFrame);
    for (const item of await pdfTextItems(bytes)) {
      if (item.y > 270) continue;
      const inside = cardsOnPage.some(
        (card) =>
          item.x >= card.x &&
          item.x + item.width <= card.x + card.width + 0.01 &&
          item.y > card.y &&
          item.y <= card.y + card.height,
      );
      expect(inside, `${item.text} at ${item.x.toFixed(1)}, ${item.y.toFixed(1)}`).toBe(true);
      // Nor does it run into the QR code beside it.
      const qr = [0, 1]
        .map(boardingCardQrFrame)
        .find((frame) => item.x < frame.x + frame.size && item.x + item.width > frame.x);
      if (qr) expect(item.y <= qr.y || item.y > qr.y + qr.size, `${item.text} overlaps the QR code`).toBe(true);
    }
  });

  it('prints in English, with no Chinese but the data', async () => {
    const papers = makePapers({ passengers: 4 });
    const print = makePrintContext({ language: 'en' });
    const sheet = new Sheet(documentFonts(), print);
    await drawBoardingCards(sheet, papers, {});
    const lines = (await pdfLines(sheet.finish())).flat();
    expect(lineWith(lines, 'Boarding card')).toBe('Boarding card Feb 18, 2026 Boarding card Feb 18, 2026');
    expect(lines).toContain('Car 05 Seat 01A Car 05 Seat 01B');
    expect(lineWith(lines, 'Escort:')).toBe('Escort: 韦志强 13907760001 Escort: 韦志强 13907760001');
    expect(lineWith(lines, 'Assemble at')).toBe(
      'Assemble at 田东县汽车站, Feb 18, 2026 06:30 Assemble at 田东县汽车站, Feb 18, 2026 06:30',
    );
    expect(chineseNotFromData(lines.join('\n'), papers, print)).toEqual([]);
  });

  it('prints one page that says there is no card to print for a batch with no passengers', async () => {
    const papers = makePapers({ passengers: 0 });
    const pages = await pdfLines(await cards(papers));
    expect(pages).toHaveLength(1);
    expect(lineWith(pages[0] ?? [], '没有')).toBe('本批次还没有乘客，没有可打印的内容。');
    expect(lineWith(pages[0] ?? [], papers.batch.name)).toBe(`${papers.batch.name} · 2026年2月18日`);
    const english = await pdfLines(await cards(papers, { language: 'en' }));
    expect(lineWith(english[0] ?? [], 'no passengers')).toBe(
      'This batch has no passengers yet: there is nothing to print.',
    );
  });
});
