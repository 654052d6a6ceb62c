/**
 * A small seeded pseudo-random generator for demo data: the same seed gives the same data set on
 * every PC and in every test run. sfc32 (Chris Doty-Humphrey's Small Fast Counting generator)
 * seeded by the cyrb128 string hash, both from bryc's public-domain collection
 * (https://github.com/bryc/code/blob/master/jshash/PRNGs.md). Not for anything secret.
 */

export type Seed = number | string;

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  uint32(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean;
  /** One element, uniformly; throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight; throws when no weight is positive. */
  weightedPick<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** Shuffles the array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** A string in UUID version 4 format, drawn from this generator (so, repeatable). */
  uuid(): string;
}

/**
 * Hashes a seed into four 32-bit words (cyrb128). A number seed is hashed as its decimal text, so
 * 42 and '42' give the same sequence: a seed typed into a form is the same seed as in code.
 */
export function hashSeed(seed: Seed): [number, number, number, number] {
  const text = String(seed);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2578416307);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2578416307);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return `${HEX[(word >>> 24) & 0xff]}${HEX[(word >>> 16) & 0xff]}${HEX[(word >>> 8) & 0xff]}${HEX[word & 0xff]}`;
}

export function createRandom(seed: Seed): SeededRandom {
  let [a, b, c, d] = hashSeed(seed);

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs still echo the hash words; the reference implementation discards them too.
  for (let i = 0; i < 15; i += 1) uint32();

  const next = (): number => uint32() / 4294967296;

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };

  const weightedPick = <T>(entries: readonly (readonly [value: T, weight: number])[]): T => {
    let total = 0;
    for (const [, weight] of entries) total += Math.max(0, weight);
    if (!(total > 0)) throw new RangeError('weightedPick() needs at least one positive weight');
    let target = next() * total;
    let last: T | undefined;
    for (const [value, weight] of entries) {
      if (weight <= 0) continue;
      last = value;
      target -= weight;
      if (target < 0) return value;
    }
    // Rounding can leave a sliver of target after the last entry.
    return last as T;
  };

  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  };

  const uuid = (): string => {
    const w1 = hex32(uint32());
    const w2 = hex32(uint32());
    const w3 = hex32(uint32());
    const w4 = hex32(uint32());
    // Version nibble 4; variant bits 10xx (8, 9, a or b) as RFC 9562 asks.
    const variant = ((parseInt(w3.charAt(0), 16) & 0x3) | 0x8).toString(16);
    return `${w1}-${w2.slice(0, 4)}-4${w2.slice(5, 8)}-${variant}${w3.slice(1, 4)}-${w3.slice(4, 8)}${w4}`;
  };

  return {
    next,
    uint32,
    int,
    chance: (probability) => next() < probability,
    pick,
    weightedPick,
    shuffle,
    uuid,
  };
}
