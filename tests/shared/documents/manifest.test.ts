import { describe, expect, it } from 'vitest';
import { maskPhone, maskResidentId } from '@shared/domain/masking';
import { drawManifest, sectionTotals } from '@shared/documents/manifest';
import type { BatchPapers, DocumentOptions, PrintContext } from '@shared/documents/model';
import { Sheet } from '@shared/documents/sheet';
import { startsWithClosingPunctuation } from '@shared/documents/wrap';
import { RARE_NAMES, documentFonts, makePapers, makePrintContext, pdfLines } from '../../fixtures/documents';

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
