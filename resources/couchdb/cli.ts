/**
 * The command line of the CouchDB setup scripts (README, "Several PCs: the CouchDB server"):
 *   npm run couchdb:county -- --server URL --admin NAME --county CODE --county-name NAME --user NAME
 *   npm run couchdb:prefecture -- --server URL --admin NAME --target DB --counties CODE,CODE,…
 * Passwords are never arguments (they would stay in the shell's history): asked without echo, or
 * from PTP_ADMIN_PASSWORD and PTP_USER_PASSWORD for automation.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SetupError, couchClient, serverRoot, type SetupStep } from './client';
import { setUpCounty } from './county';
import { setUpPrefecture } from './prefecture';

const OUTCOME: Record<SetupStep['outcome'], string> = {
  created: '已创建 / created',
  updated: '已更新 / updated',
  unchanged: '无变化 / unchanged',
};

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A password from `variable`, or asked on the terminal without echoing it. */
async function password(variable: string, question: string): Promise<string> {
  const given = process.env[variable];
  if (given !== undefined && given !== '') return given;
  if (!process.stdin.isTTY) throw new SetupError(`${question}: set ${variable} (no terminal to ask on)`);
  process.stdout.write(`${question}: `);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  const answer = await prompt.question('');
  prompt.close();
  process.stdout.write('\n');
  return answer;
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value === '') throw new SetupError(`缺少 / missing --${name}`);
  return value;
}

async function county(args: string[]): Promise<SetupStep[]> {
  const options = { server: {}, admin: {}, county: {}, 'county-name': {}, user: {} } as const;
  const { values } = parseArgs({ args, options: withType(options), strict: true });
  const server = required(values, 'server');
  const admin = required(values, 'admin');
  const adminPassword = await password('PTP_ADMIN_PASSWORD', `${admin} 的密码 / password of ${admin}`);
  const user = required(values, 'user');
  const userPassword = await password('PTP_USER_PASSWORD', `${user} 的密码 / password of ${user}`);
  return setUpCounty(couchClient(server, admin, adminPassword), (name, pass) => couchClient(server, name, pass), {
    countyCode: required(values, 'county'),
    countyName: required(values, 'county-name'),
    user,
    password: userPassword,
    now: new Date().toISOString(),
  });
}

async function prefecture(args: string[]): Promise<SetupStep[]> {
  const options = { server: {}, admin: {}, target: {}, counties: {} } as const;
  const { values } = parseArgs({ args, options: withType(options), strict: true });
  const server = required(values, 'server');
  const admin = required(values, 'admin');
  const adminPassword = await password('PTP_ADMIN_PASSWORD', `${admin} 的密码 / password of ${admin}`);
  const counties = required(values, 'counties')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  return setUpPrefecture(couchClient(server, admin, adminPassword), {
    root: serverRoot(server),
    admin: { user: admin, password: adminPassword },
    target: required(values, 'target'),
    counties,
  });
}

/** Every option a string with a value. */
function withType<K extends string>(options: Record<K, object>): Record<K, { type: 'string' }> {
  return Object.fromEntries(Object.keys(options).map((name) => [name, { type: 'string' }])) as Record<
    K,
    { type: 'string' }
  >;
}

/** What went wrong, in words: a refusal, a bad option, a server that does not answer, or else. */
function failure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SetupError) return message;
  // parseArgs' errors carry a code (ERR_PARSE_ARGS_…); fetch's network failures only a cause.
  if (error instanceof TypeError && 'code' in error) return message;
  if (error instanceof TypeError && error.cause instanceof Error) {
    return `连不上服务器 / cannot reach the server: ${error.cause.message}`;
  }
  return `意外错误 / unexpected error: ${message}`;
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command !== 'county' && command !== 'prefecture')
    throw new SetupError('usage: cli.ts county|prefecture --server URL …');
  const steps = command === 'county' ? await county(rest) : await prefecture(rest);
  for (const step of steps) say(`${OUTCOME[step.outcome]}: ${step.what}`);
  say(
    steps.every((step) => step.outcome === 'unchanged')
      ? '全部已就绪，未做更改 / all in place, nothing changed'
      : '完成 / done',
  );
} catch (error) {
  process.stderr.write(`${failure(error)}\n`);
  process.exitCode = 1;
}
