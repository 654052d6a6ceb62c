import { describe, expect, it } from 'vitest';
import { fileNameSchema } from '@shared/bridge';
import { documentFileName } from '@renderer/features/documents/file-name';

describe('the file name of a saved document', () => {
  it('names the batch, the document and the date', () => {
    expect(documentFileName(['田东县 第1批', '乘客名单', '2026-02-18'])).toBe('田东县 第1批-乘客名单-2026-02-18.pdf');
  });

  it.each([
    ['separators and reserved characters', ['百色/田东:第1批*', '乘客名单'], '百色_田东_第1批_-乘客名单.pdf'],
    ['control characters and runs of spaces', ['第1批\t\n  春风', '交接单'], '第1批 春风-交接单.pdf'],
    ['leading dots', ['..\\..\\evil', '封面'], '_.._evil-封面.pdf'],
    ['an empty batch name', ['', '登车卡', '2026-02-18'], '登车卡-2026-02-18.pdf'],
    ['nothing at all', ['', '  '], 'document.pdf'],
  ])('is always accepted by the bridge: %s', (_, parts, expected) => {
    const name = documentFileName(parts);
    expect(name).toBe(expected);
    expect(fileNameSchema.safeParse(name).success).toBe(true);
  });

  it('cuts a very long batch name to fit, keeping whole characters and the extension', () => {
    const name = documentFileName(['𠀇'.repeat(150), '乘客名单']);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(fileNameSchema.safeParse(name).success).toBe(true);
    expect(name.slice(0, -4)).toMatch(/^(?:𠀇)+$/u);
  });

  it('never ends the stem with a dot or a space once cut', () => {
    const name = documentFileName([`${'批'.repeat(195)}. . .`, '封面']);
    expect(fileNameSchema.safeParse(name).success).toBe(true);
    expect(name).not.toMatch(/[. ]\.pdf$/);
  });
});
