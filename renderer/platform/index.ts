/**
 * The bridge as the renderer sees it. Inside Electron the preload exposes `window.planner`; in a
 * plain browser (the web preview, the end-to-end tests) the same interface is built from a
 * download link and a file input. Nothing else in the renderer knows which one it runs in.
 */
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
