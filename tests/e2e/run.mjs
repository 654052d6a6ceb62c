// Runs the end-to-end suite in real Chromium against the built renderer. Without a Chromium it says
// so and stops, except under CI=true, where a missing browser fails the run (docs/architecture.md#tests-e2e-and-bench).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `end-to-end tests need Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') {
    console.error(`FAIL: ${message}`);
    process.exit(1);
  }
  console.warn(`SKIPPED: ${message}`);
  process.exit(0);
}

const run = (args) => spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
const build = run(['electron-vite', 'build', '-c', 'electron.config.ts']);
if (build.status !== 0) process.exit(build.status ?? 1);
const tests = run(['vitest', 'run', '-c', 'tests/e2e/vitest.config.ts', ...process.argv.slice(2)]);
process.exit(tests.status ?? 1);
