import { describe, expect, it } from 'vitest';

import { addCalendarDays } from '@shared/dates';
import { residentIdCheckChar } from '@shared/domain/resident-id';
import { WorkerSearchIndex } from '@shared/search/worker-search';
import type { SearchableWorker } from '@shared/search/worker-search';
import { makeWorker } from '../../fixtures/factories';

/** A searchable worker with a valid resident ID and a unique phone unless told otherwise. */
function worker(overrides: Partial<SearchableWorker> & { name: string }): SearchableWorker {
  const { id, name, residentId, phone } = makeWorker(overrides);
  return { id, name, residentId, phone };
}

/** A valid 18-character resident ID whose last four characters are `lastFour` (the last one may be X). */
function residentIdEndingWith(lastFour: string, countyCode = '451022'): string {
  for (let day = 0; day < 3650; day++) {
    const birth = addCalendarDays('1985-01-01', day).replaceAll('-', '');
    const first17 = `${countyCode}${birth}${lastFour.slice(0, 3)}`;
    if (residentIdCheckChar(first17) === lastFour.charAt(3)) return `${first17}${lastFour.charAt(3)}`;
  }
  throw new Error(`no resident ID ends with ${lastFour}`);
}

/** The names of the workers found, in the order found. */
function namesFound(index: WorkerSearchIndex, workers: readonly SearchableWorker[], query: string): string[] {
  const byId = new Map(workers.map((each) => [each.id, each.name]));
  return index.search(query).ids.map((id) => byId.get(id) ?? `unknown id ${id}`);
}

describe('search by name', () => {
  const zhangSan = worker({ name: '张三' });
  const others = [worker({ name: '黄文光' }), worker({ name: '韦秀英' })];
  const index = new WorkerSearchIndex([...others, zhangSan]);

  it.each(['张', '张三', 'zhangsan', 'zhang', 'zhangs', 'zs', 'z'])('finds 张三 by %s', (query) => {
    expect(index.search(query).ids).toEqual([zhangSan.id]);
  });

  it('ignores case, full-width letters and surrounding spaces', () => {
    for (const query of ['ZS', 'ZhangSan', 'ｚｓ', 'ＺＨＡＮＧ', '  zs  ', '　张三　']) {
      expect(index.search(query).ids, query).toEqual([zhangSan.id]);
    }
  });

  it('finds nothing for letters that are not a prefix of the pinyin or the initials', () => {
    expect(index.search('san').total).toBe(0);
    expect(index.search('zx').total).toBe(0);
  });

  it('finds a name that contains the typed characters', () => {
    expect(index.search('文光').ids).toEqual([others[0]?.id]);
  });

  it('ranks an exact name, then names that start with the query, then names that contain it', () => {
    const workers = [worker({ name: '小张三' }), worker({ name: '张三丰' }), worker({ name: '张三' })];
    expect(namesFound(new WorkerSearchIndex(workers), workers, '张三')).toEqual(['张三', '张三丰', '小张三']);
  });

  it('ranks exact initials above initials or pinyin that only start with the query', () => {
    const workers = [worker({ name: '张三丰' }), worker({ name: '周胜' }), worker({ name: '张三' })];
    expect(namesFound(new WorkerSearchIndex(workers), workers, 'zs')).toEqual(['张三', '周胜', '张三丰']);
  });

  it('orders workers of the same rank by pinyin, then name, then the order they were added', () => {
    const first = worker({ name: '黄安' });
    const second = worker({ name: '黄安' });
    const workers = [worker({ name: '黄文光' }), first, worker({ name: '黄冰' }), second];
    const found = new WorkerSearchIndex(workers).search('黄').ids;
    expect(found).toEqual([first.id, second.id, workers[2]?.id, workers[0]?.id]);
  });
});

describe('search by pinyin uses the surname reading', () => {
  it('finds 覃 by qin, not by tan', () => {
    const qin = worker({ name: '覃文光' });
    const tan = worker({ name: '谭小兵' });
    const index = new WorkerSearchIndex([qin, tan]);
    expect(index.search('qin').ids).toEqual([qin.id]);
    expect(index.search('qwg').ids).toEqual([qin.id]);
    expect(index.search('tan').ids).toEqual([tan.id]);
  });

  it.each([
    ['区美玲', 'ou'],
    ['单志强', 'shan'],
    ['曾海涛', 'zeng'],
    ['仇建国', 'qiu'],
    ['解国华', 'xie'],
    ['查明亮', 'zha'],
    ['朴春生', 'piao'],
  ])('finds %s by %s', (name, surname) => {
    const found = worker({ name });
    expect(new WorkerSearchIndex([found, worker({ name: '黄文光' })]).search(surname).ids).toEqual([found.id]);
  });
});

describe('search finds minority names and names with rare characters', () => {
  const dotted = worker({ name: '阿依古丽·买买提' });
  const rare = worker({ name: '黄𠮷明' });
  const index = new WorkerSearchIndex([dotted, rare, worker({ name: '黄文光' })]);

  it('finds a dotted name by either part, by pinyin, and with the dot typed another way', () => {
    for (const query of ['阿依古丽', '买买提', 'ayiguli', 'aygl', '阿依古丽•买买提', '阿依古丽．买买提']) {
      expect(index.search(query).ids, query).toEqual([dotted.id]);
    }
  });

  it('finds a name with a character outside the BMP by that character, and by the rest of its pinyin', () => {
    expect(index.search('𠮷').ids).toEqual([rare.id]);
    expect(index.search('黄𠮷').ids).toEqual([rare.id]);
    expect(index.search('hm').ids).toEqual([rare.id]);
  });
});

describe('search by resident ID and phone', () => {
  const a = worker({ name: '黄文光', residentId: residentIdEndingWith('5678'), phone: '13800001111' });
  const b = worker({ name: '韦秀英', residentId: residentIdEndingWith('123X'), phone: '13912345678' });
  const c = worker({ name: '农春燕', residentId: residentIdEndingWith('0420'), phone: '13700009999' });
  const index = new WorkerSearchIndex([a, b, c]);

  it('finds the last digits of the ID, ranked above a phone that contains them', () => {
    expect(index.search('5678').ids).toEqual([a.id, b.id]);
  });

  it('finds an ID that ends in X, typed in any case or full width', () => {
    for (const query of ['123X', '123x', '１２３Ｘ', '23x']) expect(index.search(query).ids, query).toEqual([b.id]);
  });

  it('looks only at the end of the ID for fewer than 4 digits', () => {
    expect(index.search('420').ids).toEqual([c.id]);
    expect(index.search('999').ids).toEqual([]);
    expect(index.search('0').ids).toEqual([c.id]);
  });

  it('finds 4 or more digits anywhere in the phone, typed with spaces, dashes or +86', () => {
    expect(index.search('9999').ids).toEqual([c.id]);
    expect(index.search('1370000').ids).toEqual([c.id]);
    expect(index.search('137-0000-9999').ids).toEqual([c.id]);
    expect(index.search('+86 137 0000 9999').ids).toEqual([c.id]);
  });

  it('puts the owner of a whole ID first', () => {
    expect(index.search(a.residentId).ids).toEqual([a.id]);
    expect(index.search(b.residentId.toLowerCase()).ids).toEqual([b.id]);
    expect(index.search(` ${b.residentId.slice(0, 6)} ${b.residentId.slice(6)} `).ids).toEqual([b.id]);
  });

  it('finds the holder of a legacy 15-digit ID by that number', () => {
    // 15 digits: region, birth date without the century, sequence; no check character.
    const holder = worker({ name: '陆光明', residentId: '' });
    const first17 = '451022198503070421'.slice(0, 17);
    const upgraded = { ...holder, residentId: `${first17}${residentIdCheckChar(first17)}` };
    const legacy = `${first17.slice(0, 6)}${first17.slice(8)}`;
    expect(legacy).toHaveLength(15);
    expect(new WorkerSearchIndex([a, upgraded]).search(legacy).ids).toEqual([upgraded.id]);
  });
});

describe('search results', () => {
  it('finds nothing for an empty or blank query', () => {
    const index = new WorkerSearchIndex([worker({ name: '张三' })]);
    expect(index.search('')).toEqual({ ids: [], total: 0 });
    expect(index.search('   ')).toEqual({ ids: [], total: 0 });
    expect(index.search('　')).toEqual({ ids: [], total: 0 });
  });

  it('returns at most the limit (200 by default) and counts every match', () => {
    const workers = Array.from({ length: 250 }, () => worker({ name: '黄文光' }));
    const index = new WorkerSearchIndex(workers);
    expect(index.search('黄')).toEqual({ ids: workers.slice(0, 200).map(({ id }) => id), total: 250 });
    expect(index.search('hwg', 10)).toEqual({ ids: workers.slice(0, 10).map(({ id }) => id), total: 250 });
    expect(index.search('hwg', 0)).toEqual({ ids: [], total: 250 });
  });

  it('fills the limit from the best rank first', () => {
    const workers = [
      ...Array.from({ length: 3 }, () => worker({ name: '小张三' })),
      ...Array.from({ length: 3 }, () => worker({ name: '张三丰' })),
      worker({ name: '张三' }),
    ];
    const result = new WorkerSearchIndex(workers).search('张三', 3);
    expect(result.total).toBe(7);
    expect(result.ids).toEqual([workers[6]?.id, workers[3]?.id, workers[4]?.id]);
  });
});

describe('keeping the index up to date', () => {
  it('finds a renamed worker by the new name only', () => {
    const renamed = worker({ name: '张三' });
    const index = new WorkerSearchIndex([renamed, worker({ name: '黄文光' })]);
    index.upsert({ ...renamed, name: '覃丽萍' });
    expect(index.size).toBe(2);
    expect(index.search('张三').total).toBe(0);
    expect(index.search('zs').total).toBe(0);
    expect(index.search('覃丽萍').ids).toEqual([renamed.id]);
    expect(index.search('qlp').ids).toEqual([renamed.id]);
  });

  it('finds a worker by a corrected ID and phone, not the old ones', () => {
    const corrected = worker({ name: '张三', residentId: residentIdEndingWith('1111'), phone: '13811112222' });
    const index = new WorkerSearchIndex([corrected]);
    index.upsert({ ...corrected, residentId: residentIdEndingWith('3333'), phone: '13833334444' });
    expect(index.search('1111').total).toBe(0);
    expect(index.search('2222').total).toBe(0);
    expect(index.search('3333').ids).toEqual([corrected.id]);
    expect(index.search('4444').ids).toEqual([corrected.id]);
  });

  it('adds a worker it has not seen', () => {
    const index = new WorkerSearchIndex();
    const added = worker({ name: '张三' });
    index.upsert(added);
    expect(index.size).toBe(1);
    expect(index.search('zs').ids).toEqual([added.id]);
  });

  it('forgets a removed worker and ignores an unknown id', () => {
    const removed = worker({ name: '张三' });
    const kept = worker({ name: '张三' });
    const index = new WorkerSearchIndex([removed, kept]);
    index.remove(removed.id);
    index.remove('no-such-worker');
    expect(index.size).toBe(1);
    expect(index.search('张三').ids).toEqual([kept.id]);
    expect(index.search(removed.residentId.slice(-6)).total).toBe(0);
    index.upsert(removed);
    expect(index.search('张三')).toEqual({ ids: [kept.id, removed.id], total: 2 });
  });

  it('still finds every remaining worker, in order, after thousands of removals', () => {
    const workers = Array.from({ length: 3000 }, () => worker({ name: '黄文光' }));
    const index = new WorkerSearchIndex(workers);
    const remaining = workers.filter((_, i) => i % 3 === 0);
    for (const [i, each] of workers.entries()) if (i % 3 !== 0) index.remove(each.id);
    expect(index.size).toBe(1000);
    expect(index.search('hwg', 5000)).toEqual({ ids: remaining.map(({ id }) => id), total: 1000 });
    const last = remaining.at(-1);
    if (last) index.upsert({ ...last, name: '张三' });
    expect(index.search('zs').ids).toEqual([last?.id]);
    expect(index.search(last?.residentId ?? '').ids).toEqual([last?.id]);
  });
});
