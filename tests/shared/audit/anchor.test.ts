import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain/records';
import { anchorOfTrail, sealAuditEntry, shortAuditHash, verifyAuditEntries, type AuditAnchor } from '@shared/audit';

let counter = 0;

function change(): Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> {
  counter += 1;
  return {
    id: `row-${counter}`,
    at: `2026-02-18T08:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    operator: '黄干事',
    table: 'workers',
    recordId: `worker-${counter}`,
    action: 'update',
    before: { phone: '13812345678' },
    after: { phone: '13912345678' },
  };
}

/** `old` rows from before the chain, then `sealed` chained rows. */
function trail(old: number, sealed: number): AuditEntry[] {
  const rows: AuditEntry[] = [];
  for (let i = 0; i < old; i++) rows.push({ ...change(), seq: rows.length + 1 });
  let head: string | null = null;
  for (let i = 0; i < sealed; i++) {
    const row: AuditEntry = { ...sealAuditEntry(change(), head), seq: rows.length + 1 };
    head = row.hash ?? null;
    rows.push(row);
  }
  return rows;
}

describe('the anchor of the audit chain', () => {
  it('is read off a trail as it stands: older rows, where the chain began, the newest row', () => {
    const rows = trail(2, 3);
    expect(anchorOfTrail(rows)).toEqual({
      unsealed: 2,
      start: { id: rows[2]?.id, hash: rows[2]?.hash, at: rows[2]?.at },
      head: { count: 5, hash: rows[4]?.hash, at: rows[4]?.at },
    });
  });

  it('accepts exactly the older rows it counts, and the first sealed row it names', () => {
    const rows = trail(2, 3);
    const anchor = anchorOfTrail(rows);
    expect(verifyAuditEntries(rows, anchor)).toMatchObject({ intact: true, unsealed: 2, anchor: 'matches' });
    // One more "older" row at the start: a row stripped of its hash, or a forged one.
    const extra: AuditEntry = { ...change(), seq: 0 };
    expect(verifyAuditEntries([extra, ...rows], anchor)).toMatchObject({ intact: false });
    // An older row removed: the chain no longer begins where the anchor says.
    expect(verifyAuditEntries(rows.slice(1), anchor)).toMatchObject({
      intact: false,
      failure: { problem: 'start-moved' },
    });
  });

  it('finds a stripped trail changed, where the check without an anchor calls it old', () => {
    const rows = trail(0, 4);
    const anchor = anchorOfTrail(rows);
    const stripped = rows.map(({ hash: _h, prevHash: _p, ...row }) => row);
    expect(verifyAuditEntries(stripped)).toMatchObject({ intact: true, unsealed: 4 });
    expect(verifyAuditEntries(stripped, anchor)).toMatchObject({ intact: false, failure: { problem: 'unsealed' } });
  });

  it('compares the trail’s end with the anchor’s head', () => {
    const rows = trail(0, 4);
    const anchor: AuditAnchor = anchorOfTrail(rows);
    expect(verifyAuditEntries(rows.slice(0, 3), anchor)).toMatchObject({ intact: false, anchor: 'behind' });
    expect(verifyAuditEntries([...rows, ...trail(0, 1)], anchor)).toMatchObject({ intact: false });
    expect(verifyAuditEntries(rows, null)).toMatchObject({ intact: false, anchor: 'missing' });
    expect(verifyAuditEntries([], null)).toMatchObject({ intact: true, anchor: 'none' });
    expect(verifyAuditEntries(rows, { ...anchor, lostAt: '2026-02-18T09:00:00.000Z' })).toMatchObject({
      intact: false,
      anchor: 'lost',
    });
  });

  it('is copied by hand in groups of four', () => {
    expect(shortAuditHash('0123456789abcdef0123')).toBe('0123-4567-89AB-CDEF');
  });
});
