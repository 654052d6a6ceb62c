import { useEffect, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '../database';
import type { DirectoryApi } from './directory.worker';

export type { DirectoryFacets, DirectoryPage, DirectoryQuery, DirectorySortKey } from './directory-core';

let remote: Remote<DirectoryApi> | null = null;

/** The workers directory in its Web Worker, started on first use and kept for the app's life. */
export function workerDirectory(): Remote<DirectoryApi> {
  remote ??= wrap<DirectoryApi>(new Worker(new URL('./directory.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}

/**
 * The directory's version: null while it loads, then a number that changes whenever the workers
 * change (in this window or another), after the directory has taken the change in. With `enabled`
 * false the directory is not started yet: IndexedDB serves one origin's reads in turn, and even the
 * directory's snapshot (one large record) kept the list's first rows waiting about 60 ms longer.
 */
export function useDirectoryVersion(enabled = true): number | null {
  const [version, setVersion] = useState<number | null>(null);
  // The newest change and the number of records: index reads that move on every write. Counting
  // 100,000 records takes IndexedDB a while, so it waits for `enabled` too, behind the first rows.
  const signal = useLiveQuery(async () => {
    if (!enabled) return null;
    const db = database();
    const [newest, count] = await Promise.all([db.workers.orderBy('updatedAt').last(), db.workers.count()]);
    return `${newest?.updatedAt ?? ''}/${newest?.id ?? ''}/${count}`;
  }, [enabled]);
  // Starting the directory's worker reads its snapshot (one record) at once; the read of every
  // worker, when there is no snapshot, waits for `enabled`.
  useEffect(() => {
    if (signal === undefined || signal === null) return;
    let current = true;
    void workerDirectory()
      .sync()
      .then((next) => {
        if (current) setVersion(next);
      });
    return () => {
      current = false;
    };
  }, [signal, enabled]);
  return version;
}
