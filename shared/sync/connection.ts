/**
 * The check of a sync server's connection (issue 20, docs/architecture.md#the-connection): before
 * any push or pull, and when the person presses "test the connection" under Settings. It asks the
 * server's root (is this CouchDB?), the county's database (do the user and password open it?) and
 * the database's marker (is it this county's?), and answers one typed outcome; the words are the
 * renderer's (i18n part `sync`).
 *
 * Pure: the caller passes a `fetch`-like function, so tests pass a fake and the app the window's.
 */
import { checkMarker, MARKER_ID } from './documents';

/** Where this PC's county database is: kept in the installation table, never the password. */
export interface SyncBinding {
  serverUrl: string;
  database: string;
  user: string;
}

export const SYNC_URL_MAX = 2000;
export const SYNC_USER_MAX = 200;
export const SYNC_PASSWORD_MAX = 1000;
/** CouchDB's rule for a database's name (its documentation of `PUT /{db}`), at most 238 characters. */
export const DATABASE_NAME_PATTERN = /^[a-z][a-z0-9_$()+/-]*$/;
export const DATABASE_NAME_MAX = 238;

/** What is wrong with a binding before anything is sent. */
export type BindingProblem =
  | 'url-missing'
  | 'url-invalid'
  | 'url-not-http'
  | 'url-has-credentials'
  | 'url-too-long'
  | 'database-invalid'
  | 'user-missing'
  | 'user-too-long';

/** The first problem of a binding, or null when it can be tried. */
export function bindingProblem(binding: SyncBinding): BindingProblem | null {
  const url = binding.serverUrl.trim();
  if (url === '') return 'url-missing';
  if (url.length > SYNC_URL_MAX) return 'url-too-long';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url-invalid';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'url-not-http';
  if (parsed.username !== '' || parsed.password !== '') return 'url-has-credentials';
  if (binding.database.length > DATABASE_NAME_MAX || !DATABASE_NAME_PATTERN.test(binding.database))
    return 'database-invalid';
  if (binding.user.trim() === '') return 'user-missing';
  if (binding.user.length > SYNC_USER_MAX) return 'user-too-long';
  return null;
}

/** What the check found. Only `ok` and `empty` let a sync go on. */
export type ConnectionOutcome =
  /** The database is this county's (its marker says so). */
  | { kind: 'ok' }
  /** The database is empty: the first sync writes this county's marker. */
  | { kind: 'empty' }
  | { kind: 'bad-binding'; problem: BindingProblem }
  /** No answer: network down, wrong address or port, server stopped, or no answer in time. */
  | { kind: 'unreachable' }
  /** Something answered, but not CouchDB. */
  | { kind: 'not-couchdb' }
  | { kind: 'wrong-password' }
  /** The user exists but may not open this database. */
  | { kind: 'no-access' }
  | { kind: 'database-missing' }
  | { kind: 'other-county'; countyCode: string; countyName: string }
  | { kind: 'foreign'; app: string; format: number }
  /** Documents but no marker: not a database of this app. */
  | { kind: 'unmarked' }
  | { kind: 'disk-full' }
  | { kind: 'server-error'; status: number };

/** The part of `fetch`'s answer the check reads. */
export interface FetchAnswer {
  status: number;
  text(): Promise<string>;
}
export type FetchLike = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; signal?: AbortSignal },
) => Promise<FetchAnswer>;

/** HTTP Basic credentials, UTF-8 as CouchDB reads them. */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The server's base URL ending in `/`, so a path below it keeps it (`https://host/couchdb/`). */
function baseOf(serverUrl: string): string {
  const url = new URL(serverUrl.trim());
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

/** A URL below the server for a database and, optionally, a document in it. */
export function databaseUrl(binding: SyncBinding, documentId?: string): string {
  const path =
    encodeURIComponent(binding.database) + (documentId === undefined ? '' : `/${encodeURIComponent(documentId)}`);
  return new URL(path, baseOf(binding.serverUrl)).toString();
}

interface Read {
  status: number;
  body: unknown;
  text: string;
}

class Stop extends Error {
  constructor(readonly outcome: ConnectionOutcome) {
    super(outcome.kind);
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * A full disk: CouchDB answers 500 with the Erlang error `enospc` in its reason (its issue tracker
 * shows `{error,enospc}`), some proxies and servers 507 Insufficient Storage.
 */
function diskFull(read: Read): boolean {
  return read.status === 507 || /enospc|insufficient_storage|no space left/i.test(read.text);
}

/** The outcome of an answer no step expects, or null when the step reads it itself. */
function commonProblem(read: Read): ConnectionOutcome | null {
  if (diskFull(read)) return { kind: 'disk-full' };
  if (read.status === 401) return { kind: 'wrong-password' };
  if (read.status === 403) return { kind: 'no-access' };
  if (read.status >= 500) return { kind: 'server-error', status: read.status };
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * CouchDB's root answers `{"couchdb":"Welcome",…}`; pouchdb-server, which speaks the same API (the
 * tests' and development's server), `{"express-pouchdb":"Welcome!",…}`.
 */
function speaksCouchDb(body: unknown): boolean {
  return isObject(body) && (body.couchdb === 'Welcome' || body['express-pouchdb'] === 'Welcome!');
}

export interface ConnectionCheck {
  fetch: FetchLike;
  binding: SyncBinding;
  password: string;
  county: { code: string; name: string };
  /** Ends the check as `unreachable` (a timeout, or the person leaving). */
  signal?: AbortSignal;
}

/** Checks the connection, step by step; never throws. */
export async function checkConnection(check: ConnectionCheck): Promise<ConnectionOutcome> {
  const problem = bindingProblem(check.binding);
  if (problem) return { kind: 'bad-binding', problem };
  const headers = { Accept: 'application/json', Authorization: basicAuthorization(check.binding.user, check.password) };
  const get = async (url: string): Promise<Read> => {
    try {
      const answer = await check.fetch(url, { method: 'GET', headers, signal: check.signal });
      const text = await answer.text();
      return { status: answer.status, text, body: parsed(text) };
    } catch {
      throw new Stop({ kind: 'unreachable' });
    }
  };
  try {
    const root = await get(baseOf(check.binding.serverUrl));
    const rootProblem = commonProblem(root);
    if (rootProblem) return rootProblem;
    if (root.status !== 200 || !speaksCouchDb(root.body)) return { kind: 'not-couchdb' };

    const database = await get(databaseUrl(check.binding));
    if (database.status === 404) return { kind: 'database-missing' };
    const databaseProblem = commonProblem(database);
    if (databaseProblem) return databaseProblem;
    if (database.status !== 200 || !isObject(database.body)) return { kind: 'not-couchdb' };
    const documentCount = typeof database.body.doc_count === 'number' ? database.body.doc_count : 0;

    const marker = await get(databaseUrl(check.binding, MARKER_ID));
    let markerBody: unknown = null;
    if (marker.status === 200) markerBody = marker.body;
    else if (marker.status !== 404) return commonProblem(marker) ?? { kind: 'server-error', status: marker.status };

    const finding = checkMarker(markerBody, documentCount, check.county.code);
    switch (finding.kind) {
      case 'ours':
        return { kind: 'ok' };
      case 'new-database':
        return { kind: 'empty' };
      default:
        return finding;
    }
  } catch (error) {
    if (error instanceof Stop) return error.outcome;
    return { kind: 'unreachable' };
  }
}
