/**
 * The hash chain of the audit trail (issue 7: "Each carries a hash chained to the previous one, and a
 * 'verify' action reports whether the chain is intact").
 *
 * Every row written since the chain exists carries `prevHash`, the `hash` of the row before it (by
 * `seq`, the order IndexedDB gave them), and its own `hash`: SHA-256 over the canonical JSON
 * (canonical.ts) of
 *
 *   [format, prevHash, id, at, operator, table, recordId, action, reason ?? null,
 *    digest(before), digest(after)]
 *
 * where digest(x) is the SHA-256 of the canonical JSON of x.
 *
 * Choices, and why:
 * - `seq` is not hashed: IndexedDB hands it out only when the row is added, after the hash is made,
 *   and a restore may number rows afresh. The order is still covered: each row names the one
 *   before it, so a row removed, inserted or moved breaks the link of the row after it.
 * - `before` and `after` enter as digests, so that an anonymisation can remove personal data from
 *   old rows (`redaction`) and keep the chain verifiable: the redacted row keeps the digests of
 *   what it held, which its hash covers, and a `redact` row written by the same anonymisation names
 *   every redacted row with the digests of what it holds since. A redacted row is intact when the
 *   last `redact` row naming it matches its content; one that no `redact` row names, or whose
 *   content differs from what it names, breaks the chain. Who, when, which record and which action
 *   are never redacted, and always checked directly.
 * - Rows written before the chain existed have no hash. They are accepted at the start of the
 *   trail only, and counted ("older rows without a chain"); a row without a hash after the first
 *   sealed one means a hash was removed. The first sealed row starts the chain (`prevHash` null).
 *   Checked against an anchor (anchor.ts, issue 16), only as many as the anchor counts are
 *   accepted, and the first sealed row must be the one the anchor names: a trail stripped of every
 *   hash no longer passes for an old one.
 * - The chain shows edits made outside the app; it cannot stop someone who rewrites every hash
 *   from the edited row to the end. The anchor (the newest hash and the row count, kept outside the
 *   trail) finds that, and a newest row deleted, unless the anchor was rewritten with the trail.
 *
 * Hashing is synchronous (@noble/hashes): `recordChange` seals a row inside the caller's Dexie
 * transaction, and waiting for WebCrypto's async digest there would let IndexedDB commit early.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditEntry, AuditRedaction, Timestamp } from '../domain/records';
import { canonicalJson } from './canonical';
import { anchorFindingIsBroken, type AnchorFinding, type AuditAnchor } from './anchor';

/** Written into every hash, so that a later change of what is hashed can never be mistaken for this one. */
export const AUDIT_CHAIN_FORMAT = 'p2p-audit-chain/1';

/** The table and action of the row that records a redaction (its `after` is a `RedactionRecord`). */
export const REDACTION_TABLE = 'audit';

/** SHA-256 of a text's UTF-8 bytes, lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 (hex) of the canonical JSON of a value: how `before` and `after` enter a row's hash. */
export function contentDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** The digests of a row's `before` and `after`. */
export interface ContentDigests {
  before: string;
  after: string;
}

/** The fields a row's hash covers directly. */
export type SealedFields = Pick<AuditEntry, 'id' | 'at' | 'operator' | 'table' | 'recordId' | 'action' | 'reason'>;

/** The hash of a row with this content after a row whose hash is `prevHash` (null: the chain's first row). */
export function auditRowHash(row: SealedFields, prevHash: string | null, digests: ContentDigests): string {
  return sha256Hex(
    canonicalJson([
      AUDIT_CHAIN_FORMAT,
      prevHash,
      row.id,
      row.at,
      row.operator,
      row.table,
      row.recordId,
      row.action,
      row.reason ?? null,
      digests.before,
      digests.after,
    ]),
  );
}

/** The digests of what a row holds now. */
export function currentDigests(entry: Pick<AuditEntry, 'before' | 'after'>): ContentDigests {
  return { before: contentDigest(entry.before), after: contentDigest(entry.after) };
}

/** The digests a row's hash was made with: those kept by a redaction, else those of its content. */
export function sealedDigests(entry: Pick<AuditEntry, 'before' | 'after' | 'redaction'>): ContentDigests {
  return entry.redaction
    ? { before: entry.redaction.beforeDigest, after: entry.redaction.afterDigest }
    : currentDigests(entry);
}

/** A new row with its link and hash, ready to add after the row whose hash is `prevHash`. */
export function sealAuditEntry<T extends SealedFields & Pick<AuditEntry, 'before' | 'after'>>(
  entry: T,
  prevHash: string | null,
): T & { prevHash: string | null; hash: string } {
  return { ...entry, prevHash, hash: auditRowHash(entry, prevHash, currentDigests(entry)) };
}

/**
 * A row with personal data removed: its new `before` and `after`, and the digests of what it held
 * when it was written (kept from an earlier redaction, if any), so its hash still verifies.
 */
export function redactAuditEntry(entry: AuditEntry, before: unknown, after: unknown, at: Timestamp): AuditEntry {
  const original = sealedDigests(entry);
  const redaction: AuditRedaction = entry.redaction ?? {
    at,
    beforeDigest: original.before,
    afterDigest: original.after,
  };
  return { ...entry, before, after, redaction };
}

/** One redacted row as the `redact` row names it: its id and the digests of what it holds since. */
export interface RedactedRow {
  id: string;
  before: string;
  after: string;
}

/** The `after` of a `redact` row. */
export interface RedactionRecord {
  /** Why: the anonymisation that redacted the rows. */
  cause: 'anonymise';
  /** How many people were anonymised. */
  people: number;
  redacted: RedactedRow[];
}

/** What a `redact` row says about the rows it redacted (a malformed one says nothing). */
function redactedRowsOf(entry: AuditEntry): RedactedRow[] {
  if (entry.action !== 'redact' || entry.table !== REDACTION_TABLE) return [];
  const after: unknown = entry.after;
  if (typeof after !== 'object' || after === null || !('redacted' in after) || !Array.isArray(after.redacted)) {
    return [];
  }
  return (after.redacted as unknown[]).filter(
    (row): row is RedactedRow =>
      typeof row === 'object' &&
      row !== null &&
      typeof (row as RedactedRow).id === 'string' &&
      typeof (row as RedactedRow).before === 'string' &&
      typeof (row as RedactedRow).after === 'string',
  );
}

/**
 * How a row breaks the chain:
 * - `changed`: its content (or its link) is not what its hash was made from;
 * - `link-broken`: it does not name the hash of the row before it: a row was removed, inserted or
 *   moved before it (or, for the first sealed row, rows before it lost their hashes);
 * - `unsealed`: it has no hash, but rows before it have: its hash was removed;
 * - `redaction-unrecorded`: personal data was removed from it, but no anonymisation says so;
 * - `redaction-changed`: it was changed after an anonymisation redacted it;
 * - `start-moved`: it is the first sealed row, but not the one the anchor says the chain began
 *   with (or not after as many older rows): rows at the start were removed, added or rewritten.
 */
export type ChainProblem =
  'changed' | 'link-broken' | 'unsealed' | 'redaction-unrecorded' | 'redaction-changed' | 'start-moved';

/** The first row that breaks the chain, and how. */
export interface ChainFailure {
  entry: AuditEntry;
  problem: ChainProblem;
}

export interface ChainOutcome {
  intact: boolean;
  /** Sealed rows checked. */
  checked: number;
  /** Rows from before the chain existed (at the start of the trail, without a hash). */
  unsealed: number;
  /** The row with the lowest `seq` that breaks the chain, when it is broken. */
  failure?: ChainFailure;
  /** The hash of the last row checked: written down, it anchors the chain up to that row. */
  headHash: string | null;
  /** Rows read (sealed and unsealed), up to the one that broke the chain. */
  rows?: number;
  /** How the trail compares with the anchor it was checked against (only when one was given). */
  anchor?: AnchorFinding;
}

/**
 * Checks the trail row by row, in `seq` order, holding only what later rows need (the last hash,
 * and the redacted rows until the `redact` row that names them), so that any number of rows can be
 * fed in pages.
 */
export class AuditChainVerifier {
  private rows = 0;
  /** The hash of the row at the anchor's position (null: that position holds no sealed row). */
  private atAnchor: string | null | undefined;
  private head: string | null = null;
  private sealedSeen = false;
  private checked = 0;
  private unsealed = 0;
  private failure: ChainFailure | null = null;
  private readonly redacted = new Map<string, { entry: AuditEntry; digests: ContentDigests }>();
  private readonly named = new Map<string, RedactedRow>();

  /**
   * `anchor`: what this installation knows of the trail (anchor.ts), checked row by row (its start)
   * and at the end (its head); undefined checks the chain alone, null says that the anchor is gone.
   */
  constructor(private readonly anchor?: AuditAnchor | null) {
    if (anchor?.head.count === 0) this.atAnchor = null;
  }

  /** Checks the next row; false once the chain is broken (later rows then need not be read). */
  feed(entry: AuditEntry): boolean {
    if (this.failure) return false;
    this.rows += 1;
    if (this.anchor && this.rows === this.anchor.head.count) this.atAnchor = entry.hash ?? null;
    // The start the anchor names: no more older rows than it counts, then its first sealed row.
    const start = this.anchor && this.anchor.lostAt === undefined ? this.anchor : undefined;
    if (entry.hash === undefined) {
      if (this.sealedSeen) return this.fail(entry, 'unsealed');
      if (start && this.unsealed >= start.unsealed) return this.fail(entry, 'unsealed');
      this.unsealed += 1;
      return true;
    }
    const prevHash = entry.prevHash ?? null;
    if (auditRowHash(entry, prevHash, sealedDigests(entry)) !== entry.hash) return this.fail(entry, 'changed');
    if (prevHash !== (this.sealedSeen ? this.head : null)) return this.fail(entry, 'link-broken');
    if (
      !this.sealedSeen &&
      start?.start &&
      (entry.id !== start.start.id || entry.hash !== start.start.hash || this.unsealed !== start.unsealed)
    ) {
      return this.fail(entry, 'start-moved');
    }
    if (entry.redaction) this.redacted.set(entry.id, { entry, digests: currentDigests(entry) });
    for (const row of redactedRowsOf(entry)) this.named.set(row.id, row);
    this.head = entry.hash;
    this.sealedSeen = true;
    this.checked += 1;
    return true;
  }

  /**
   * How the trail ends against the anchor. `latest`: the anchor read again after the last row, for
   * rows written while the check ran (the trail then matches the newer anchor).
   */
  private anchorFinding(latest?: AuditAnchor | null): AnchorFinding | undefined {
    const { anchor } = this;
    if (anchor === undefined) return undefined;
    if (anchor === null) return this.rows === 0 && !latest ? 'none' : 'missing';
    if (latest && latest.head.count === this.rows && latest.head.count > anchor.head.count) {
      return latest.head.hash === this.head ? (latest.lostAt ? 'lost' : 'matches') : 'differs';
    }
    if (this.rows < anchor.head.count) return 'behind';
    if (this.atAnchor !== anchor.head.hash) return 'differs';
    if (this.rows > anchor.head.count) return 'beyond';
    return anchor.lostAt ? 'lost' : 'matches';
  }

  /** The outcome after the last row (or after the row that broke the chain). */
  finish(latest?: AuditAnchor | null): ChainOutcome {
    const failures: ChainFailure[] = this.failure ? [this.failure] : [];
    for (const { entry, digests } of this.redacted.values()) {
      const named = this.named.get(entry.id);
      if (named) {
        if (named.before !== digests.before || named.after !== digests.after) {
          failures.push({ entry, problem: 'redaction-changed' });
        }
      } else if (!this.failure) {
        // With the chain broken further on, the `redact` row may simply not have been read.
        failures.push({ entry, problem: 'redaction-unrecorded' });
      }
    }
    const first = failures.reduce<ChainFailure | undefined>(
      (lowest, failure) =>
        lowest === undefined || (failure.entry.seq ?? 0) < (lowest.entry.seq ?? 0) ? failure : lowest,
      undefined,
    );
    // With the chain broken, the trail's end was not read: the anchor says nothing more.
    const anchor = first === undefined ? this.anchorFinding(latest) : undefined;
    return {
      intact: first === undefined && !(anchor && anchorFindingIsBroken(anchor)),
      checked: this.checked,
      unsealed: this.unsealed,
      ...(first ? { failure: first } : {}),
      headHash: this.head,
      ...(this.anchor === undefined ? {} : { rows: this.rows }),
      ...(anchor === undefined ? {} : { anchor }),
    };
  }

  private fail(entry: AuditEntry, problem: ChainProblem): false {
    this.failure = { entry, problem };
    return false;
  }
}

/** Checks a whole trail held in memory, in `seq` order (tests, small trails), against `anchor` when given. */
export function verifyAuditEntries(entries: Iterable<AuditEntry>, anchor?: AuditAnchor | null): ChainOutcome {
  const verifier = new AuditChainVerifier(anchor);
  for (const entry of entries) if (!verifier.feed(entry)) break;
  return verifier.finish();
}
