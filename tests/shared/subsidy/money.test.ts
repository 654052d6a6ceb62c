import { describe, expect, it } from 'vitest';
import { capitalYuan, formatYuan, parseYuan, splitFen, sumFen } from '@shared/subsidy/money';

describe('amounts of money', () => {
  it('are read as people type them, in whole fen', () => {
    expect(parseYuan('1000')).toEqual({ fen: 100_000 });
    expect(parseYuan('1,000.5')).toEqual({ fen: 100_050 });
    expect(parseYuan('¥ 400.00')).toEqual({ fen: 40_000 });
    expect(parseYuan('１０００元')).toEqual({ fen: 100_000 });
    expect(parseYuan('0.5')).toEqual({ fen: 50 });
  });

  it('are refused, never rounded, when they are not an amount', () => {
    expect(parseYuan('1000.005')).toEqual({ problem: 'too-precise' });
    expect(parseYuan('-400')).toEqual({ problem: 'negative' });
    expect(parseYuan('四百')).toEqual({ problem: 'not-a-number' });
    expect(parseYuan('')).toEqual({ problem: 'not-a-number' });
    expect(parseYuan('1e5')).toEqual({ problem: 'not-a-number' });
    expect(parseYuan('1000000000000000')).toEqual({ problem: 'too-large' });
  });

  it('add up exactly, where floating point would not', () => {
    expect(sumFen([10, 20])).toBe(30);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumFen(Array.from({ length: 100_000 }, () => 40_000))).toBe(4_000_000_000);
    expect(() => sumFen([10.5])).toThrow(RangeError);
  });

  it('print with grouped thousands and two decimals', () => {
    expect(formatYuan(100_000)).toBe('1,000.00');
    expect(formatYuan(50)).toBe('0.50');
    expect(formatYuan(10_000_000_000)).toBe('100,000,000.00');
  });

  it('split into instalments that add up to the whole amount', () => {
    expect(splitFen(100_001, [0.5, 0.5])).toEqual([50_000, 50_001]);
    expect(splitFen(100_000, [1 / 3, 1 / 3, 1 / 3])).toEqual([33_333, 33_333, 33_334]);
    expect(() => splitFen(100, [0.5, 0.6])).toThrow(RangeError);
  });
});

describe('amounts in capital numerals', () => {
  it('read as a payment form writes them', () => {
    expect(capitalYuan(50)).toBe('伍角整');
    expect(capitalYuan(1_000)).toBe('壹拾元整');
    expect(capitalYuan(100_000)).toBe('壹仟元整');
    expect(capitalYuan(1_000_100)).toBe('壹万零壹元整');
    expect(capitalYuan(10_000_000_000)).toBe('壹亿元整');
    expect(capitalYuan(100_005)).toBe('壹仟元零伍分');
    expect(capitalYuan(1_234_567_891)).toBe('壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角壹分');
    expect(() => capitalYuan(0.5)).toThrow(RangeError);
  });
});
