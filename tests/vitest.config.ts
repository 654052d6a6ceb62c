import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  // The path aliases of tsconfig.base.json (`@shared/…`).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/{shared,electron,renderer,build,sync}/**/*.test.{ts,tsx}'],
    // Component tests choose jsdom file by file (`// @vitest-environment jsdom`); the rest stay in Node.
    environment: 'node',
    setupFiles: ['tests/setup.ts', 'tests/renderer/jsdom-setup.ts'],
    // A guard against a test that hangs, not a speed target (speed lives in `npm run bench`): a PDF
    // built and read back, or a page rendered in jsdom, can take several seconds on a busy 2-core PC.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
