/**
 * The application shell (title, navigation, the error page) and the words every screen shares (save,
 * cancel, undo…), in both languages side by side: one file per screen, so that people working on
 * different screens do not edit the same file.
 */
import type { Widen } from '../widen';

export const appZhCN = {
  title: '点对点专列规划',
  subtitle: '务工人员返岗包车规划',
  loading: '正在打开数据…',
  language: '语言',
  nav: {
    home: '首页',
    workers: '务工人员',
    enterprises: '接收企业',
    routes: '线路',
    batches: '专列批次',
    settings: '设置',
  },
  unexpectedError: '出现意外错误：{{message}}',
  reload: '重新加载',
  unsaved: {
    title: '有修改还没有保存',
    text: '离开这一页，刚才的修改就会丢失。',
    leave: '不保存，离开',
    stay: '留下继续编辑',
  },
  shell: {
    nothingToPrint: '这一页没有可以打印的内容。打印单据请到专列批次页，打印统计请到首页。',
  },
  upgradeBlocked: {
    title: '新版本需要更新数据，但更新前的备份没有成功',
    text: '为了不丢失数据，程序在更新数据之前总会先做一份备份。这次备份失败了，所以数据没有更新，也还没有打开。常见原因是磁盘已满或数据文件夹不能写入。',
    error: '备份失败的原因：{{message}}',
    retry: '再试一次',
    proceed: '不备份，直接更新数据…',
    proceedWarning: '不备份就更新：如果更新出了问题，数据将无法恢复到更新之前。请先确认近期有一份手动备份。',
    proceedConfirm: '我明白，不备份直接更新',
  },
} as const;

export const commonZhCN = {
  /** Between the items of a list in running text: full width in Chinese, a semicolon and a space in English. */
  listSeparator: '；',
  /** Between the names of a list of people or places: the enumeration comma in Chinese. */
  nameSeparator: '、',
  /** Between a name and what is said of it. */
  labelSeparator: '：',
  save: '保存',
  cancel: '取消',
  edit: '编辑',
  delete: '删除',
  undo: '撤销',
  back: '返回',
  confirm: '确定',
  yes: '是',
  no: '否',
  none: '无',
  saved: '已保存',
  search: '搜索',
  all: '全部',
  actions: '操作',
  history: '修改记录',
  restore: '恢复',
  /** Under a long text field: its bound (shared/domain/field-bounds.ts). */
  maxCharacters: '最多 {{max}} 字',
} as const;

export const appEn: Widen<typeof appZhCN> = {
  title: 'Point-to-Point Planner',
  subtitle: 'Charter transport of workers back to work',
  loading: 'Opening your data…',
  language: 'Language',
  nav: {
    home: 'Home',
    workers: 'Workers',
    enterprises: 'Receiving enterprises',
    routes: 'Routes',
    batches: 'Batches',
    settings: 'Settings',
  },
  unexpectedError: 'Something went wrong: {{message}}',
  reload: 'Reload',
  unsaved: {
    title: 'Changes not saved',
    text: 'If you leave this page, the changes you made are lost.',
    leave: 'Leave without saving',
    stay: 'Stay and keep editing',
  },
  shell: {
    nothingToPrint:
      'This page has nothing to print. Documents are printed from a batch’s page, the figures from the home page.',
  },
  upgradeBlocked: {
    title: 'This version must update your data, but the backup before the update failed',
    text: 'So that no data can be lost, the app always backs up before it updates the data. This backup failed, so the data was neither updated nor opened. A full disk or a data folder that cannot be written are the usual causes.',
    error: 'Why the backup failed: {{message}}',
    retry: 'Try again',
    proceed: 'Update without a backup…',
    proceedWarning:
      'Updating without a backup: if the update goes wrong, the data cannot be brought back to how it was before. Make sure you have a recent manual backup first.',
    proceedConfirm: 'I understand: update without a backup',
  },
};

export const commonEn: Widen<typeof commonZhCN> = {
  save: 'Save',
  cancel: 'Cancel',
  listSeparator: '; ',
  nameSeparator: ', ',
  labelSeparator: ': ',
  edit: 'Edit',
  delete: 'Delete',
  undo: 'Undo',
  back: 'Back',
  confirm: 'OK',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  saved: 'Saved',
  search: 'Search',
  all: 'All',
  actions: 'Actions',
  history: 'Change history',
  restore: 'Restore',
  /** Under a long text field: its bound (shared/domain/field-bounds.ts). */
  maxCharacters: 'At most {{max}} characters',
};
