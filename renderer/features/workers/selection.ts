import { useSyncExternalStore } from 'react';

/**
 * The workers ticked in the list. It lives outside the page, so it survives going to a worker's
 * page and back, and later features (adding people to a batch) take it from here.
 */
let selected: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function publish(next: ReadonlySet<string>): void {
  selected = next;
  for (const listener of listeners) listener();
}

export const workerSelection = {
  get: (): ReadonlySet<string> => selected,
  set: (ids: Iterable<string>): void => publish(new Set(ids)),
  toggle: (id: string): void => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    publish(next);
  },
  clear: (): void => publish(new Set()),
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useWorkerSelection(): ReadonlySet<string> {
  return useSyncExternalStore(workerSelection.subscribe, workerSelection.get);
}
