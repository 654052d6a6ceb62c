import { beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/universal';
import type { SheetData } from 'write-excel-file/universal';

import { residentIdCheckChar } from '@shared/domain/resident-id';
import { checkRoster } from '@shared/roster/check';
import { recognizeColumns } from '@shared/roster/columns';
import { readRoster } from '@shared/roster/read';
import type { RosterTable } from '@shared/roster/read';
import type { RosterRowVerdict } from '@shared/roster/check';
import { makeResidentId, makeWorker } from '../../fixtures/factories';

const OPTIONS = { today: '2026-02-10', workingAge: { min: 16, max: 65 } };
const HEADERS = ['姓名', '性别', '身份证号', '手机号码', '县(区)', '是否建档立卡', '技能', '紧急联系电话'];

function idFor(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/** A valid ID whose check character is X, to type with a lower-case x. */
function idEndingInX(): string {
  for (let sequence = 100; sequence < 1000; sequence += 1) {
    const id = idFor('451022', '19880808', String(sequence));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives X');
}

/**
 * An ID as Excel damages it (the first 15 digits, then zeros) that still has a correct check
 * digit: written out in full it would pass for a real ID.
 */
function damagedIdThatLooksValid(): string {
  for (let day = 10; day <= 28; day += 1) {
    for (let digit = 0; digit <= 9; digit += 1) {
      // Region (6), birth date (8) and the first digit of the sequence: Excel's 15 digits.
      const first15 = `451022199001${day}${digit}`;
      if (residentIdCheckChar(`${first15}00`) === '0') return `${first15}000`;
    }
  }
  throw new Error('no damaged ID with a valid check digit');
}

const FULL_WIDTH_DIGITS = (text: string): string =>
  text.replace(/[0-9X]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

const valid = makeWorker({ gender: 'male', countyCode: '451022', name: '黄文光' });
const woman = makeWorker({ gender: 'female', countyCode: '451022' });
const lowerX = idEndingInX();
const legacy = '451022700101123';
const old = makeResidentId('451022', '1955-06-01', 'male');
const wrongCheck = `${valid.residentId.slice(0, 17)}${valid.residentId.endsWith('1') ? '2' : '1'}`;

/** Each row and the verdict it must get: the line it is on, its status and its problems. */
const ROSTER: { cells: string[]; line: number; status?: RosterRowVerdict['status']; problems?: string[] }[] = [
  {
    line: 2,
    cells: ['黄文光', '男', valid.residentId, '13800000001', '田东县', '是', '电工、焊工', ''],
    status: 'valid',
  },
  {
    line: 3,
    cells: ['', '', makeResidentId('451022', '1990-01-03', 'male'), '13800000002', '', '', '', ''],
    problems: ['name:required:error'],
  },
  {
    line: 4,
    cells: ['李四', '', '45260119900101123', '13800000003', '', '', '', ''],
    problems: ['residentId:resident-id-length:error'],
  },
  {
    line: 5,
    cells: ['李五', '', '4526011990O101123X', '13800000004', '', '', '', ''],
    problems: ['residentId:resident-id-characters:error'],
  },
  {
    line: 6,
    cells: ['李六', '', idFor('451022', '19990229', '123'), '13800000005', '', '', '', ''],
    problems: ['residentId:resident-id-birth-date:error'],
  },
  {
    line: 7,
    cells: ['李七', '', wrongCheck, '13800000006', '', '', '', ''],
    problems: ['residentId:resident-id-check-digit:error'],
  },
  {
    line: 8,
    cells: ['李八', '', '4.52601E+17', '13800000007', '', '', '', ''],
    problems: ['residentId:resident-id-precision-lost:error'],
  },
  {
    line: 9,
    cells: ['李九', '', idFor('991022', '19900101', '123'), '13800000008', '', '', '', ''],
    problems: ['residentId:resident-id-region:error'],
  },
  {
    line: 10,
    cells: ['王一', '', makeResidentId('451022', '1990-01-04', 'male'), '', '', '', '', ''],
    problems: ['phone:required:error'],
  },
  {
    line: 11,
    cells: ['王二', '', makeResidentId('451022', '1990-01-05', 'male'), '1380000001', '', '', '', ''],
    problems: ['phone:phone-length:error'],
  },
  {
    line: 12,
    cells: ['王三', '', makeResidentId('451022', '1990-01-06', 'male'), '1380000001O', '', '', '', ''],
    problems: ['phone:phone-characters:error'],
  },
  {
    line: 13,
    cells: ['王四', '', makeResidentId('451022', '1990-01-07', 'male'), '12800000001', '', '', '', ''],
    problems: ['phone:phone-prefix:error'],
  },
  // Line 14 is empty and gets no verdict.
  { line: 14, cells: ['', '', '', '', '', '', '', ''] },
  {
    line: 15,
    cells: ['韦秀英', '女', FULL_WIDTH_DIGITS(woman.residentId), '１３８ ０００ ０００１５', '', '', '', ''],
    status: 'valid',
  },
  { line: 16, cells: ['陆十六', '', lowerX.toLowerCase(), '13800000016', '', '', '', ''], status: 'valid' },
  { line: 17, cells: ['陆十七', '', legacy, '13800000017', '', '', '', ''], status: 'valid' },
  {
    line: 18,
    cells: ['陆十八', '女', makeResidentId('451022', '1990-01-08', 'male'), '13800000018', '', '', '', ''],
    problems: ['gender:gender-mismatch:warning'],
  },
  {
    line: 19,
    cells: [
      '黄文光',
      '',
      ` ${valid.residentId.slice(0, 6)} ${valid.residentId.slice(6)}`,
      '13800000019',
      '',
      '',
      '',
      '',
    ],
    problems: ['residentId:duplicate-in-file:error'],
  },
  {
    line: 20,
    cells: ['陆二十', '', makeResidentId('451022', '1990-01-09', 'male'), '13800000020', '', '不清楚', '', ''],
    problems: ['povertyStatus:poverty-status-unrecognized:error'],
  },
  {
    line: 21,
    cells: ['陆廿一', '未知', makeResidentId('451022', '1990-01-10', 'male'), '13800000021', '', '', '', ''],
    problems: ['gender:gender-unrecognized:warning'],
  },
  {
    line: 22,
    cells: ['陆廿二', '', makeResidentId('451022', '1990-01-11', 'male'), '13800000022', '', '', '', '0776-123'],
    problems: ['emergencyContactPhone:emergency-phone-invalid:warning'],
  },
  {
    line: 23,
    cells: ['陆廿三', '', old, '13800000023', '', '', '', ''],
    problems: ['residentId:age-outside-range:warning'],
  },
  {
    line: 24,
    cells: ['陆廿四', '', makeResidentId('451022', '1990-01-12', 'male'), '13800000024', '德保县', '', '', ''],
    problems: ['county:county-mismatch:warning'],
  },
  {
    line: 25,
    cells: ['陆廿五', '', idFor('451021', '19900101', '123'), '13800000025', '', '', '', ''],
    problems: ['residentId:region-unknown:warning'],
  },
  {
    line: 26,
    cells: ['阿依古丽•买买提', '', makeResidentId('451022', '1990-01-13', 'female'), '13800000026', '', '', '', ''],
    status: 'valid',
  },
  {
    line: 27,
    cells: ['刘䶮', '', makeResidentId('451022', '1990-01-14', 'male'), '13800000027', '', '', '', ''],
    status: 'valid',
  },
  {
    line: 28,
    cells: ['𠮷田 堃', '', makeResidentId('451022', '1990-01-15', 'male'), '13800000028', '', '', '', ''],
    status: 'valid',
  },
];

function csvOf(rows: readonly (readonly string[])[]): Uint8Array {
  const quote = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return new TextEncoder().encode(rows.map((row) => row.map(quote).join(',')).join('\r\n'));
}

function summary(verdict: RosterRowVerdict): string[] {
  return verdict.problems.map((problem) => `${problem.field}:${problem.code}:${problem.severity}`);
}

describe('checkRoster on a roster with every kind of bad row', () => {
  let verdicts: RosterRowVerdict[] = [];

  beforeAll(async () => {
    const table = await readRoster('花名册.csv', csvOf([HEADERS, ...ROSTER.map((row) => row.cells)]));
    verdicts = checkRoster(table, recognizeColumns(table.headers), OPTIONS);
  });

  it('gives each non-empty row a verdict on the line Excel shows', () => {
    expect(verdicts.map((verdict) => verdict.line)).toEqual(
      ROSTER.filter((row) => row.line !== 14).map((row) => row.line),
    );
  });

  it.each(ROSTER.filter((row) => row.line !== 14).map((row) => [row.line, row] as const))(
    'line %i gets its verdict',
    (line, expected) => {
      const verdict = verdicts.find((candidate) => candidate.line === line);
      expect(verdict).toBeDefined();
      if (!verdict) return;
      const problems = expected.problems ?? [];
      expect(summary(verdict)).toEqual(problems);
      const status =
        expected.status ??
        (problems.some((problem) => problem.endsWith(':error')) ? 'error' : problems.length > 0 ? 'warning' : 'valid');
      expect(verdict.status).toBe(status);
      expect(verdict.worker === null).toBe(status === 'error');
      expect(verdict.cells).toEqual(expected.cells);
    },
  );

  it('stores normalized values for the rows that pass', () => {
    const byLine = new Map(verdicts.map((verdict) => [verdict.line, verdict.worker]));
    expect(byLine.get(2)).toMatchObject({
      name: '黄文光',
      residentId: valid.residentId,
      povertyStatus: 'registered-poor',
      skills: ['电工', '焊工'],
      county: '田东县',
    });
    expect(byLine.get(15)).toMatchObject({ residentId: woman.residentId, phone: '13800000015', gender: 'female' });
    expect(byLine.get(16)?.residentId).toBe(lowerX);
    expect(byLine.get(17)).toMatchObject({ residentId: idFor('451022', '19700101', '123'), county: '田东县' });
    expect(byLine.get(18)?.gender).toBe('male');
    expect(byLine.get(26)?.name).toBe('阿依古丽·买买提');
    expect(byLine.get(27)?.name).toBe('刘䶮');
    expect(byLine.get(28)?.name).toBe('𠮷田堃');
  });

  it('names the line of the first occurrence of a duplicate', () => {
    const duplicate = verdicts.find((verdict) => verdict.line === 19);
    expect(duplicate?.problems).toContainEqual({
      field: 'residentId',
      code: 'duplicate-in-file',
      severity: 'error',
      params: { firstLine: 2 },
    });
  });

  it('lists the stored fields each row fills, for updates of registered workers', () => {
    const byLine = new Map(verdicts.map((verdict) => [verdict.line, verdict.filled]));
    expect(byLine.get(2)).toEqual([
      'name',
      'residentId',
      'gender',
      'birthDate',
      'countyCode',
      'phone',
      'county',
      'povertyStatus',
      'skills',
    ]);
    expect(byLine.get(16)).toEqual(['name', 'residentId', 'gender', 'birthDate', 'countyCode', 'phone']);
  });
});

describe('checkRoster', () => {
  function table(rows: string[][], headers = ['姓名', '身份证号', '手机']): RosterTable {
    return { format: 'csv', headerLine: 1, headers, rows };
  }

  it('counts fields missing from the mapping as empty', () => {
    const person = makeWorker();
    const [verdict] = checkRoster(
      table([[person.name, person.residentId, person.phone]]),
      { name: 0, residentId: 1 },
      OPTIONS,
    );
    expect(verdict?.problems).toEqual([{ field: 'phone', code: 'required', severity: 'error' }]);
  });

  it('finds a duplicate even when the first row has errors elsewhere', () => {
    const person = makeWorker();
    const verdicts = checkRoster(
      table([
        [person.name, person.residentId, 'bad'],
        [person.name, person.residentId, person.phone],
      ]),
      { name: 0, residentId: 1, phone: 2 },
      OPTIONS,
    );
    expect(verdicts.map(summary)).toEqual([['phone:phone-characters:error'], ['residentId:duplicate-in-file:error']]);
  });

  it('counts lines from a header below a title row', () => {
    const person = makeWorker();
    const verdicts = checkRoster(
      {
        format: 'xlsx',
        headerLine: 3,
        headers: ['姓名', '身份证号', '手机'],
        rows: [[], [person.name, person.residentId, person.phone]],
      },
      { name: 0, residentId: 1, phone: 2 },
      OPTIONS,
    );
    expect(verdicts.map((verdict) => [verdict.line, verdict.status])).toEqual([[5, 'valid']]);
  });

  it('takes cells of white space only (full-width and no-break spaces too) for empty', () => {
    const person = makeWorker();
    const verdicts = checkRoster(
      table(
        [
          [' ', '\u3000', '\t\u00a0'],
          [person.name, person.residentId, person.phone, '\u3000 '],
        ],
        ['姓名', '身份证号', '手机', '备注'],
      ),
      { name: 0, residentId: 1, phone: 2, notes: 3 },
      OPTIONS,
    );
    // The first row gets no verdict; the second's blank notes cell fills nothing.
    expect(verdicts.map((verdict) => verdict.line)).toEqual([3]);
    expect(verdicts[0]?.filled).not.toContain('notes');
    expect(verdicts[0]?.filled).toContain('phone');
  });
});

describe('what the check changed in a row', () => {
  const headers = ['姓名', '身份证号', '手机', '县(区)', '紧急联系人', '紧急联系电话'];
  const mapping = { name: 0, residentId: 1, phone: 2, county: 3, emergencyContactName: 4, emergencyContactPhone: 5 };
  const check = (rows: string[][]) => checkRoster({ format: 'csv', headerLine: 1, headers, rows }, mapping, OPTIONS);
  const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

  it('reports each cell stored otherwise than typed, with what was typed and what is stored', () => {
    // A legacy 15-digit ID: region, 800101 (1980-01-01), sequence 123; stored with 19 and a check character.
    const { countyCode } = makeWorker();
    const legacy = `${countyCode}800101123`;
    const upgraded = idFor(countyCode, '19800101', '123');
    const dotted = makeWorker();
    const spaced = makeWorker({ county: '田东县' });
    const verdicts = check([
      ['韦小宝', legacy, '13800000001', '', '', ''],
      ['阿依古丽.买买提', dotted.residentId, fullWidth('13800000002'), '', '', ''],
      ['张 三', spaced.residentId, '+86 138 0000 0003', '田东', '李 四', '139-0000-0004'],
    ]);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'valid', 'valid']);
    expect(verdicts[0]?.changes).toEqual([{ field: 'residentId', from: legacy, to: upgraded }]);
    expect(verdicts[0]?.worker?.residentId).toBe(upgraded);
    expect(verdicts[1]?.changes).toEqual([
      { field: 'name', from: '阿依古丽.买买提', to: '阿依古丽·买买提' },
      { field: 'phone', from: fullWidth('13800000002'), to: '13800000002' },
    ]);
    expect(verdicts[2]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: '张 三', to: '张三' },
        { field: 'phone', from: '+86 138 0000 0003', to: '13800000003' },
        { field: 'county', from: '田东', to: '田东县' },
        { field: 'emergencyContactName', from: '李 四', to: '李四' },
        { field: 'emergencyContactPhone', from: '139-0000-0004', to: '13900000004' },
      ]),
    );
  });

  it('reports nothing for rows stored as typed, spaces around a cell, an empty county the ID fills, or rows not stored', () => {
    const person = makeWorker();
    const legacy = `${makeWorker().countyCode}800101123`;
    const verdicts = check([
      [person.name, person.residentId, person.phone, '', '', ''],
      [` ${makeWorker().name} `, `${makeWorker().residentId} `, makeWorker().phone, '', '', ''],
      ['张 三', legacy, 'bad', '', '', ''],
      // Such a row with its phone right (another ID: the same twice is a duplicate): stored, its changes shown.
      ['张 三', legacy.replace(/123$/, '125'), '13800000005', '', '', ''],
    ]);
    expect(verdicts.map((verdict) => verdict.changes?.map((change) => change.field))).toEqual([
      undefined,
      undefined,
      undefined,
      ['name', 'residentId'],
    ]);
    expect(verdicts[0]?.worker?.county).not.toBe('');
  });
});

describe('checkRoster on XLSX', () => {
  it('reports an ID that Excel stored as a number as precision lost, even when its check digit fits', async () => {
    const lookalike = damagedIdThatLooksValid();
    expect(residentIdCheckChar(lookalike.slice(0, 17))).toBe(lookalike.charAt(17));
    const data: SheetData = [
      ['姓名', '身份证号', '手机号码'],
      ['李八', { value: 452601199001011000, type: Number }, { value: 13800000007, type: Number }],
      ['李九', { value: Number(lookalike), type: Number }, '13800000008'],
      ['王十', { value: 451022700101123, type: Number }, '13800000009'],
    ];
    const blob = await writeExcelFile(data).toBlob();
    const table = await readRoster('花名册.xlsx', new Uint8Array(await blob.arrayBuffer()));
    const verdicts = checkRoster(table, recognizeColumns(table.headers), OPTIONS);
    expect(verdicts.map((verdict) => [verdict.line, summary(verdict)])).toEqual([
      [2, ['residentId:resident-id-precision-lost:error']],
      [3, ['residentId:resident-id-precision-lost:error']],
      [4, []],
    ]);
  });
});
