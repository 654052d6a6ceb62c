/**
 * A small client of CouchDB 3's HTTP API for the office's setup scripts (issue 20,
 * docs/architecture.md#the-server): every request as the server's admin, with HTTP Basic (CouchDB
 * accepts it on every port, and the test server needs credentials on every request).
 */

/** One answer of the server: its status and its JSON body (null when it sent none). */
export interface CouchAnswer {
  status: number;
  body: unknown;
}

/** Sends one request; `path` is relative to the server's root (`ptp-451022/_security`). */
export type CouchRequest = (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) => Promise<CouchAnswer>;

/** The `Authorization` header of `user` with `password`. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The server's root with one trailing slash, so that relative paths land under it. */
export function serverRoot(server: string): string {
  const url = new URL(server);
  if (url.username || url.password) throw new RangeError('give the user with --admin, not in the URL');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Requests to `server` as `user`; `fetchFn` is the test's fake or the real fetch. */
export function couchClient(
  server: string,
  user: string,
  password: string,
  fetchFn: typeof fetch = fetch,
): CouchRequest {
  const root = serverRoot(server);
  const authorization = basicAuthorization(user, password);
  return async (method, path, body) => {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: authorization };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetchFn(new URL(path, root), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
}

/** A refusal or an answer the script cannot go on from, said in both languages. */
export class SetupError extends Error {}

/** Throws unless the answer's status is one of `expected`. */
export function expectStatus(answer: CouchAnswer, expected: readonly number[], what: string): void {
  if (expected.includes(answer.status)) return;
  const reason = JSON.stringify(answer.body);
  if (answer.status === 401 || answer.status === 403) {
    throw new SetupError(
      `管理员用户或密码不对 / the admin user or password is wrong (${what}: ${answer.status} ${reason})`,
    );
  }
  throw new SetupError(`${what}: ${answer.status} ${reason}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The county database's name: CouchDB's names start with a lowercase letter, so a prefix. */
export function countyDatabaseName(countyCode: string): string {
  if (!/^\d{6}$/.test(countyCode))
    throw new SetupError(`县代码应为六位数字 / a county code is six digits: ${countyCode}`);
  return `ptp-${countyCode}`;
}

/** CouchDB's rule for a database name (lowercase letter first; then a–z, 0–9, `_$()+-/`). */
export function checkDatabaseName(name: string): string {
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(name))
    throw new SetupError(`不是 CouchDB 数据库名 / not a CouchDB database name: ${name}`);
  return name;
}

/** What one step did, for the script's report; `unchanged` on a second run. */
export interface SetupStep {
  what: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** Creates the database unless it exists; says which. */
export async function ensureDatabase(request: CouchRequest, name: string): Promise<SetupStep> {
  const found = await request('GET', encodeURIComponent(name));
  if (found.status === 200) return { what: `database ${name}`, outcome: 'unchanged' };
  expectStatus(found, [404], `GET ${name}`);
  const made = await request('PUT', encodeURIComponent(name));
  expectStatus(made, [201, 202], `PUT ${name}`);
  return { what: `database ${name}`, outcome: 'created' };
}

/** A database's `_security`: who may read and write it (members) and administer it (admins). */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

function sameSecurity(found: unknown, wanted: SecurityObject): boolean {
  if (!isRecord(found)) return false;
  const same = (part: unknown, want: { names: string[]; roles: string[] }): boolean =>
    isRecord(part) &&
    JSON.stringify(part.names ?? []) === JSON.stringify(want.names) &&
    JSON.stringify(part.roles ?? []) === JSON.stringify(want.roles);
  return same(found.admins, wanted.admins) && same(found.members, wanted.members);
}

/** Sets the database's `_security` to `wanted` unless it is so already. */
export async function ensureSecurity(
  request: CouchRequest,
  database: string,
  wanted: SecurityObject,
): Promise<SetupStep> {
  const path = `${encodeURIComponent(database)}/_security`;
  const found = await request('GET', path);
  expectStatus(found, [200], `GET ${path}`);
  const what = `${database}/_security (members: ${[...wanted.members.names, ...wanted.members.roles].join(', ')})`;
  if (sameSecurity(found.body, wanted)) return { what, outcome: 'unchanged' };
  const put = await request('PUT', path, wanted);
  expectStatus(put, [200], `PUT ${path}`);
  return { what, outcome: 'updated' };
}
