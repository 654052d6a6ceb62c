import { describe, expect, it } from 'vitest';
import { WorkerDirectory, type DirectoryQuery } from '@renderer/db/directory/directory-core';
import { makeWorker } from '../../fixtures/factories';

const ALL: DirectoryQuery = { search: '', sort: 'name', descending: false };

function directoryOf(...workers: ReturnType<typeof makeWorker>[]): WorkerDirectory {
  const directory = new WorkerDirectory();
  directory.apply(workers);
  return directory;
}

describe('the workers directory', () => {
  const zhang = makeWorker({ name: '张三', county: '田东县', village: '那洪村', povertyStatus: 'none' });
  const qin = makeWorker({ name: '覃海燕', county: '田东县', village: '百林村', status: 'assigned' });
  const ou = makeWorker({ name: '区志明', county: '靖西市', village: '新兴村', enterpriseId: 'e1' });

  it('lists everyone by the pinyin of the name, surnames read as surnames', () => {
    const names = directoryOf(zhang, qin, ou)
      .page(ALL, 0, 10)
      .rows.map((w) => w.name);
    // 区 as a surname is Ou, 覃 is Qin: o < q < z.
    expect(names).toEqual(['区志明', '覃海燕', '张三']);
  });

  it('searches by pinyin initials and combines search with filters', () => {
    const directory = directoryOf(zhang, qin, ou);
    expect(directory.page({ ...ALL, search: 'zs' }, 0, 10).rows.map((w) => w.name)).toEqual(['张三']);
    expect(directory.page({ ...ALL, search: 'qin' }, 0, 10).rows.map((w) => w.name)).toEqual(['覃海燕']);
    expect(directory.page({ ...ALL, county: '田东县' }, 0, 10).total).toBe(2);
    expect(directory.page({ ...ALL, county: '田东县', village: '百林村' }, 0, 10).rows[0]?.name).toBe('覃海燕');
    expect(directory.page({ ...ALL, status: 'assigned' }, 0, 10).total).toBe(1);
    expect(directory.page({ ...ALL, enterpriseId: 'none' }, 0, 10).total).toBe(2);
    expect(directory.page({ ...ALL, enterpriseId: 'e1' }, 0, 10).rows[0]?.name).toBe('区志明');
    expect(directory.page({ ...ALL, search: zhang.residentId.slice(-6) }, 0, 10).rows[0]?.id).toBe(zhang.id);
  });

  it('follows changes: a rename, a deletion, a hard delete', () => {
    const directory = directoryOf(zhang, qin, ou);
    const versionBefore = directory.version;
    directory.apply([{ ...zhang, name: '张四' }]);
    expect(directory.version).toBeGreaterThan(versionBefore);
    expect(directory.page({ ...ALL, search: '张三' }, 0, 10).total).toBe(0);
    expect(directory.page({ ...ALL, search: 'zs' }, 0, 10).rows[0]?.name).toBe('张四');
    directory.apply([{ ...qin, deletedAt: '2026-02-10T00:00:00.000Z' }]);
    expect(directory.page(ALL, 0, 10).total).toBe(2);
    directory.retain(new Set([ou.id]));
    expect(directory.page(ALL, 0, 10).rows.map((w) => w.id)).toEqual([ou.id]);
  });

  it('sorts by age and pages through the result', () => {
    const young = makeWorker({ name: '甲', birthDate: '2000-01-01' });
    const old = makeWorker({ name: '乙', birthDate: '1970-01-01' });
    const directory = directoryOf(young, old, zhang);
    const byAge = directory.page({ ...ALL, sort: 'age' }, 0, 10).rows.map((w) => w.name);
    expect(byAge[0]).toBe('乙');
    expect(byAge.at(-1)).toBe('甲');
    expect(directory.page({ ...ALL, sort: 'age', descending: true }, 0, 1).rows[0]?.name).toBe('甲');
    expect(directory.page({ ...ALL, sort: 'age' }, 1, 1)).toMatchObject({ total: 3, rows: [{ name: byAge[1] }] });
  });

  it('offers the counties and their villages as filter choices', () => {
    expect(directoryOf(zhang, qin, ou).facets()).toEqual({
      counties: ['靖西市', '田东县'],
      villages: { 田东县: ['百林村', '那洪村'], 靖西市: ['新兴村'] },
    });
  });
});
