import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePatterns, packagedFiles, PROJECT_ROOT, readBuilderConfig } from './packaging';

/** The document fonts that electron.config.ts copies into the renderer's build (issue 6, issue 15). */
const FONTS = [
  'out/renderer/fonts/NotoSansSC-Bold.ttf',
  'out/renderer/fonts/NotoSansSC-Regular.ttf',
  'out/renderer/fonts/NotoSansTC-Regular.ttf',
];

let patterns: string[];

beforeAll(async () => {
  patterns = filePatterns(await readBuilderConfig());
});

describe('what goes into app.asar, on a project laid out like ours', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'planner-package-'));
    const files = [
      'package.json',
      'out/main/index.js',
      'out/main/index.js.map',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/icon.svg',
      'out/renderer/assets/index-3f9a.js',
      'out/renderer/assets/index-3f9a.js.map',
      'out/renderer/assets/documents.worker-77aa.js',
      ...FONTS,
      'electron/main/index.ts',
      'renderer/main.tsx',
      'shared/bridge.ts',
      'tests/build/packaged-files.test.ts',
      'docs/architecture.md',
      'resources/icon.svg',
      'resources/installer/installer.nsh',
      'scripts/icons.ts',
      'dist/Point-to-Point-Planner-Setup-0.1.0.exe',
      'node_modules/zod/package.json',
      'node_modules/react/index.js',
      'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      'electron-builder.yml',
      'electron.config.ts',
      'README.md',
      '.git/HEAD',
    ];
    for (const file of files) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), file);
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('holds the built app, its fonts and package.json, and nothing else', async () => {
    expect(await packagedFiles(root, patterns)).toEqual(
      [
        'package.json',
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'out/renderer/icon.svg',
        'out/renderer/assets/index-3f9a.js',
        'out/renderer/assets/documents.worker-77aa.js',
        ...FONTS,
      ].sort(),
    );
  });

  it('would let node_modules in if the configuration did not keep them out', async () => {
    const withoutExclusion = patterns.filter((pattern) => pattern !== '!node_modules/**');
    expect(withoutExclusion).not.toEqual(patterns);
    expect(await packagedFiles(root, withoutExclusion)).toContain('node_modules/zod/package.json');
  });
});

describe('what goes into app.asar from this build', () => {
  let files: string[];

  // The unit tests may run before anything was built (CI runs them first): build once if so.
  beforeAll(async () => {
    if (!existsSync(join(PROJECT_ROOT, 'out/main/index.js'))) {
      await promisify(execFile)('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { cwd: PROJECT_ROOT });
    }
    files = await packagedFiles(PROJECT_ROOT, patterns);
  }, 300_000);

  it('holds the entry point that package.json names, the preload script, the page and the fonts', async () => {
    const { main } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(files).toContain(main.replace(/^\.\//, ''));
    expect(files).toContain('out/preload/index.cjs');
    expect(files).toContain('out/renderer/index.html');
    expect(files).toContain('out/renderer/icon.svg');
    expect(files).toEqual(expect.arrayContaining(FONTS));
  });

  it('holds nothing from the sources, tests, docs, node_modules or source maps', () => {
    const strays = files.filter((file) => file !== 'package.json' && !file.startsWith('out/'));
    expect(strays).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('runs without node_modules: main and preload load only Electron and Node built-ins', async () => {
    for (const bundle of ['out/main/index.js', 'out/preload/index.cjs']) {
      const code = await readFile(join(PROJECT_ROOT, bundle), 'utf8');
      const loaded = [
        ...code.matchAll(/\bfrom\s*["']([^"']+)["']/g),
        ...code.matchAll(/\b(?:require|import)\s*\(\s*["']([^"']+)["']\s*\)/g),
      ].map((match) => match[1] ?? '');
      const outside = loaded.filter((name) => !/^(electron|node:.+|\.{1,2}\/.+)$/.test(name));
      expect(outside, `${bundle} (out/ may be older than electron.config.ts: rebuild it)`).toEqual([]);
    }
  });
});
