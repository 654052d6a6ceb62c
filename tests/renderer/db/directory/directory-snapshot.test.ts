import { describe, expect, it } from 'vitest';
import { namePinyin } from '@shared/domain/pinyin';
import {
  makeSnapshot,
  readSnapshot,
  SNAPSHOT_FORMAT,
  type DirectorySnapshot,
} from '@renderer/db/directory/directory-snapshot';
import { makeWorker } from '@tests/fixtures/factories';

const workers = [
  makeWorker({ name: '张三' }),
  makeWorker({ name: '张三', demo: true }),
  { ...makeWorker({ name: '欧阳娜娜' }), deletedAt: null },
];
const state = { workers, lastSeen: '2026-11-27T08:00:00.000+08:00', seenAtLastSeen: ['a'], knownIds: ['a', 'b'] };

/** Through structured clone, as IndexedDB stores it. */
const stored = (snapshot: DirectorySnapshot): unknown => structuredClone(snapshot);

describe('the workers directory snapshot', () => {
  it('gives back every worker exactly, optional fields included, with the pinyin of each name', () => {
    const back = readSnapshot(stored(makeSnapshot(state, namePinyin)));
    expect(back?.workers).toEqual(workers);
    expect(back?.workers[0]).not.toHaveProperty('demo');
    expect(back?.lastSeen).toBe(state.lastSeen);
    expect(back?.knownIds).toEqual(['a', 'b']);
    expect(back?.seenAtLastSeen).toEqual(['a']);
    // Each distinct name once, read as the search reads it.
    expect(back?.readings).toEqual([
      ['张三', namePinyin('张三')],
      ['欧阳娜娜', namePinyin('欧阳娜娜')],
    ]);
  });

  it('round-trips an empty directory', () => {
    const back = readSnapshot(stored(makeSnapshot({ ...state, workers: [] }, namePinyin)));
    expect(back?.workers).toEqual([]);
  });

  it('ignores a missing, foreign, older or damaged snapshot, so the directory reads the table instead', () => {
    const good = makeSnapshot(state, namePinyin);
    expect(readSnapshot(undefined)).toBeNull();
    expect(readSnapshot({ id: 'workers-directory' })).toBeNull();
    expect(readSnapshot({ ...good, format: SNAPSHOT_FORMAT + 1 })).toBeNull();
    const { phone: _phone, ...withoutPhone } = good.columns;
    expect(readSnapshot({ ...good, columns: withoutPhone })).toBeNull();
    expect(readSnapshot({ ...good, columns: { ...good.columns, village: good.columns.village.slice(1) } })).toBeNull();
    expect(readSnapshot({ ...good, pinyinFull: [] })).toBeNull();
    expect(readSnapshot({ ...good, knownIds: [1, 2] })).toBeNull();
    expect(readSnapshot({ ...good, columns: { ...good.columns, id: good.columns.id.map(() => 7) } })).toBeNull();
  });
});
