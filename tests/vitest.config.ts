import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  // The path aliases of tsconfig.base.json (`@shared/…`).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/{shared,electron,renderer}/**/*.test.{ts,tsx}'],
    // Component tests choose jsdom file by file (`// @vitest-environment jsdom`); the rest stay in Node.
    environment: 'node',
    setupFiles: ['tests/setup.ts', 'tests/renderer/jsdom-setup.ts'],
  },
});
