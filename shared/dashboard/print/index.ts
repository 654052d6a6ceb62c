/**
 * The dashboard printed and exported (issue 19, item 4): one A4 page for the director, and the
 * figures behind every chart as XLSX. Pure: the renderer makes them in a Web Worker.
 */
export { dashboardPdf } from './pdf';
export { dashboardXlsx } from './xlsx';
export { DASHBOARD_PRINT_LABELS } from './labels';
export { chartTitles, documentTitle, periodWords, scopeWords, type DashboardPrintInput } from './model';
