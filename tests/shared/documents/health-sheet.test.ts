import { describe, expect, it } from 'vitest';
import { formatShortTimestamp } from '@shared/dates';
import { maskResidentId } from '@shared/domain/masking';
import { drawHealthSheet } from '@shared/documents/health-sheet';
import type { BatchPapers, PrintContext } from '@shared/documents/model';
import { Sheet } from '@shared/documents/sheet';
import {
  RARE_NAMES,
  chineseNotFromData,
  documentFonts,
  makePapers,
  makePrintContext,
  pdfLines,
} from '../../fixtures/documents';
import { lineWith } from '../../fixtures/pdf-text';

async function healthSheet(
  papers: BatchPapers,
  filled: boolean,
  print: Partial<PrintContext> = {},
): Promise<string[][]> {
  const sheet = new Sheet(documentFonts(), makePrintContext(print));
  await drawHealthSheet(sheet, papers, { filled });
  return pdfLines(sheet.finish());
}

function escape(text: string): string {
  return text.replace(/[*+?^${}()|[\]\\.]/g, '\\$&');
}

/** The row of the passenger at `index`: sequence, name, gender, age, masked ID, first-leg seat, then the rest. */
function row(lines: readonly string[], papers: BatchPapers, index: number): string {
  const passenger = papers.passengers[index];
  if (!passenger) throw new Error(`no passenger ${index}`);
  return lineWith(lines, ` ${passenger.name} `);
}

describe('health-check sheet', () => {
  it('lists every passenger by first-leg vehicle and seat, with tall blank rows and hints to circle', async () => {
    const papers = makePapers({ passengers: 30, perCoach: 20 });
    const pages = await healthSheet(papers, false);
    const lines = pages.flat();
    expect(lines).toContain('桂L12345 · 20 人 · 随车人员 韦志强 13907760001');
    expect(lines).toContain('桂L12346 · 10 人 · 随车人员 韦志强 13907760001');
    papers.passengers.forEach((passenger, index) => {
      const seat = index < 20 ? `桂L12345 ${index + 2}号座` : `桂L12346 ${index - 18}号座`;
      expect(row(lines, papers, index)).toMatch(
        new RegExp(
          `^${index + 1} ${escape(passenger.name)} [男女] ${passenger.age} ${escape(maskResidentId(passenger.residentId))} ${seat}`,
        ),
      );
    });
    expect(lines.filter((line) => line === '°C 绿 黄 红 无 有 合格 不合格 复测 :')).toHaveLength(30);
    expect(lines.join('\n')).not.toContain('36.5');
    expect(lineWith(lines, '应检 30 人')).toBe(
      '应检 30 人，实检 ______ 人，合格 ______ 人，不合格 ______ 人，待复测 ______ 人',
    );
    expect(lineWith(lines, '检查医生签字')).toContain('日期：');
    expect(lineWith(lines, '医务人员')).toContain('罗医生 13907760003');
  });

  it('fills in each passenger’s latest check, and says who has none', async () => {
    const papers = makePapers({ passengers: 12 });
    const withFindings = papers.passengers[1];
    if (!withFindings?.health) throw new Error('passenger 1 of the fixture has a check');
    withFindings.health = {
      ...withFindings.health,
      result: 'fail',
      temperatureC: 37.8,
      symptoms: ['fever', 'cough'],
      healthCode: 'yellow',
      contactWithConfirmedCase: false,
    };
    const lines = (await healthSheet(papers, true)).flat();
    const time = formatShortTimestamp('2026-02-17T08:10:00.000+08:00', 'zh-CN');
    expect(row(lines, papers, 0)).toMatch(new RegExp(` 36\\.5 合格 罗医生 ${time}$`));
    expect(row(lines, papers, 1)).toMatch(new RegExp(` 37\\.8 发热、咳嗽 黄码 无 不合格 罗医生 ${time}$`));
    expect(row(lines, papers, 3)).toMatch(/ 36\.5 待复测 罗医生 /);
    expect(row(lines, papers, 4)).toMatch(/ 未检$/);
    expect(row(lines, papers, 9)).toMatch(/ 未检$/);
    expect(lines.join('\n')).not.toContain('绿 黄 红');
    expect(lineWith(lines, '应检 12 人')).toBe('应检 12 人：合格 8 人，不合格 1 人，待复测 1 人，未检 2 人');
  });

  it('needs more pages for blank rows than for filled ones, and numbers them all', async () => {
    const papers = makePapers({ passengers: 36 });
    const blank = await healthSheet(papers, false);
    const filled = await healthSheet(papers, true);
    expect(blank.length).toBeGreaterThan(filled.length);
    for (const pages of [blank, filled]) {
      pages.forEach((lines, index) => {
        expect(lines.at(-1)).toMatch(new RegExp(`第 ${index + 1} 页 / 共 ${pages.length} 页$`));
        expect(lines).toContain('健康检查登记表 · 田东县2026年春风行动第一批 · 2026年2月18日');
      });
      expect(pages.flat().filter((line) => /^\d+ /.test(line))).toHaveLength(36);
    }
  });

  it('puts passengers with no first-leg seat last, under their own heading', async () => {
    const papers = makePapers({ passengers: 6 });
    const firstLeg = papers.legs[0];
    const dropped = firstLeg?.vehicles[0]?.seats.splice(0, 2) ?? [];
    firstLeg?.unseated.push(...dropped.map((seat) => seat.workerId));
    const lines = (await healthSheet(papers, true)).flat();
    expect(lines).toContain('第1段未安排座位 · 2 人');
    expect(row(lines, papers, 0)).toMatch(/^5 .* 未安排座位 /);
    expect(row(lines, papers, 2)).toMatch(/^1 /);
  });

  it('masks resident IDs unless full numbers were chosen, and prints rare characters as themselves', async () => {
    const papers = makePapers({ passengers: 10 });
    const masked = (await healthSheet(papers, true)).flat().join('\n');
    for (const passenger of papers.passengers) {
      expect(masked).not.toContain(passenger.residentId);
      expect(masked).not.toContain(passenger.phone);
    }
    for (const name of RARE_NAMES) expect(masked).toContain(name);
    const full = (await healthSheet(papers, true, { fullNumbers: true })).flat().join('\n');
    for (const passenger of papers.passengers) expect(full).toContain(passenger.residentId);
  });

  it('prints in English, with no Chinese but the data', async () => {
    const papers = makePapers({ passengers: 8 });
    const print = makePrintContext({ language: 'en' });
    for (const filled of [false, true]) {
      const sheet = new Sheet(documentFonts(), print);
      await drawHealthSheet(sheet, papers, { filled });
      const lines = (await pdfLines(sheet.finish())).flat();
      expect(lines).toContain('Health check sheet');
      expect(lineWith(lines, 'No. Name')).toBe(
        'No. Name Sex Age Resident ID Seat (leg 1) Symptoms Health code Contact Result Examiner Time',
      );
      expect(lineWith(lines, '李䶮')).toMatch(/^1 李䶮 F \d+ 451022\*{8}\d{3}[\dX] 桂L12345 Seat 2/);
      expect(chineseNotFromData(lines.join('\n'), papers, print)).toEqual([]);
    }
  });

  it('says there is nobody to check for a batch with no passengers, instead of an empty form', async () => {
    const pages = await healthSheet(makePapers({ passengers: 0 }), true);
    expect(pages).toHaveLength(1);
    expect(lineWith(pages[0] ?? [], '没有')).toBe('本批次还没有乘客，没有可打印的内容。');
  });
});
