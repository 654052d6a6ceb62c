/**
 * What main itself says to the person: the application menu and its native dialogs (about, closing
 * during long work), in both of the app's languages. Main cannot read the renderer's i18n files
 * (electron/ never imports renderer/), so these few texts live here, the English typed to have
 * exactly the Chinese keys, as in renderer/i18n/parts.
 */
import type { BusyWork, ShellLanguage } from '@shared/bridge';

const zhCN = {
  appName: '点对点专列规划',
  menu: {
    file: '文件',
    backUp: '备份…',
    restore: '恢复…',
    print: '打印…',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullScreen: '全屏',
    reload: '重新加载（开发）',
    devTools: '开发者工具（开发）',
    window: '窗口',
    help: '帮助',
    about: '关于点对点专列规划',
    openLogFolder: '打开日志文件夹',
  },
  about: {
    title: '关于',
    version: '版本：{version}',
    dataFolder: '数据文件夹：{folder}',
    ok: '确定',
  },
  close: {
    title: '还有工作没有完成',
    message: '正在{work}，现在关闭会中断它。',
    detail: '中断后，已完成的部分会保留，未完成的部分需要重新做。',
    stay: '继续工作',
    closeAnyway: '仍然关闭',
    separator: '、',
    work: { import: '导入名单', restore: '恢复备份', print: '生成打印文件' } satisfies Record<BusyWork, string>,
  },
};

/** The same keys as the Chinese texts, any words. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
type ShellTexts = Widen<typeof zhCN>;

const en: ShellTexts = {
  appName: 'Point-to-Point Planner',
  menu: {
    file: 'File',
    backUp: 'Back Up…',
    restore: 'Restore…',
    print: 'Print…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Full Screen',
    reload: 'Reload (development)',
    devTools: 'Developer Tools (development)',
    window: 'Window',
    help: 'Help',
    about: 'About Point-to-Point Planner',
    openLogFolder: 'Open the Log Folder',
  },
  about: {
    title: 'About',
    version: 'Version: {version}',
    dataFolder: 'Data folder: {folder}',
    ok: 'OK',
  },
  close: {
    title: 'Work is still running',
    message: 'The app is {work}; closing now interrupts it.',
    detail: 'What is done is kept; what is not must be done again.',
    stay: 'Continue working',
    closeAnyway: 'Close anyway',
    separator: ', ',
    work: { import: 'importing a roster', restore: 'restoring a backup', print: 'making a document to print' },
  },
};

export const SHELL_TEXTS: Readonly<Record<ShellLanguage, ShellTexts>> = { 'zh-CN': zhCN, en };

/** The language main speaks until the renderer says which one the person chose. */
export const DEFAULT_SHELL_LANGUAGE: ShellLanguage = 'zh-CN';

/** A text with its `{name}` places filled. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
