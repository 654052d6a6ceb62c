/**
 * The revision rules of shared/sync/revisions.ts held against a server that speaks CouchDB's
 * protocol: the leaves our rules make, sent as a replicator sends them (`new_edits: false`), are
 * answered with the winner and the conflicts that our rules choose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conflictingRevisions,
  nextRevision,
  toRevisionsField,
  winningBranch,
  type RevisionBranch,
} from '@shared/sync/revisions';
import { couchFetch, startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ inMemory: true });
  expect((await couchFetch(server, 'county', { method: 'PUT' })).ok).toBe(true);
});
afterAll(() => server.stop());

/** Sends each branch's leaf with its history, as a replicator does. */
async function send(id: string, branches: RevisionBranch[], content: (index: number) => object): Promise<void> {
  const docs = branches.map((branch, index) => ({
    ...content(index),
    _id: id,
    _rev: branch.path[0],
    _revisions: toRevisionsField(branch.path),
    ...(branch.deleted ? { _deleted: true } : {}),
  }));
  const response = await couchFetch(server, 'county/_bulk_docs', {
    method: 'POST',
    body: JSON.stringify({ docs, new_edits: false }),
  });
  expect(response.ok).toBe(true);
}

async function served(id: string): Promise<{ _rev: string; _conflicts?: string[] }> {
  const response = await couchFetch(server, `county/${encodeURIComponent(id)}?conflicts=true`);
  return (await response.json()) as { _rev: string; _conflicts?: string[] };
}

describe('our revision rules agree with the server', () => {
  it('on two PCs that edited the same record offline: the same winner, the other leaf in conflict', async () => {
    const root = nextRevision({ name: '张三' }, null);
    const here = nextRevision({ name: '张三', phone: '13800000001' }, root);
    const there = nextRevision({ name: '张三', phone: '13900000002' }, root);
    const branches = [
      { path: [here, root], deleted: false },
      { path: [there, root], deleted: false },
    ];
    await send('workers:w1', branches, (index) => ({
      name: '张三',
      phone: index === 0 ? '13800000001' : '13900000002',
    }));
    const answer = await served('workers:w1');
    expect(answer._rev).toBe(winningBranch(branches).path[0]);
    expect(answer._conflicts).toEqual(conflictingRevisions(branches));
  });

  it('on a longer branch against a shorter one with a higher hash', async () => {
    const root = nextRevision({ v: 0 }, null);
    const short = nextRevision({ v: 1 }, root);
    const middle = nextRevision({ v: 2 }, root);
    const long = nextRevision({ v: 3 }, middle);
    const branches = [
      { path: [short, root], deleted: false },
      { path: [long, middle, root], deleted: false },
    ];
    await send('workers:w2', branches, (index) => ({ v: index }));
    expect((await served('workers:w2'))._rev).toBe(long);
  });

  it('on a deleted leaf of a higher generation against a live one', async () => {
    const root = nextRevision({ v: 0 }, null);
    const live = nextRevision({ v: 1 }, root);
    const middle = nextRevision({ v: 2 }, root);
    const gone = nextRevision({ v: 2 }, middle, true);
    const branches = [
      { path: [live, root], deleted: false },
      { path: [gone, middle, root], deleted: true },
    ];
    await send('workers:w3', branches, (index) => ({ v: index }));
    const answer = await served('workers:w3');
    expect(answer._rev).toBe(live);
    expect(winningBranch(branches).path[0]).toBe(live);
    expect(answer._conflicts ?? []).toEqual(conflictingRevisions(branches));
  });
});
