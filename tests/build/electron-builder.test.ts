import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_EXTENSION } from '@shared/backup/format';
import { PROJECT_ROOT, readBuilderConfig } from './packaging';

let config: Configuration;

beforeAll(async () => {
  config = await readBuilderConfig();
});

/** electron-builder's own JSON schema of its configuration, from the installed version. */
async function validatorOfBuilderSchema(): Promise<ReturnType<Ajv['compile']>> {
  const schemaPath = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  // The schema uses keywords of its generator (e.g. "markdownDescription") that strict mode rejects.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('the electron-builder configuration', () => {
  it('is valid against the schema that ships with electron-builder', async () => {
    const validate = await validatorOfBuilderSchema();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is refused by that schema when an option is misspelt (the check can fail)', async () => {
    const validate = await validatorOfBuilderSchema();
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toBe(false);
  });

  it('burns exactly the security fuses into Electron', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // onlyLoadAppFromAsar and the integrity check need the app packed as an asar.
    expect(config.asar).not.toBe(false);
  });

  it('installs on Windows for the current user without an administrator, who may choose all users', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      multiLanguageInstaller: true,
      installerLanguages: ['zh_CN', 'en_US'],
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis?.include).toBe('resources/installer/installer.nsh');
    expect(existsSync(join(PROJECT_ROOT, config.nsis?.include ?? ''))).toBe(true);
  });

  it('makes the Windows installer and portable zip, the macOS dmg and the Linux AppImage and deb', () => {
    expect(config.win?.target).toEqual(['nsis', 'zip']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('names the app 点对点专列规划 and gives every file name in ASCII', () => {
    expect(config.productName).toBe('点对点专列规划');
    expect(config.nsis?.shortcutName).toBe('点对点专列规划');
    const artifacts: [string | null | undefined, string][] = [
      [config.win?.artifactName, 'zip'],
      [config.nsis?.artifactName, 'exe'],
      [config.dmg?.artifactName, 'dmg'],
      [config.appImage?.artifactName, 'AppImage'],
      [config.deb?.artifactName, 'deb'],
    ];
    for (const name of [config.executableName, ...artifacts.map(([artifact]) => artifact)]) {
      expect(name).toMatch(/^[A-Za-z0-9 ._${}-]+$/);
    }
    // Two targets writing the same file would overwrite each other in dist/.
    const files = artifacts.map(([artifact, ext]) => (artifact ?? '').replace('${ext}', ext));
    expect(new Set(files).size).toBe(files.length);
  });

  it('opens the app’s backup files from the file manager, with the app’s icon on each platform', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [];
    expect(associations).toHaveLength(1);
    const [association] = associations;
    expect(association?.ext).toBe(BACKUP_EXTENSION);
    expect(association?.name).toMatch(/^[A-Za-z]+$/);
    expect(association?.description).toContain('点对点专列规划');
    expect(association?.description).toContain('Point-to-Point Planner');
    // The builder adds .ico for Windows and .icns for macOS to an icon path without an extension.
    for (const extension of ['ico', 'icns']) {
      expect(existsSync(join(PROJECT_ROOT, `${association?.icon ?? ''}.${extension}`))).toBe(true);
    }
  });

  it('points every platform at an icon file that exists', () => {
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) {
      expect(icon).toEqual(expect.any(String));
      expect(existsSync(join(PROJECT_ROOT, icon ?? ''))).toBe(true);
    }
  });
});
