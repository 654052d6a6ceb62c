/**
 * `npm run couchdb:prefecture`: the prefecture's one database that its counties' databases replicate
 * into (issue 20, docs/architecture.md#the-server). One `_replicator` document per county,
 * continuous, from `ptp-<code>` into the target; its selector leaves each county's `ptp:marker` out,
 * since the markers of several counties in one database would be one document in conflict.
 */
import { MARKER_ID } from '../../shared/sync/documents';
import {
  SetupError,
  checkDatabaseName,
  countyDatabaseName,
  ensureDatabase,
  ensureSecurity,
  expectStatus,
  isRecord,
  type CouchRequest,
  type SetupStep,
} from './client';

export interface PrefectureSetup {
  /**
   * The server's root as the server itself reaches it (`http://127.0.0.1:5984/`): CouchDB 3's
   * replicator takes full URLs, and it is the server that runs the replication.
   */
  root: string;
  /** The admin the replications run as (they read every county and write the target). */
  admin: { user: string; password: string };
  /** The prefecture's database (`ptp-prefecture`). */
  target: string;
  /** The counties' codes, six digits each. */
  counties: string[];
}

/** The role that may read the prefecture's database; nobody but the admins holds it until given. */
export const PREFECTURE_ROLE = 'ptp-prefecture';

/** The `_replicator` document of one county's replication into the target. */
export function replicationDocument(setup: PrefectureSetup, countyCode: string): Record<string, unknown> {
  const source = countyDatabaseName(countyCode);
  const auth = { basic: { username: setup.admin.user, password: setup.admin.password } };
  return {
    _id: `${source}-to-${setup.target}`,
    source: { url: new URL(source, setup.root).href, auth },
    target: { url: new URL(setup.target, setup.root).href, auth },
    continuous: true,
    selector: { _id: { $ne: MARKER_ID } },
  };
}

const COMPARED = ['source', 'target', 'continuous', 'selector'] as const;

/** Whether a stored document already says `wanted` (a password the server hides counts as the same). */
function sameReplication(found: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  const hidePasswordIfHidden = (end: unknown, stored: unknown): unknown => {
    if (!isRecord(end) || !isRecord(end.auth) || !isRecord(end.auth.basic)) return end;
    const storedBasic =
      isRecord(stored) && isRecord(stored.auth) && isRecord(stored.auth.basic) ? stored.auth.basic : {};
    if ('password' in storedBasic) return end;
    const { password: _hidden, ...basic } = end.auth.basic;
    return { ...end, auth: { ...end.auth, basic } };
  };
  return COMPARED.every((field) => {
    const want =
      field === 'source' || field === 'target' ? hidePasswordIfHidden(wanted[field], found[field]) : wanted[field];
    return JSON.stringify(found[field]) === JSON.stringify(want);
  });
}

async function ensureReplication(request: CouchRequest, document: Record<string, unknown>): Promise<SetupStep> {
  const id = String(document._id);
  const path = `_replicator/${encodeURIComponent(id)}`;
  const what = `replication ${id}`;
  const found = await request('GET', path);
  expectStatus(found, [200, 404], `GET ${path}`);
  if (found.status === 200 && isRecord(found.body) && sameReplication(found.body, document)) {
    return { what, outcome: 'unchanged' };
  }
  const rev = found.status === 200 && isRecord(found.body) ? found.body._rev : undefined;
  const put = await request('PUT', path, rev === undefined ? document : { ...document, _rev: rev });
  expectStatus(put, [201, 202], `PUT ${path}`);
  return { what, outcome: found.status === 404 ? 'created' : 'updated' };
}

/** Sets up the target database and each county's replication into it, as the server's admin. */
export async function setUpPrefecture(request: CouchRequest, setup: PrefectureSetup): Promise<SetupStep[]> {
  checkDatabaseName(setup.target);
  if (setup.counties.length === 0) throw new SetupError('缺县代码 / no county codes given (--counties)');
  const sources = setup.counties.map(countyDatabaseName);
  if (sources.includes(setup.target)) throw new SetupError(`目标库不能是县库 / the target is a county's database`);
  // Every county database must be there: a replication from a missing one would only fail on the server.
  for (const source of sources) {
    const found = await request('GET', encodeURIComponent(source));
    if (found.status === 404) throw new SetupError(`没有县库 / no such county database: ${source}`);
    expectStatus(found, [200], `GET ${source}`);
  }
  const steps = [await ensureDatabase(request, setup.target)];
  const members = { names: [], roles: [PREFECTURE_ROLE] };
  steps.push(await ensureSecurity(request, setup.target, { admins: { names: [], roles: [] }, members }));
  for (const code of setup.counties) steps.push(await ensureReplication(request, replicationDocument(setup, code)));
  return steps;
}
