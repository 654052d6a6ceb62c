// `npm run bench [-- name-part]`: builds the renderer, then prints one BENCH line per figure.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync('npx', args, { stdio: 'inherit' });
const build = run(['electron-vite', 'build', '-c', 'electron.config.ts', '--logLevel', 'warn']);
if (build.status !== 0) process.exit(build.status ?? 1);
process.exit(
  run(['tsx', '--tsconfig', 'tsconfig.node.json', 'tests/bench/bench.ts', ...process.argv.slice(2)]).status ?? 1,
);
