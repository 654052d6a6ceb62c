/**
 * CouchDB's revision rules, as the replication with a CouchDB server needs them (issue 20,
 * docs/architecture.md#replication). A revision is `N-hash`: `N` the generation (1 for a new
 * record, one more at each write: the record's `revision` counter), `hash` a digest of what was
 * written and the revision it was written on. Two PCs that both write generation N+1 of a record
 * make two leaves: a conflict that stays until a person chooses.
 *
 * The winner among a record's leaves (what CouchDB answers when asked for the record, and what every
 * replica agrees on without talking): a leaf that is not deleted beats a deleted one; then the
 * highest generation; then the highest hash, compared as text.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../audit/canonical';

/** A revision read apart: `3-9f…` is generation 3, hash `9f…`. */
export interface ParsedRevision {
  generation: number;
  hash: string;
}

/** A leaf of a record's revision tree, with the branch that led to it. */
export interface RevisionBranch {
  /** The leaf's revision, then its parent's, and so on, newest first (as far as it is kept). */
  path: string[];
  /** Whether the leaf deletes the record (CouchDB's `_deleted`). */
  deleted: boolean;
}

/** CouchDB's `_revisions` field: the newest generation and the hashes of the branch, newest first. */
export interface RevisionsField {
  start: number;
  ids: string[];
}

/** What taking in a revision from another replica did to a record's leaves. */
export type MergeOutcome = 'known' | 'extended' | 'branched';

const REVISION = /^([1-9][0-9]*)-([0-9a-zA-Z]+)$/;
/** Hash length: 32 hex digits, as long as CouchDB's own (an MD5), so revisions look alike. */
const HASH_DIGITS = 32;
/** How many revisions a branch keeps, as CouchDB's default `_revs_limit`. */
export const REVISIONS_KEPT = 1000;

/** Reads a revision apart, or null when it is not of CouchDB's form. */
export function parseRevision(rev: string): ParsedRevision | null {
  const match = REVISION.exec(rev);
  if (!match?.[1] || !match[2]) return null;
  const generation = Number(match[1]);
  return Number.isSafeInteger(generation) ? { generation, hash: match[2] } : null;
}

function parsed(rev: string): ParsedRevision {
  const revision = parseRevision(rev);
  if (!revision) throw new RangeError(`not a revision: ${rev}`);
  return revision;
}

/**
 * The revision that a write of `content` on `parent` (null for a new record) makes. Deterministic:
 * the same write on the same parent on two PCs makes the same revision, so it is no conflict. The
 * hash is SHA-256 over the canonical JSON of the parent, the deleted flag and the content (key order
 * does not matter), cut to 32 hex digits. `content` is the record without CouchDB's `_` fields.
 */
export function nextRevision(content: unknown, parent: string | null, deleted = false): string {
  const generation = parent === null ? 1 : parsed(parent).generation + 1;
  const digest = bytesToHex(sha256(utf8ToBytes(canonicalJson([parent, deleted, content]))));
  return `${generation}-${digest.slice(0, HASH_DIGITS)}`;
}

/** Orders revisions as CouchDB does: by generation, then by hash as text. */
export function compareRevisions(a: string, b: string): number {
  const left = parsed(a);
  const right = parsed(b);
  if (left.generation !== right.generation) return left.generation - right.generation;
  return left.hash < right.hash ? -1 : left.hash > right.hash ? 1 : 0;
}

function leafOf(branch: RevisionBranch): string {
  const [leaf] = branch.path;
  if (leaf === undefined) throw new RangeError('a branch without a revision');
  return leaf;
}

/** Whether branch `a` wins over branch `b`: not deleted first, then the higher revision. */
function beats(a: RevisionBranch, b: RevisionBranch): boolean {
  if (a.deleted !== b.deleted) return !a.deleted;
  return compareRevisions(leafOf(a), leafOf(b)) > 0;
}

/** The winning leaf among a record's leaves: the one every replica shows. */
export function winningBranch(branches: readonly RevisionBranch[]): RevisionBranch {
  const [first, ...rest] = branches;
  if (!first) throw new RangeError('a record without a leaf');
  return rest.reduce((winner, branch) => (beats(branch, winner) ? branch : winner), first);
}

/**
 * The leaves in conflict with the winner (CouchDB's `_conflicts`): the other leaves that are not
 * deleted, highest first. Empty when the record has no conflict; a deleted leaf is no conflict.
 */
export function conflictingRevisions(branches: readonly RevisionBranch[]): string[] {
  if (branches.length < 2) return [];
  const winner = winningBranch(branches);
  return branches
    .filter((branch) => branch !== winner && !branch.deleted)
    .map(leafOf)
    .sort((a, b) => compareRevisions(b, a));
}

/** Whether `rev` is one of the record's leaves or an ancestor of one. */
export function knowsRevision(branches: readonly RevisionBranch[], rev: string): boolean {
  return branches.some((branch) => branch.path.includes(rev));
}

/** Of `revs`, those the record does not know (what `_revs_diff` answers as missing). */
export function missingRevisions(branches: readonly RevisionBranch[], revs: readonly string[]): string[] {
  return revs.filter((rev) => !knowsRevision(branches, rev));
}

/**
 * Takes in a leaf from another replica with its branch (a replicated write, CouchDB's
 * `new_edits: false`): a revision already known changes nothing (`known`); one whose branch passes
 * through a leaf replaces that leaf (`extended`: an edit made on top of what was here); any other
 * starts a branch of its own beside the others (`branched`: a conflict, unless it is deleted).
 * Branches are cut to `kept` revisions.
 */
export function mergeBranch(
  branches: readonly RevisionBranch[],
  incoming: RevisionBranch,
  kept = REVISIONS_KEPT,
): { branches: RevisionBranch[]; outcome: MergeOutcome } {
  const leaf = leafOf(incoming);
  if (knowsRevision(branches, leaf)) return { branches: [...branches], outcome: 'known' };
  const cut: RevisionBranch = { path: incoming.path.slice(0, kept), deleted: incoming.deleted };
  const others = branches.filter((branch) => !incoming.path.includes(leafOf(branch)));
  return { branches: [...others, cut], outcome: others.length < branches.length ? 'extended' : 'branched' };
}

/** A branch as CouchDB's `_revisions` field carries it. */
export function toRevisionsField(path: readonly string[]): RevisionsField {
  const [leaf] = path;
  if (leaf === undefined) throw new RangeError('a branch without a revision');
  return { start: parsed(leaf).generation, ids: path.map((rev) => parsed(rev).hash) };
}

/** A branch read from CouchDB's `_revisions` field: generations count down from `start`. */
export function fromRevisionsField(field: RevisionsField): string[] {
  return field.ids.map((hash, index) => `${field.start - index}-${hash}`);
}
