import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '@shared/dates';
import { drawCover } from '@shared/documents/cover';
import { manifestDigest, parseQrPayload, qrPayload, shortDigest } from '@shared/documents/digest';
import type { BatchPapers, PrintContext } from '@shared/documents/model';
import { DocumentAbortedError, Sheet } from '@shared/documents/sheet';
import {
  chineseNotFromData,
  decodeQrInRegions,
  documentFonts,
  makePaperGate,
  makePapers,
  makePrintContext,
  pdfLines,
} from '../../fixtures/documents';
import { lineWith } from '../../fixtures/pdf-text';

async function cover(papers: BatchPapers, print: Partial<PrintContext> = {}): Promise<Uint8Array> {
  const sheet = new Sheet(documentFonts(), makePrintContext(print));
  await drawCover(sheet, papers, { digest: await manifestDigest(papers) });
  return sheet.finish();
}

/** Reads the QR code in the cover's top-right corner. */
function scanCover(bytes: Uint8Array): string | null {
  return decodeQrInRegions(bytes, 1, [{ x: 140, y: 0, width: 70, height: 75 }])[0] ?? null;
}

/**
 * Papers whose gate has every kind of light: medical red, protection amber, the rest green. The
 * medical item is one the data decides (未满足 until the data changes), the others are ticked by a
 * person (待办 until ticked), as on the gate screen.
 */
function mixedPapers(): BatchPapers {
  const papers = makePapers({ passengers: 20 });
  papers.gate = makePaperGate({ medical: 'red', protection: 'amber' });
  const medical = papers.gate.find((unification) => unification.unification === 'medical')?.items[0];
  if (medical) medical.key = 'medical.health-checks-passed';
  return papers;
}

describe('cover sheet', () => {
  it('states each unification with its light in words, who ticked each item and when, and why the rest are not met', async () => {
    const papers = mixedPapers();
    const lines = (await pdfLines(await cover(papers))).flat();
    const tickedAt = formatTimestamp('2026-02-16T09:00:00.000+08:00', 'zh-CN');
    for (const name of ['统一组织', '统一包车', '统一跟踪服务']) {
      expect(lineWith(lines, `${name}检查项`)).toContain(`${name} 通过 ${name}检查项 已满足 黄丽华 ${tickedAt}`);
    }
    expect(lineWith(lines, '统一体检检查项')).toBe(
      '统一体检 未通过 统一体检检查项 未满足 系统判定 原因：统一体检尚未完成',
    );
    expect(lineWith(lines, '统一保障检查项')).toBe('统一保障 待办 统一保障检查项 待办 原因：统一保障尚未完成');
    expect(lines).toContain('五统一 已满足 3 / 5 项');
  });

  it('prints a tick note beside its item', async () => {
    const papers = makePapers({ passengers: 5 });
    const lines = (await pdfLines(await cover(papers))).flat();
    expect(lineWith(lines, '统一保障检查项')).toContain('备注：保单 P-2026-001');
  });

  it('prints a forced status step with its reason, the items unmet then, who and when', async () => {
    const papers = mixedPapers();
    papers.batch.overrides = [
      {
        from: 'ready',
        to: 'departed',
        reason: '企业急需用工，复测结果已电话确认，县指挥部同意先行出发',
        unmet: ['统一体检-item', 'protection.insurance'],
        by: '黄丽华',
        at: '2026-02-18T06:50:00.000+08:00',
      },
    ];
    const lines = (await pdfLines(await cover(papers))).flat();
    expect(lines).toContain('强制推进状态（五统一未全部满足）');
    expect(lines).toContain('由“可出发”推进到“已出发”');
    expect(lines).toContain('理由：企业急需用工，复测结果已电话确认，县指挥部同意先行出发');
    // An item key of the gate prints as the gate's label; one of the checklist table as the table's label.
    expect(lineWith(lines, '当时未满足')).toBe('当时未满足：统一体检-item；已为乘车人员投保');
    expect(lineWith(lines, '操作人：黄丽华')).toMatch(
      new RegExp(`时间：${formatTimestamp('2026-02-18T06:50:00.000+08:00', 'zh-CN')}$`),
    );
  });

  it('carries a QR code with the batch id and the manifest digest, and the digest in words', async () => {
    const papers = makePapers({ passengers: 12 });
    const bytes = await cover(papers);
    const digest = await manifestDigest(papers);
    const scanned = scanCover(bytes);
    expect(scanned).toBe(qrPayload(papers.batch.id, digest));
    expect(parseQrPayload(scanned ?? '')).toEqual({ batchId: papers.batch.id, digest });
    const text = (await pdfLines(bytes)).flat().join('\n');
    expect(text.replaceAll(' ', '')).toContain(digest);
    expect(text).toContain(shortDigest(digest));
  });

  it('encodes the same digest in either language', async () => {
    const papers = makePapers({ passengers: 6 });
    const chinese = scanCover(await cover(papers, { language: 'zh-CN' }));
    const english = scanCover(await cover(papers, { language: 'en', printedAt: '2026-03-01T10:00:00.000+08:00' }));
    expect(chinese).not.toBeNull();
    expect(english).toBe(chinese);
  });

  it('counts passengers, seats and vehicles per leg', async () => {
    const papers = makePapers({ passengers: 30, perCoach: 20 });
    const train = papers.legs[1];
    if (!train) throw new Error('the fixture has two legs');
    const seatless = train.vehicles[0]?.seats.splice(-3, 3) ?? [];
    train.unseated = seatless.map((seat) => seat.workerId);
    const lines = (await pdfLines(await cover(papers))).flat();
    expect(lineWith(lines, '1 汽车 田东县汽车站 → 南宁东站')).toMatch(/ 2 30 30 0$/);
    expect(lineWith(lines, '2 火车 南宁东站 → 深圳北站')).toMatch(/ 1 30 27 3$/);
    expect(lineWith(lines, '批次编号')).toContain(papers.batch.id);
    expect(lineWith(lines, '乘客人数')).toContain('30 人');
  });

  it('lists staff and enterprise contacts with their work phones, and masks no passenger number into view', async () => {
    const papers = makePapers({ passengers: 6 });
    const masked = (await pdfLines(await cover(papers))).flat();
    expect(lineWith(masked, '随车人员 韦志强')).toBe('随车人员 韦志强 13907760001 第1段 桂L12345');
    expect(lineWith(masked, '随车人员 陆文军')).toBe('随车人员 陆文军 13907760002 第2段 05车');
    expect(lineWith(masked, '医务人员 罗医生')).toContain('13907760003');
    expect(lineWith(masked, '张经理')).toContain('13800138000');
    const text = masked.join('\n');
    for (const passenger of papers.passengers) {
      expect(text).not.toContain(passenger.residentId);
      expect(text).not.toContain(passenger.phone);
    }
    const full = (await pdfLines(await cover(papers, { fullNumbers: true }))).flat();
    expect(full.join('\n')).toContain('完整号码版本，由 黄丽华');
  });

  it('names the organisation from Settings under 组织单位 and the batch’s organiser as the person who leads it', async () => {
    const papers = makePapers({ passengers: 6 });
    papers.batch.organizer = '黄志明';
    const lines = (await pdfLines(await cover(papers, { organization: '百色市田东县人社局' }))).flat();
    const text = lines.join('\n');
    expect(text).toContain('组织单位 百色市田东县人社局');
    expect(text).toContain('组织负责人 黄志明');
    expect(text).not.toContain('组织单位 黄志明');
  });

  it('numbers its pages and names the batch on each of them', async () => {
    const papers = mixedPapers();
    // Twelve items under each unification: the gate table runs onto a second page.
    papers.gate = papers.gate.map((unification) => ({
      ...unification,
      items: Array.from({ length: 12 }, (_, index) => ({
        key: `${unification.unification}.${index}`,
        label: `${unification.label}第${index + 1}项`,
        state: 'met' as const,
        reasons: [],
        tick: null,
      })),
    }));
    const pages = await pdfLines(await cover(papers));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((lines, index) => {
      expect(lineWith(lines, '第 ', ' 页')).toContain(`第 ${index + 1} 页 / 共 ${pages.length} 页`);
    });
    // A page that comes loose still says whose cover it is.
    pages.forEach((lines) => {
      expect(lineWith(lines, '批次封面 ·')).toBe(`批次封面 · ${papers.batch.name} · 2026年2月18日`);
    });
    const text = pages.flat().join('\n');
    expect(text).toContain('统一保障第12项');
    expect(text).toContain('联系人');
  });

  it('prints in English, with no Chinese but the data', async () => {
    const papers = mixedPapers();
    papers.batch.overrides = [
      {
        from: 'ready',
        to: 'departed',
        reason: '县指挥部同意',
        unmet: [],
        by: '黄丽华',
        at: '2026-02-18T06:50:00.000+08:00',
      },
    ];
    const print = makePrintContext({ language: 'en' });
    const sheet = new Sheet(documentFonts(), print);
    await drawCover(sheet, papers, { digest: await manifestDigest(papers) });
    const lines = (await pdfLines(sheet.finish())).flat();
    const text = lines.join('\n');
    expect(lines).toContain('Five unifications 3 of 5 met');
    expect(lines).toContain('Passengers per leg');
    expect(lines).toContain('Contacts');
    const digest = (await manifestDigest(papers)).match(/.{16}/g)?.join(' ');
    expect(lineWith(lines, 'Manifest check code (SHA-256):')).toBe(`Manifest check code (SHA-256): ${digest ?? ''}`);
    // The unification's name wraps in its narrow cell; its verdict shares the line with its item.
    expect(lineWith(lines, '统一体检检查项')).toBe('medical 统一体检检查项 Not met From data');
    // The red light's verdict, "Not passed", wraps in its cell around that line.
    expect(lines).toContain('Not Reason: 统一体检尚未完');
    expect(lineWith(lines, '统一保障检查项')).toMatch(/^protection To do 统一保障检查项 To do/);
    expect(lineWith(lines, '统一组织检查项')).toMatch(/^Passed 统一组织检查项 Met 黄丽华 /);
    expect(text).toContain('From "Ready" to "Departed"');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(chineseNotFromData(text, papers, print)).toEqual([]);
  });

  it('stops between sections when cancelled, and reports progress', async () => {
    const papers = makePapers({ passengers: 4 });
    const progress: number[] = [];
    const controller = new AbortController();
    const sheet = new Sheet(documentFonts(), makePrintContext());
    const drawing = drawCover(sheet, papers, {
      digest: await manifestDigest(papers),
      signal: controller.signal,
      onProgress: (done, total) => {
        progress.push(done / total);
        if (done === 2) controller.abort();
      },
    });
    await expect(drawing).rejects.toBeInstanceOf(DocumentAbortedError);
    expect(progress).toEqual([0.2, 0.4]);
  });
  it('prints the audit trail’s anchor in small print: short hash, entries, Beijing time (issue 16, item 1)', async () => {
    const papers = makePapers({ passengers: 4 });
    const head = { count: 1234, hash: 'ab12cd34ef56ab78'.padEnd(64, '0'), at: '2026-02-18T01:05:00.000Z' };
    const zh = (await pdfLines(await cover(papers, { auditAnchor: head }))).flat();
    expect(zh).toContain(
      `操作日志锚点：最新校验码 AB12-CD34-EF56-AB78，共 1234 条，${formatTimestamp(head.at, 'zh-CN')}（北京时间）`,
    );
    expect(formatTimestamp(head.at, 'zh-CN')).toContain('09:05');
    const en = (await pdfLines(await cover(papers, { auditAnchor: head, language: 'en' }))).flat();
    expect(en).toContain(
      `Audit trail anchor: latest hash AB12-CD34-EF56-AB78, 1234 entries, ${formatTimestamp(head.at, 'en')} (Beijing time)`,
    );
    const none = (await pdfLines(await cover(papers, { auditAnchor: null }))).flat();
    expect(none).toContain('操作日志锚点：本机没有记下锚点');
  });
});
