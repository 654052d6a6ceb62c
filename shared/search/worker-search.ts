/**
 * The in-memory search index behind the workers list (issue 3, "The list" and "Performance"):
 * per-keystroke search by name, pinyin, pinyin initials, the last digits of the resident ID and
 * the phone, over 100,000 workers. The renderer keeps one in a Web Worker and upserts on every
 * change, so it is pure TypeScript (no DOM, no Node) and every change costs amortized O(1).
 *
 * Why a linear scan and not an inverted or prefix index: each worker's keys are computed once
 * (lower-case name, full pinyin, initials, ID, phone) and kept in flat arrays, and a search is one
 * pass of `startsWith` / `endsWith` / `includes` over them. Measured with `tests/bench/search.ts`
 * (Node 20, the 2-core development machine under a load of about 1.5 from other work, the
 * 100,000-worker demo roster, medians of 50 typed queries each, over four runs): 2.2-3.5 ms per
 * name query (黄, 黄文), 3.1-5.1 ms per pinyin query (hwg, huangw), 3.8-6.6 ms per ID-suffix query,
 * against 7.9-10.8 ms for a bare `name.includes(q)` pass over the names as the records hold them
 * (the index's keys, allocated together, scan faster than strings spread over the records). That
 * is a tenth of the 50 ms budget or less, with no structure to keep in step: an upsert is a few
 * array writes, and "contains" and "ends with", which a prefix tree can not answer, cost the same
 * as "starts with". Building takes 0.6-0.9 s with a cold pinyin cache (0.9 s in a fresh process,
 * JIT cold included), and the index holds about 27 MB for 100,000 workers (a Map from id to slot,
 * six arrays, the key strings; repeated names share their pinyin strings), less than a third of
 * the 91 MB that the 100,000 full records take.
 *
 * Results come ranked: exact matches, then prefix matches (an ID suffix or a phone prefix counts as
 * a prefix), then "contains" matches. Inside a rank they come in the order of the name's pinyin,
 * which is the order of Chinese (pinyin) collation except that a surname sorts under its surname
 * reading (曾 under z) and a character pinyin-pro can not read adds nothing (黄𠮷 sorts as huang,
 * before 黄安); then by the name itself, then by insertion order. So the same query over the same
 * workers always gives the same list, and namesakes sit together. The order comes from keys the
 * index already holds (Intl.Collator('zh') takes 19 ms to sort the 13,000 黄 of the demo roster,
 * more than the scan), and only the first `limit` are sorted, with a bounded heap: `h` matches
 * 14,000 demo workers.
 */
import { compactIdentifier, oneByteIfAscii, toHalfWidth } from '../domain/half-width';
import { foldNameDots } from '../domain/person-name';
import { namePinyin } from '../domain/pinyin';
import { residentIdCheckChar } from '../domain/resident-id';

/** The fields of a worker that search reads; a `Worker` record is one. */
export interface SearchableWorker {
  id: string;
  name: string;
  residentId: string;
  phone: string;
}

export interface WorkerSearchResult {
  /** Ids of the best matches, best first, at most `limit` of them. */
  ids: string[];
  /** How many workers match in all, for "N found". */
  total: number;
}

/** Enough rows to fill the visible list several times over; more is a query that needs narrowing. */
export const DEFAULT_SEARCH_LIMIT = 200;

/** Fewer digits than this are only looked for at the end of the resident ID, never in a phone. */
const MIN_DIGITS_FOR_PHONE = 4;

/**
 * Removed workers leave an empty slot so that removal is O(1) and insertion order survives; the
 * slots are squeezed out once they are more than half the arrays (amortized O(1) per removal).
 */
const COMPACT_AFTER_REMOVALS = 1024;

type QueryPlan =
  | { kind: 'none' }
  | { kind: 'name'; text: string }
  | { kind: 'pinyin'; letters: string }
  | { kind: 'number'; digits: string; fullId: string | null };

/** Three ranks: exact, prefix, contains. */
type Ranks = [number[], number[], number[]];

export class WorkerSearchIndex {
  // One slot per worker, in insertion order; a removed worker's slot holds empty strings, which
  // no non-empty query matches.
  private ids: string[] = [];
  /** Half-width, lower-case, without spaces, middle dots folded to U+00B7. */
  private nameKeys: string[] = [];
  private fullPinyin: string[] = [];
  private initials: string[] = [];
  /** Half-width, upper-case X, without spaces. */
  private residentIds: string[] = [];
  /** Digits only. */
  private phones: string[] = [];
  private readonly slotById = new Map<string, number>();
  private removedSlots = 0;

  constructor(workers: Iterable<SearchableWorker> = []) {
    for (const worker of workers) this.upsert(worker);
  }

  get size(): number {
    return this.slotById.size;
  }

  /** Adds a worker, or replaces the keys of one already indexed (it keeps its place). */
  upsert(worker: SearchableWorker): void {
    const slot = this.slotById.get(worker.id);
    if (slot === undefined) {
      this.slotById.set(worker.id, this.ids.length);
      this.ids.push(worker.id);
      this.nameKeys.push('');
      this.fullPinyin.push('');
      this.initials.push('');
      this.residentIds.push('');
      this.phones.push('');
      this.writeKeys(this.ids.length - 1, worker);
    } else {
      this.writeKeys(slot, worker);
    }
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.ids[slot] = '';
    this.nameKeys[slot] = '';
    this.fullPinyin[slot] = '';
    this.initials[slot] = '';
    this.residentIds[slot] = '';
    this.phones[slot] = '';
    this.removedSlots += 1;
    if (this.removedSlots >= COMPACT_AFTER_REMOVALS && this.removedSlots * 2 > this.ids.length) this.compact();
  }

  /**
   * Workers matching `query`, best first (see the module comment for the ranking):
   * - Chinese text (or anything that is not only letters or only digits): the name starts with it
   *   or contains it; minority-name dots typed any way match U+00B7.
   * - Latin letters: the name's full pinyin or its initials start with them (`zhangs`, `zs`).
   * - Digits, with an optional trailing X: the end of the resident ID; with 4 or more digits also
   *   anywhere in the phone; a whole 18-character (or legacy 15-digit) ID matches its owner first.
   * Full-width characters, case and surrounding spaces do not matter. An empty query finds nothing:
   * the list shows every worker without asking the index.
   */
  search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): WorkerSearchResult {
    const plan = planQuery(query);
    if (plan.kind === 'none') return { ids: [], total: 0 };
    const ranks: Ranks = [[], [], []];
    switch (plan.kind) {
      case 'name':
        this.scanNames(plan.text, ranks);
        break;
      case 'pinyin':
        this.scanPinyin(plan.letters, ranks);
        break;
      case 'number':
        this.scanNumbers(plan.digits, plan.fullId, ranks);
        break;
    }
    const ids: string[] = [];
    let room = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
    for (const slots of ranks) {
      if (room === 0) break;
      for (const slot of this.best(slots, room)) ids.push(this.ids[slot] ?? '');
      room -= Math.min(room, slots.length);
    }
    return { ids, total: ranks[0].length + ranks[1].length + ranks[2].length };
  }

  private writeKeys(slot: number, worker: SearchableWorker): void {
    const nameKey = nameSearchKey(worker.name);
    // Reading pinyin is the only costly step; an edit that keeps the name skips it.
    if (this.nameKeys[slot] !== nameKey) {
      const { full, initials } = namePinyin(worker.name);
      this.nameKeys[slot] = nameKey;
      this.fullPinyin[slot] = full;
      this.initials[slot] = initials;
    }
    this.residentIds[slot] = oneByteIfAscii(compactIdentifier(worker.residentId));
    // A flat copy: every search runs through these, and a piece of another string compares slower.
    this.phones[slot] = oneByteIfAscii(toHalfWidth(worker.phone).replace(/\D/g, ''));
  }

  private scanNames(text: string, [exact, prefix, contains]: Ranks): void {
    const keys = this.nameKeys;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] ?? '';
      if (key.startsWith(text)) (key.length === text.length ? exact : prefix).push(slot);
      else if (key.includes(text)) contains.push(slot);
    }
  }

  private scanPinyin(letters: string, [exact, prefix, contains]: Ranks): void {
    const { fullPinyin, initials, nameKeys } = this;
    for (let slot = 0; slot < fullPinyin.length; slot++) {
      const full = fullPinyin[slot] ?? '';
      const first = initials[slot] ?? '';
      if (first === letters || full === letters) exact.push(slot);
      else if (full.startsWith(letters) || first.startsWith(letters)) prefix.push(slot);
      // Names written in Latin letters (a foreign worker's) are also found by a word inside them.
      else if ((nameKeys[slot] ?? '').includes(letters)) contains.push(slot);
    }
  }

  private scanNumbers(digits: string, fullId: string | null, [exact, prefix, contains]: Ranks): void {
    const { residentIds, phones } = this;
    const inPhones = digits.length >= MIN_DIGITS_FOR_PHONE && !digits.endsWith('X');
    for (let slot = 0; slot < residentIds.length; slot++) {
      const residentId = residentIds[slot] ?? '';
      const phone = inPhones ? (phones[slot] ?? '') : '';
      if (residentId === fullId || (inPhones && phone === digits)) exact.push(slot);
      else if (residentId.endsWith(digits) || (inPhones && phone.startsWith(digits))) prefix.push(slot);
      else if (inPhones && phone.includes(digits)) contains.push(slot);
    }
  }

  /** Orders two slots of one rank: by pinyin, then name, then insertion order. */
  private readonly compareSlots = (a: number, b: number): number => {
    const pinyinA = this.fullPinyin[a] ?? '';
    const pinyinB = this.fullPinyin[b] ?? '';
    if (pinyinA !== pinyinB) return pinyinA < pinyinB ? -1 : 1;
    const nameA = this.nameKeys[a] ?? '';
    const nameB = this.nameKeys[b] ?? '';
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    return a - b;
  };

  /** The first `count` of `slots` in order, without sorting the rest (a bounded max-heap). */
  private best(slots: number[], count: number): number[] {
    if (slots.length <= count) return slots.sort(this.compareSlots);
    const heap: number[] = [];
    for (const slot of slots) {
      if (heap.length < count) {
        heap.push(slot);
        siftUp(heap, heap.length - 1, this.compareSlots);
      } else if (this.compareSlots(slot, heap[0] ?? slot) < 0) {
        heap[0] = slot;
        siftDown(heap, 0, this.compareSlots);
      }
    }
    return heap.sort(this.compareSlots);
  }

  /** Squeezes out removed slots, keeping the order of the rest. */
  private compact(): void {
    const keep: number[] = [];
    for (let slot = 0; slot < this.ids.length; slot++)
      if (this.slotById.get(this.ids[slot] ?? '') === slot) keep.push(slot);
    const pick = (values: string[]): string[] => keep.map((slot) => values[slot] ?? '');
    this.ids = pick(this.ids);
    this.nameKeys = pick(this.nameKeys);
    this.fullPinyin = pick(this.fullPinyin);
    this.initials = pick(this.initials);
    this.residentIds = pick(this.residentIds);
    this.phones = pick(this.phones);
    this.ids.forEach((id, slot) => this.slotById.set(id, slot));
    this.removedSlots = 0;
  }
}

/** The form of a name (or of a name typed as a query) that name search compares. */
function nameSearchKey(text: string): string {
  return foldNameDots(toHalfWidth(text)).replace(/\s+/g, '').toLowerCase();
}

const DIGITS_AND_CHECK_CHAR = /^\d+X?$/;
const LATIN_LETTERS = /^[a-z]+$/;

function planQuery(query: string): QueryPlan {
  const text = toHalfWidth(query).trim();
  if (text === '') return { kind: 'none' };

  // Clerks type phones with spaces, dashes or +86, and IDs in groups.
  const compact = compactIdentifier(text)
    .replace(/-/g, '')
    .replace(/^\+86(?=\d)/, '');
  if (DIGITS_AND_CHECK_CHAR.test(compact)) return { kind: 'number', digits: compact, fullId: wholeResidentId(compact) };

  // xi'an style apostrophes separate syllables in typed pinyin.
  const letters = text.replace(/[\s']/g, '').toLowerCase();
  if (LATIN_LETTERS.test(letters)) return { kind: 'pinyin', letters };

  return { kind: 'name', text: nameSearchKey(text) };
}

/** The 18-character ID a whole typed ID stands for (a legacy 15-digit one upgraded), else null. */
function wholeResidentId(digits: string): string | null {
  if (digits.length === 18) return digits;
  if (digits.length === 15 && !digits.endsWith('X')) {
    const first17 = `${digits.slice(0, 6)}19${digits.slice(6)}`;
    return `${first17}${residentIdCheckChar(first17)}`;
  }
  return null;
}

type Compare = (a: number, b: number) => number;

// A max-heap under `compare`: the worst of the best so far sits at the top, ready to be replaced.
function siftUp(heap: number[], index: number, compare: Compare): void {
  let child = index;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    const childValue = heap[child] ?? 0;
    const parentValue = heap[parent] ?? 0;
    if (compare(childValue, parentValue) <= 0) return;
    heap[child] = parentValue;
    heap[parent] = childValue;
    child = parent;
  }
}

function siftDown(heap: number[], index: number, compare: Compare): void {
  let parent = index;
  for (;;) {
    const left = parent * 2 + 1;
    const right = left + 1;
    let largest = parent;
    if (left < heap.length && compare(heap[left] ?? 0, heap[largest] ?? 0) > 0) largest = left;
    if (right < heap.length && compare(heap[right] ?? 0, heap[largest] ?? 0) > 0) largest = right;
    if (largest === parent) return;
    const parentValue = heap[parent] ?? 0;
    heap[parent] = heap[largest] ?? 0;
    heap[largest] = parentValue;
    parent = largest;
  }
}
