import { useCallback, useEffect, useRef, useState } from 'react';
import { useInterval } from '@mantine/hooks';
import type { CalendarDate } from '@shared/domain/records';
import { todayCalendarDate } from '@shared/dates';
import { compareDue, type DueRow } from '@shared/followup/due';
import { contactsThisWeek, dueDesk, dueDeskHead, followUpRow, type FollowUpDesk } from '../../db';
import { logger } from '../../logger';

/** Today in Beijing, moving on at midnight (checked each minute). */
export function useBeijingToday(): CalendarDate {
  const [today, setToday] = useState(todayCalendarDate);
  const clock = useInterval(() => setToday(todayCalendarDate()), 60_000);
  useEffect(() => {
    clock.start();
    return clock.stop;
  }, [clock]);
  return today;
}

/** The workspace's data, its rows sorted as the list shows them; `whole` is false while only the first rows are read. */
export type DeskData = FollowUpDesk & { whole: boolean };

export interface Desk {
  /** Undefined while the first read is on its way. */
  data: DeskData | undefined;
  /** Reads these follow-ups again and puts them in place (after an assignment made here). */
  refresh: (followUpIds: readonly string[]) => Promise<void>;
  /**
   * Puts rows in place as a save made here has just stored them, without reading them again (a
   * contact's save is timed, issue 17); `contactsAdded` counts into "done this week".
   */
  put: (rows: readonly DueRow[], contactsAdded: number) => void;
  /** Reads everything again. */
  reload: () => void;
}

/**
 * Resolves after the next frame is drawn, or after 100 ms at the latest (a window that is hidden
 * draws no frames).
 */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      );
    }
  });
}

/** `rows` sorted as the list shows them (soonest due first): kept so, a save re-sorts nothing. */
function sorted(rows: readonly DueRow[]): DueRow[] {
  return [...rows].sort(compareDue);
}

/**
 * `rows` (sorted) with the rows read afresh put in their place (null: no longer live), the others
 * kept, still sorted.
 */
function withFresh(rows: readonly DueRow[], fresh: ReadonlyMap<string, DueRow | null>): DueRow[] {
  const kept = rows.filter((row) => !fresh.has(row.followUpId));
  for (const row of fresh.values()) {
    if (!row) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareDue(kept[middle] as DueRow, row) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, row);
  }
  return kept;
}

/**
 * The workspace's data, read when the page opens (and on a new day) in three steps, each drawn as it
 * comes: the list's first `headRows` rows (`dueDeskHead`), then every due follow-up (`dueDesk`:
 * thousands in a large county, with their workers), then the week's count. After that it is kept up
 * to date row by row after each save made here, so that a save never waits for the whole list to be
 * read again. A row saved while the rest is still being read keeps its fresh state when the rest
 * arrives (that read may have begun before the save).
 */
export function useDesk(today: CalendarDate, headRows: number): Desk {
  const [data, setData] = useState<DeskData | undefined>(undefined);
  const [version, setVersion] = useState(0);
  /** Contacts saved here while the week's count is still being read. */
  const addedWhileCounting = useRef(0);
  const counting = useRef(false);
  /** Rows read afresh here while the whole list is still being read. */
  const freshWhileReading = useRef<Map<string, DueRow | null> | null>(null);
  useEffect(() => {
    let current = true;
    freshWhileReading.current = new Map();
    counting.current = false;
    void (async () => {
      const head = await dueDeskHead(today, headRows);
      if (!current) return;
      let desk: Omit<DeskData, 'doneThisWeek'> = { ...head, rows: sorted(head.rows) };
      if (!head.whole) {
        setData({ ...desk, doneThisWeek: null });
        // The first rows are drawn before the rest is asked for: its thousands of records arrive
        // on this thread and would hold the drawing back.
        await afterNextFrame();
        if (!current) return;
        const all = await dueDesk(today);
        if (!current) return;
        desk = { ...all, rows: withFresh(sorted(all.rows), freshWhileReading.current ?? new Map()), whole: true };
      }
      freshWhileReading.current = null;
      setData({ ...desk, doneThisWeek: null });
      // The count's read begins now, before any save made meanwhile, so it does not hold those contacts.
      addedWhileCounting.current = 0;
      counting.current = true;
      const done = await contactsThisWeek(today);
      counting.current = false;
      if (current) {
        setData((shown) => (shown ? { ...shown, doneThisWeek: done + addedWhileCounting.current } : shown));
      }
    })().catch((error: unknown) => logger.error('reading the follow-up workspace failed', error));
    return () => {
      current = false;
    };
  }, [today, version, headRows]);

  const putFresh = useCallback((fresh: ReadonlyMap<string, DueRow | null>, contactsAdded: number) => {
    if (counting.current) addedWhileCounting.current += contactsAdded;
    for (const [id, row] of fresh) freshWhileReading.current?.set(id, row);
    setData((current) => {
      if (!current) return current;
      const doneThisWeek = current.doneThisWeek === null ? null : current.doneThisWeek + contactsAdded;
      return { ...current, rows: withFresh(current.rows, fresh), doneThisWeek };
    });
  }, []);
  const refresh = useCallback(
    async (followUpIds: readonly string[]) => {
      const rows = await Promise.all(followUpIds.map((id) => followUpRow(id)));
      putFresh(new Map(followUpIds.map((id, index) => [id, rows[index] ?? null])), 0);
    },
    [putFresh],
  );
  const put = useCallback(
    (rows: readonly DueRow[], contactsAdded: number) =>
      putFresh(new Map(rows.map((row) => [row.followUpId, row])), contactsAdded),
    [putFresh],
  );
  const reload = useCallback(() => setVersion((count) => count + 1), []);
  return { data, refresh, put, reload };
}
