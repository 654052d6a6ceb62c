import { describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  checkConnection,
  type ConnectionOutcome,
  type FetchLike,
  type SyncBinding,
} from '@shared/sync/connection';
import { newMarker } from '@shared/sync/documents';

const binding: SyncBinding = {
  serverUrl: 'https://sync.example.cn:6984/couch',
  database: 'county-522601',
  user: 'office',
};
const county = { code: '522601', name: '凯里市' };
const ROOT = 'https://sync.example.cn:6984/couch/';
const DB = `${ROOT}county-522601`;
const MARKER = `${DB}/ptp%3Amarker`;

type Answer = [number, unknown];
/** A fake server: each URL's answer (status, JSON body or raw text); anything else 404. */
function fakeServer(answers: Record<string, Answer>, seen: string[] = []): FetchLike {
  return (url, init) => {
    seen.push(`${url} ${init.headers.Authorization}`);
    const [status, body] = answers[url] ?? [404, { error: 'not_found' }];
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve({ status, text: () => Promise.resolve(text) });
  };
}

const welcome: Answer = [200, { couchdb: 'Welcome', version: '3.3.3' }];
const database = (count: number): Answer => [200, { db_name: 'county-522601', doc_count: count }];

function check(answers: Record<string, Answer>, password = 'secret'): Promise<ConnectionOutcome> {
  return checkConnection({ fetch: fakeServer(answers), binding, password, county });
}

describe('checking the sync server’s connection', () => {
  it('finds this county’s database, sending the user and password on every request', async () => {
    const seen: string[] = [];
    const outcome = await checkConnection({
      fetch: fakeServer(
        { [ROOT]: welcome, [DB]: database(3), [MARKER]: [200, newMarker('522601', '凯里市', 'x')] },
        seen,
      ),
      binding,
      password: '密码',
      county,
    });
    expect(outcome).toEqual({ kind: 'ok' });
    expect(seen).toEqual([ROOT, DB, MARKER].map((url) => `${url} ${basicAuthorization('office', '密码')}`));
    expect(basicAuthorization('office', '密码')).toBe(`Basic ${Buffer.from('office:密码').toString('base64')}`);
  });

  it('answers empty for a new database, and refuses documents without a marker', async () => {
    expect(await check({ [ROOT]: welcome, [DB]: database(0) })).toEqual({ kind: 'empty' });
    expect(await check({ [ROOT]: welcome, [DB]: database(12) })).toEqual({ kind: 'unmarked' });
  });

  it('refuses another county’s database, naming it, and another app’s', async () => {
    const other = newMarker('522602', '丹寨县', 'x');
    expect(await check({ [ROOT]: welcome, [DB]: database(5), [MARKER]: [200, other] })).toEqual({
      kind: 'other-county',
      countyCode: '522602',
      countyName: '丹寨县',
    });
    expect(
      await check({ [ROOT]: welcome, [DB]: database(5), [MARKER]: [200, { ...other, app: 'hr', format: 1 }] }),
    ).toEqual({ kind: 'foreign', app: 'hr', format: 1 });
  });

  it('tells a wrong password, a user without access and a missing database apart', async () => {
    expect(await check({ [ROOT]: [401, { error: 'unauthorized' }] })).toEqual({ kind: 'wrong-password' });
    expect(await check({ [ROOT]: welcome, [DB]: [401, { error: 'unauthorized' }] })).toEqual({
      kind: 'wrong-password',
    });
    expect(await check({ [ROOT]: welcome, [DB]: [403, { error: 'forbidden' }] })).toEqual({ kind: 'no-access' });
    expect(await check({ [ROOT]: welcome })).toEqual({ kind: 'database-missing' });
  });

  it('says when what answers is not CouchDB', async () => {
    expect(await check({ [ROOT]: [200, '<html>router login</html>'] })).toEqual({ kind: 'not-couchdb' });
    expect(await check({ [ROOT]: [200, { hello: 'world' }] })).toEqual({ kind: 'not-couchdb' });
  });

  it('says the server’s disk is full, as CouchDB or a proxy says it, and names other server errors', async () => {
    const enospc: Answer = [500, { error: 'unknown_error', reason: '{badmatch,{error,enospc}}' }];
    expect(await check({ [ROOT]: welcome, [DB]: enospc })).toEqual({ kind: 'disk-full' });
    expect(await check({ [ROOT]: welcome, [DB]: [507, { error: 'insufficient_storage' }] })).toEqual({
      kind: 'disk-full',
    });
    expect(await check({ [ROOT]: [503, 'busy'] })).toEqual({ kind: 'server-error', status: 503 });
    expect(await check({ [ROOT]: welcome, [DB]: database(1), [MARKER]: [500, { error: 'x' }] })).toEqual({
      kind: 'server-error',
      status: 500,
    });
  });

  it('answers unreachable when the network fails or the time runs out', async () => {
    const down: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    expect(await checkConnection({ fetch: down, binding, password: 'p', county })).toEqual({ kind: 'unreachable' });
    const controller = new AbortController();
    const hangs: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError')));
      });
    const pending = checkConnection({ fetch: hangs, binding, password: 'p', county, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'unreachable' });
  });

  it('refuses a binding it cannot try, without sending anything', async () => {
    const seen: string[] = [];
    const refuse = (changes: Partial<SyncBinding>): Promise<ConnectionOutcome> =>
      checkConnection({ fetch: fakeServer({}, seen), binding: { ...binding, ...changes }, password: 'p', county });
    expect(await refuse({ serverUrl: ' ' })).toEqual({ kind: 'bad-binding', problem: 'url-missing' });
    expect(await refuse({ serverUrl: 'sync.example.cn' })).toEqual({ kind: 'bad-binding', problem: 'url-invalid' });
    expect(await refuse({ serverUrl: 'ftp://sync.example.cn' })).toEqual({
      kind: 'bad-binding',
      problem: 'url-not-http',
    });
    expect(await refuse({ serverUrl: 'https://a:b@sync.example.cn' })).toEqual({
      kind: 'bad-binding',
      problem: 'url-has-credentials',
    });
    expect(await refuse({ serverUrl: `https://x.cn/${'a'.repeat(2000)}` })).toEqual({
      kind: 'bad-binding',
      problem: 'url-too-long',
    });
    expect(await refuse({ database: 'County' })).toEqual({ kind: 'bad-binding', problem: 'database-invalid' });
    expect(await refuse({ user: '' })).toEqual({ kind: 'bad-binding', problem: 'user-missing' });
    expect(seen).toEqual([]);
  });
});
