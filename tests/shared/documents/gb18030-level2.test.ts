/**
 * GB 18030-2022 implementation level 2 (docs/architecture.md#documents): besides the BMP, the
 * 196 characters of the Table of General Standard Chinese Characters that lie in CJK Extensions
 * B to F. pinyin-pro reads exactly the characters of that table, so the characters beyond the BMP
 * it has a reading for are those 196; each must print in both styles, never as □.
 */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { canDraw } from '@shared/documents/fonts';
import { documentFonts } from '../../fixtures/documents';

function levelTwoBeyondTheBmp(): number[] {
  const found: number[] = [];
  for (let codePoint = 0x20000; codePoint <= 0x323af; codePoint += 1) {
    const character = String.fromCodePoint(codePoint);
    const reading = pinyin(character, { toneType: 'none', nonZh: 'removed' });
    if (reading !== '' && reading !== character) found.push(codePoint);
  }
  return found;
}

describe('the characters of GB 18030-2022 level 2 beyond the BMP', () => {
  const characters = levelTwoBeyondTheBmp();

  it('are the 196 of the general standard table', () => {
    expect(characters).toHaveLength(196);
  });

  it('all print, in the regular and the bold style', () => {
    const fonts = documentFonts();
    const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase()}`;
    expect(characters.filter((codePoint) => !canDraw(fonts, codePoint)).map(hex)).toEqual([]);
    expect(characters.filter((codePoint) => !fonts.bold.supplementary.has(codePoint)).map(hex)).toEqual([]);
  });
});
