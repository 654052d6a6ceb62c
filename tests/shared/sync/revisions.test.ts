import { describe, expect, it } from 'vitest';
import {
  compareRevisions,
  conflictingRevisions,
  fromRevisionsField,
  mergeBranch,
  missingRevisions,
  nextRevision,
  parseRevision,
  toRevisionsField,
  winningBranch,
  type RevisionBranch,
} from '@shared/sync/revisions';

const leaf = (path: string[], deleted = false): RevisionBranch => ({ path, deleted });

describe('a revision is `generation-hash`', () => {
  it('reads the generation and the hash apart, and refuses what CouchDB would not write', () => {
    expect(parseRevision('3-9a0b')).toEqual({ generation: 3, hash: '9a0b' });
    expect(parseRevision('12-abcdef0123456789abcdef0123456789')?.generation).toBe(12);
    for (const bad of ['0-abc', '3', '-abc', '3-', 'x-abc', '03-abc', '3-ab c', '99999999999999999999-a']) {
      expect(parseRevision(bad), bad).toBeNull();
    }
  });

  it('numbers a new record 1 and each write one more than the revision it was written on', () => {
    const first = nextRevision({ name: '张三' }, null);
    expect(first).toMatch(/^1-[0-9a-f]{32}$/);
    const second = nextRevision({ name: '张三丰' }, first);
    expect(second).toMatch(/^2-[0-9a-f]{32}$/);
    expect(nextRevision({ name: '张三丰' }, second, true)).toMatch(/^3-/);
  });

  it('makes the same revision for the same write on the same parent, whatever the key order', () => {
    const parent = nextRevision({ a: 1 }, null);
    expect(nextRevision({ name: '李四', phone: '13800000000' }, parent)).toBe(
      nextRevision({ phone: '13800000000', name: '李四' }, parent),
    );
  });

  it('makes different revisions for a different content, parent or deletion', () => {
    const parent = nextRevision({ a: 1 }, null);
    const other = nextRevision({ a: 2 }, null);
    const edit = nextRevision({ name: '李四' }, parent);
    expect(nextRevision({ name: '李四 ' }, parent)).not.toBe(edit);
    expect(nextRevision({ name: '李四' }, other)).not.toBe(edit);
    expect(nextRevision({ name: '李四' }, parent, true)).not.toBe(edit);
  });
});

describe('the winning revision, as every replica chooses it without talking', () => {
  it('is the highest generation', () => {
    expect(compareRevisions('3-a', '2-z')).toBeGreaterThan(0);
    expect(compareRevisions('10-a', '9-z')).toBeGreaterThan(0);
    expect(winningBranch([leaf(['2-z', '1-a']), leaf(['3-a', '2-b', '1-a'])]).path[0]).toBe('3-a');
  });

  it('is the higher hash, as text, between leaves of one generation', () => {
    expect(winningBranch([leaf(['2-b', '1-a']), leaf(['2-a', '1-a'])]).path[0]).toBe('2-b');
    expect(winningBranch([leaf(['2-a', '1-a']), leaf(['2-b', '1-a'])]).path[0]).toBe('2-b');
    expect(compareRevisions('2-abc', '2-abc')).toBe(0);
  });

  it('is a leaf that is not deleted, even of a lower generation', () => {
    const deleted = leaf(['3-f', '2-a', '1-a'], true);
    const kept = leaf(['2-b', '1-a']);
    expect(winningBranch([deleted, kept])).toBe(kept);
    expect(winningBranch([kept, deleted])).toBe(kept);
  });

  it('is the highest deleted leaf when every leaf is deleted (the record stays deleted)', () => {
    const older = leaf(['2-z', '1-a'], true);
    const newer = leaf(['3-a', '2-b', '1-a'], true);
    expect(winningBranch([older, newer])).toBe(newer);
  });
});

describe('conflicts: the other leaves that are not deleted', () => {
  it('lists none for a record with one leaf, or whose other leaves are deleted', () => {
    expect(conflictingRevisions([leaf(['2-a', '1-a'])])).toEqual([]);
    expect(conflictingRevisions([leaf(['2-a', '1-a']), leaf(['3-c', '2-b', '1-a'], true)])).toEqual([]);
  });

  it('lists the losers of two PCs that wrote the same generation, highest first', () => {
    const branches = [leaf(['2-b', '1-a']), leaf(['2-d', '1-a']), leaf(['2-c', '1-a'])];
    expect(winningBranch(branches).path[0]).toBe('2-d');
    expect(conflictingRevisions(branches)).toEqual(['2-c', '2-b']);
  });
});

describe('taking in a revision from another replica', () => {
  const here = [leaf(['2-b', '1-a'])];

  it('changes nothing for a revision already known, a leaf or an ancestor', () => {
    expect(mergeBranch(here, leaf(['2-b', '1-a'])).outcome).toBe('known');
    expect(mergeBranch(here, leaf(['1-a'])).outcome).toBe('known');
    expect(missingRevisions(here, ['1-a', '2-b', '2-c', '3-x'])).toEqual(['2-c', '3-x']);
  });

  it('replaces the leaf that an edit on top of it passes through', () => {
    const { branches, outcome } = mergeBranch(here, leaf(['4-d', '3-c', '2-b', '1-a']));
    expect(outcome).toBe('extended');
    expect(branches).toEqual([leaf(['4-d', '3-c', '2-b', '1-a'])]);
    expect(conflictingRevisions(branches)).toEqual([]);
  });

  it('keeps both leaves of two PCs that edited the same revision offline: a conflict', () => {
    const { branches, outcome } = mergeBranch(here, leaf(['2-c', '1-a']));
    expect(outcome).toBe('branched');
    expect(branches.map((branch) => branch.path[0])).toEqual(['2-b', '2-c']);
    expect(winningBranch(branches).path[0]).toBe('2-c');
    expect(conflictingRevisions(branches)).toEqual(['2-b']);
  });

  it('ends a conflict when its losing leaf is deleted on top of it, as a person’s choice is written', () => {
    const conflicted = mergeBranch(here, leaf(['2-c', '1-a'])).branches;
    const { branches } = mergeBranch(conflicted, leaf(['3-e', '2-b', '1-a'], true));
    expect(conflictingRevisions(branches)).toEqual([]);
    expect(winningBranch(branches).path[0]).toBe('2-c');
  });

  it('lets an edit win over a deletion made elsewhere on the same revision, and keeps both leaves', () => {
    const deletedThere = mergeBranch(here, leaf(['3-d', '2-b', '1-a'], true)).branches;
    const { branches } = mergeBranch(deletedThere, leaf(['3-a', '2-b', '1-a']));
    // The deletion arrived first and replaced 2-b; the edit on 2-b starts a branch beside it.
    expect(branches.map((branch) => branch.path[0])).toEqual(['3-d', '3-a']);
    expect(winningBranch(branches).path[0]).toBe('3-a');
  });

  it('keeps at most the given number of revisions on a branch', () => {
    const { branches } = mergeBranch([], leaf(['4-d', '3-c', '2-b', '1-a']), 2);
    expect(branches[0]?.path).toEqual(['4-d', '3-c']);
  });
});

describe('CouchDB’s `_revisions` field', () => {
  it('carries a branch as its newest generation and its hashes, and reads back to the same branch', () => {
    const path = ['3-ccc', '2-bbb', '1-aaa'];
    expect(toRevisionsField(path)).toEqual({ start: 3, ids: ['ccc', 'bbb', 'aaa'] });
    expect(fromRevisionsField(toRevisionsField(path))).toEqual(path);
  });
});
