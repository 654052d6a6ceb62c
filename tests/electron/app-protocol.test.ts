import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  contentTypeFor,
  resolveAppRequest,
  type AppRequestResolution,
  type PathFlavour,
} from '@electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';

const POSIX_ROOT = '/opt/planner/resources/app.asar/out/renderer';
const WINDOWS_ROOT = 'C:\\Program Files\\Planner\\resources\\app.asar\\out\\renderer';

const flavours: { name: string; root: string; path: path.PlatformPath }[] = [
  { name: 'posix', root: POSIX_ROOT, path: path.posix },
  { name: 'windows', root: WINDOWS_ROOT, path: path.win32 },
];

function isInside(resolution: AppRequestResolution, root: string, flavour: PathFlavour): boolean {
  return resolution.kind === 'file' && resolution.path.startsWith(root + flavour.sep);
}

describe('the app origin', () => {
  it('is one fixed origin, so IndexedDB keeps its data from the first release on', () => {
    expect(APP_ORIGIN).toBe('app://planner');
    expect(APP_ENTRY_URL).toBe('app://planner/index.html');
  });

  it('sends the shared Content-Security-Policy with every response', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe.each(flavours)('resolveAppRequest on $name paths', ({ root, path: flavour }) => {
  const resolve = (url: string): AppRequestResolution => resolveAppRequest(url, root, flavour);
  const file = (...parts: string[]): AppRequestResolution => ({ kind: 'file', path: flavour.join(root, ...parts) });

  describe('serves the built renderer', () => {
    it.each([
      ['app://planner/index.html', ['index.html']],
      ['app://planner/', ['index.html']],
      ['app://planner', ['index.html']],
      ['app://planner/assets/index-BXk2_d9A.js', ['assets', 'index-BXk2_d9A.js']],
      ['app://planner/assets/NotoSansSC-Bold-4f1c.ttf', ['assets', 'NotoSansSC-Bold-4f1c.ttf']],
      ['app://planner/fonts/%E6%80%9D%E6%BA%90.ttf', ['fonts', '思源.ttf']],
      ['app://planner/assets/name%20with%20space.png', ['assets', 'name with space.png']],
      // Chromium lower-cases the host of a standard scheme; the same origin either way.
      ['app://Planner/index.html', ['index.html']],
      ['APP://planner/index.html', ['index.html']],
      ['app://planner/.well-known/x.json', ['.well-known', 'x.json']],
    ])('%s', (url, parts) => {
      expect(resolve(url)).toEqual(file(...parts));
    });
  });

  describe('ignores query strings and fragments', () => {
    it.each([
      ['app://planner/assets/app.js?v=3', ['assets', 'app.js']],
      ['app://planner/index.html#/workers/12', ['index.html']],
      ['app://planner/index.html?next=../../etc/passwd', ['index.html']],
      ['app://planner/index.html?x=%2f..%5c..%00', ['index.html']],
      ['app://planner/index.html#/../../../windows/win.ini', ['index.html']],
    ])('%s', (url, parts) => {
      expect(resolve(url)).toEqual(file(...parts));
    });
  });

  describe('falls back to index.html for client-side routes', () => {
    it.each([
      'app://planner/workers',
      'app://planner/workers/',
      'app://planner/batches/2025-03/legs',
      'app://planner/settings?tab=backup',
    ])('%s', (url) => {
      expect(resolve(url)).toEqual(file('index.html'));
    });
  });

  describe('refuses path traversal in every encoding', () => {
    it.each([
      'app://planner/../etc/passwd',
      'app://planner/assets/../../x.js',
      'app://planner/assets/../index.html',
      'app://planner/./index.html',
      'app://planner/%2e%2e/%2e%2e/etc/passwd',
      'app://planner/%2E%2E/x.js',
      'app://planner/.%2e/x.js',
      'app://planner/%2e./x.js',
      'app://planner/%2e/index.html',
      'app://planner/..%2f..%2fetc%2fpasswd',
      'app://planner/assets%2F..%2F..%2Fx.js',
      'app://planner/..\\..\\windows\\win.ini',
      'app://planner/assets\\x.js',
      'app://planner/..%5c..%5cwindows%5cwin.ini',
      'app://planner/%5C%5Cserver%5Cshare%5Cx.js',
      'app://planner/%252e%252e/%252e%252e/x.js',
      'app://planner/%252fetc%252fpasswd.txt',
      'app://planner/%c0%ae%c0%ae/x.js',
      'app://planner/..%20/x.js',
      'app://planner/%20../x.js',
      'app://planner/.../x.js',
      'app://planner/assets./x.js',
      'app://planner/.\t./x.js',
      'app://planner/.\n./x.js',
    ])('%s', (url) => {
      expect(resolve(url).kind).toBe('refused');
    });
  });

  it('refuses encoded separators before decoding, not only by the later checks', () => {
    // Layered on purpose: the decoded-path checks would also catch these, but neither layer relies on the other.
    expect(resolve('app://planner/assets%2fx.js')).toEqual({
      kind: 'refused',
      reason: 'encoded separator, NUL or double encoding',
    });
    expect(resolve('app://planner/assets%5cx.js')).toEqual({
      kind: 'refused',
      reason: 'encoded separator, NUL or double encoding',
    });
  });

  describe('refuses NUL, control and reserved characters', () => {
    it.each([
      'app://planner/index.html%00.png',
      'app://planner/index.html\u0000.png',
      'app://planner/index%01.html',
      'app://planner/index.html::$DATA',
      'app://planner/C:/Windows/win.ini',
      'app://planner/C%3A/Windows/win.ini',
      'app://planner/a*b.js',
      'app://planner/a%7Cb.js',
      'app://planner/a%3Cb%3E.js',
      'app://planner/%zz.js',
    ])('%s', (url) => {
      expect(resolve(url).kind).toBe('refused');
    });
  });

  describe('refuses absolute and empty paths', () => {
    it.each([
      'app://planner//etc/passwd',
      'app://planner/assets//x.js',
      'app:///etc/passwd',
      'app:/etc/passwd',
      'app:etc/passwd',
    ])('%s', (url) => {
      expect(resolve(url).kind).toBe('refused');
    });
  });

  describe('refuses Windows device names', () => {
    it.each([
      'app://planner/CON.js',
      'app://planner/assets/nul.txt',
      'app://planner/com1.png',
      'app://planner/Lpt9.css',
      'app://planner/aux/x.js',
      'app://planner/CONIN$.js',
    ])('%s', (url) => {
      expect(resolve(url).kind).toBe('refused');
    });
  });

  describe('refuses other schemes, hosts, credentials and ports', () => {
    it.each([
      'file:///etc/passwd',
      'https://planner/index.html',
      'http://planner/index.html',
      'app://planner.evil.com/index.html',
      'app://evil.com/index.html',
      'app://planner@evil.com/index.html',
      'app://evil@planner/index.html',
      'app://user:secret@planner/index.html',
      'app://planner:8080/index.html',
      'app://planner./index.html',
      'app://planner%2eevil/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
      '',
    ])('%s', (url) => {
      expect(resolve(url).kind).toBe('refused');
    });

    it('refuses URLs far longer than any asset path, unread', () => {
      expect(resolve(`app://planner/${'a'.repeat(5000)}.js`)).toEqual({ kind: 'refused', reason: 'url too long' });
    });
  });

  it('never resolves outside the renderer folder, whatever the mix of dangerous segments', () => {
    const pieces = ['..', '.', '%2e%2e', '%2e', '%2f', '%5c', '\\', '%00', '%252e', '', 'a', 'b.js', 'C:', ' '];
    let served = 0;
    const walk = (prefix: string[], depth: number): void => {
      if (depth === 0) return;
      for (const piece of pieces) {
        const segments = [...prefix, piece];
        const result = resolve(`app://planner/${segments.join('/')}`);
        if (result.kind === 'file') {
          served += 1;
          expect(isInside(result, root, flavour), segments.join('/')).toBe(true);
        }
        walk(segments, depth - 1);
      }
    };
    walk([], 4);
    // The walk must also reach ordinary paths, or it proves nothing.
    expect(served).toBeGreaterThan(50);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['C:\\r\\assets\\INDEX-ABC.JS', 'text/javascript; charset=utf-8'],
    ['/r/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['/r/assets/NotoSansSC-Regular.ttf', 'font/ttf'],
    ['/r/assets/pdf.worker.mjs', 'text/javascript; charset=utf-8'],
    ['/r/assets/x.wasm', 'application/wasm'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('leaves unknown extensions to the platform', () => {
    expect(contentTypeFor('/r/assets/x.unknown')).toBeUndefined();
    expect(contentTypeFor('/r/LICENSE')).toBeUndefined();
  });
});
