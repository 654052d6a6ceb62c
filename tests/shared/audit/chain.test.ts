import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain/records';
import {
  AuditChainVerifier,
  canonicalJson,
  contentDigest,
  currentDigests,
  redactAuditEntry,
  sealAuditEntry,
  sha256Hex,
  verifyAuditEntries,
  type RedactionRecord,
} from '@shared/audit';

let counter = 0;

/** A row as recordChange would make it, without the chain. */
function makeChange(overrides: Partial<AuditEntry> = {}): Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> {
  counter += 1;
  return {
    id: `row-${counter}`,
    at: `2026-02-18T08:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    operator: '黄干事',
    table: 'workers',
    recordId: `worker-${counter}`,
    action: 'update',
    before: { name: '张三', phone: '13812345678', skills: ['电工'] },
    after: { name: '张三', phone: '13912345678', skills: ['电工'] },
    ...overrides,
  };
}

/** A sealed trail of `count` rows, numbered from `firstSeq`, chained after `prevHash`. */
function makeTrail(count: number, firstSeq = 1, prevHash: string | null = null): AuditEntry[] {
  const rows: AuditEntry[] = [];
  let head = prevHash;
  for (let index = 0; index < count; index++) {
    const row: AuditEntry = { ...sealAuditEntry(makeChange(), head), seq: firstSeq + index };
    head = row.hash ?? null;
    rows.push(row);
  }
  return rows;
}

describe('the canonical form of a value', () => {
  it('sorts keys, so that the order fields were written in does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('is the same after a JSON round trip (a backup written and read back)', () => {
    const value = {
      name: '覃\u{20087}明',
      nothing: undefined,
      list: [1, undefined, null, Number.NaN, -0, 1.5e-7],
      when: new Date(Date.UTC(2026, 1, 18)),
      nested: { z: true, a: [{ y: 'é', x: '\u00e9' }] },
      lone: '\ud800',
    };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
    expect(canonicalJson(value)).toContain('"list":[1,null,null,null,0,1.5e-7]');
    expect(canonicalJson(value)).not.toContain('nothing');
  });

  it('writes the holes of a sparse array as null', () => {
    const sparse: unknown[] = [];
    sparse[2] = 'c';
    expect(canonicalJson(sparse)).toBe('[null,null,"c"]');
  });

  it('gives another digest for any change of content', () => {
    expect(contentDigest({ a: '1' })).not.toBe(contentDigest({ a: 1 }));
    expect(contentDigest([1, 2])).not.toBe(contentDigest([2, 1]));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the audit hash chain', () => {
  it('verifies a trail that nobody touched, and names its newest hash', () => {
    const trail = makeTrail(50);
    const outcome = verifyAuditEntries(trail);
    expect(outcome).toEqual({ intact: true, checked: 50, unsealed: 0, headHash: trail.at(-1)?.hash });
  });

  it('does not depend on seq: a restore may number the rows afresh', () => {
    const renumbered = makeTrail(5).map((row, index) => ({ ...row, seq: 1000 + index * 7 }));
    expect(verifyAuditEntries(renumbered).intact).toBe(true);
  });

  it('names a row whose content was edited', () => {
    const trail = makeTrail(10);
    const edited = trail.map((row) =>
      row.seq === 4 ? { ...row, after: { ...(row.after as object), phone: '1' } } : row,
    );
    const outcome = verifyAuditEntries(edited);
    expect(outcome.intact).toBe(false);
    expect(outcome.failure?.problem).toBe('changed');
    expect(outcome.failure?.entry.seq).toBe(4);
  });

  it.each([
    ['operator', { operator: '别人' }],
    ['time', { at: '2026-01-01T00:00:00.000Z' }],
    ['action', { action: 'delete' as const }],
    ['record', { recordId: 'someone-else' }],
    ['reason', { reason: '补录' }],
    ['link', { prevHash: 'f'.repeat(64) }],
  ])('names a row whose %s was edited', (_field, change) => {
    const trail = makeTrail(6).map((row) => (row.seq === 3 ? { ...row, ...change } : row));
    expect(verifyAuditEntries(trail).failure?.entry.seq).toBe(3);
  });

  it('names the row after one that was removed, and the row after one that was inserted', () => {
    const trail = makeTrail(8);
    const removed = verifyAuditEntries(trail.filter((row) => row.seq !== 5));
    expect(removed.failure).toMatchObject({ problem: 'link-broken', entry: { seq: 6 } });

    const stranger: AuditEntry = { ...sealAuditEntry(makeChange(), trail[2]?.hash ?? null), seq: 3.5 };
    const inserted = verifyAuditEntries([...trail.slice(0, 3), stranger, ...trail.slice(3)]);
    expect(inserted.failure).toMatchObject({ problem: 'link-broken', entry: { seq: 4 } });
  });

  it('accepts older rows without a hash at the start, and counts them', () => {
    const older: AuditEntry[] = [1, 2, 3].map((seq) => ({ ...makeChange(), seq }));
    const outcome = verifyAuditEntries([...older, ...makeTrail(4, 4)]);
    expect(outcome).toMatchObject({ intact: true, checked: 4, unsealed: 3 });
  });

  it('refuses a row whose hash was removed after the chain started, and a first sealed row that links to nothing', () => {
    const trail = makeTrail(6);
    const stripped = trail.map((row) => (row.seq === 3 ? { ...row, hash: undefined, prevHash: undefined } : row));
    expect(verifyAuditEntries(stripped).failure).toMatchObject({ problem: 'unsealed', entry: { seq: 3 } });

    // Stripping the hashes of the first rows makes them look older than the chain: the row after them tells.
    const headless = trail.map((row) => ((row.seq ?? 0) <= 2 ? { ...row, hash: undefined, prevHash: undefined } : row));
    expect(verifyAuditEntries(headless).failure).toMatchObject({ problem: 'link-broken', entry: { seq: 3 } });
  });

  it('can be fed in pages without holding the trail', () => {
    const trail = makeTrail(30);
    const verifier = new AuditChainVerifier();
    for (let start = 0; start < trail.length; start += 7) {
      for (const row of trail.slice(start, start + 7)) verifier.feed(row);
    }
    expect(verifier.finish()).toMatchObject({ intact: true, checked: 30 });
  });
});

describe('redacted rows', () => {
  /** Redacts row `seq` of a trail and appends the `redact` row that names it. */
  function redact(trail: AuditEntry[], seq: number): AuditEntry[] {
    const rows = trail.map((row) =>
      row.seq === seq ? redactAuditEntry(row, { name: '张*' }, { name: '张*' }, '2027-03-01T00:00:00.000Z') : row,
    );
    const redacted = rows.find((row) => row.seq === seq);
    if (!redacted) throw new Error('no such row');
    const record: RedactionRecord = {
      cause: 'anonymise',
      people: 1,
      redacted: [{ id: redacted.id, ...currentDigests(redacted) }],
    };
    const grant: AuditEntry = {
      ...sealAuditEntry(
        makeChange({ table: 'audit', recordId: 'run-1', action: 'redact', before: null, after: record }),
        trail.at(-1)?.hash ?? null,
      ),
      seq: (trail.at(-1)?.seq ?? 0) + 1,
    };
    return [...rows, grant];
  }

  it('still verify after an anonymisation removed personal data and said so', () => {
    const redacted = redact(makeTrail(5), 2);
    expect(redacted.find((row) => row.seq === 2)?.before).toEqual({ name: '张*' });
    expect(verifyAuditEntries(redacted)).toMatchObject({ intact: true, checked: 6 });
  });

  it('keep the digests of what they first held when redacted twice', () => {
    const once = redact(makeTrail(3), 2);
    const row = once.find((entry) => entry.seq === 2);
    if (!row) throw new Error('no row');
    const twice = redactAuditEntry(row, null, null, '2028-01-01T00:00:00.000Z');
    expect(twice.redaction).toEqual(row.redaction);
  });

  it('break the chain when no anonymisation names them', () => {
    const trail = makeTrail(5).map((row) =>
      row.seq === 2 ? redactAuditEntry(row, { name: '张*' }, null, '2027-03-01T00:00:00.000Z') : row,
    );
    expect(verifyAuditEntries(trail).failure).toMatchObject({ problem: 'redaction-unrecorded', entry: { seq: 2 } });
  });

  it('break the chain when changed after the redaction', () => {
    const trail = redact(makeTrail(5), 2).map((row) => (row.seq === 2 ? { ...row, after: { name: '李四' } } : row));
    expect(verifyAuditEntries(trail).failure).toMatchObject({ problem: 'redaction-changed', entry: { seq: 2 } });
  });

  it('cannot hide an edit of who or when behind a redaction mark', () => {
    const trail = redact(makeTrail(5), 2).map((row) => (row.seq === 2 ? { ...row, operator: '别人' } : row));
    expect(verifyAuditEntries(trail).failure).toMatchObject({ problem: 'changed', entry: { seq: 2 } });
  });
});
