import { useLiveQuery } from 'dexie-react-hooks';

/**
 * Runs a repository read and runs it again whenever the tables it read change, in this window or
 * another. `undefined` while the first answer is on its way.
 */
export function useRepositoryQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}
