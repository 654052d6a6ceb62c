/**
 * The workers list as the screen needs it: every live worker in memory, with the search index, the
 * filters and the sort orders, answering a page of rows in a few milliseconds at 100,000 workers
 * (a filtered scan of IndexedDB takes seconds: issue 3). Plain code without Dexie, so it is tested
 * in Node; directory.worker.ts runs it in a Web Worker and feeds it from the database.
 */
import { WORKER_STATUSES, type PovertyStatus, type Worker, type WorkerStatus } from '@shared/domain/records';
import { namePinyin } from '@shared/domain/pinyin';
import { WorkerSearchIndex } from '@shared/search/worker-search';

export type DirectorySortKey = 'name' | 'county' | 'village' | 'age' | 'status' | 'updatedAt';

export interface DirectoryQuery {
  search: string;
  county?: string | null;
  village?: string | null;
  povertyStatus?: PovertyStatus | null;
  status?: WorkerStatus | null;
  /** An enterprise id, or `none` for workers without one. */
  enterpriseId?: string | null;
  sort: DirectorySortKey;
  descending: boolean;
}

export interface DirectoryPage {
  total: number;
  rows: Worker[];
  /** Changes whenever the set of workers changes, so the screen knows to ask again. */
  version: number;
}

export interface DirectoryFacets {
  counties: string[];
  /** Villages per county, for the village filter. */
  villages: Record<string, string[]>;
}

interface Entry {
  worker: Worker;
  /** Pinyin of the name: the order people expect a Chinese name list in. */
  nameKey: string;
}

export class WorkerDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new WorkerSearchIndex();
  private readonly sorted = new Map<DirectorySortKey, string[]>();
  private lastResult: { key: string; ids: string[] } | null = null;
  /** Every live worker in primary-key order, kept until the next change (see `inKeyOrder`). */
  private byKey: Worker[] | null = null;
  version = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Every live worker, in the order taken in (for the snapshot). */
  workers(): Worker[] {
    return [...this.entries.values()].map((entry) => entry.worker);
  }

  /** Adds, replaces or (for deleted records) removes workers. */
  apply(workers: Iterable<Worker>): void {
    for (const worker of workers) {
      if (worker.deletedAt) {
        if (this.entries.delete(worker.id)) this.index.remove(worker.id);
        continue;
      }
      this.entries.set(worker.id, { worker, nameKey: namePinyin(worker.name).full });
      this.index.upsert(worker);
    }
    this.changed();
  }

  /** Forgets workers that are gone from the database (hard deletes, such as clearing the demo data). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.entries.keys()]) {
      if (!ids.has(id)) {
        this.entries.delete(id);
        this.index.remove(id);
      }
    }
    this.changed();
  }

  /**
   * Every live worker in primary-key order, the order a read of the workers table gives: planning
   * from the directory keeps the proposal the table gives (households board in the order given).
   * Sorted once per change, so proposal after proposal costs no sort.
   */
  inKeyOrder(): readonly Worker[] {
    if (this.byKey) return this.byKey;
    const workers = [...this.entries.values()].map((entry) => entry.worker);
    // Code-unit order, as IndexedDB orders string keys.
    workers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byKey = workers;
    return workers;
  }

  private changed(): void {
    this.byKey = null;
    this.sorted.clear();
    this.lastResult = null;
    this.version += 1;
  }

  private order(key: DirectorySortKey): string[] {
    const cached = this.sorted.get(key);
    if (cached) return cached;
    const entries = [...this.entries.values()];
    const byName = (a: Entry, b: Entry) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0);
    const text = (pick: (w: Worker) => string) => (a: Entry, b: Entry) =>
      pick(a.worker).localeCompare(pick(b.worker), 'zh-CN') || byName(a, b);
    const compare: Record<DirectorySortKey, (a: Entry, b: Entry) => number> = {
      name: byName,
      county: text((w) => w.county),
      village: text((w) => `${w.county}${w.township}${w.village}`),
      // Older first means an earlier birth date.
      age: (a, b) => (a.worker.birthDate < b.worker.birthDate ? -1 : a.worker.birthDate > b.worker.birthDate ? 1 : 0),
      status: (a, b) =>
        WORKER_STATUSES.indexOf(a.worker.status) - WORKER_STATUSES.indexOf(b.worker.status) || byName(a, b),
      updatedAt: (a, b) =>
        a.worker.updatedAt < b.worker.updatedAt ? 1 : a.worker.updatedAt > b.worker.updatedAt ? -1 : 0,
    };
    const ids = entries.sort(compare[key]).map((entry) => entry.worker.id);
    this.sorted.set(key, ids);
    return ids;
  }

  private matches(query: DirectoryQuery): (worker: Worker) => boolean {
    return (w) =>
      (!query.county || w.county === query.county) &&
      (!query.village || w.village === query.village) &&
      (!query.povertyStatus || w.povertyStatus === query.povertyStatus) &&
      (!query.status || w.status === query.status) &&
      (!query.enterpriseId ||
        (query.enterpriseId === 'none' ? w.enterpriseId === null : w.enterpriseId === query.enterpriseId));
  }

  /** All ids matching the query, in its order (also what "select all" selects). */
  matchingIds(query: DirectoryQuery): string[] {
    const key = JSON.stringify(query);
    if (this.lastResult?.key === key) return this.lastResult.ids;
    const keep = this.matches(query);
    const searching = query.search.trim() !== '';
    let ordered: string[];
    if (searching && query.sort === 'name' && !query.descending) {
      // The default order of a search is the index's ranking: exact, then prefix, then contains.
      ordered = this.index.search(query.search, Number.MAX_SAFE_INTEGER).ids;
    } else {
      ordered = this.order(query.sort);
      if (searching) {
        const hits = new Set(this.index.search(query.search, Number.MAX_SAFE_INTEGER).ids);
        ordered = ordered.filter((id) => hits.has(id));
      }
      if (query.descending) ordered = [...ordered].reverse();
    }
    const ids = ordered.filter((id) => {
      const entry = this.entries.get(id);
      return entry !== undefined && keep(entry.worker);
    });
    this.lastResult = { key, ids };
    return ids;
  }

  page(query: DirectoryQuery, offset: number, limit: number): DirectoryPage {
    const ids = this.matchingIds(query);
    const rows: Worker[] = [];
    for (const id of ids.slice(offset, offset + limit)) {
      const entry = this.entries.get(id);
      if (entry) rows.push(entry.worker);
    }
    return { total: ids.length, rows, version: this.version };
  }

  facets(): DirectoryFacets {
    const villages = new Map<string, Set<string>>();
    for (const { worker } of this.entries.values()) {
      if (!worker.county) continue;
      let set = villages.get(worker.county);
      if (!set) villages.set(worker.county, (set = new Set()));
      if (worker.village) set.add(worker.village);
    }
    const collate = new Intl.Collator('zh-CN').compare;
    return {
      counties: [...villages.keys()].sort(collate),
      villages: Object.fromEntries([...villages].map(([county, set]) => [county, [...set].sort(collate)])),
    };
  }
}
