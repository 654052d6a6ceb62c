import { describe, expect, it } from 'vitest';
import { maskPhone, maskResidentId } from '@shared/domain/masking';
import { drawHandover } from '@shared/documents/handover';
import type { HandoverOptions } from '@shared/documents/handover';
import type { BatchPapers, PaperPassenger, PrintContext } from '@shared/documents/model';
import { Sheet } from '@shared/documents/sheet';
import { startsWithClosingPunctuation } from '@shared/documents/wrap';
import { seatLabel } from '@shared/seating/label';
import {
  RARE_NAMES,
  chineseNotFromData,
  documentFonts,
  makePapers,
  makePrintContext,
  pdfLines,
} from '../../fixtures/documents';
import { lineWith } from '../../fixtures/pdf-text';

async function handover(
  papers: BatchPapers,
  options: Partial<HandoverOptions> = {},
  print: Partial<PrintContext> = {},
): Promise<string[][]> {
  const sheet = new Sheet(documentFonts(), makePrintContext(print));
  await drawHandover(sheet, papers, options);
  return pdfLines(sheet.finish());
}

/** The passenger's seat on the last leg, as the sheet should print it. */
function lastLegSeat(papers: BatchPapers, passenger: PaperPassenger): string {
  for (const vehicle of papers.legs.at(-1)?.vehicles ?? []) {
    const seat = vehicle.seats.find((candidate) => candidate.workerId === passenger.workerId);
    if (seat) return seatLabel(vehicle, seat.seat, 'zh-CN');
  }
  throw new Error(`${passenger.name} has no seat on the last leg`);
}

describe('handover sheet', () => {
  it('gives each enterprise its own pages, with its passengers, masked numbers and arrival seats', async () => {
    const papers = makePapers({ passengers: 30 });
    const pages = await handover(papers);
    expect(pages).toHaveLength(2);
    for (const [index, enterprise] of papers.enterprises.entries()) {
      const lines = pages[index] ?? [];
      const own = papers.passengers.filter((passenger) => passenger.enterpriseId === enterprise.id);
      expect(lines).toContain(`交接单 · ${enterprise.name} · 共 ${own.length} 人`);
      expect(lineWith(lines, '企业联系人')).toContain(`${enterprise.contactName} ${enterprise.contactPhone}`);
      own.forEach((passenger) => {
        const row = lineWith(lines, ` ${passenger.name} `);
        expect(row).toMatch(
          new RegExp(
            `^\\d+ ${passenger.name} [男女] ${maskResidentId(passenger.residentId).replaceAll('*', '\\*')} ` +
              `${maskPhone(passenger.phone).replaceAll('*', '\\*')} ${lastLegSeat(papers, passenger)}$`,
          ),
        );
      });
      const others = papers.passengers.filter((passenger) => passenger.enterpriseId !== enterprise.id);
      for (const passenger of others) expect(lines.join('\n')).not.toContain(passenger.name);
      expect(lineWith(lines, '交接人数')).toMatch(new RegExp(`^交接人数：共 ${own.length} 人`));
    }
  });

  it('numbers rows in the order people leave the arriving vehicle', async () => {
    const papers = makePapers({ passengers: 10 });
    const lines = (await handover(papers, { enterpriseId: 'e-1' })).flat();
    const seats = lines.filter((line) => /^\d+ /.test(line)).map((line) => line.split(' ').at(-1));
    expect(seats).toEqual(['05车01A', '05车01C', '05车01F', '05车02B', '05车02D']);
    expect(lines.filter((line) => /^\d+ /.test(line)).map((line) => line.split(' ')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('never prints a passenger’s full ID or phone unless full numbers were chosen', async () => {
    const papers = makePapers({ passengers: 20 });
    const masked = (await handover(papers)).flat().join('\n');
    for (const passenger of papers.passengers) {
      expect(masked).not.toContain(passenger.residentId);
      expect(masked).not.toContain(passenger.phone);
    }
    expect(masked).toContain('身份证号、电话已遮挡');

    const full = (await handover(papers, {}, { fullNumbers: true })).flat().join('\n');
    for (const passenger of papers.passengers) {
      expect(full).toContain(passenger.residentId);
      expect(full).toContain(passenger.phone);
    }
  });

  it('has signature, date and time lines for the escort and the enterprise contact', async () => {
    const lines = (await handover(makePapers({ passengers: 4 }), { enterpriseId: 'e-2' })).flat();
    expect(lines).toContain('移交方（随车人员） 接收方（企业联系人）');
    expect(lines).toContain('签字： 签字：');
    expect(lines).toContain('日期：______年____月____日 日期：______年____月____日');
    expect(lines).toContain('时间：______时______分 时间：______时______分');
    expect(lineWith(lines, '随车人员 陆文军')).toContain('13907760002');
  });

  it('prints rare characters as themselves', async () => {
    const papers = makePapers({ passengers: RARE_NAMES.length });
    const text = (await handover(papers)).flat().join('\n');
    for (const name of RARE_NAMES) expect(text).toContain(name);
  });

  it('numbers pages across a long sheet, and says on each page whose sheet it is', async () => {
    const papers = makePapers({ passengers: 40 });
    for (const passenger of papers.passengers) passenger.enterpriseId = 'e-1';
    const pages = await handover(papers);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((lines, index) => {
      expect(lines.at(-1)).toMatch(new RegExp(`第 ${index + 1} 页 / 共 ${pages.length} 页$`));
      expect(lines).toContain(`交接单 · ${papers.enterprises[0]?.name ?? ''} · 共 40 人`);
    });
    const rows = pages.flat().filter((line) => /^\d+ /.test(line));
    expect(rows).toHaveLength(40);
    expect(rows.at(-1)).toMatch(/^40 /);
  });

  it('wraps a long enterprise name inside its cell, never starting a line with closing punctuation', async () => {
    const papers = makePapers({ passengers: 4 });
    const name =
      '广西壮族自治区百色市田东县（深圳光明）电子信息产业园，华星光电配套企业：员工宿舍、食堂、培训中心（一期）';
    const first = papers.enterprises[0];
    if (!first) throw new Error('the fixture has two enterprises');
    first.name = name;
    const lines = (await handover(papers, { enterpriseId: 'e-1' }))[0] ?? [];
    for (const line of lines) expect(startsWithClosingPunctuation(line), line).toBe(false);
    // The name's lines, read top to bottom, once the labels and the next cell that share them are taken out.
    const head = lines.slice(
      0,
      lines.findIndex((line) => line.startsWith('企业联系人')),
    );
    const nameLines = head
      .slice(2)
      .map((line) => line.replace(/^接收企业 ?/, '').replace(/ ?交接地点 光明区华星路9号$/, ''));
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.join('')).toBe(name);
  });

  it('leaves out passengers with no enterprise, and prints an enterprise with none without breaking', async () => {
    const papers = makePapers({ passengers: 6 });
    const homeless = papers.passengers[1];
    if (!homeless) throw new Error('the fixture has six passengers');
    homeless.enterpriseId = null;
    const text = (await handover(papers)).flat().join('\n');
    expect(text).not.toContain(homeless.name);

    papers.enterprises.push({
      id: 'e-3',
      name: '百色市某新材料有限公司',
      contactName: '',
      contactPhone: '',
      handoverPoint: '',
      address: '',
    });
    const empty = (await handover(papers, { enterpriseId: 'e-3' })).flat();
    expect(empty).toContain('本批次没有分配到该企业的乘客。');
    expect(lineWith(empty, '交接人数')).toMatch(/^交接人数：共 0 人/);
    expect(lineWith(empty, '企业联系人')).toContain('无');
    expect(lineWith(empty, '第 1 页 / 共')).toMatch(/^打印时间 .+ · 操作员 黄丽华 第 1 页 \/ 共 1 页$/);

    for (const passenger of papers.passengers) passenger.enterpriseId = null;
    const none = await handover(papers);
    expect(none).toHaveLength(1);
    expect(none[0]).toContain('本批次没有需要交接给接收企业的乘客。');

    await expect(handover(papers, { enterpriseId: 'e-404' })).rejects.toBeInstanceOf(RangeError);
  });

  it('prints in English, with no Chinese but the data', async () => {
    const papers = makePapers({ passengers: 8 });
    const print = makePrintContext({ language: 'en' });
    const sheet = new Sheet(documentFonts(), print);
    await drawHandover(sheet, papers, {});
    const lines = (await pdfLines(sheet.finish())).flat();
    expect(lines).toContain('Handover sheet');
    expect(lineWith(lines, 'No. Name')).toBe('No. Name Sex Resident ID Phone Seat (arrival) Remarks');
    expect(lineWith(lines, '李䶮')).toMatch(/ F 451022\*{8}\d{3}[\dX] 139\*{4}\d{4} Car 05 Seat 01A$/);
    expect(lineWith(lines, 'Handed over: 4 passengers')).toContain('(');
    expect(lines).toContain('Handed over by (escort) Received by (enterprise contact)');
    expect(chineseNotFromData(lines.join('\n'), papers, print)).toEqual([]);
  });

  it('reports progress per enterprise and stops when cancelled', async () => {
    const papers = makePapers({ passengers: 6 });
    const controller = new AbortController();
    const progress: string[] = [];
    const sheet = new Sheet(documentFonts(), makePrintContext());
    await expect(
      drawHandover(sheet, papers, {
        signal: controller.signal,
        onProgress: (done, total) => {
          progress.push(`${done}/${total}`);
          controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual(['1/2']);
  });

  it('never leaves the count and the signatures alone, or with one or two rows, on a page of their own', async () => {
    const oneEnterprise = (count: number): BatchPapers => {
      const papers = makePapers({ passengers: count });
      for (const passenger of papers.passengers) passenger.enterpriseId = 'e-1';
      return papers;
    };
    const rowsOn = (lines: readonly string[]) => lines.filter((line) => /^\d+ [^\d\s]/.test(line));
    // How many rows the first page holds: a list as long, or one row longer, used to leave the
    // signatures alone, or with one row, on the next page.
    const rowsOnFirstPage = rowsOn((await handover(oneEnterprise(60)))[0] ?? []).length;
    expect(rowsOnFirstPage).toBeGreaterThan(5);
    for (const count of [rowsOnFirstPage, rowsOnFirstPage + 1]) {
      const pages = await handover(oneEnterprise(count));
      const signed = pages.filter((lines) => lines.some((line) => line.includes('移交方（随车人员）')));
      expect(signed, `${count} passengers`).toHaveLength(1);
      expect(rowsOn(signed[0] ?? []).length, `${count} passengers`).toBeGreaterThanOrEqual(3);
      expect(lineWith(signed[0] ?? [], '交接人数')).toContain(`共 ${count} 人`);
      const sequence = pages.flatMap(rowsOn).map((line) => Number(line.split(' ')[0]));
      expect(sequence).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    }
  });
});
