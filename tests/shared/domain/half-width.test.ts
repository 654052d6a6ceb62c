import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactIdentifier, oneByteIfAscii, toHalfWidth } from '@shared/domain/half-width';

/** A cell as a roster's decoded text holds it: a piece of a longer text with Chinese in it. */
function cellOfChineseText(cell: string): string {
  const line = `张三,${cell},那洪村`;
  return line.slice(3, 3 + cell.length);
}

/** Bytes V8's serializer writes for a string: one or two per character, as V8 holds it. */
const storedBytes = (text: string): number => serialize(text).length;

describe('half-width folding', () => {
  it('folds full-width digits, letters and the ideographic space, and leaves the rest', () => {
    expect(toHalfWidth('４５２６０１　Ｘ张')).toBe('452601 X张');
    expect(toHalfWidth('张三 13800138000')).toBe('张三 13800138000');
  });

  it('compacts identifiers: no whitespace, upper case, half width', () => {
    expect(compactIdentifier(' 452601 1990 0101 123x ')).toBe('45260119900101123X');
    expect(compactIdentifier('４５２６０１１９９００１０１１２３Ｘ')).toBe('45260119900101123X');
    expect(compactIdentifier('45260119900101123X')).toBe('45260119900101123X');
  });
});

describe('flat one-byte copies (the search index keeps its IDs and phones so)', () => {
  it('copies an ASCII text one byte per character, whatever held it before', () => {
    const typed = '452601199001011234';
    const cell = cellOfChineseText(typed);
    expect(cell).toBe(typed);
    // A piece of a Chinese text is held two bytes per character.
    expect(storedBytes(cell)).toBeGreaterThan(storedBytes(typed));
    expect(oneByteIfAscii(cell)).toBe(typed);
    expect(storedBytes(oneByteIfAscii(cell))).toBe(storedBytes(typed));
  });

  it('leaves a text with other characters as it is', () => {
    expect(oneByteIfAscii('那洪村12组')).toBe('那洪村12组');
    expect(oneByteIfAscii('')).toBe('');
  });
});
