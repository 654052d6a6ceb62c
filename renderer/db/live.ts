import { useLiveQuery } from 'dexie-react-hooks';

/**
 * Runs a repository read and runs it again whenever the tables it read change, in this window or
 * another. `undefined` while the first answer is on its way.
 */
export function useRepositoryQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}

/**
 * As `useRepositoryQuery`, for a read of one thing a page can switch between (a scheme, a batch):
 * `undefined` until the answer is the one for `key`. A live query keeps its last answer while the
 * next is on its way, so a page that just switched would otherwise show, for a moment, the last
 * scheme's rows under the new scheme's name, and a tick in that moment would act on the wrong rows.
 */
export function useRepositoryQueryOf<T>(key: string | null, query: () => Promise<T>, deps: unknown[]): T | undefined {
  const answer = useLiveQuery(async () => ({ key, value: await query() }), [key, ...deps]);
  return answer !== undefined && answer.key === key ? answer.value : undefined;
}
