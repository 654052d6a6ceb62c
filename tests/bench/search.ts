/**
 * Figures of the workers search index (issue 3, "Performance"): building it for 100,000 workers
 * from a cold pinyin cache, and the median time per search over about 50 queries typed the way a
 * clerk types them, each against a naive `name.includes(q)` pass over the same 100,000 names
 * measured in the same run. Also the heap the index holds, when Node lets us collect garbage.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeDemoData } from '@shared/demo';
import type { Worker } from '@shared/domain/records';
import { clearNamePinyinCache, namePinyin } from '@shared/domain/pinyin';
import { WorkerSearchIndex } from '@shared/search/worker-search';
import type { SearchableWorker } from '@shared/search/worker-search';
import { timeRuns } from './measure';
import type { Figure } from './measure';

const SEED = 20200218;
const WORKERS = 100_000;
/** Workers whose names and IDs the queries are taken from: every 4,000th, 25 of them. */
const QUERY_SOURCES = 25;

export async function searchFigures(print: (figure: Figure) => void): Promise<void> {
  const { workers } = makeDemoData({ seed: SEED, workers: WORKERS });
  const sources = Array.from({ length: QUERY_SOURCES }, (_, i) => workers[i * 4_000 + 17]).filter(
    (worker): worker is Worker => worker !== undefined,
  );

  let index = new WorkerSearchIndex();
  const build = await timeRuns(3, () => {
    // Cold, as at start-up: every distinct name is read by pinyin-pro again.
    clearNamePinyinCache();
    index = new WorkerSearchIndex(workers);
  });
  print({ name: 'search-index-build-100k', unit: 'ms', samples: build });

  const memory = indexHeapMegabytes(workers);
  if (memory !== null) print({ name: 'search-index-memory-100k', unit: 'MB', samples: [memory] });

  // What a clerk types, 50 queries each: 黄, 黄文; hwg, huangw; the last 4 and the last 5 or 6 digits.
  const nameQueries = sources.flatMap((worker) => {
    const chars = Array.from(worker.name);
    return [chars.slice(0, 1).join(''), chars.slice(0, 2).join('')];
  });
  const pinyinQueries = sources.flatMap((worker) => {
    const { full, initials } = namePinyin(worker.name);
    const surname = namePinyin(Array.from(worker.name)[0] ?? '').full;
    return [initials, full.slice(0, surname.length + 1)];
  });
  const idSuffixQueries = sources.flatMap((worker, i) => [
    worker.residentId.slice(-4),
    worker.residentId.slice(-(5 + (i % 2))),
  ]);

  const names = workers.map((worker) => worker.name);
  let matches = 0;
  const baseline: Figure = {
    name: 'array-scan-100k',
    unit: 'ms',
    samples: await perQuery(nameQueries, (query) => {
      for (const name of names) if (name.includes(query)) matches += 1;
    }),
  };
  print(baseline);

  const search = (query: string): void => {
    matches += index.search(query).total;
  };
  print({ name: 'search-index-name-100k', unit: 'ms', samples: await perQuery(nameQueries, search), baseline });
  print({ name: 'search-index-pinyin-100k', unit: 'ms', samples: await perQuery(pinyinQueries, search), baseline });
  print({ name: 'search-index-idsuffix-100k', unit: 'ms', samples: await perQuery(idSuffixQueries, search), baseline });
  // Keeps the work above from being optimized away.
  if (matches < 0) print({ name: 'search-matches', unit: 'x', samples: [matches] });
}

/** One sample per query, after one warm-up pass over all of them ("once warm", issue 3). */
async function perQuery(queries: readonly string[], run: (query: string) => void): Promise<number[]> {
  for (const query of queries) run(query);
  const samples: number[] = [];
  for (const query of queries) samples.push(...(await timeRuns(1, () => run(query))));
  return samples;
}

/**
 * The heap an index of these workers holds in a Web Worker, where it owns the only copy of the
 * strings it keeps (comlink clones what the page sends): the heap with the index built from fresh
 * copies, less the heap once it is dropped. Null when garbage collection can not be forced,
 * because then the figure is noise.
 */
function indexHeapMegabytes(workers: readonly Worker[]): number | null {
  setFlagsFromString('--expose-gc');
  const collect: unknown = runInNewContext('typeof gc === "function" ? gc : null');
  if (!isCallable(collect)) return null;
  const heapAfterCollecting = (): number => {
    collect();
    collect();
    return process.memoryUsage().heapUsed;
  };
  // One copy at a time, garbage once indexed: what stays is what the index keeps.
  function* copies(): Generator<SearchableWorker> {
    for (const { id, name, residentId, phone } of workers) yield structuredClone({ id, name, residentId, phone });
  }
  clearNamePinyinCache();
  // Held in an array so that emptying it drops the only reference.
  const held = [new WorkerSearchIndex(copies())];
  const withIndex = heapAfterCollecting();
  const size = held[0]?.size ?? 0;
  held.length = 0;
  clearNamePinyinCache();
  const withoutIndex = heapAfterCollecting();
  return size > 0 ? (withIndex - withoutIndex) / 2 ** 20 : null;
}

function isCallable(value: unknown): value is () => void {
  return typeof value === 'function';
}
