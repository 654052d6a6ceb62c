/**
 * The connection check (shared/sync/connection.ts) against the CouchDB-compatible test server: what
 * the settings card tells the person for each state of a real server. Always with credentials
 * (pouchdb-server 4.2 crashes on a request without them once an admin exists).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkConnection, type ConnectionOutcome, type FetchLike, type SyncBinding } from '@shared/sync/connection';
import { newMarker } from '@shared/sync/documents';
import { couchFetch, startTestServer, type TestServer } from './test-server';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const county = { code: '522601', name: '凯里市' };
const realFetch: FetchLike = (url, init) => fetch(url, init);

function check(
  on: TestServer,
  changes: Partial<SyncBinding> = {},
  password = on.admin.password,
): Promise<ConnectionOutcome> {
  const binding: SyncBinding = { serverUrl: on.url, database: 'county-522601', user: on.admin.user, ...changes };
  return checkConnection({ fetch: realFetch, binding, password, county, signal: AbortSignal.timeout(10_000) });
}

async function put(on: TestServer, path: string, body?: unknown): Promise<void> {
  const response = await couchFetch(on, path, {
    method: 'PUT',
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
}

describe('checking the connection against a CouchDB-compatible server', () => {
  it('finds an empty database, then this county’s once marked, and refuses another county’s', async () => {
    const on = (server = await startTestServer({ inMemory: true }));
    await put(on, 'county-522601');
    expect(await check(on)).toEqual({ kind: 'empty' });
    await put(on, 'county-522601/ptp%3Amarker', newMarker('522601', '凯里市', '2026-03-01T10:00:00+08:00'));
    expect(await check(on)).toEqual({ kind: 'ok' });

    await put(on, 'county-522602');
    await put(on, 'county-522602/ptp%3Amarker', newMarker('522602', '丹寨县', '2026-03-01T10:00:00+08:00'));
    expect(await check(on, { database: 'county-522602' })).toEqual({
      kind: 'other-county',
      countyCode: '522602',
      countyName: '丹寨县',
    });
  });

  it('answers a wrong password, a missing database, and a server that is gone', async () => {
    const on = (server = await startTestServer({ inMemory: true }));
    await put(on, 'county-522601');
    expect(await check(on, {}, 'not-the-password')).toEqual({ kind: 'wrong-password' });
    expect(await check(on, { database: 'county-522699' })).toEqual({ kind: 'database-missing' });
    await on.kill();
    expect(await check(on)).toEqual({ kind: 'unreachable' });
  });
});
