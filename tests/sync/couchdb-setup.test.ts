/**
 * The office's CouchDB setup scripts (resources/couchdb) against the test server (pouchdb-server),
 * which keeps `_users` and `_security` as CouchDB does.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SetupError, couchClient, type CouchRequest } from '../../resources/couchdb/client';
import { setUpCounty } from '../../resources/couchdb/county';
import { setUpPrefecture } from '../../resources/couchdb/prefecture';
import { MARKER_ID, newMarker } from '@shared/sync/documents';
import { couchFetch, startTestServer, type TestServer } from './test-server';

let server: TestServer;
let admin: CouchRequest;
const asUser = (user: string, password: string): CouchRequest => couchClient(server.url, user, password);
const tiandong = {
  countyCode: '451022',
  countyName: '田东县',
  user: 'tiandong',
  password: 'county-secret',
  now: '2026-12-08T03:00:00.000Z',
};

beforeAll(async () => {
  server = await startTestServer({ inMemory: true });
  admin = couchClient(server.url, server.admin.user, server.admin.password);
});
afterAll(async () => {
  await server.stop();
});

describe('setting up a county', () => {
  it('creates the database with its marker, and the county user reads it with its password', async () => {
    const steps = await setUpCounty(admin, asUser, tiandong);
    expect(steps.map((step) => step.outcome)).toEqual(['created', 'created', 'created', 'updated']);
    const marker = await asUser('tiandong', 'county-secret')('GET', `ptp-451022/${encodeURIComponent(MARKER_ID)}`);
    expect(marker.status).toBe(200);
    expect(marker.body).toMatchObject({ countyCode: '451022', countyName: '田东县' });
    expect((await asUser('tiandong', 'wrong')('GET', 'ptp-451022')).status).toBe(401);
  });

  it('changes nothing when run again', async () => {
    const steps = await setUpCounty(admin, asUser, tiandong);
    expect(steps.map((step) => step.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it("sets the county user's new password when given another one", async () => {
    const steps = await setUpCounty(admin, asUser, { ...tiandong, password: 'new-secret' });
    expect(steps.map((step) => step.outcome)).toEqual(['unchanged', 'unchanged', 'updated', 'unchanged']);
    expect((await asUser('tiandong', 'new-secret')('GET', 'ptp-451022')).status).toBe(200);
    expect((await asUser('tiandong', 'county-secret')('GET', 'ptp-451022')).status).toBe(401);
  });

  it('refuses a database that holds documents but no marker', async () => {
    await couchFetch(server, 'ptp-451027', { method: 'PUT' });
    await couchFetch(server, 'ptp-451027/something', { method: 'PUT', body: JSON.stringify({ kind: 'other' }) });
    const run = setUpCounty(admin, asUser, {
      ...tiandong,
      countyCode: '451027',
      countyName: '凌云县',
      user: 'lingyun',
    });
    await expect(run).rejects.toThrow(/no county marker/);
    expect((await couchFetch(server, `ptp-451027/${encodeURIComponent(MARKER_ID)}`)).status).toBe(404);
  });

  it("keeps another county's user out of the database", async () => {
    await setUpCounty(admin, asUser, { ...tiandong, countyCode: '451024', countyName: '德保县', user: 'debao' });
    // CouchDB answers 403 (signed in, not a member); pouchdb-server 401. Either way: no data.
    const read = await asUser('debao', 'county-secret')('GET', 'ptp-451022/_all_docs');
    expect([401, 403]).toContain(read.status);
    expect((await asUser('debao', 'county-secret')('GET', 'ptp-451024')).status).toBe(200);
  });

  it("refuses a database that holds another county's marker, and changes nothing in it", async () => {
    await couchFetch(server, 'ptp-451026', { method: 'PUT' });
    const marker = newMarker('451021', '田阳区', tiandong.now);
    await couchFetch(server, `ptp-451026/${encodeURIComponent(MARKER_ID)}`, {
      method: 'PUT',
      body: JSON.stringify(marker),
    });
    const run = setUpCounty(admin, asUser, { ...tiandong, countyCode: '451026', countyName: '那坡县', user: 'napo' });
    await expect(run).rejects.toThrow(SetupError);
    await expect(run).rejects.toThrow(/451021 田阳区/);
    expect((await couchFetch(server, '_users/org.couchdb.user:napo')).status).toBe(404);
  });

  it('refuses a user name already given to another county', async () => {
    const run = setUpCounty(admin, asUser, { ...tiandong, countyCode: '451028', countyName: '乐业县' });
    await expect(run).rejects.toThrow(/ptp-county-451022/);
  });
});

describe("setting up the prefecture's replication", () => {
  const setup = () => ({
    root: server.url,
    admin: server.admin,
    target: 'ptp-prefecture',
    counties: ['451022', '451024'],
  });

  it('writes one continuous replication per county that leaves the markers out, once', async () => {
    const first = await setUpPrefecture(admin, setup());
    expect(first.map((step) => `${step.outcome} ${step.what}`)).toEqual([
      'created database ptp-prefecture',
      'updated ptp-prefecture/_security (members: ptp-prefecture)',
      'created replication ptp-451022-to-ptp-prefecture',
      'created replication ptp-451024-to-ptp-prefecture',
    ]);
    const stored = await couchFetch(server, '_replicator/ptp-451022-to-ptp-prefecture');
    expect(await stored.json()).toMatchObject({
      source: { url: `${server.url}ptp-451022` },
      target: { url: `${server.url}ptp-prefecture` },
      continuous: true,
      selector: { _id: { $ne: MARKER_ID } },
    });
    const again = await setUpPrefecture(admin, setup());
    expect(again.every((step) => step.outcome === 'unchanged')).toBe(true);
  });

  it('refuses a county whose database does not exist', async () => {
    await expect(setUpPrefecture(admin, { ...setup(), counties: ['451029'] })).rejects.toThrow(/ptp-451029/);
  });
});

describe('the command line', () => {
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const cli = fileURLToPath(new URL('../../resources/couchdb/cli.ts', import.meta.url));
  /** Runs the script as `npm run couchdb:…` does, the passwords in the environment; its output and exit code. */
  async function run(args: string[]): Promise<{ output: string; code: number }> {
    const env = { ...process.env, PTP_ADMIN_PASSWORD: server.admin.password, PTP_USER_PASSWORD: 'cli-secret' };
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [tsx, cli, ...args], { env });
      return { output: stdout, code: 0 };
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; code: number };
      return { output: failed.stdout + failed.stderr, code: failed.code };
    }
  }
  const county = () => ['county', '--server', server.url, '--admin', server.admin.user, '--county', '451031'];

  it('sets up a county, and says on the second run that nothing changed', async () => {
    const args = [...county(), '--county-name', '隆林县', '--user', 'longlin'];
    const first = await run(args);
    expect(first.code).toBe(0);
    expect(first.output).toContain('created: database ptp-451031');
    const second = await run(args);
    expect(second.output).toContain('all in place, nothing changed');
    expect((await asUser('longlin', 'cli-secret')('GET', 'ptp-451031')).status).toBe(200);
  });

  it('takes no password on the command line', async () => {
    const refused = await run([...county(), '--county-name', '隆林县', '--user', 'longlin', '--password', 'x']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("'--password'");
  });
});
