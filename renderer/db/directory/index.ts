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
 * false the directory takes in its snapshot but does not read the table yet: IndexedDB serves one
 * origin's reads in turn, and a read of every worker would keep the list's first rows waiting.
 */
export function useDirectoryVersion(enabled = true): number | null {
  const [version, setVersion] = useState<number | null>(null);
  // The newest change and the number of records: cheap index reads that move on every write.
  const signal = useLiveQuery(async () => {
    const db = database();
    const [newest, count] = await Promise.all([db.workers.orderBy('updatedAt').last(), db.workers.count()]);
    return `${newest?.updatedAt ?? ''}/${newest?.id ?? ''}/${count}`;
  }, []);
  // Starting the directory's worker reads its snapshot (one record) at once; the read of every
  // worker, when there is no snapshot, waits for `enabled`.
  useEffect(() => {
    workerDirectory();
  }, []);
  useEffect(() => {
    if (signal === undefined || !enabled) return;
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
