/**
 * Which URLs the app's windows may show and which frames may call the bridge. Pure, so the
 * allow-list is tested against look-alike origins (as Actual tests its trusted-URL check).
 *
 * https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';

export type TrustOptions = {
  /** Origin of electron-vite's dev server; only set when running unpackaged in development. */
  devServerUrl?: string | undefined;
};

/** What main knows about the frame that sent an IPC message. */
export type SenderFrame = {
  url: string;
  isMainFrame: boolean;
};

const MAX_URL_LENGTH = 2048;

function parse(url: string): URL | undefined {
  if (url.length > MAX_URL_LENGTH) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for URLs on the app's own origin, app://planner, and nothing that merely looks like it. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === undefined) return false;
  // Node parses app: as a non-special scheme, so `origin` is "null" and cannot be compared:
  // check each part. The host is compared lower-cased because Chromium canonicalises the host of a
  // standard scheme, so app://Planner is the very same origin as app://planner there.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    parsed.hostname.toLowerCase() === APP_HOST
  );
}

/** True when `url` is on exactly the dev server's origin (scheme, host and port). */
export function isDevServerUrl(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl === undefined) return false;
  const devServer = parse(devServerUrl);
  const parsed = parse(url);
  if (devServer === undefined || parsed === undefined) return false;
  if (devServer.protocol !== 'http:' && devServer.protocol !== 'https:') return false;
  return parsed.origin === devServer.origin && parsed.username === '' && parsed.password === '';
}

/** Whether a window may navigate (or be redirected) to `url`: the app itself, or the dev server. */
export function isAllowedNavigation(url: string, options: TrustOptions = {}): boolean {
  return isAppUrl(url) || isDevServerUrl(url, options.devServerUrl);
}

/**
 * Whether an IPC message comes from the app: the top frame of a window showing the app origin (or
 * the dev server). Subframes are refused even on the app origin, so a frame embedded by mistake can
 * never reach the file system.
 */
export function isTrustedSender(sender: SenderFrame | null, options: TrustOptions = {}): boolean {
  if (sender === null || !sender.isMainFrame) return false;
  return isAllowedNavigation(sender.url, options);
}

/**
 * The dev server URL that main may load and trust. electron-vite sets ELECTRON_RENDERER_URL in
 * `dev`; a packaged app ignores it, so an environment variable can never point the installed app
 * at another origin.
 */
export function devServerUrlFor(environment: {
  isPackaged: boolean;
  rendererUrl: string | undefined;
}): string | undefined {
  if (environment.isPackaged || environment.rendererUrl === undefined) return undefined;
  const parsed = parse(environment.rendererUrl);
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return environment.rendererUrl;
}

/**
 * Permissions the app's own pages get. Keeping the local database when the disk runs low
 * (`persistent-storage`) and writing copied text (`clipboard-sanitized-write`) are all the app needs;
 * everything else, and anything asked by another origin, is refused.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage', 'clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string, options: TrustOptions = {}): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAllowedNavigation(requestingUrl, options);
}
