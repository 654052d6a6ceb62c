/**
 * A paper as the papers worker makes it (issue 18, item 5): refused in words, in the paper's
 * language, for a payee without a bank account or an empty list, and then without reading the
 * font; an XLSX made without the font at all; a PDF with the document font.
 */
import { describe, expect, it, vi } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { makePaper, type BuildStage, type PaperJob } from '@renderer/features/subsidies/papers/build-paper';
import { documentFonts, makePrintContext, pdfText } from '@tests/fixtures/documents';
import type { NoticeHeader, PaperPayee, PaperScheme, RosterHeader, SubsidyPaperRow } from '@shared/subsidy/papers';
import { makeResidentId } from '@tests/fixtures/factories';

const SCHEME: PaperScheme = { id: 'scheme-hiring', name: '吸纳就业补贴', kind: 'hiring', year: 2026 };
const ENTERPRISE_PAYEE: PaperPayee = {
  id: 'e-1',
  kind: 'enterprise',
  name: '深圳市云盛卫生用品有限公司',
  creditCode: '91440300MA5DC1234X',
  bankName: '中国工商银行深圳龙岗支行',
  bankAccount: '4000021209100123456',
};
const NAMES = ['黄秀英', '韦志强', '农春梅'];

function makeRows(count: number): SubsidyPaperRow[] {
  return Array.from({ length: count }, (_, index) => {
    const birthDate = `19${String(80 + index)}-03-1${String(index)}`;
    return {
      claimId: `c-${String(index)}`,
      name: NAMES[index] ?? `人员${String(index)}`,
      gender: 'female',
      birthDate,
      residentId: makeResidentId('451022', birthDate, 'female'),
      householdPlace: '田东县平马镇那王村',
      township: '平马镇',
      householdType: 'registered-poor',
      employer: ENTERPRISE_PAYEE.name,
      workPlace: '深圳市龙岗区',
      startDate: '2026-06-04',
      endDate: null,
      months: 5,
      standardFen: 100_000,
      amountFen: 100_000,
      note: '',
    };
  });
}

function rosterHeader(overrides: Partial<RosterHeader> = {}): RosterHeader {
  return {
    county: '田东县',
    bureau: '田东县人力资源和社会保障局',
    scheme: SCHEME,
    payee: ENTERPRISE_PAYEE,
    ...overrides,
  };
}

function noticeHeader(): NoticeHeader {
  return {
    county: '田东县',
    bureau: '田东县人力资源和社会保障局',
    bureauPhone: '0776-5221234',
    scheme: SCHEME,
    from: '2026-12-08',
    to: '2026-12-14',
  };
}

function rosterJob(overrides: Partial<Extract<PaperJob, { paper: 'roster' }>> = {}): PaperJob {
  return {
    paper: 'roster',
    format: 'xlsx',
    header: rosterHeader(),
    rows: makeRows(3),
    print: makePrintContext(),
    ...overrides,
  };
}

describe('making a paper in the worker', () => {
  it('refuses a roster for a payee without a bank account, naming it, and reads no font', async () => {
    const fonts = vi.fn(() => Promise.resolve(documentFonts()));
    const noAccount = rosterHeader({ payee: { ...ENTERPRISE_PAYEE, bankName: '', bankAccount: '' } });
    const refused = await makePaper(rosterJob({ header: noAccount, format: 'pdf' }), fonts);
    expect(refused).toEqual({
      kind: 'refused',
      messages: [`${ENTERPRISE_PAYEE.name}没有登记开户银行和账号，请先在其资料中填写，再制作花名册。`],
    });
    const english = await makePaper(
      rosterJob({ header: noAccount, print: makePrintContext({ language: 'en' }) }),
      fonts,
    );
    expect(english).toMatchObject({
      kind: 'refused',
      messages: [expect.stringContaining(`${ENTERPRISE_PAYEE.name} has no bank`)],
    });
    expect(await makePaper(rosterJob({ rows: [] }), fonts)).toEqual({
      kind: 'refused',
      messages: ['名单上没有人员，无法制作。'],
    });
    expect(fonts).not.toHaveBeenCalled();
  });

  it('makes the roster XLSX without the font, and the notice PDF with it, telling each step', async () => {
    const fonts = vi.fn(() => Promise.resolve(documentFonts()));
    const stages: BuildStage[] = [];
    const roster = await makePaper(rosterJob(), fonts, (stage) => stages.push(stage));
    expect(roster.kind).toBe('made');
    if (roster.kind !== 'made') return;
    const [sheet] = await readXlsxFile(Buffer.from(roster.bytes));
    expect(String(sheet?.data[0]?.[0])).toContain('申请花名册');
    expect(stages).toEqual(['building']);
    expect(fonts).not.toHaveBeenCalled();

    stages.length = 0;
    const rows = makeRows(2);
    const notice = await makePaper(
      { paper: 'notice', format: 'pdf', header: noticeHeader(), rows, print: makePrintContext() },
      fonts,
      (stage) => stages.push(stage),
    );
    expect(stages).toEqual(['fonts', 'building']);
    if (notice.kind !== 'made') throw new Error('the notice was refused');
    const text = await pdfText(notice.bytes);
    for (const row of rows) {
      expect(text).toContain(row.name);
      expect(text.replace(/\s+/g, '')).not.toContain(row.residentId.slice(-8));
    }
  });
});
