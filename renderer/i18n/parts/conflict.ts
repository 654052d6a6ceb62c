/**
 * The dialog that shows a record saved by someone else after the user's form loaded it, both
 * versions field by field (renderer/components/ConflictDialog.tsx), in both languages.
 */
import type { Widen } from '../widen';

export const conflictZhCN = {
  title: '这条记录已被别人修改',
  changedBy: '你打开表单之后，{{operator}} 于 {{at}} 保存了这条记录。',
  changedByUnknown: '你打开表单之后，这条记录已在别处（另一个窗口）保存过。',
  explain_one: '有 {{count}} 项与你的修改不同：请选择保留你的还是已保存的，然后保存。什么都还没有保存。',
  explain_other: '有 {{count}} 项与你的修改不同：请逐项选择保留你的还是已保存的，然后保存。什么都还没有保存。',
  field: '项目',
  mine: '你的修改',
  theirs: '已保存的版本',
  differs: '不同',
  bothChanged: '双方都改了',
  keepMine: '保留你的修改',
  keepTheirs: '保留已保存的',
  save: '按所选保存',
  back: '返回表单，暂不保存',
  notSaved: '这条记录在你打开之后已被别人修改，这次没有保存。请重新打开，再做修改。',
} as const;

export const conflictEn: Widen<typeof conflictZhCN> = {
  title: 'Someone else changed this record',
  changedBy: 'After you opened the form, {{operator}} saved this record at {{at}}.',
  changedByUnknown: 'After you opened the form, this record was saved elsewhere (another window).',
  explain_one:
    '{{count}} field differs from your edit: choose whether to keep yours or the saved one, then save. Nothing has been saved yet.',
  explain_other:
    '{{count}} fields differ from your edit: choose for each whether to keep yours or the saved one, then save. Nothing has been saved yet.',
  field: 'Field',
  mine: 'Your edit',
  theirs: 'Saved version',
  differs: 'Differs',
  bothChanged: 'Both changed',
  keepMine: 'Keep your edit',
  keepTheirs: 'Keep the saved one',
  save: 'Save my choices',
  back: 'Back to the form, save nothing',
  notSaved:
    'Someone else changed this record after you opened it; nothing was saved. Open it again and make your change.',
};
