/**
 * `npm run couchdb:county`: one county's database on the office's CouchDB server (issue 20,
 * docs/architecture.md#the-server). The database `ptp-<county code>` with the county's marker, one
 * user whose role is the database's only member, and a check that the user reads it. Run twice, it
 * changes nothing; a database of another county, or of something else, is refused untouched.
 */
import { MARKER_ID, checkMarker, newMarker } from '../../shared/sync/documents';
import {
  SetupError,
  countyDatabaseName,
  ensureDatabase,
  ensureSecurity,
  expectStatus,
  isRecord,
  type CouchRequest,
  type SetupStep,
} from './client';

export interface CountySetup {
  /** The county's administrative code, six digits (`451022`). */
  countyCode: string;
  /** The county's name as the marker carries it (`田东县`). */
  countyName: string;
  /** The user every PC of the county signs in with. */
  user: string;
  password: string;
  /** When the marker is made, an ISO timestamp. */
  now: string;
}

/** The role that makes a user a member of one county's database. */
export function countyRole(countyCode: string): string {
  return `ptp-county-${countyCode}`;
}

const ROLE_PREFIX = 'ptp-county-';
const USER_NAME = /^[a-z][a-z0-9_.-]*$/;

/** Writes the marker into a new database; refuses one that is not this county's. */
async function ensureMarker(request: CouchRequest, database: string, setup: CountySetup): Promise<SetupStep> {
  const what = `marker ${MARKER_ID} (${setup.countyCode} ${setup.countyName})`;
  const info = await request('GET', encodeURIComponent(database));
  expectStatus(info, [200], `GET ${database}`);
  const count = isRecord(info.body) && typeof info.body.doc_count === 'number' ? info.body.doc_count : 0;
  const path = `${encodeURIComponent(database)}/${encodeURIComponent(MARKER_ID)}`;
  const found = await request('GET', path);
  expectStatus(found, [200, 404], `GET ${path}`);
  const finding = checkMarker(found.status === 200 ? found.body : null, count, setup.countyCode);
  switch (finding.kind) {
    case 'ours':
      return { what, outcome: 'unchanged' };
    case 'new-database': {
      const put = await request('PUT', path, newMarker(setup.countyCode, setup.countyName, setup.now));
      expectStatus(put, [201, 202], `PUT ${path}`);
      return { what, outcome: 'created' };
    }
    case 'other-county':
      throw new SetupError(
        `${database} 属于另一个县 / belongs to another county: ${finding.countyCode} ${finding.countyName}`,
      );
    case 'unmarked':
      throw new SetupError(`${database} 有文档但没有县标记 / holds documents but no county marker: not the app's`);
    case 'foreign':
      throw new SetupError(`${database} 的标记属于别的程序或格式 / its marker is another app's or format's`);
  }
}

/** The county's user in `_users` with the county's role and this password. */
async function ensureUser(
  request: CouchRequest,
  asUser: (user: string, password: string) => CouchRequest,
  setup: CountySetup,
): Promise<SetupStep> {
  const role = countyRole(setup.countyCode);
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${setup.user}`)}`;
  const what = `user ${setup.user} (role ${role})`;
  const found = await request('GET', path);
  expectStatus(found, [200, 404], `GET ${path}`);
  if (found.status === 404) {
    const put = await request('PUT', path, { name: setup.user, type: 'user', roles: [role], password: setup.password });
    expectStatus(put, [201, 202], `PUT ${path}`);
    return { what, outcome: 'created' };
  }
  const user = isRecord(found.body) ? found.body : {};
  const roles = Array.isArray(user.roles) ? user.roles.filter((r): r is string => typeof r === 'string') : [];
  const otherCounty = roles.find((r) => r.startsWith(ROLE_PREFIX) && r !== role);
  if (otherCounty) {
    throw new SetupError(`用户 ${setup.user} 属于另一个县 / the user belongs to another county (${otherCounty})`);
  }
  const session = await asUser(setup.user, setup.password)('GET', '_session');
  const signedIn =
    session.status === 200 &&
    isRecord(session.body) &&
    isRecord(session.body.userCtx) &&
    session.body.userCtx.name === setup.user;
  if (signedIn && roles.includes(role)) return { what, outcome: 'unchanged' };
  const put = await request('PUT', path, { ...user, roles: [...new Set([...roles, role])], password: setup.password });
  expectStatus(put, [201, 202], `PUT ${path}`);
  return { what: `${what}${signedIn ? '' : ': password set'}`, outcome: 'updated' };
}

/**
 * Sets up one county on the server, as its admin (`request`); `asUser` makes requests as another
 * user, to check the county user's password and that it reads its database.
 */
export async function setUpCounty(
  request: CouchRequest,
  asUser: (user: string, password: string) => CouchRequest,
  setup: CountySetup,
): Promise<SetupStep[]> {
  const database = countyDatabaseName(setup.countyCode);
  if (!USER_NAME.test(setup.user)) {
    throw new SetupError(
      `用户名只用小写字母、数字和 _ . - / a user name is lowercase letters, digits, _ . -: ${setup.user}`,
    );
  }
  if (setup.countyName.trim() === '') throw new SetupError('缺县名 / the county name is missing');
  if (setup.password === '') throw new SetupError('缺县用户的密码 / the county user has no password');
  // The database first, and its marker checked before anything else changes: a database of
  // another county is refused with its users and security untouched.
  const steps = [await ensureDatabase(request, database)];
  steps.push(await ensureMarker(request, database, setup));
  steps.push(await ensureUser(request, asUser, setup));
  const members = { names: [], roles: [countyRole(setup.countyCode)] };
  steps.push(await ensureSecurity(request, database, { admins: { names: [], roles: [] }, members }));
  const read = await asUser(setup.user, setup.password)('GET', encodeURIComponent(database));
  if (read.status !== 200) {
    throw new SetupError(`县用户读不了数据库 / the county user cannot read ${database}: ${read.status}`);
  }
  return steps;
}
