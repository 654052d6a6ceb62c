/**
 * The pinyin of a person's name, for search (issue 3, "The list": `zhangsan` and `zs` find 张三).
 *
 * The surname is read with its surname reading (覃 qin, 区 ou, 单 shan, 曾 zeng, 仇 qiu, 解 xie,
 * 查 zha, 朴 piao, and compound surnames such as 欧阳, 尉迟 yuchi, 万俟 moqi): pinyin-pro's surname
 * mode, limited to the head of the name so that 单单 reads shandan, not shanshan. The given name is
 * read as pinyin-pro decides from its word list. A transcribed minority name (阿依古丽·买买提) has no
 * Han surname, so it is read without surname mode.
 *
 * Only ASCII letters come out: tones, spaces, middle dots, digits and characters that pinyin-pro
 * does not know (𠮷, a surrogate pair in CJK Extension B) are dropped, so that the rest of the name
 * still matches. ü is written v (吕 lv), as pinyin input methods type it. Latin letters in a name
 * are kept, lower-cased, and a run of them counts as one word for the initials (李Anna: lianna, la).
 */
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './half-width';
import { hasNameDot } from './person-name';

export interface NamePinyin {
  /** Every syllable, lower-case ASCII, without tones or separators: 张三 → zhangsan. */
  readonly full: string;
  /** The first letter of every syllable (and of every run of Latin letters): 张三 → zs. */
  readonly initials: string;
}

/**
 * pinyin-pro takes about 10 µs per name: 1.0-1.2 s for the 100,000 names of the demo roster at
 * start-up. Names repeat a lot (that roster has about 22,000 distinct names), so each distinct name
 * is read once, which brings the 100,000 down to 0.27-0.32 s (measured in Node 20 on the 2-core
 * development machine). A cache per character would be smaller but would lose pinyin-pro's
 * reading of a given name as a word. The bound only keeps a Web Worker that lives for weeks from
 * growing without end; a roster has far fewer distinct names than this.
 */
const CACHE_LIMIT = 200_000;
const cache = new Map<string, NamePinyin>();

const ASCII_LETTER = /^[a-z]$/i;
const NOT_LOWER_ASCII_LETTER = /[^a-z]/g;

/** The pinyin of a name, for search: see the module comment. */
export function namePinyin(name: string): NamePinyin {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const computed = readName(name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, computed);
  return computed;
}

/**
 * Takes in readings computed earlier (the workers directory keeps them in its snapshot), so that a
 * start-up does not read 100,000 names again. A reading here wins over none, never over one cached.
 */
export function primeNamePinyin(readings: Iterable<readonly [name: string, reading: NamePinyin]>): void {
  for (const [name, reading] of readings) {
    if (cache.size >= CACHE_LIMIT) return;
    if (!cache.has(name)) cache.set(name, reading);
  }
}

/** Forgets every name read so far; benchmarks call it to time a cold start. */
export function clearNamePinyinCache(): void {
  cache.clear();
}

function readName(name: string): NamePinyin {
  // Full-width Latin letters (Ａｎｎａ) are the same letters; leading spaces would hide the surname.
  const text = toHalfWidth(name).trim();
  const syllables = pinyin(text, {
    type: 'all',
    toneType: 'none',
    v: true,
    ...(hasNameDot(text) ? {} : { mode: 'surname', surname: 'head' }),
  });
  let full = '';
  let initials = '';
  let inLatinRun = false;
  for (const syllable of syllables) {
    if (syllable.isZh) {
      // Defensive: a reading such as ê or m̄ would otherwise let non-ASCII into the key.
      const reading = syllable.result.toLowerCase().replace(NOT_LOWER_ASCII_LETTER, '');
      full += reading;
      initials += reading.charAt(0);
      inLatinRun = false;
    } else if (ASCII_LETTER.test(syllable.origin)) {
      // pinyin-pro hands Latin text over one character at a time.
      const letter = syllable.origin.toLowerCase();
      full += letter;
      if (!inLatinRun) initials += letter;
      inLatinRun = true;
    } else {
      // A space, a dot, a digit, or a character pinyin-pro does not know (whole, never half a
      // surrogate pair, because pinyin-pro walks the string by code point).
      inLatinRun = false;
    }
  }
  return { full, initials };
}
