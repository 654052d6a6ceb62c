/**
 * Makes the printed dashboard and its spreadsheet off the screen's thread (issue 19, item 4), from
 * the figures the home page shows (plain data, no second read of the database). The document font
 * is read on the first PDF and kept while the worker lives; a cancel ends the worker
 * (dashboard-print-client.ts). The bytes go back transferred, not copied.
 */
import { expose, transfer } from 'comlink';
import { dashboardPdf, dashboardXlsx, type DashboardPrintInput } from '@shared/dashboard/print';
import { fontReader, type FontSources } from '@renderer/features/documents/worker-fonts';

/** What the screen asks for: the one-page PDF or the XLSX of the figures. */
export type DashboardPrintFormat = 'pdf' | 'xlsx';

/** The steps the worker reports: a PDF reads the document font first. */
export type DashboardPrintStage = 'fonts' | 'building';

let sources: FontSources | null = null;
const documentFonts = fontReader(() => sources);

const api = {
  /** Sets where the fonts are; called once, right after the worker starts. */
  useFonts(given: FontSources): void {
    sources = given;
  },

  /** Makes the file; `onStage` is a comlink proxy told of each step. */
  async make(
    format: DashboardPrintFormat,
    input: DashboardPrintInput,
    onStage: (stage: DashboardPrintStage) => void,
  ): Promise<Uint8Array> {
    let bytes: Uint8Array;
    if (format === 'xlsx') {
      onStage('building');
      bytes = await dashboardXlsx(input);
    } else {
      onStage('fonts');
      const fonts = await documentFonts();
      onStage('building');
      bytes = dashboardPdf(input, fonts);
    }
    return transfer(bytes, [bytes.buffer]);
  },
};

export type DashboardPrintWorkerApi = typeof api;

expose(api);
