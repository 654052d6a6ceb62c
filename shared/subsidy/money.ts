/**
 * Sums of money for the subsidies (issue 18): public money, audited, so every amount is a whole
 * number of fen (分, 0.01 yuan) and every sum is a sum of whole numbers. A float never holds an
 * amount: 0.1 + 0.2 yuan is 30 fen, not 0.30000000000000004 yuan.
 */
import nzhcn from 'nzh/cn';

/** An amount in fen: a whole number, 100 to the yuan. */
export type Fen = number;

/** The largest amount a record holds: a hundred billion yuan, far above any county's budget. */
export const MAX_FEN: Fen = 100_000_000_000 * 100;

export type YuanProblem = 'not-a-number' | 'negative' | 'too-precise' | 'too-large';

/**
 * Reads an amount as a person types it: `1000`, `1,000.5`, `1000.50`, `¥1,000`, `1000元`,
 * full-width digits. More than two decimals is refused, never rounded.
 */
export function parseYuan(text: string): { fen: Fen } | { problem: YuanProblem } {
  const plain = text
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (plain.startsWith('-')) return { problem: /^-\d/.test(plain) ? 'negative' : 'not-a-number' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) return { problem: 'not-a-number' };
  const [, whole = '', decimals = ''] = match;
  if (decimals.length > 2) return { problem: 'too-precise' };
  if (whole.replace(/^0+/, '').length > 12) return { problem: 'too-large' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return fen > MAX_FEN ? { problem: 'too-large' } : { fen };
}

/** Whether `fen` is an amount a record may hold. */
export function isFen(fen: number): boolean {
  return Number.isSafeInteger(fen) && fen >= 0 && fen <= MAX_FEN;
}

/** The exact sum of amounts; throws on an amount that is not whole fen. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const amount of amounts) {
    if (!isFen(amount)) throw new RangeError(`not an amount in fen: ${amount}`);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum beyond exact integers');
  }
  return total;
}

/** An amount as a table prints it: `1,000.00` (thousands grouped, two decimals, no currency sign). */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const whole = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * An amount in Chinese capital numerals as a payment form writes it (壹仟元整, 伍角整, 壹仟元零伍分),
 * from `nzh`, a maintained library for exactly this, rather than rules of our own. The amount goes
 * in as a decimal string built from whole fen, so no float ever rounds it.
 */
export function capitalYuan(fen: Fen): string {
  if (!isFen(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  return nzhcn.toMoney(text, { outSymbol: false, forceZheng: true });
}

/** `share` of `fen` (an instalment: half, a third), in whole fen; the last instalment takes the rest. */
export function splitFen(fen: Fen, shares: readonly number[]): Fen[] {
  if (!isFen(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (shares.length === 0 || shares.some((share) => !(share > 0)) || Math.abs(total - 1) > 1e-9) {
    throw new RangeError(`shares must be positive and add up to 1: ${shares.join(', ')}`);
  }
  const parts = shares.slice(0, -1).map((share) => Math.floor(fen * share));
  return [...parts, fen - sumFen(parts)];
}
