import { describe, expect, it } from 'vitest';
import { startsWithClosingPunctuation, wrapText } from '@shared/documents/wrap';

/** Every character is 1 wide, so widths count characters. */
const width = (text: string): number => Array.from(text).length;

describe('wrapping text in cells', () => {
  it('leaves text that fits on one line', () => {
    expect(wrapText('田东县平马镇', 10, width)).toEqual(['田东县平马镇']);
  });

  it('breaks between Chinese characters and fills each line', () => {
    expect(wrapText('深圳市华星光电半导体显示', 5, width)).toEqual(['深圳市华星', '光电半导体', '显示']);
  });

  it('never starts a line with closing punctuation: the mark stays with the character before', () => {
    for (const text of [
      '广东美的制冷（顺德），宿舍',
      '一二三四，五六七八。九十',
      '甲乙丙丁」戊己',
      '甲乙丙丁！？戊己',
    ]) {
      for (const maxWidth of [3, 4, 5, 6]) {
        const lines = wrapText(text, maxWidth, width);
        expect(lines.join('')).toBe(text);
        expect(lines.filter(startsWithClosingPunctuation), `${text} at ${String(maxWidth)}`).toEqual([]);
      }
    }
  });

  it('keeps Latin words and numbers whole where they fit', () => {
    expect(wrapText('Foxconn Technology Group', 12, width)).toEqual(['Foxconn', 'Technology', 'Group']);
    expect(wrapText('电话13800138000', 12, width)).toEqual(['电话', '13800138000']);
  });

  it('cuts a piece wider than the line between characters, keeping nothing out', () => {
    const lines = wrapText('ABCDEFGHIJ', 4, width);
    expect(lines).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('starts a new line at a newline', () => {
    expect(wrapText('第一行\n第二行', 10, width)).toEqual(['第一行', '第二行']);
  });
});
