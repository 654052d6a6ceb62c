import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

/** Serves the built renderer (out/renderer) on 127.0.0.1 at a free port, as `npm run preview:web` does. */
export async function startWebServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: false,
    root: fileURLToPath(new URL('../..', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: 'out/renderer' },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { url, close: () => server.close() };
}
