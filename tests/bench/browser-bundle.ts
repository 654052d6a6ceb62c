/**
 * Bundles a benchmark's in-page entry into one plain script (an IIFE, no code splitting) and puts
 * it beside the built app, so a bench page of the app's own origin can load it with a script tag.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the built renderer is served from by the bench's web server. */
export const RENDERER_OUT = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/** Bundles `entry` as `fileName` into the built renderer's folder; `name` is the bundle's global. */
export async function stageBrowserBundle(entry: URL, fileName: string, name: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'planner-bench-bundle-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      resolve: { tsconfigPaths: true },
      build: {
        outDir: folder,
        emptyOutDir: true,
        minify: true,
        lib: { entry: fileURLToPath(entry), formats: ['iife'], name, fileName: () => fileName },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    copyFileSync(join(folder, fileName), join(RENDERER_OUT, fileName));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
