import { describe, expect, it, vi } from 'vitest';
import { createBridgeRoutes, type BridgeImplementation, type BridgeRoute } from '@electron/main/ipc-routes';
import { createLogger } from '@electron/main/logger';
import type { SenderFrame, TrustOptions } from '@electron/main/navigation';
import { bridgeContract, type BridgeMethod } from '@shared/bridge';

const APP_FRAME: SenderFrame = { url: 'app://planner/index.html', isMainFrame: true };

function makeImplementation(): BridgeImplementation & { [M in BridgeMethod]: ReturnType<typeof vi.fn> } {
  return {
    saveFile: vi.fn(() => Promise.resolve({ saved: true, fileName: 'x.pdf' })),
    openFile: vi.fn(() => Promise.resolve(null)),
    appInfo: vi.fn(() => Promise.resolve({ version: '0.1.0', dataFolder: '/data', platform: 'linux' })),
    openSavedFile: vi.fn(() => Promise.resolve({ opened: true })),
    writeBackup: vi.fn(() => Promise.resolve({ fileName: 'b', size: 1, kept: 'data-folder' as const, removed: [] })),
    listBackups: vi.fn(() => Promise.resolve({ kept: 'data-folder' as const, backups: [], lastBackupAt: null })),
    readBackup: vi.fn(() => Promise.resolve(null)),
    deleteBackup: vi.fn(() => Promise.resolve({ deleted: false })),
    installationInfo: vi.fn(() =>
      Promise.resolve({ installation: '00000000-0000-4000-8000-000000000000', protection: 'system' as const }),
    ),
    signBackupDigest: vi.fn(() => Promise.resolve({ signature: new Uint8Array(32) })),
    wrapBackupKey: vi.fn(() => Promise.resolve({ wrapped: new Uint8Array(60) })),
    unwrapBackupKey: vi.fn(() => Promise.resolve(null)),
    setShellLanguage: vi.fn(() => Promise.resolve(null)),
    reportBusy: vi.fn(() => Promise.resolve(null)),
    readOfferedBackup: vi.fn(() => Promise.resolve(null)),
    storeSyncPassword: vi.fn(() => Promise.resolve({ stored: true })),
    readSyncPassword: vi.fn(() => Promise.resolve(null)),
    forgetSyncPassword: vi.fn(() => Promise.resolve(null)),
  };
}

function makeRoutes(options: TrustOptions = {}) {
  const implementation = makeImplementation();
  const lines: string[] = [];
  const log = createLogger('test', (_level, line) => lines.push(line));
  const routes = createBridgeRoutes(implementation, { ...options, log });
  const route = (method: BridgeMethod): BridgeRoute => {
    const found = routes.find((candidate) => candidate.method === method);
    if (found === undefined) throw new Error(`no route for ${method}`);
    return found;
  };
  return { implementation, lines, routes, route };
}

const saveRequest = () => ({
  suggestedName: 'manifest.pdf',
  filters: [{ name: 'PDF', extensions: ['pdf'] }],
  data: new Uint8Array([1, 2]),
});

describe('createBridgeRoutes', () => {
  it('registers one route per contract method, on the contract’s channel', () => {
    const { routes } = makeRoutes();
    expect(routes.map((route) => [route.method, route.channel]).sort()).toEqual(
      Object.entries(bridgeContract)
        .map(([method, entry]) => [method, entry.channel])
        .sort(),
    );
    expect(new Set(routes.map((route) => route.channel)).size).toBe(routes.length);
  });

  it('runs the implementation for a valid request from the app’s main frame', async () => {
    const { route, implementation } = makeRoutes();
    const request = saveRequest();
    await expect(route('saveFile').handle(APP_FRAME, request)).resolves.toEqual({ saved: true, fileName: 'x.pdf' });
    expect(implementation.saveFile).toHaveBeenCalledWith(request);
    await expect(route('appInfo').handle(APP_FRAME, undefined)).resolves.toMatchObject({ version: '0.1.0' });
  });

  it.each<[string, SenderFrame | null]>([
    ['a subframe of the app', { url: 'app://planner/index.html', isMainFrame: false }],
    ['a look-alike origin', { url: 'app://planner.evil.com/index.html', isMainFrame: true }],
    ['a web page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file page', { url: 'file:///tmp/x.html', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['a frame that is gone', null],
  ])('refuses %s before looking at the payload', async (_, sender) => {
    const { route, implementation, lines } = makeRoutes();
    await expect(route('saveFile').handle(sender, saveRequest())).rejects.toThrow(
      'planner:save-file: sender not allowed',
    );
    expect(implementation.saveFile).not.toHaveBeenCalled();
    expect(lines.join('\n')).toContain('untrusted frame');
  });

  it('accepts the dev server only when one is configured', async () => {
    const devFrame = { url: 'http://localhost:5173/', isMainFrame: true };
    await expect(makeRoutes().route('appInfo').handle(devFrame, undefined)).rejects.toThrow('sender not allowed');
    await expect(
      makeRoutes({ devServerUrl: 'http://localhost:5173' }).route('appInfo').handle(devFrame, undefined),
    ).resolves.toMatchObject({ platform: 'linux' });
  });

  it('refuses an invalid payload with an error naming the channel, without calling the implementation', async () => {
    const { route, implementation } = makeRoutes();
    const handled = route('saveFile').handle(APP_FRAME, { ...saveRequest(), suggestedName: '../../.bashrc' });
    await expect(handled).rejects.toThrow(/^planner:save-file: invalid request/);
    await expect(handled).rejects.not.toThrow('bashrc');
    expect(implementation.saveFile).not.toHaveBeenCalled();
  });

  it('passes the implementation’s failure on to the renderer and logs it', async () => {
    const { route, implementation, lines } = makeRoutes();
    implementation.openFile.mockRejectedValueOnce(new Error('file-too-large'));
    await expect(route('openFile').handle(APP_FRAME, { filters: [], maxBytes: 10 })).rejects.toThrow('file-too-large');
    expect(lines.join('\n')).toContain('file-too-large');
  });
});
