import { describe, expect, it } from 'vitest';
import { maskPhone, maskResidentId } from '@shared/domain/masking';
import { drawManifest, sectionTotals } from '@shared/documents/manifest';
import type { BatchPapers, DocumentOptions, PrintContext } from '@shared/documents/model';
import { Sheet } from '@shared/documents/sheet';
import { startsWithClosingPunctuation } from '@shared/documents/wrap';
import { RARE_NAMES, documentFonts, makePapers, makePrintContext, pdfLines } from '../../fixtures/documents';
import { lineWith } from '../../fixtures/pdf-text';

async function manifest(
  papers: BatchPapers,
  print: Partial<PrintContext> = {},
  options: DocumentOptions = {},
): Promise<string[][]> {
  const sheet = new Sheet(documentFonts(), makePrintContext(print));
  await drawManifest(sheet, papers, options);
  return pdfLines(sheet.finish());
}

/** The pages of the section whose header (under the organisation's line) names `vehicleLabel`. */
function sectionPages(pages: string[][], vehicleLabel: string): string[][] {
  return pages.filter((lines) => lines.slice(0, 2).some((line) => line.includes(vehicleLabel)));
}

describe('the passenger manifest', () => {
  it('lists each vehicle’s passengers in seat order with name, masked ID, phone and seat on one row', async () => {
    const papers = makePapers({ passengers: 12, perCoach: 6 });
    const pages = await manifest(papers);
    const coach = papers.legs[0]?.vehicles[0];
    if (!coach) throw new Error('fixture has no coach');
    const [page] = sectionPages(pages, coach.label);
    expect(page).toBeDefined();
    coach.seats.forEach(({ workerId, seat }, index) => {
      const passenger = papers.passengers.find((candidate) => candidate.workerId === workerId);
      if (!passenger) throw new Error(workerId);
      const row = page?.find(
        (line) => line.includes(maskResidentId(passenger.residentId)) && line.includes(passenger.name),
      );
      expect(row, passenger.name).toBeDefined();
      expect(row).toMatch(new RegExp(`^${String(index + 1)} `));
      expect(row).toContain(`${seat}号座`);
      expect(row).toContain(maskPhone(passenger.phone));
    });
  });

  it('prints no passenger’s full ID or phone unless full numbers were chosen, and says which version it is', async () => {
    const papers = makePapers({ passengers: 20 });
    const masked = (await manifest(papers)).flat().join('\n');
    for (const passenger of papers.passengers) {
      expect(masked).not.toContain(passenger.residentId);
      expect(masked).not.toContain(passenger.phone);
    }
    // The footer says exactly whose numbers are masked: staff numbers elsewhere print in full.
    expect(masked).toContain('乘客的身份证号、电话已遮挡');
    const full = (await manifest(papers, { fullNumbers: true, operator: '黄丽华' })).flat().join('\n');
    for (const passenger of papers.passengers) {
      expect(full).toContain(passenger.residentId);
      expect(full).toContain(passenger.phone);
    }
    expect(full).toMatch(/完整号码版本，由 黄丽华 于 .+ 打印/);
  });

  it('numbers every page “page x of y” with the right total', async () => {
    const pages = await manifest(makePapers({ passengers: 70, perCoach: 45 }));
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((lines, index) => {
      expect(lines.at(-1)).toContain(`第 ${String(index + 1)} 页 / 共 ${String(pages.length)} 页`);
    });
  });

  it('puts the vehicle’s totals in the footer of each of its pages', async () => {
    const papers = makePapers({ passengers: 70, perCoach: 45 });
    const pages = await manifest(papers);
    const coach = papers.legs[0]?.vehicles[0];
    if (!coach) throw new Error('fixture has no coach');
    const riders = coach.seats.flatMap(({ workerId }) => papers.passengers.filter((p) => p.workerId === workerId));
    const totals = sectionTotals(riders);
    expect(totals.count).toBe(45);
    const share = `${((totals.poor / totals.count) * 100).toFixed(1)}%`;
    const expected = `本车合计：乘客 45 人，男 ${String(totals.men)} 人，女 ${String(totals.women)} 人，建档立卡 ${String(totals.poor)} 人（${share}）`;
    const coachPages = sectionPages(pages, coach.label);
    expect(coachPages.length).toBeGreaterThan(1);
    for (const lines of coachPages) expect(lines).toContain(expected);
  });

  it('has signature lines for escort, driver or conductor and medic on the last page of each vehicle only', async () => {
    const papers = makePapers({ passengers: 70, perCoach: 45 });
    const pages = await manifest(papers);
    const coachPages = sectionPages(pages, papers.legs[0]?.vehicles[0]?.label ?? '?');
    const signed = (lines: string[]) => lines.some((line) => line.includes('随车人员签字'));
    expect(coachPages.map(signed)).toEqual([...coachPages.slice(1).map(() => false), true]);
    expect(coachPages.at(-1)?.join('\n')).toContain('司机签字');
    const carriagePages = pages.filter((lines) => lines.join('\n').includes('列车员签字'));
    expect(carriagePages.length).toBe(papers.legs[1]?.vehicles.length);
  });

  it('prints rare characters, Extension B included, as themselves', async () => {
    const text = (await manifest(makePapers({ passengers: 10 }))).flat().join('\n');
    for (const name of RARE_NAMES) expect(text).toContain(name);
  });

  it('wraps long enterprise names inside their cell without starting a line with closing punctuation', async () => {
    const papers = makePapers({ passengers: 6 });
    const pages = await manifest(papers);
    const pieces = pages.flat().flatMap((line) => line.split(' '));
    expect(pieces.some((piece) => piece.startsWith('深圳市华星光电'))).toBe(true);
    expect(pieces.some((piece) => piece.endsWith('宿舍') || piece === '舍')).toBe(true);
    expect(pieces.filter(startsWithClosingPunctuation)).toEqual([]);
    // The name's words are all there, in order, across the lines of the cell.
    expect(pages.flat().join('').replace(/\s/g, '')).toContain('（光明厂区），员工宿');
  });

  it('heads every section with the organisation from Settings', async () => {
    const papers = makePapers({ passengers: 12, perCoach: 6 });
    const pages = await manifest(papers, { organization: '百色市田东县人力资源和社会保障局' });
    const firstPages = pages.filter((lines) => lines.some((line) => line.startsWith('乘客名单')));
    expect(firstPages.length).toBeGreaterThan(1);
    for (const lines of firstPages) expect(lines[0]).toBe('百色市田东县人力资源和社会保障局');
  });

  it('prints no poverty status by default, and prints it in a column of its own when chosen', async () => {
    const papers = makePapers({ passengers: 6 });
    const poor = papers.passengers.filter((passenger) => passenger.povertyStatus === 'registered-poor');
    expect(poor.length).toBeGreaterThan(0);
    const byDefault = await manifest(papers);
    const rows = byDefault.flat().filter((line) => poor.some((passenger) => line.includes(passenger.name)));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).not.toContain('建档立卡');
    const chosen = await manifest(papers, {}, { manifestColumns: ['name', 'povertyStatus', 'remarks'] });
    expect(chosen[0]).toContain('姓名 帮扶类别 备注');
    for (const passenger of poor) expect(chosen.flat()).toContain(`${passenger.name} 建档立卡贫困户`);
  });

  it('prints the columns chosen in settings, in their order, and always the name', async () => {
    const papers = makePapers({ passengers: 4 });
    const pages = await manifest(papers, {}, { manifestColumns: ['seat', 'residentId'] });
    const header = pages[0]?.find((line) => line.includes('身份证号'));
    expect(header).toBe('姓名 座位 身份证号');
    expect(pages.flat().join('\n')).not.toContain('联系电话');
  });

  it('lists the passengers who have no seat on a leg yet in a section of their own', async () => {
    const papers = makePapers({ passengers: 5 });
    const [leg] = papers.legs;
    if (!leg) throw new Error('no leg');
    const lateComer = papers.passengers[4];
    if (!lateComer) throw new Error('no passenger');
    for (const vehicle of leg.vehicles) vehicle.seats = vehicle.seats.filter((s) => s.workerId !== lateComer.workerId);
    leg.unseated = [lateComer.workerId];
    const pages = await manifest(papers);
    const unseated = pages.find((lines) => lines.slice(0, 2).some((line) => line.includes('未安排座位的乘客')));
    expect(unseated?.some((line) => line.includes(lateComer.name) && line.includes('—'))).toBe(true);
    expect(unseated?.join('\n')).toContain('未安排座位：1 人');
  });

  it('speaks English when printed in English', async () => {
    const pages = await manifest(makePapers({ passengers: 4 }), { language: 'en' });
    const text = pages.flat().join('\n');
    expect(text).toContain('Passenger manifest');
    expect(text).toContain('Resident ID');
    expect(text).toContain('Car 05 Seat 01A');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('ID numbers and phones masked');
  });

  it('stops with an AbortError when cancelled, and reports progress up to the total', async () => {
    const controller = new AbortController();
    controller.abort();
    const sheet = new Sheet(documentFonts(), makePrintContext());
    await expect(drawManifest(sheet, makePapers({ passengers: 4 }), { signal: controller.signal })).rejects.toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
    const progress: [number, number][] = [];
    await drawManifest(new Sheet(documentFonts(), makePrintContext()), makePapers({ passengers: 8 }), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress.at(-1)).toEqual([16, 16]);
  });
});

/** The passengers' rows on a page: lines that start with a sequence number and a name. */
function rowsOn(lines: readonly string[]): string[] {
  return lines.filter((line) => /^\d+ [^\d\s]/.test(line));
}

/** Papers with one coach of `count` passengers on one leg: its list is the whole manifest. */
function oneCoach(count: number): BatchPapers {
  const papers = makePapers({ passengers: count, perCoach: count });
  papers.legs = papers.legs.slice(0, 1);
  return papers;
}

describe('the manifest’s pages', () => {
  it('names the batch, the leg and the vehicle on every page, continuation pages marked with the vehicle’s page x of y', async () => {
    const papers = makePapers({ passengers: 70, perCoach: 45 });
    const pages = await manifest(papers);
    const sections = papers.legs.flatMap((leg) =>
      leg.vehicles.map((vehicle) => ({
        leg: `${leg.from} → ${leg.to}`,
        vehicle: `车辆：${vehicle.label}（${vehicle.seatCount} 座）`,
      })),
    );
    expect(pages.length).toBeGreaterThan(sections.length);
    pages.forEach((lines, index) => {
      // Read as one text: a long header wraps, and the reader hears it whole.
      const text = lines.join('');
      expect(text, `page ${index + 1}`).toContain(papers.batch.name);
      const named = sections.filter((section) => text.includes(section.leg) && text.includes(section.vehicle));
      expect(named, `page ${index + 1}:\n${lines.join('\n')}`).toHaveLength(1);
    });
    const coach = papers.legs[0]?.vehicles[0];
    if (!coach) throw new Error('fixture has no coach');
    const coachPages = pages.filter((lines) => lines.join('').includes(`车辆：${coach.label}（`));
    expect(coachPages.length).toBeGreaterThan(1);
    coachPages.forEach((lines, index) => {
      expect(lineWith(lines, '本车第')).toContain(`本车第 ${index + 1} 页 / 共 ${coachPages.length} 页`);
      if (index > 0) expect(lineWith(lines, '乘客名单（续）')).toContain(coach.label);
      // The table's header is repeated under the running header.
      expect(lineWith(lines, '序号', '姓名')).toContain('身份证号');
    });
  });

  it('never leaves the signatures alone, or with one or two rows, on a page of their own', async () => {
    // How many rows the first page holds: a list one or two rows longer used to spill them, or
    // the signatures alone, onto a second page.
    const rowsOnFirstPage = rowsOn((await manifest(oneCoach(60)))[0] ?? []).length;
    expect(rowsOnFirstPage).toBeGreaterThan(5);
    for (const count of [rowsOnFirstPage, rowsOnFirstPage + 1]) {
      const pages = await manifest(oneCoach(count));
      const signed = pages.filter((lines) => lines.some((line) => line.includes('随车人员签字')));
      expect(signed, `${count} passengers`).toHaveLength(1);
      expect(rowsOn(signed[0] ?? []).length, `${count} passengers`).toBeGreaterThanOrEqual(3);
      // Every passenger is still listed once, in order.
      const sequence = pages.flatMap(rowsOn).map((line) => Number(line.split(' ')[0]));
      expect(sequence).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    }
  });

  it('gives a vehicle with no passengers no page, and names it under its leg', async () => {
    const papers = makePapers({ passengers: 10, perCoach: 10 });
    papers.legs[0]?.vehicles.push({
      id: 'coach-empty',
      kind: 'coach',
      label: '桂L99999',
      seatCount: 49,
      escort: null,
      seats: [],
    });
    const pages = await manifest(papers);
    // One page for the coach with passengers, one for the carriage: none for the empty coach.
    expect(pages).toHaveLength(2);
    expect(pages.filter((lines) => lines.join('\n').includes('桂L99999'))).toHaveLength(1);
    expect(lineWith(pages[0] ?? [], '桂L99999')).toBe('本段无乘客的车辆（不另列名单）：桂L99999');
    const english = await manifest(papers, { language: 'en' });
    expect(english).toHaveLength(2);
    expect(lineWith(english[0] ?? [], '桂L99999')).toBe('No passengers on this leg, so no list: 桂L99999');
  });

  it('says there is nobody to list for a batch with no passengers, on one page', async () => {
    const papers = makePapers({ passengers: 0 });
    papers.legs[0]?.vehicles.push({
      id: 'coach-1',
      kind: 'coach',
      label: '桂L12345',
      seatCount: 49,
      escort: null,
      seats: [],
    });
    const pages = await manifest(papers);
    expect(pages).toHaveLength(1);
    expect(lineWith(pages[0] ?? [], '没有')).toBe('本批次还没有乘客，没有可打印的乘客名单。');
    expect(lineWith(pages[0] ?? [], '线路')).toContain(papers.batch.name);
  });
});
