import { useCallback, useEffect, useRef, useState } from 'react';
import type { Worker } from '@shared/domain/records';
import { workerDirectory, type DirectoryQuery } from '../../db';

const PAGE = 200;

export interface DirectoryRows {
  /** Matching workers in all; null until the directory has answered. */
  total: number | null;
  /** The row at an index, or undefined while its page is on its way. */
  rowAt: (index: number) => Worker | undefined;
  /** Asks for the pages that hold rows `first` to `last` (the visible ones, with some margin). */
  request: (first: number, last: number) => void;
}

/**
 * Rows of the workers list, fetched page by page from the directory as they scroll into view: the
 * screen holds a few hundred rows, never 100,000.
 */
export function useDirectoryRows(query: DirectoryQuery, version: number | null): DirectoryRows {
  const [total, setTotal] = useState<number | null>(null);
  const [, setLoaded] = useState(0);
  const pages = useRef(new Map<number, Worker[]>());
  const pending = useRef(new Set<number>());
  const key = `${JSON.stringify(query)}@${version ?? ''}`;
  const currentKey = useRef(key);

  const fetchPage = useCallback(
    (page: number) => {
      if (version === null || pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const asked = currentKey.current;
      void workerDirectory()
        .page(query, page * PAGE, PAGE)
        .then((result) => {
          if (currentKey.current !== asked) return;
          pending.current.delete(page);
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setLoaded((n) => n + 1);
        });
    },
    // The key holds the query and the version; the callback is rebuilt when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    currentKey.current = key;
    pages.current = new Map();
    pending.current = new Set();
    fetchPage(0);
  }, [key, fetchPage]);

  const request = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) fetchPage(page);
    },
    [fetchPage],
  );

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  return { total: version === null ? null : total, rowAt, request };
}
