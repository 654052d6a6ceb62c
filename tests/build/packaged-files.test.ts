import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePatterns, packagedFiles, PROJECT_ROOT, readBuilderConfig } from './packaging';

/** The document fonts that electron.config.ts copies into the renderer's build (issue 6, issue 15). */
const FONTS = [
  'out/renderer/fonts/NotoSansSC-Bold.ttf',
  'out/renderer/fonts/NotoSansSC-Regular.ttf',
  'out/renderer/fonts/NotoSansTC-Regular.ttf',
];

interface PackageJson {
  productName: string;
  main: string;
}

let patterns: string[];

let building: Promise<void> | undefined;

/** Builds out/ once if it is missing: the unit tests may run before anything was built (CI runs them first). */
function built(): Promise<void> {
  building ??= existsSync(join(PROJECT_ROOT, 'out/main/index.js'))
    ? Promise.resolve()
    : promisify(execFile)('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { cwd: PROJECT_ROOT }).then(
        () => undefined,
      );
  return building;
}

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
      'resources/make-icons.ts',
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

  beforeAll(async () => {
    await built();
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

describe('the app.asar that electron-builder packs from this build', () => {
  let work: string;
  let archive: string;
  let unpacked: string;

  // electron-builder packs the Linux folder target with a stand-in for the Electron binary (which
  // cannot be downloaded here) and without the fuses (which need the real binary): the file
  // selection, the asar and the packaged package.json are the builder's own.
  beforeAll(async () => {
    await built();
    work = await mkdtemp(join(tmpdir(), 'planner-builder-'));
    const electronDist = join(work, 'electron');
    await mkdir(electronDist);
    await writeFile(join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    await build({
      projectDir: PROJECT_ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: { electronDist, electronFuses: null, npmRebuild: false, directories: { output: join(work, 'dist') } },
    });
    unpacked = join(work, 'dist/linux-unpacked');
    archive = join(unpacked, 'resources/app.asar');
  }, 300_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('holds exactly the built app with its fonts, and package.json', async () => {
    const packed = listPackage(archive, { isPack: false })
      .map((path) => path.split(sep).join('/').replace(/^\//, ''))
      .filter((path) => !('files' in statFile(archive, path)));
    const assets = (await readdir(join(PROJECT_ROOT, 'out/renderer/assets'))).filter((name) => !name.endsWith('.map'));
    expect(packed.sort()).toEqual(
      [
        'package.json',
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'out/renderer/icon.svg',
        ...FONTS,
        ...assets.map((name) => `out/renderer/assets/${name}`),
      ].sort(),
    );
  });

  it('keeps package.json’s productName, so the packed app uses the same data folder', async () => {
    const ours = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;
    const packed = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as PackageJson;
    expect(packed.productName).toBe(ours.productName);
    expect(packed.main).toBe(ours.main);
  });

  it('names the program in ASCII', () => {
    expect(existsSync(join(unpacked, 'PointToPointPlanner'))).toBe(true);
  });
});
