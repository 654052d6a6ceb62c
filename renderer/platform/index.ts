/**
 * The bridge as the renderer sees it. Inside Electron the preload exposes `window.planner`; in a
 * plain browser (the web preview, the end-to-end tests) the same interface is built from a
 * download link and a file input. Nothing else in the renderer knows which one it runs in.
 */
import type { InstallationKeyring } from '@shared/backup';
import type { PlannerBridge } from '@shared/bridge';
import { browserBridge } from './browser-bridge';

declare global {
  interface Window {
    /** Set by the preload script inside Electron only. */
    planner?: PlannerBridge;
  }
}

export const platform: PlannerBridge = window.planner ?? browserBridge;

/** True inside the desktop app. */
export const isDesktop = window.planner !== undefined;

/**
 * The desktop's installation key, kept in the main process and reached through the bridge (issue
 * 16, item 2); null in the browser, whose key the database keeps (renderer/db/installation-key.ts).
 */
export const desktopKeyring: InstallationKeyring | null = window.planner ? keyringOf(window.planner) : null;

function keyringOf(bridge: PlannerBridge): InstallationKeyring {
  return {
    info: () => bridge.installationInfo(),
    sign: async (digest) => (await bridge.signBackupDigest({ digest })).signature,
    wrap: async (dataKey) => (await bridge.wrapBackupKey({ dataKey })).wrapped,
    unwrap: async (wrapped) => (await bridge.unwrapBackupKey({ wrapped }))?.dataKey ?? null,
  };
}
