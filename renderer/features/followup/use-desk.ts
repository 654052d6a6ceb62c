import { useCallback, useEffect, useRef, useState } from 'react';
import { useInterval } from '@mantine/hooks';
import type { CalendarDate } from '@shared/domain/records';
import { todayCalendarDate } from '@shared/dates';
import type { DueRow } from '@shared/followup/due';
import { contactsThisWeek, dueDesk, followUpRow, type FollowUpDesk } from '../../db';
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

export interface Desk {
  /** Undefined while the first read is on its way. */
  data: FollowUpDesk | undefined;
  /** Reads these follow-ups again and puts them in place (after a contact or an assignment made here). */
  refresh: (followUpIds: readonly string[], contactsAdded?: number) => Promise<void>;
  /** Reads everything again. */
  reload: () => void;
}

/**
 * The workspace's data: read once by the `nextDue` index when the page opens (and on a new day),
 * then kept up to date row by row after each save made here, so that a save never waits for the
 * whole list to be read again.
 */
export function useDesk(today: CalendarDate): Desk {
  const [data, setData] = useState<FollowUpDesk | undefined>(undefined);
  const [version, setVersion] = useState(0);
  /** Contacts saved here while the week's count is still being read. */
  const addedWhileCounting = useRef(0);
  const counting = useRef(false);
  useEffect(() => {
    let current = true;
    // The rows first, then the week's count (followup-desk.ts says why).
    dueDesk(today)
      .then(async (read) => {
        if (!current) return;
        setData({ ...read, doneThisWeek: null });
        addedWhileCounting.current = 0;
        counting.current = true;
        // The count's read began before any save made meanwhile, so it does not hold those contacts.
        const done = await contactsThisWeek(today);
        counting.current = false;
        if (current) {
          setData((shown) => (shown ? { ...shown, doneThisWeek: done + addedWhileCounting.current } : shown));
        }
      })
      .catch((error: unknown) => logger.error('reading the follow-up workspace failed', error));
    return () => {
      current = false;
    };
  }, [today, version]);

  const refresh = useCallback(async (followUpIds: readonly string[], contactsAdded = 0) => {
    if (counting.current) addedWhileCounting.current += contactsAdded;
    const rows = await Promise.all(followUpIds.map((id) => followUpRow(id)));
    const fresh = new Map<string, DueRow | null>(followUpIds.map((id, index) => [id, rows[index] ?? null]));
    setData((current) => {
      if (!current) return current;
      const kept = current.rows.flatMap((row) => {
        if (!fresh.has(row.followUpId)) return [row];
        const next = fresh.get(row.followUpId);
        fresh.delete(row.followUpId);
        return next ? [next] : [];
      });
      for (const row of fresh.values()) if (row) kept.push(row);
      const doneThisWeek = current.doneThisWeek === null ? null : current.doneThisWeek + contactsAdded;
      return { ...current, rows: kept, doneThisWeek };
    });
  }, []);
  const reload = useCallback(() => setVersion((count) => count + 1), []);
  return { data, refresh, reload };
}
