import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readBuilderConfig } from './packaging';

const read = (path: string): Promise<Buffer> => readFile(join(PROJECT_ROOT, path));
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('the Windows installer and uninstaller', () => {
  it('asks about the data folder that Electron names after package.json’s productName', async () => {
    const { productName } = JSON.parse((await read('package.json')).toString('utf8')) as { productName: string };
    const script = (await read('resources/installer/installer.nsh')).toString('utf8');
    expect(script).toContain(`!define PTP_DATA_FOLDER "${productName}"`);
    expect(script).toMatch(/RMDir \/r "\$APPDATA\\\$\{PTP_DATA_FOLDER\}"/);
  });

  it('deletes it only on Yes, never during an upgrade or a silent uninstall', async () => {
    const script = (await read('resources/installer/installer.nsh')).toString('utf8');
    const macro = script.slice(script.indexOf('!macro customUnInstall'), script.indexOf('!macroend'));
    expect(macro).toMatch(/\$\{IfNot\} \$\{isUpdated\}\s+\$\{AndIfNot\} \$\{Silent\}/);
    expect(macro).toMatch(/MessageBox MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2 "\$\(ptpDeleteDataQuestion\)" IDYES/);
    // The deletion sits inside the question's If: one RMDir, after the MessageBox.
    expect(macro.match(/RMDir/g)).toHaveLength(1);
    expect(macro.indexOf('RMDir')).toBeGreaterThan(macro.indexOf('MessageBox'));
  });

  it('asks in both installer languages', async () => {
    const config = await readBuilderConfig();
    expect(config.nsis?.installerLanguages).toEqual(['zh_CN', 'en_US']);
    const script = (await read('resources/installer/installer.nsh')).toString('utf8');
    // The LCIDs of zh_CN and en_US.
    expect(script).toMatch(/LangString ptpDeleteDataQuestion 2052 "[^"]*数据文件夹[^"]*"/);
    expect(script).toMatch(/LangString ptpDeleteDataQuestion 1033 "[^"]*data folder[^"]*"/);
  });

  it('shows its notice in Chinese and English, as UTF-8 with the BOM that NSIS needs', async () => {
    const config = await readBuilderConfig();
    const folder = config.directories?.buildResources ?? '';
    for (const [file, phrase] of [
      ['license_zh_CN.txt', '数据保存在本机'],
      ['license_en.txt', 'Your data stays on this PC'],
    ] as const) {
      const text = await read(join(folder, file));
      expect(text.subarray(0, 3).equals(UTF8_BOM), file).toBe(true);
      expect(text.toString('utf8'), file).toContain(phrase);
    }
  });
});
