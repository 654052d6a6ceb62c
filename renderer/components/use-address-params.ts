import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Parameters to set (a string) or remove (null); or a function from the address's parameters to the next. */
export type AddressChange = Readonly<Record<string, string | null>> | ((current: URLSearchParams) => URLSearchParams);

/**
 * The address's query parameters, and a function that changes some of them in place (the history
 * keeps one entry per page, not one per filter).
 *
 * Why not `useSearchParams` alone: its function form is given the parameters of the last render,
 * and the router renders a navigation as a transition. Two changes quickly one after another (a
 * scheme chosen, then a tab clicked before the page has drawn the scheme) would build the second
 * from the address before the first, and the first would be lost. Here a change builds on the one
 * still on its way, until the page shows it or the address moves elsewhere (back, a link).
 */
export function useAddressParams(): [URLSearchParams, (change: AddressChange) => void] {
  const [params, setParams] = useSearchParams();
  const pending = useRef<{ from: string; to: URLSearchParams } | null>(null);
  const change = useCallback(
    (what: AddressChange) => {
      const shown = params.toString();
      const onItsWay = pending.current !== null && pending.current.from === shown ? pending.current.to : null;
      const current = new URLSearchParams(onItsWay ?? params);
      let next: URLSearchParams;
      if (typeof what === 'function') next = what(current);
      else {
        next = current;
        for (const [name, value] of Object.entries(what)) {
          if (value === null) next.delete(name);
          else next.set(name, value);
        }
      }
      pending.current = { from: shown, to: next };
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  return [params, change];
}
