/**
 * The texts of the dashboard's print and export (issue 19, item 4): the buttons beside the period,
 * their progress and what they say when done, in both languages side by side. The words printed on
 * the page and in the spreadsheet are the document's own (shared/dashboard/print/labels.ts).
 */
import type { Widen } from '../widen';

export const dashboardPrintZhCN = {
  pdf: '打印 PDF',
  pdfHint: '一页 A4，给领导看的工作情况',
  xlsx: '导出 Excel',
  xlsxHint: '每张图表背后的数字',
  waiting: '统计完成后才能打印',
  stages: {
    fonts: '读取字体',
    building: '生成文件',
  },
  progress: '第 {{step}} 步，共 {{steps}} 步：{{what}}',
  cancelled: '已取消，没有保存文件',
  saved: '已保存：{{name}}',
  failed: '文件没有生成，请再试一次',
  fileName: '工作情况-{{from}}至{{to}}',
} as const;

export const dashboardPrintEn: Widen<typeof dashboardPrintZhCN> = {
  pdf: 'Print PDF',
  pdfHint: 'One A4 page for the director',
  xlsx: 'Export Excel',
  xlsxHint: 'The figures behind every chart',
  waiting: 'The figures are still being counted',
  stages: {
    fonts: 'Reading the font',
    building: 'Making the file',
  },
  progress: 'Step {{step}} of {{steps}}: {{what}}',
  cancelled: 'Cancelled: no file was saved',
  saved: 'Saved: {{name}}',
  failed: 'The file could not be made; please try again',
  fileName: 'work-report-{{from}}-to-{{to}}',
};
