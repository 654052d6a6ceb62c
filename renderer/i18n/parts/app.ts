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
