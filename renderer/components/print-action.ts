/**
 * What File > Print (the desktop's menu, issue 21) does on the page on screen: a page that can print
 * registers its print action here while it is shown; a page that registers none has nothing to
 * print, and the shell says so. The newest registration wins, so a page shown over another (a
 * detail page) prints its own document.
 */
import { useEffect, useRef } from 'react';

type PrintAction = () => void;

const registered: { id: symbol; run: () => void }[] = [];

/** Runs the print action of the page on screen; false when it has none. */
export function runPrintAction(): boolean {
  const newest = registered.at(-1);
  if (!newest) return false;
  newest.run();
  return true;
}

/**
 * Makes `action` what File > Print does while the calling component is shown; null while it can not
 * print yet (its data still loading, a print already running).
 */
export function usePrintAction(action: PrintAction | null): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const available = action !== null;
  useEffect(() => {
    if (!available) return;
    const entry = { id: Symbol('print'), run: () => latest.current?.() };
    registered.push(entry);
    return () => {
      const index = registered.findIndex((candidate) => candidate.id === entry.id);
      if (index >= 0) registered.splice(index, 1);
    };
  }, [available]);
}

/** `usePrintAction` as an element, for a component that can only define its print after an early return. */
export function PrintAction({ action }: { action: PrintAction | null }): null {
  usePrintAction(action);
  return null;
}
