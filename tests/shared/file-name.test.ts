import { describe, expect, it } from 'vitest';
import { fileNameSchema } from '@shared/bridge';
import { fileNameProblem, safeFileName } from '@shared/file-name';

const RLO = '\u202e';

describe('a file name the app offers', () => {
  it.each([
    ['CON.pdf', 'device-name'],
    ['con.pdf', 'device-name'],
    ['NUL', 'device-name'],
    ['COM1.xlsx', 'device-name'],
    ['LPT9.tar.gz', 'device-name'],
    ['AUX .json', 'device-name'],
    [`名单${RLO}fdp.exe`, 'bidi-control'],
    ['a\u2067b.pdf', 'bidi-control'],
    ['a/b.pdf', 'reserved-character'],
    ['..evil.pdf', 'dots'],
    [' 名单.pdf', 'edges'],
    ['名单.', 'edges'],
    ['', 'empty'],
    ['批'.repeat(201), 'too-long'],
  ])('refuses %j (%s), as the bridge does', (name, problem) => {
    expect(fileNameProblem(name)).toBe(problem);
    expect(fileNameSchema.safeParse(name).success).toBe(false);
  });

  it.each(['CONSOLE.pdf', 'CON-乘客名单.pdf', 'COM10.txt', '第1批-乘客名单-2026-02-18.pdf', 'LPT.csv'])(
    'accepts %j',
    (name) => {
      expect(fileNameProblem(name)).toBeNull();
      expect(fileNameSchema.safeParse(name).success).toBe(true);
    },
  );

  it('never makes a device name: CON becomes CON_', () => {
    expect(safeFileName(['CON'], 'pdf')).toBe('CON_.pdf');
    expect(safeFileName(['lpt1 '], 'csv')).toBe('lpt1_.csv');
  });

  it('drops a right-to-left override, so the name reads as what it is', () => {
    const name = safeFileName([`名单${RLO}fdp.exe`], 'pdf');
    expect(name).toBe('名单fdp.exe.pdf');
    expect(fileNameSchema.safeParse(name).success).toBe(true);
  });

  it('falls back when nothing is left', () => {
    expect(safeFileName([RLO, ' . '], 'json', 'export')).toBe('export.json');
  });
});
