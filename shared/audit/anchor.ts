/**
 * The anchor of the audit chain (issue 16, item 1): where the chain began and where it ended last,
 * kept outside the audit table (this installation's record, every backup's manifest, the audit page
 * and the cover sheet), so that the trail can be checked against something it does not hold itself.
 *
 * - The start: how many rows from before the chain open the trail (`unsealed`, 0 for a database
 *   that began with the chain) and the first sealed row (its id, hash and time). A row without a
 *   hash beyond those, or a first sealed row other than this one, is tampering: stripping every hash
 *   no longer turns the trail into "rows from before the chain".
 * - The head: how many rows the trail holds (the unsealed ones included) and the hash of the newest,
 *   written in the same transaction as every audit row. A trail shorter than the anchor lost its
 *   newest rows; one whose row at the anchor's position has another hash was rewritten; one longer
 *   than this installation's anchor holds rows the app did not write.
 *
 * What it can not prove: someone who rewrites the trail and the anchor record together, consistently,
 * is found only by an anchor kept elsewhere (a backup's manifest, a printed cover sheet, a hash
 * written down from the audit page).
 */
import { z } from 'zod';
import type { Timestamp } from '../domain/records';

/** The first sealed row of the trail: where the chain began. */
export interface AuditChainStart {
  id: string;
  hash: string;
  /** When that row was written. */
  at: Timestamp;
}

/** The newest row of the trail when the anchor was written. */
export interface AuditChainHead {
  /** Rows in the trail, the unsealed ones at its start included. */
  count: number;
  /** The newest row's hash; null while the trail holds no sealed row. */
  hash: string | null;
  /** When the newest row was written; null for an empty trail. */
  at: Timestamp | null;
}

/** What an anchor says about the trail. */
export interface AuditAnchor {
  /** Rows from before the chain existed, without a hash, at the start of the trail. */
  unsealed: number;
  /** Where the chain began; null while no row is sealed (or, with `lostAt`, when that was lost). */
  start: AuditChainStart | null;
  head: AuditChainHead;
  /**
   * Set when the app found this installation's anchor gone while the trail held rows, and wrote it
   * again from then on: the trail before that moment can not be checked against an anchor.
   */
  lostAt?: Timestamp | undefined;
}

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** An anchor as a backup's manifest may carry it (shared/backup/format.ts). */
export const auditAnchorSchema = z.object({
  unsealed: z.number().int().nonnegative(),
  start: z.object({ id: z.string().min(1).max(100), hash, at: timestamp }).nullable(),
  head: z.object({ count: z.number().int().nonnegative(), hash: hash.nullable(), at: timestamp.nullable() }),
  lostAt: timestamp.optional(),
});

/** The anchor of a trail that holds no row yet: the next row starts the chain. */
export const EMPTY_AUDIT_ANCHOR: AuditAnchor = { unsealed: 0, start: null, head: { count: 0, hash: null, at: null } };

/** A hash as people copy it by hand: its first 16 characters in groups of four (`1A2B-3C4D-…`). */
export function shortAuditHash(hash: string): string {
  return (
    hash
      .slice(0, 16)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join('-') ?? ''
  );
}

/**
 * How the trail compares with the anchor:
 * - `matches`: it ends where the anchor says, with the anchor's hash;
 * - `none`: there is no anchor and no row (a new database);
 * - `missing`: the trail holds rows but there is no anchor: it was deleted;
 * - `lost`: the anchor was found deleted once and written again; the trail matches it since;
 * - `behind`: the trail holds fewer rows than the anchor: its newest rows were removed;
 * - `differs`: the row at the anchor's position has another hash: the trail was rewritten;
 * - `beyond`: the trail holds rows after this installation's anchor that the app did not write.
 */
export type AnchorFinding = 'matches' | 'none' | 'missing' | 'lost' | 'behind' | 'differs' | 'beyond';

/** Findings that mean the trail can not be trusted as it stands. */
export function anchorFindingIsBroken(finding: AnchorFinding): boolean {
  return finding !== 'matches' && finding !== 'none';
}

/**
 * The anchor after `added` more rows were sealed on top of `base`, the newest `newest` (and the
 * first of them `first`, which starts the chain when `base` has none). `base` null: there was no
 * anchor; `rowsBefore` is then how many rows the trail held (any: the anchor was lost, written
 * again from `at` on).
 */
export function advanceAnchor(
  base: AuditAnchor | null,
  rowsBefore: number,
  first: AuditChainStart,
  newest: { hash: string; at: Timestamp },
  added: number,
  at: Timestamp,
): AuditAnchor {
  if (base === null) {
    if (rowsBefore === 0) return { unsealed: 0, start: first, head: { count: added, ...newest } };
    return { unsealed: 0, start: null, head: { count: rowsBefore + added, ...newest }, lostAt: at };
  }
  const start = base.start ?? (base.lostAt === undefined && base.head.hash === null ? first : null);
  return { ...base, start, head: { count: base.head.count + added, ...newest } };
}

/**
 * The anchor of a trail as it stands, rows in `seq` order: for a trail that had none written along
 * (a database upgraded to schema 4, a backup made before anchors). It takes the trail on trust: rows
 * stripped of their hashes before this count as rows from before the chain.
 */
export function anchorOfTrail(rows: Iterable<{ id: string; at: Timestamp; hash?: string | undefined }>): AuditAnchor {
  let unsealed = 0;
  let count = 0;
  let start: AuditChainStart | null = null;
  let newest: { hash: string | null; at: Timestamp | null } = { hash: null, at: null };
  for (const row of rows) {
    count += 1;
    if (row.hash === undefined) {
      if (start === null) unsealed += 1;
      newest = { hash: null, at: row.at };
      continue;
    }
    start ??= { id: row.id, hash: row.hash, at: row.at };
    newest = { hash: row.hash, at: row.at };
  }
  return { unsealed, start, head: { count, ...newest } };
}
