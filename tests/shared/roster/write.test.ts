import { describe, expect, it } from 'vitest';

import type { Language } from '@shared/domain/records';
import type { WorkerFields } from '@shared/domain/worker-rules';
import { checkRoster } from '@shared/roster/check';
import { ROSTER_FIELDS, recognizeColumns } from '@shared/roster/columns';
import { readRoster } from '@shared/roster/read';
import type { RosterFormat, RosterTable } from '@shared/roster/read';
import { csvCellForExcel, rejectedRowsFile, rosterTemplate, workersFile } from '@shared/roster/write';
import { makeWorker } from '../../fixtures/factories';

const OPTIONS = { today: '2026-02-10', workingAge: { min: 16, max: 65 } };
const FORMATS: RosterFormat[] = ['csv', 'xlsx'];
const LANGUAGES: Language[] = ['zh-CN', 'en'];

function fieldsOf(overrides: Parameters<typeof makeWorker>[0] = {}): WorkerFields {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = makeWorker(overrides);
  return fields;
}

function rosterTable(format: RosterFormat): RosterTable {
  return {
    format,
    headerLine: 2,
    headers: ['姓名', '身份证号', '手机号码'],
    rows: [
      ['张三', '452601199001011234', '13800138000'],
      ['李四', '4.52601E+17', '13800138001'],
      [],
      ['王五', '451022199001011234', '1380013800', '多出的一格'],
      ['=HYPERLINK("http://example.com")', '45102219900101123X', '+86 138 0013 8002'],
    ],
  };
}

describe('rejectedRowsFile', () => {
  it.each(FORMATS)('gives back exactly the rejected rows of a %s file, with the reason last', async (format) => {
    const table = rosterTable(format);
    const file = await rejectedRowsFile(
      table,
      [
        { line: 4, reason: 'Excel 已把身份证号存成数字' },
        { line: 6, reason: '手机号码应为11位' },
        { line: 7, reason: '校验码错误' },
      ],
      '未导入原因',
    );
    expect(file.extension).toBe(format);
    const back = await readRoster(`rejected.${file.extension}`, file.bytes);
    expect(back.headers).toEqual(['姓名', '身份证号', '手机号码', '', '未导入原因']);
    expect(back.rows).toEqual([
      ['李四', '4.52601E+17', '13800138001', '', 'Excel 已把身份证号存成数字'],
      ['王五', '451022199001011234', '1380013800', '多出的一格', '手机号码应为11位'],
      ['=HYPERLINK("http://example.com")', '45102219900101123X', '+86 138 0013 8002', '', '校验码错误'],
    ]);
  });

  it('writes CSV as UTF-8 with a byte order mark, whatever the input was encoded in', async () => {
    const table: RosterTable = { ...rosterTable('csv'), encoding: 'gb18030' };
    const file = await rejectedRowsFile(table, [{ line: 3, reason: '重复' }], '原因');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(new TextDecoder().decode(file.bytes)).toContain('张三');
  });

  it('keeps IDs as text in the XLSX file, so Excel does not damage them', async () => {
    const file = await rejectedRowsFile(rosterTable('xlsx'), [{ line: 3, reason: 'x' }], 'reason');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const back = await readRoster('rejected.xlsx', file.bytes);
    expect(back.rows[0]?.[1]).toBe('452601199001011234');
  });

  it('refuses a line that is not a row of the table', async () => {
    await expect(rejectedRowsFile(rosterTable('csv'), [{ line: 2, reason: 'x' }], 'r')).rejects.toThrow(RangeError);
    await expect(rejectedRowsFile(rosterTable('csv'), [{ line: 99, reason: 'x' }], 'r')).rejects.toThrow(RangeError);
  });
});

describe('rosterTemplate', () => {
  it.each(FORMATS.flatMap((format) => LANGUAGES.map((language) => [format, language] as const)))(
    'a blank %s template in %s reads back with every column recognised',
    async (format, language) => {
      const file = await rosterTemplate(format, language);
      const table = await readRoster(`template.${file.extension}`, file.bytes);
      expect(table.rows).toEqual([]);
      const mapping = recognizeColumns(table.headers);
      expect(Object.keys(mapping).sort()).toEqual([...ROSTER_FIELDS].sort());
      expect(table.headers[0]).toBe(language === 'en' ? 'Name' : '姓名');
    },
  );
});

describe('workersFile', () => {
  it.each(FORMATS.flatMap((format) => LANGUAGES.map((language) => [format, language] as const)))(
    'exports workers to %s in %s, and the file imports again to the same workers',
    async (format, language) => {
      const workers = [
        fieldsOf({ gender: 'male', povertyStatus: 'registered-poor', skills: ['电工', '焊工'] }),
        fieldsOf({
          gender: 'female',
          name: '阿依古丽·买买提',
          povertyStatus: 'relatively-poor',
          notes: '=1+1',
          emergencyContactPhone: '',
        }),
        fieldsOf({ name: '刘䶮', povertyStatus: 'none', skills: [] }),
        fieldsOf({ name: '𠮷田', household: '451022000001' }),
      ];
      const file = await workersFile(workers, format, language);
      const table = await readRoster(`workers.${file.extension}`, file.bytes);
      const verdicts = checkRoster(table, recognizeColumns(table.headers), OPTIONS);
      expect(verdicts.map((verdict) => verdict.problems)).toEqual(workers.map(() => []));
      expect(verdicts.map((verdict) => verdict.worker)).toEqual(workers);
    },
  );

  it('writes gender and poverty in the file’s language, and the birth date', async () => {
    const worker = fieldsOf({ gender: 'female', birthDate: '1990-05-06', povertyStatus: 'registered-poor' });
    const zh = await readRoster('a.csv', (await workersFile([worker], 'csv', 'zh-CN')).bytes);
    expect(zh.headers.slice(0, 5)).toEqual(['姓名', '身份证号', '手机号码', '性别', '出生日期']);
    expect(zh.rows[0]?.slice(3, 5)).toEqual(['女', '1990-05-06']);
    expect(zh.rows[0]?.[9]).toBe('建档立卡贫困户');
    const en = await readRoster('a.csv', (await workersFile([worker], 'csv', 'en')).bytes);
    expect(en.headers.slice(0, 5)).toEqual(['Name', 'Resident ID', 'Mobile', 'Gender', 'Birth date']);
    expect(en.rows[0]?.slice(3, 5)).toEqual(['female', '1990-05-06']);
    expect(en.rows[0]?.[9]).toBe('registered poor');
  });
});

describe('csvCellForExcel', () => {
  it('wraps long digit strings so that Excel shows them as text', () => {
    expect(csvCellForExcel('452601199001011234')).toBe('="452601199001011234"');
    expect(csvCellForExcel('451022000001')).toBe('="451022000001"');
    expect(csvCellForExcel('13800138000')).toBe('13800138000');
    expect(csvCellForExcel('45260119900101123X')).toBe('45260119900101123X');
  });

  it('guards cells that Excel would run as a formula', () => {
    expect(csvCellForExcel('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(csvCellForExcel('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCellForExcel('+86 138 0013 8000')).toBe("'+86 138 0013 8000");
    expect(csvCellForExcel('-cmd')).toBe("'-cmd");
    expect(csvCellForExcel('\tx')).toBe("'\tx");
  });

  it('leaves plain numbers and ordinary text alone', () => {
    expect(csvCellForExcel('-12.5')).toBe('-12.5');
    expect(csvCellForExcel('+86')).toBe('+86');
    expect(csvCellForExcel('张三')).toBe('张三');
    expect(csvCellForExcel('')).toBe('');
  });
});
