/**
 * A CouchDB-compatible server for the replication tests and benches (issue 20): `pouchdb-server`,
 * which speaks CouchDB's HTTP replication protocol, run as a child process on 127.0.0.1 at a free
 * port, its databases on disk in a folder of its own, with an admin user. A test can `kill()` it in
 * the middle of a pull (SIGKILL: nothing flushed, no goodbye) and `restart()` it on the same port
 * and folder, as an office's server that lost power comes back.
 *
 * Known quirk of pouchdb-server 4.2 (not of CouchDB): once an admin exists, a request without
 * credentials to a database crashes the server process, so every request here carries them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_BIN = fileURLToPath(new URL('../../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));
const STARTUP_LIMIT_MS = 30_000;

export interface TestServerOptions {
  /** Keep every database in memory: faster, but a restart loses them. Default: on disk. */
  inMemory?: boolean;
  /** The admin's name and password. Default: `admin` / `planner-test`. */
  admin?: { user: string; password: string };
}

export interface TestServer {
  /** The server's root, `http://127.0.0.1:<port>/`, without credentials. */
  url: string;
  /** The admin's credentials, for `couchFetch` or an `Authorization` header. */
  admin: { user: string; password: string };
  /** Stops the server (SIGTERM) and removes its folder. */
  stop: () => Promise<void>;
  /** Kills the server at once (SIGKILL), as a power cut would; its folder stays for `restart`. */
  kill: () => Promise<void>;
  /** Starts the server again on the same port and folder, and waits until it answers. */
  restart: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1, as the system hands one out. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The `Authorization` header of `user` with `password` (HTTP Basic, as CouchDB accepts). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** A request to the test server as its admin; `path` is relative to the root (`db/_changes`). */
export async function couchFetch(server: TestServer, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', basicAuth(server.admin.user, server.admin.password));
  if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(new URL(path, server.url), { ...init, headers });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited at start:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`pouchdb-server did not answer within ${STARTUP_LIMIT_MS} ms:\n${output()}`);
}

/** Starts a server and waits until it answers, with its admin set (the "admin party" ended). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const admin = options.admin ?? { user: 'admin', password: 'planner-test' };
  const folder = mkdtempSync(join(tmpdir(), 'planner-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  let output = '';

  const launch = async (): Promise<void> => {
    output = '';
    const args = [SERVER_BIN, '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', '--no-color'];
    args.push('--config', join(folder, 'config.json'));
    if (options.inMemory) args.push('--in-memory');
    else args.push('--dir', folder);
    // Its log file (log.txt) lands in the working folder: the server's own.
    const started = spawn(process.execPath, args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    await waitUntilAnswering(url, started, () => output);
  };

  await launch();
  // Ends the "admin party": from here on, every request must carry the admin's credentials. The
  // config file keeps the (hashed) password, so a restart on the same folder keeps the admin.
  const made = await fetch(new URL(`_config/admins/${admin.user}`, url), {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!made.ok) throw new Error(`could not set the admin: ${made.status} ${await made.text()}`);

  const end = async (signal: NodeJS.Signals): Promise<void> => {
    const running = child;
    child = null;
    if (!running) return;
    running.kill(signal);
    await exited(running);
  };
  return {
    url,
    admin,
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGKILL');
      await launch();
    },
    stop: async () => {
      await end('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
