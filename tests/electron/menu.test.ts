import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuEntry } from '@electron/main/menu';
import { SHELL_TEXTS } from '@electron/main/shell-texts';
import { SHELL_LANGUAGES } from '@shared/bridge';

const WINDOWS = { platform: 'win32', isDevelopment: false };
const MAC = { platform: 'darwin', isDevelopment: false };

/** Every entry of the menu, submenus included. */
function flatten(entries: readonly MenuEntry[]): MenuEntry[] {
  return entries.flatMap((entry) => [entry, ...flatten(entry.submenu ?? [])]);
}

/** The menu without its words: what each item is and does. */
function shape(entries: readonly MenuEntry[]): unknown[] {
  return entries.map(({ label: _label, submenu, ...rest }) => ({ ...rest, submenu: submenu && shape(submenu) }));
}

function topLabels(entries: readonly MenuEntry[]): (string | undefined)[] {
  return entries.map((entry) => entry.label);
}

function item(entries: readonly MenuEntry[], find: (entry: MenuEntry) => boolean): MenuEntry {
  const found = flatten(entries).find(find);
  if (!found) throw new Error('no such menu item');
  return found;
}

describe('the application menu', () => {
  it.each(SHELL_LANGUAGES)('words every item in %s, none as a raw key or left empty', (language) => {
    for (const state of [WINDOWS, MAC, { ...WINDOWS, isDevelopment: true }]) {
      for (const entry of flatten(menuTemplate(language, state))) {
        if (entry.type === 'separator') continue;
        expect(entry.label, JSON.stringify(entry)).toEqual(expect.any(String));
        expect(entry.label?.trim()).not.toBe('');
        // An i18n key looks like `menu.backUp`: no label may.
        expect(entry.label).not.toMatch(/^[a-z]+(\.[A-Za-z]+)+$/);
        expect(entry.role !== undefined || entry.command !== undefined || entry.submenu !== undefined).toBe(true);
      }
    }
  });

  it('has the same items in Chinese and English, in Chinese words by default and English on request', () => {
    for (const state of [WINDOWS, MAC, { ...MAC, isDevelopment: true }]) {
      expect(shape(menuTemplate('zh-CN', state))).toEqual(shape(menuTemplate('en', state)));
    }
    expect(topLabels(menuTemplate('zh-CN', WINDOWS))).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(topLabels(menuTemplate('en', WINDOWS))).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('File backs up, restores and prints through the page, and quits', () => {
    const [file] = menuTemplate('zh-CN', WINDOWS);
    const items = (file?.submenu ?? []).filter((entry) => entry.type !== 'separator');
    expect(items.map((entry) => [entry.label, entry.command ?? entry.role])).toEqual([
      ['备份…', 'back-up'],
      ['恢复…', 'restore'],
      ['打印…', 'print'],
      ['退出', 'quit'],
    ]);
    expect(item(menuTemplate('zh-CN', WINDOWS), (entry) => entry.command === 'print').accelerator).toBe('CmdOrCtrl+P');
  });

  it('Edit gives copy and paste as roles, so they work in every table and field', () => {
    const roles = flatten(menuTemplate('en', WINDOWS)).map((entry) => entry.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('View zooms and goes full screen; reload and the developer tools only in the dev build', () => {
    const roles = (state: typeof WINDOWS) => flatten(menuTemplate('en', state)).map((entry) => entry.role);
    expect(roles(WINDOWS)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(roles(WINDOWS)).not.toContain('reload');
    expect(roles(WINDOWS)).not.toContain('toggleDevTools');
    expect(roles({ ...WINDOWS, isDevelopment: true })).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help shows the about box and opens the log folder', () => {
    const commands = flatten(menuTemplate('zh-CN', WINDOWS)).map((entry) => entry.command);
    expect(commands).toEqual(expect.arrayContaining(['about', 'open-log-folder']));
    expect(item(menuTemplate('zh-CN', WINDOWS), (entry) => entry.command === 'about').label).toBe('关于点对点专列规划');
  });

  it('gives macOS the app menu (which quits) and the window menu, and no second Quit', () => {
    const mac = menuTemplate('zh-CN', MAC);
    expect(mac[0]).toMatchObject({ role: 'appMenu', label: SHELL_TEXTS['zh-CN'].appName });
    expect(flatten(mac).map((entry) => entry.role)).toContain('windowMenu');
    expect(flatten(mac).map((entry) => entry.role)).not.toContain('quit');
    expect(flatten(menuTemplate('zh-CN', WINDOWS)).map((entry) => entry.role)).not.toContain('appMenu');
  });
});

describe('what main says in its own dialogs', () => {
  /** Every text with its path, for a comparison of the two languages. */
  function texts(value: unknown, path = ''): [string, string][] {
    if (typeof value === 'string') return [[path, value]];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      texts(inner, path ? `${path}.${key}` : key),
    );
  }

  it('has every text in both languages, none empty and none left in the other language', () => {
    const zh = texts(SHELL_TEXTS['zh-CN']);
    const en = texts(SHELL_TEXTS.en);
    expect(en.map(([path]) => path)).toEqual(zh.map(([path]) => path));
    for (const [path, text] of [...zh, ...en]) expect(text.trim(), path).not.toBe('');
    // Only the separators may be the same in both; a Chinese text left in English is a forgotten translation.
    for (const [path, text] of en) expect(text, path).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
