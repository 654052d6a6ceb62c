import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeContract, type BridgeMethod } from '@shared/bridge';

// The preload only runs inside Electron; here its two Electron objects are stand-ins that record calls.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: {
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(() => Promise.resolve('reply')),
  },
}));
vi.mock('electron', () => electron);

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('@electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('planner');
  exposed = api as Record<string, unknown>;
});

function exposedFunction(method: BridgeMethod): (...args: unknown[]) => Promise<unknown> {
  const value = exposed[method];
  if (typeof value !== 'function') throw new Error(`${method} is not exposed as a function`);
  return value as (...args: unknown[]) => Promise<unknown>;
}

describe('the preload bridge', () => {
  it('exposes exactly one function per contract method, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual(Object.keys(bridgeContract).sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke', () => {
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer);
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer.invoke);
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('ipcRenderer');
  });

  it.each(['saveFile', 'openFile', 'openSavedFile'] as const)(
    '%s sends its one request on the contract’s channel',
    async (method) => {
      electron.ipcRenderer.invoke.mockClear();
      const request = { marker: method };
      await expect(exposedFunction(method)(request, 'extra argument', { channel: 'planner:other' })).resolves.toBe(
        'reply',
      );
      expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[bridgeContract[method].channel, request]]);
    },
  );

  it('appInfo sends no payload, whatever the page passes', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await exposedFunction('appInfo')({ injected: true });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[bridgeContract.appInfo.channel]]);
  });

  it('rejects with the bare error code, as the browser bridge does', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'planner:open-file': Error: file-too-large"),
    );
    await expect(exposedFunction('openFile')({ filters: [], maxBytes: 1 })).rejects.toThrow(
      expect.objectContaining({ message: 'file-too-large' }),
    );
  });

  it('passes other failures on with their message', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered for x'));
    await expect(exposedFunction('appInfo')()).rejects.toThrow(
      expect.objectContaining({ message: 'No handler registered for x' }),
    );
  });
});
