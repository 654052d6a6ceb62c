/**
 * How an app:// request maps to a file of the built renderer. Pure (node:path only) so that every
 * refusal is unit-tested in Node; main's protocol handler only fetches what this module returns.
 *
 * The renderer is served from a privileged custom scheme instead of file:// so that IndexedDB keeps
 * one storage origin across releases and install folders, and so that no page can read arbitrary
 * files: https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
import nodePath from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
/** The one storage origin of the app. Changing it orphans every user's IndexedDB: never change it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const INDEX_FILE = 'index.html';

/** Longer URLs are refused unread: no asset of the build comes near this. */
const MAX_URL_LENGTH = 2048;

/** Headers on every app:// response, whether a file or a refusal. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

export type AppRequestResolution = { kind: 'file'; path: string } | { kind: 'refused'; reason: string };

/** The part of node:path the resolver uses; tests pass `path.win32` to check Windows paths on Linux. */
export type PathFlavour = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

// Checked on the raw URL, because the URL parser silently resolves `..`, `%2e%2e` and strips tabs
// and newlines, so a traversal attempt would otherwise look like an innocent path by the time we see it.
// Control characters and backslashes (Windows separators) never occur in a built asset's URL.
const RAW_FORBIDDEN_CHARACTER = /[\\\p{Cc}]/u;
// Encoded separators and NUL become separators and NUL after decoding; %25 is double encoding.
const RAW_FORBIDDEN_ENCODING = /%(?:2f|5c|00|25)/i;
// A `.` or `..` segment in any mix of literal and percent-encoded dots.
const RAW_DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
// After decoding: separators and characters that Windows reserves (`:` would allow drive letters
// and alternate data streams like `index.html::$DATA`).
const DECODED_FORBIDDEN_CHARACTER = /[\\\p{Cc}:*?"<>|%]/u;
// Windows opens devices for these names in any folder and with any extension (CON.js, NUL.txt).
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

function refused(reason: string): AppRequestResolution {
  return { kind: 'refused', reason };
}

function segmentProblem(segment: string): string | undefined {
  if (segment === '.' || segment === '..') return 'dot segment';
  // Windows trims trailing dots and spaces from a name, so `.. ` or `...` could act as `..` there.
  if (/[.\s]$/.test(segment) || /^\s/.test(segment)) {
    return 'segment with leading space or trailing dot or space';
  }
  if (WINDOWS_DEVICE_NAME.test(segment)) return 'reserved device name';
  return undefined;
}

/**
 * Maps an app:// URL to a file inside `rendererRoot`, or says why not. Query and fragment are
 * ignored; `/` and paths whose last segment has no extension (client-side routes) map to
 * index.html. The resolved path is always inside `rendererRoot`.
 */
export function resolveAppRequest(
  requestUrl: string,
  rendererRoot: string,
  path: PathFlavour = nodePath,
): AppRequestResolution {
  if (requestUrl.length > MAX_URL_LENGTH) return refused('url too long');

  const rawBeforeQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (RAW_FORBIDDEN_CHARACTER.test(rawBeforeQuery)) return refused('control character or backslash');
  if (RAW_FORBIDDEN_ENCODING.test(rawBeforeQuery)) return refused('encoded separator, NUL or double encoding');
  if (RAW_DOT_SEGMENT.test(rawBeforeQuery)) return refused('dot segment');

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused('malformed url');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refused('other scheme');
  if (url.username !== '' || url.password !== '' || url.port !== '') return refused('credentials or port');
  // Chromium lower-cases the host of a standard scheme before the handler sees it; Node's parser
  // treats app: as non-special and keeps the case, so compare the way Chromium would.
  if (url.hostname.toLowerCase() !== APP_HOST) return refused('other host');

  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname === '' ? '/' : url.pathname);
  } catch {
    return refused('malformed percent-encoding');
  }
  if (!decodedPath.startsWith('/')) return refused('relative path');
  if (DECODED_FORBIDDEN_CHARACTER.test(decodedPath)) return refused('reserved character');

  const segments = decodedPath.slice(1).split('/');
  const last = segments.at(-1) ?? '';
  const folders = segments.slice(0, -1);
  // `//x` would make an empty segment: harmless for node:path, but never produced by the build.
  if (folders.some((segment) => segment === '')) return refused('empty segment');
  for (const segment of last === '' ? folders : segments) {
    const problem = segmentProblem(segment);
    if (problem !== undefined) return refused(problem);
  }

  // Client-side routes (no extension) and folders get the app shell.
  const relativeFile = last === '' || !last.includes('.') ? [INDEX_FILE] : segments;

  const root = path.resolve(rendererRoot);
  const target = path.resolve(root, ...relativeFile);
  const fromRoot = path.relative(root, target);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) {
    return refused('outside the renderer folder');
  }
  return { kind: 'file', path: target };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Type for a built asset, or undefined when the extension is not one the build emits.
 * Set explicitly because the platform's guess can come from the Windows registry, where a broken
 * `.js` entry (text/plain) would stop module scripts from loading on that one office PC.
 */
export function contentTypeFor(filePath: string): string | undefined {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()];
}
