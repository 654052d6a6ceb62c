import { describe, expect, it } from 'vitest';
import {
  devServerUrlFor,
  isAllowedNavigation,
  isAppUrl,
  isDevServerUrl,
  isPermissionGranted,
  isTrustedSender,
} from '@electron/main/navigation';

const DEV_SERVER = 'http://localhost:5173';

const LOOK_ALIKES = [
  'app://planner.evil.com/index.html',
  'app://evilplanner/index.html',
  'app://planner-evil/index.html',
  'app://planner@evil.com/index.html',
  'app://planner\\@evil.com/index.html',
  'app://evil.com@planner/index.html',
  'app://user:secret@planner/index.html',
  'app://planner:443/index.html',
  'app://planner./index.html',
  'app://planner%2eevil/index.html',
  'app:///index.html',
  'apps://planner/index.html',
  'https://planner/index.html',
  'http://planner/index.html',
  'file:///index.html',
  'file://planner/index.html',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://planner/6f0c6a5e-0000-4000-8000-000000000000',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://planner/index.html',
  '',
  'planner',
  '//planner/index.html',
];

describe('isAllowedNavigation', () => {
  it.each([
    'app://planner/index.html',
    'app://planner/',
    'app://planner',
    'app://planner/index.html?tab=workers#/batches/12',
    // Chromium canonicalises a standard scheme's host to lower case: app://Planner is app://planner.
    'app://Planner/index.html',
    'APP://PLANNER/index.html',
  ])('allows the app origin: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
    expect(isAppUrl(url)).toBe(true);
  });

  it.each(LOOK_ALIKES)('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isAllowedNavigation(url, { devServerUrl: DEV_SERVER })).toBe(false);
  });

  it('refuses URLs too long to be the app', () => {
    expect(isAllowedNavigation(`app://planner/${'a'.repeat(5000)}`)).toBe(false);
  });

  it('refuses the dev server when none is running', () => {
    expect(isAllowedNavigation('http://localhost:5173/')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', { devServerUrl: undefined })).toBe(false);
  });

  it.each(['http://localhost:5173/', 'http://localhost:5173/src/main.tsx?t=1', 'http://LOCALHOST:5173/'])(
    'allows the exact dev server origin when one is given: %s',
    (url) => {
      expect(isAllowedNavigation(url, { devServerUrl: DEV_SERVER })).toBe(true);
    },
  );

  it.each([
    'http://localhost:5174/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://localhost.evil.com:5173/',
    'http://localhost:5173@evil.com/',
    'http://user@localhost:5173/',
    'http://evil.com/?http://localhost:5173/',
  ])('refuses what only resembles the dev server: %s', (url) => {
    expect(isAllowedNavigation(url, { devServerUrl: DEV_SERVER })).toBe(false);
  });

  it('compares the dev server origin with default ports folded in', () => {
    expect(isDevServerUrl('http://localhost:80/x', 'http://localhost')).toBe(true);
    expect(isDevServerUrl('http://localhost:8080/x', 'http://localhost')).toBe(false);
  });

  it.each(['file:///tmp/dev', 'javascript:alert(1)', 'not a url', 'app://planner'])(
    'trusts no dev server whose own URL is not http(s): %s',
    (devServerUrl) => {
      expect(isDevServerUrl('http://localhost:5173/', devServerUrl)).toBe(false);
      expect(isAllowedNavigation('file:///tmp/dev', { devServerUrl })).toBe(false);
    },
  );
});

describe('isTrustedSender', () => {
  it('trusts the main frame of the app', () => {
    expect(isTrustedSender({ url: 'app://planner/index.html', isMainFrame: true })).toBe(true);
  });

  it('refuses a subframe, even on the app origin', () => {
    expect(isTrustedSender({ url: 'app://planner/index.html', isMainFrame: false })).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
  });

  it.each(LOOK_ALIKES)('refuses a main frame showing %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true }, { devServerUrl: DEV_SERVER })).toBe(false);
  });

  it('trusts the dev server main frame only when a dev server is given', () => {
    const sender = { url: 'http://localhost:5173/', isMainFrame: true };
    expect(isTrustedSender(sender)).toBe(false);
    expect(isTrustedSender(sender, { devServerUrl: DEV_SERVER })).toBe(true);
    expect(isTrustedSender({ ...sender, isMainFrame: false }, { devServerUrl: DEV_SERVER })).toBe(false);
  });
});

describe('devServerUrlFor', () => {
  it('uses electron-vite’s dev server when running from source', () => {
    expect(devServerUrlFor({ isPackaged: false, rendererUrl: DEV_SERVER })).toBe(DEV_SERVER);
  });

  it('ignores ELECTRON_RENDERER_URL in the installed app', () => {
    expect(devServerUrlFor({ isPackaged: true, rendererUrl: DEV_SERVER })).toBeUndefined();
    expect(devServerUrlFor({ isPackaged: true, rendererUrl: 'https://evil.example/' })).toBeUndefined();
  });

  it('has none when the variable is unset', () => {
    expect(devServerUrlFor({ isPackaged: false, rendererUrl: undefined })).toBeUndefined();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'app://planner', 'not a url', 'http://user:pw@localhost:5173'])(
    'refuses a dev server URL that is not plain http(s): %s',
    (rendererUrl) => {
      expect(devServerUrlFor({ isPackaged: false, rendererUrl })).toBeUndefined();
    },
  );
});

describe('isPermissionGranted', () => {
  it('lets the app keep its data and copy text, from its own origin only', () => {
    expect(isPermissionGranted('persistent-storage', 'app://planner')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://planner/index.html#/enterprises')).toBe(true);
  });

  it('refuses every other permission, even to the app', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      '',
    ]) {
      expect(isPermissionGranted(permission, 'app://planner')).toBe(false);
    }
  });

  it('refuses the granted permissions to look-alike origins', () => {
    for (const url of LOOK_ALIKES) expect(isPermissionGranted('persistent-storage', url)).toBe(false);
  });

  it('grants the dev server only when it is the configured one', () => {
    expect(isPermissionGranted('persistent-storage', DEV_SERVER)).toBe(false);
    expect(isPermissionGranted('persistent-storage', DEV_SERVER, { devServerUrl: DEV_SERVER })).toBe(true);
  });
});
