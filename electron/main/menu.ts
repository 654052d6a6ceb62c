/**
 * The application menu (issue 21), as plain data: `menuTemplate` takes the language and what the
 * menu depends on and returns entries that main hands to Electron's Menu.buildFromTemplate, with a
 * click handler for each `command`. No Electron here, so the whole menu is tested without it.
 *
 * Edit and View use Electron's roles: copy and paste then work in every table and field, and zoom
 * (for older eyes) keeps its usual shortcuts. What needs the page (back up, restore, print) goes to
 * the renderer as a command (shared/bridge.ts `SHELL_COMMANDS`); the rest main does itself.
 */
import type { ShellLanguage } from '@shared/bridge';
import { SHELL_TEXTS } from './shell-texts';

/** The Electron menu roles this menu uses. */
export type MenuRole =
  | 'appMenu'
  | 'windowMenu'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools';

/** What a menu item without a role does when chosen. */
export type MenuCommand = 'back-up' | 'restore' | 'print' | 'about' | 'open-log-folder';

export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  command?: MenuCommand;
  submenu?: MenuEntry[];
}

export interface MenuState {
  /** process.platform: macOS gets the app menu and the window menu. */
  platform: string;
  /** The dev build (electron-vite dev) adds reload and the developer tools. */
  isDevelopment: boolean;
}

const SEPARATOR: MenuEntry = { type: 'separator' };

export function menuTemplate(language: ShellLanguage, state: MenuState): MenuEntry[] {
  const text = SHELL_TEXTS[language].menu;
  const isMac = state.platform === 'darwin';
  const file: MenuEntry = {
    label: text.file,
    submenu: [
      { label: text.backUp, command: 'back-up', accelerator: 'CmdOrCtrl+Shift+B' },
      { label: text.restore, command: 'restore' },
      SEPARATOR,
      { label: text.print, command: 'print', accelerator: 'CmdOrCtrl+P' },
      // macOS quits from the app menu.
      ...(isMac ? [] : [SEPARATOR, { label: text.quit, role: 'quit' as const }]),
    ],
  };
  const edit: MenuEntry = {
    label: text.edit,
    submenu: [
      { label: text.undo, role: 'undo' },
      { label: text.redo, role: 'redo' },
      SEPARATOR,
      { label: text.cut, role: 'cut' },
      { label: text.copy, role: 'copy' },
      { label: text.paste, role: 'paste' },
      { label: text.selectAll, role: 'selectAll' },
    ],
  };
  const view: MenuEntry = {
    label: text.view,
    submenu: [
      { label: text.zoomIn, role: 'zoomIn' },
      { label: text.zoomOut, role: 'zoomOut' },
      { label: text.resetZoom, role: 'resetZoom' },
      SEPARATOR,
      { label: text.fullScreen, role: 'togglefullscreen' },
      ...(state.isDevelopment
        ? [
            SEPARATOR,
            { label: text.reload, role: 'reload' as const },
            { label: text.devTools, role: 'toggleDevTools' as const },
          ]
        : []),
    ],
  };
  const help: MenuEntry = {
    label: text.help,
    submenu: [
      { label: text.about, command: 'about' },
      { label: text.openLogFolder, command: 'open-log-folder' },
    ],
  };
  return [
    ...(isMac ? [{ label: SHELL_TEXTS[language].appName, role: 'appMenu' as const }] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ label: text.window, role: 'windowMenu' as const }] : []),
    help,
  ];
}
