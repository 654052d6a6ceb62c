/**
 * The demo data set keeps every bound of the domain (shared/domain/field-bounds.ts, issue 16,
 * item 7): each record passes the rules the app writes and restores it with.
 */
import { describe, expect, it } from 'vitest';
import { makeDemoData } from '@shared/demo';
import { checkBackupRecords } from '@shared/backup/records';

describe('the demo data set within the bounds', () => {
  // At 100,000 workers the largest opening asks for 1,750 people (measured once), far below 10,000.
  it('passes every rule', { timeout: 60_000 }, () => {
    const today = '2026-12-07';
    const demo = makeDemoData({ seed: 2020, workers: 20_000, today });
    const tables = {
      workers: demo.workers,
      enterprises: demo.enterprises,
      openings: demo.openings,
      routes: demo.routes,
      batches: demo.batches,
    };
    for (const [table, records] of Object.entries(tables)) {
      expect(records.length, table).toBeGreaterThan(0);
      expect(checkBackupRecords(table, records, 'id', { today }), table).toBeNull();
    }
  });
});
