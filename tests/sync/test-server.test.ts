import { afterEach, describe, expect, it } from 'vitest';
import { couchFetch, startTestServer, type TestServer } from './test-server';

interface Changes {
  results: { id: string; seq: string | number; changes: { rev: string }[] }[];
  last_seq: string | number;
}

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('the replication tests’ CouchDB-compatible server', () => {
  it('keeps a database across a kill and a restart, and its changes feed resumes from a checkpoint', async () => {
    server = await startTestServer();
    await json(await couchFetch(server, 'county-522601', { method: 'PUT' }));
    const put = await json<{ rev: string }>(
      await couchFetch(server, 'county-522601/workers:w1', { method: 'PUT', body: JSON.stringify({ name: '张三' }) }),
    );
    expect(put.rev).toMatch(/^1-[0-9a-f]{32}$/);
    const first = await json<Changes>(await couchFetch(server, 'county-522601/_changes'));
    expect(first.results.map((row) => row.id)).toEqual(['workers:w1']);

    await server.kill();
    // The client sees the server gone: the request fails instead of hanging or answering empty.
    await expect(couchFetch(server, 'county-522601/_changes')).rejects.toThrow();

    await server.restart();
    await json(
      await couchFetch(server, 'county-522601/workers:w2', { method: 'PUT', body: JSON.stringify({ name: '李四' }) }),
    );
    const since = encodeURIComponent(String(first.last_seq));
    const next = await json<Changes>(await couchFetch(server, `county-522601/_changes?since=${since}`));
    expect(next.results.map((row) => row.id)).toEqual(['workers:w2']);
    const kept = await json<{ name: string; _rev: string }>(await couchFetch(server, 'county-522601/workers:w1'));
    expect(kept).toMatchObject({ name: '张三', _rev: put.rev });
  });

  it('answers a wrong password and a missing database as CouchDB does, and keeps running', async () => {
    server = await startTestServer();
    await json(await couchFetch(server, 'county-522601', { method: 'PUT' }));
    const wrong = await fetch(new URL('county-522601/_changes', server.url), {
      headers: { Authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
    const missing = await couchFetch(server, 'county-522602/_changes');
    expect(missing.status).toBe(404);
    expect((await couchFetch(server, 'county-522601')).status).toBe(200);
  });
});
