/**
 * The exact requests the setup scripts send, as CouchDB 3's documented API takes them, against a
 * fake server: what the test server (pouchdb-server) cannot show, such as a replication document's
 * credentials in CouchDB 3.2's `auth.basic` form and the headers every request carries.
 */
import { describe, expect, it } from 'vitest';
import { couchClient } from '../../resources/couchdb/client';
import { setUpPrefecture } from '../../resources/couchdb/prefecture';

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

/** A fetch that answers from `answers` (by "METHOD path") and records each request. */
function fakeServer(answers: Record<string, [number, unknown]>): { fetchFn: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchFn = ((input: URL | string, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    const method = init?.method ?? 'GET';
    sent.push({
      method,
      url,
      authorization: headers.get('Authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const [status, body] = answers[`${method} ${new URL(url).pathname}`] ?? [404, { error: 'not_found' }];
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  }) as typeof fetch;
  return { fetchFn, sent };
}

describe("the prefecture's requests to CouchDB", () => {
  it('creates the target admin-only and puts one replication document per county', async () => {
    const { fetchFn, sent } = fakeServer({
      'GET /ptp-451022': [200, { db_name: 'ptp-451022' }],
      'PUT /ptp-prefecture': [201, { ok: true }],
      'GET /ptp-prefecture/_security': [200, {}],
      'PUT /ptp-prefecture/_security': [200, { ok: true }],
      'PUT /_replicator/ptp-451022-to-ptp-prefecture': [201, { ok: true }],
    });
    const request = couchClient('https://couch.example:6984', 'admin', 'pw', fetchFn);
    await setUpPrefecture(request, {
      root: 'http://127.0.0.1:5984/',
      admin: { user: 'admin', password: 'pw' },
      target: 'ptp-prefecture',
      counties: ['451022'],
    });
    expect(sent.every((request) => request.authorization === `Basic ${btoa('admin:pw')}`)).toBe(true);
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET https://couch.example:6984/ptp-451022',
      'GET https://couch.example:6984/ptp-prefecture',
      'PUT https://couch.example:6984/ptp-prefecture',
      'GET https://couch.example:6984/ptp-prefecture/_security',
      'PUT https://couch.example:6984/ptp-prefecture/_security',
      'GET https://couch.example:6984/_replicator/ptp-451022-to-ptp-prefecture',
      'PUT https://couch.example:6984/_replicator/ptp-451022-to-ptp-prefecture',
    ]);
    expect(sent[4]?.body).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['ptp-prefecture'] },
    });
    const auth = { basic: { username: 'admin', password: 'pw' } };
    expect(sent[6]?.body).toEqual({
      _id: 'ptp-451022-to-ptp-prefecture',
      source: { url: 'http://127.0.0.1:5984/ptp-451022', auth },
      target: { url: 'http://127.0.0.1:5984/ptp-prefecture', auth },
      continuous: true,
      selector: { _id: { $ne: 'ptp:marker' } },
    });
  });

  it('leaves a replication alone when the server hides its password', async () => {
    const hidden = { basic: { username: 'admin' } };
    const { fetchFn, sent } = fakeServer({
      'GET /ptp-451022': [200, {}],
      'GET /ptp-prefecture': [200, {}],
      'GET /ptp-prefecture/_security': [
        200,
        { admins: { names: [], roles: [] }, members: { names: [], roles: ['ptp-prefecture'] } },
      ],
      'GET /_replicator/ptp-451022-to-ptp-prefecture': [
        200,
        {
          _id: 'ptp-451022-to-ptp-prefecture',
          _rev: '1-a',
          source: { url: 'http://127.0.0.1:5984/ptp-451022', auth: hidden },
          target: { url: 'http://127.0.0.1:5984/ptp-prefecture', auth: hidden },
          continuous: true,
          selector: { _id: { $ne: 'ptp:marker' } },
          owner: 'admin',
        },
      ],
    });
    const request = couchClient('http://127.0.0.1:5984', 'admin', 'pw', fetchFn);
    const steps = await setUpPrefecture(request, {
      root: 'http://127.0.0.1:5984/',
      admin: { user: 'admin', password: 'pw' },
      target: 'ptp-prefecture',
      counties: ['451022'],
    });
    expect(steps.every((step) => step.outcome === 'unchanged')).toBe(true);
    expect(sent.filter((request) => request.method !== 'GET')).toEqual([]);
  });
});

describe('the server URL', () => {
  it('refuses credentials in the URL, where they would stay in the shell history', () => {
    expect(() => couchClient('https://admin:pw@couch.example:6984', 'admin', 'pw')).toThrow(/--admin/);
  });
});
