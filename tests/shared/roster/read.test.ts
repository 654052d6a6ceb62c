import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/universal';
import type { SheetData } from 'write-excel-file/universal';

import { RosterReadError, numberCellText, readRoster } from '@shared/roster/read';
import type { RosterReadErrorCode } from '@shared/roster/read';

const BOM = '\ufeff';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function xlsx(data: SheetData): Promise<Uint8Array> {
  const blob = await writeExcelFile(data).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

async function readError(fileName: string, bytes: Uint8Array): Promise<RosterReadError> {
  try {
    await readRoster(fileName, bytes);
  } catch (error) {
    if (error instanceof RosterReadError) return error;
    throw error;
  }
  throw new Error('expected readRoster to fail');
}

async function expectReadError(fileName: string, bytes: Uint8Array, code: RosterReadErrorCode): Promise<void> {
  const error = await readError(fileName, bytes);
  expect(error.code).toBe(code);
  expect(error.message).toBe(code);
}

describe('readRoster reads CSV', () => {
  it('keeps every cell as the text in the file, numbers included', async () => {
    const table = await readRoster(
      'roster.csv',
      utf8(`${BOM}姓名,身份证号,手机号码,户号\r\n张三,452601199001011234,13800138000,0012\r\n`),
    );
    expect(table).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headerLine: 1,
      headers: ['姓名', '身份证号', '手机号码', '户号'],
      rows: [['张三', '452601199001011234', '13800138000', '0012']],
      footer: [],
    });
  });

  it('detects semicolons and tabs as delimiters', async () => {
    const semicolons = await readRoster('a.csv', utf8('姓名;手机\n张三;13800138000\n'));
    expect(semicolons.rows).toEqual([['张三', '13800138000']]);
    const tabs = await readRoster('a.txt', utf8('姓名\t手机\n张三\t13800138000\n'));
    expect(tabs.rows).toEqual([['张三', '13800138000']]);
  });

  it('keeps empty lines in place so that a row index gives its line, and drops them at the end', async () => {
    const table = await readRoster('a.csv', utf8('姓名,手机\n张三,1\n\n,\n李四,2\n\n\n'));
    expect(table.rows).toEqual([['张三', '1'], [''], ['', ''], ['李四', '2']]);
  });

  it('counts a quoted line break as one row, as Excel does', async () => {
    const table = await readRoster('a.csv', utf8('姓名,备注\n张三,"第一行\n第二行"\n李四,\n'));
    expect(table.rows).toEqual([
      ['张三', '第一行\n第二行'],
      ['李四', ''],
    ]);
  });

  it('reads a GBK file written by Chinese Excel', async () => {
    // 姓名,性别 / 张三,男 in GBK.
    const bytes = new Uint8Array([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc4, 0xd0,
    ]);
    expect(await readRoster('花名册.csv', bytes)).toMatchObject({
      encoding: 'gb18030',
      headers: ['姓名', '性别'],
      rows: [['张三', '男']],
    });
  });

  it('skips a title row above the header', async () => {
    const table = await readRoster('a.csv', utf8('田东县2020年外出务工人员花名册,,\n姓名,身份证号,手机\n张三,1,2\n'));
    expect(table).toMatchObject({ headerLine: 2, headers: ['姓名', '身份证号', '手机'], rows: [['张三', '1', '2']] });
  });

  it('takes the first non-empty row as the header when no row names two known columns', async () => {
    const table = await readRoster('a.csv', utf8('\n\n甲,乙\n1,2\n'));
    expect(table).toMatchObject({ headerLine: 3, headers: ['甲', '乙'], rows: [['1', '2']] });
  });

  it('unwraps ="…" cells and formula guards that the planner writes', async () => {
    const table = await readRoster('a.csv', utf8('姓名,身份证号\n"\'=张三","=""452601199001011234"""\n'));
    expect(table.rows).toEqual([['=张三', '452601199001011234']]);
  });
});

describe('readRoster reads XLSX', () => {
  it('turns numbers, dates and booleans into the text Excel shows', async () => {
    const bytes = await xlsx([
      ['姓名', '手机', '出生日期', '建档立卡', '户号'],
      ['张三', 13800138000, { value: new Date(Date.UTC(1990, 0, 2)), format: 'yyyy-mm-dd' }, true, 12.5],
    ]);
    expect(await readRoster('roster.xlsx', bytes)).toEqual({
      format: 'xlsx',
      headerLine: 1,
      headers: ['姓名', '手机', '出生日期', '建档立卡', '户号'],
      rows: [['张三', '13800138000', '1990-01-02', 'TRUE', '12.5']],
      footer: [],
      sheet: 'Sheet1',
      sheets: ['Sheet1'],
    });
  });

  it('shows an ID stored as a number in scientific notation: its last digits are gone', async () => {
    const bytes = await xlsx([
      ['姓名', '身份证号'],
      ['张三', 452601199001011000],
      ['李四', 451022700101123],
    ]);
    const table = await readRoster('roster.xlsx', bytes);
    expect(table.rows).toEqual([
      ['张三', '4.52601199001011E+17'],
      // A 15-digit legacy ID fits in Excel's 15 digits and stays whole.
      ['李四', '451022700101123'],
    ]);
  });

  it('keeps text cells as typed, spaces and rare characters included', async () => {
    const bytes = await xlsx([['姓名'], [' 阿依古丽•买买提 '], ['刘䶮'], ['𠮷田']]);
    expect((await readRoster('a.xlsx', bytes)).rows).toEqual([[' 阿依古丽•买买提 '], ['刘䶮'], ['𠮷田']]);
  });

  it('gives the header its line when empty rows come first', async () => {
    const bytes = await xlsx([[null], [null], ['姓名', '手机'], ['张三', '13800138000']]);
    expect(await readRoster('a.xlsx', bytes)).toMatchObject({ headerLine: 3, rows: [['张三', '13800138000']] });
  });

  it('decides by content, not by name', async () => {
    const bytes = await xlsx([['姓名'], ['张三']]);
    expect((await readRoster('roster.csv', bytes)).format).toBe('xlsx');
  });
});

describe('readRoster refuses', () => {
  it('an empty file, or one with blank lines only', async () => {
    await expectReadError('a.csv', new Uint8Array(), 'empty');
    await expectReadError('a.csv', utf8(' , \n\n,,\n'), 'empty');
    await expectReadError('a.xlsx', await xlsx([[null]]), 'empty');
  });

  it('a file whose first row is a person, not a header', async () => {
    await expectReadError('a.csv', utf8('张三,452601199001011234,13800138000\n'), 'no-header');
    await expectReadError('a.csv', utf8('张三,13800138000\n'), 'no-header');
  });

  it('legacy .xls, HTML disguised as a spreadsheet, other zip formats and binary files', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expectReadError('roster.xls', ole, 'legacy-xls');
    await expectReadError(
      'roster.xls',
      utf8('<html><table><tr><td>姓名</td></tr></table></html>'),
      'unsupported-format',
    );
    await expectReadError('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'unsupported-format');
    await expectReadError('letter.docx', await xlsx([['姓名']]), 'unsupported-format');
  });

  it('an .xlsx that is not a zip archive, or a broken archive, as damaged', async () => {
    await expectReadError('roster.xlsx', utf8('姓名\n张三'), 'damaged');
    const broken = (await xlsx([['姓名'], ['张三']])).slice(0, 200);
    await expectReadError('roster.xlsx', broken, 'damaged');
  });

  it('a CSV with an unclosed quote, naming the row where it breaks', async () => {
    const error = await readError('a.csv', utf8('姓名,手机\n张三,1\n"李四,2\n王五,3\n'));
    expect(error.code).toBe('damaged');
    expect(error.line).toBe(3);
  });
});

describe('numberCellText', () => {
  it('writes numbers of 16 digits or more as Excel shows them, and smaller ones in full', () => {
    expect(numberCellText(452601199001011000)).toBe('4.52601199001011E+17');
    expect(numberCellText(4.52601e17)).toBe('4.52601E+17');
    expect(numberCellText(1e15)).toBe('1E+15');
    expect(numberCellText(999999999999999)).toBe('999999999999999');
    expect(numberCellText(13800138000)).toBe('13800138000');
    expect(numberCellText(0.5)).toBe('0.5');
  });
});

describe('a workbook with several sheets', () => {
  const instructions: SheetData = [['填表说明'], ['1. 身份证号请设置为文本格式'], ['2. 每人一行']];
  const roster: SheetData = [
    ['田东县外出务工人员花名册'],
    ['序号', '姓名', '身份证号', '人联系电话'],
    ['1', '张三', '452601199001011234', '13800138000'],
  ];
  const book = async () =>
    new Uint8Array(
      await (
        await writeExcelFile([
          { data: instructions, sheet: '填表说明' },
          { data: roster, sheet: '花名册' },
          { data: [['备注']], sheet: '备注' },
        ]).toBlob()
      ).arrayBuffer(),
    );

  it('reads the sheet that looks like a roster, not the instructions before it, and lists every sheet', async () => {
    const table = await readRoster('roster.xlsx', await book());
    expect(table).toMatchObject({ sheet: '花名册', sheets: ['填表说明', '花名册', '备注'], headerLine: 2 });
    expect(table.rows).toEqual([['1', '张三', '452601199001011234', '13800138000']]);
  });

  it('reads the sheet the user chose, and says so when it is gone', async () => {
    expect((await readRoster('roster.xlsx', await book(), { sheet: '填表说明' })).sheet).toBe('填表说明');
    await expect(readRoster('roster.xlsx', await book(), { sheet: '第二批' })).rejects.toMatchObject({
      code: 'sheet-not-found',
    });
  });
});

describe('the footer of a form', () => {
  it('is left out of the rows, with the lines it stood on', async () => {
    const text = [
      '姓名,身份证号,手机号码',
      '张三,452601199001011234,13800138000',
      '李四,452601199202021240,13900139000',
      '',
      '填表人：韦某某,审核人：黄某,填报日期：2026年2月1日',
      '注：本表一式两份',
    ].join('\n');
    const table = await readRoster('roster.csv', utf8(text));
    expect(table.rows).toHaveLength(2);
    expect(table.footer).toEqual([
      { line: 5, cells: ['填表人：韦某某', '审核人：黄某', '填报日期：2026年2月1日'] },
      { line: 6, cells: ['注：本表一式两份'] },
    ]);
  });

  it('knows the common forms: spaced-out words, a number column before them, totals, a date alone, a seal', async () => {
    const text = [
      '序号,姓名,身份证号,手机号码',
      '1,张三,452601199001011234,13800138000',
      '2,李四,452601199202021240,13900139000',
      '合计,2人,,',
      ',填 表 人：韦某某,审 核：黄某,',
      ',单位（盖章）：田东县林逢镇人民政府,,',
      ',2026年2月1日,,',
      '制表：韦某,复核人：农某,,',
    ].join('\n');
    const table = await readRoster('roster.csv', utf8(text));
    expect(table.rows).toHaveLength(2);
    expect(table.footer?.map((footer) => footer.line)).toEqual([4, 5, 6, 7, 8]);
    expect(table.footer?.[1]?.cells).toEqual(['填 表 人：韦某某', '审 核：黄某']);
  });

  it('leaves the rows of people above a footer as rows, errors and all', async () => {
    const text = ['姓名,身份证号,手机号码', '张三,452601199001011234,13800138000', '李四,,', '填表人：韦某某'].join(
      '\n',
    );
    const table = await readRoster('roster.csv', utf8(text));
    expect(table.rows).toEqual([
      ['张三', '452601199001011234', '13800138000'],
      ['李四', '', ''],
    ]);
    expect(table.footer?.map((footer) => footer.line)).toEqual([4]);
  });

  it('keeps a row that starts like a footer but holds a person', async () => {
    const text = ['姓名,手机号码', '张三,13800138000', '联系人：李四,13900139000'].join('\n');
    const table = await readRoster('roster.csv', utf8(text));
    expect(table.rows).toHaveLength(2);
    expect(table.footer).toEqual([]);
  });
});
