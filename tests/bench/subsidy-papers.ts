/**
 * Figures of the subsidy papers (issue 18, "speed": `subsidy-roster-10000`, the XLSX and the PDF
 * roster for 10,000 people, each under 5 s), measured in Node with the real builders and the real
 * fonts (Noto Sans SC regular and bold, Noto Sans TC as the fallback), the fonts parsed once
 * beforehand as the app parses them once per start:
 * - `subsidy-roster-10000-xlsx`: the roster as XLSX (write-excel-file, title block, borders,
 *   merged total and signature rows), against `register-stream-10000`: the follow-up register's
 *   streaming writer (shared/followup/register-xlsx.ts) writing the same cells with no styles;
 * - `subsidy-roster-10000-pdf`: the roster as PDF (A4 landscape, header row on every page),
 *   against `manifest-10000-node`: the batch manifest of 10,000 passengers (the documents bench's
 *   `manifest-10000`, 4.8 s in Chromium on a quiet machine) built here in Node in the same run, so
 *   that the ratio reads against that figure;
 * - the sizes of both files, in MB, and the CPU time of each build (`-cpu`): on a PC shared with
 *   other work the wall time counts the waits for a core, the CPU time does not.
 */
import { drawManifest } from '@shared/documents/manifest';
import { Sheet } from '@shared/documents/sheet';
import { xlsxStream } from '@shared/followup/register-xlsx';
import { buildRosterPdf, buildRosterXlsx, ROSTER_COLUMNS, rosterResidentId } from '@shared/subsidy/papers';
import { documentFonts, makePrintContext } from '../fixtures/documents';
import { makeRows, rosterHeader } from '@tests/shared/subsidy/papers/fixtures';
import { trainPapers } from './documents';
import { timeRuns, type Figure } from './measure';

const PEOPLE = 10_000;

/** Runs `work` `runs` times; the CPU time (user and system) of each run, in ms. */
async function cpuRuns(runs: number, work: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const before = process.cpuUsage();
    await work();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return samples;
}
const RUNS = 3;

export async function subsidyPaperFigures(print: (figure: Figure) => void): Promise<void> {
  const rows = makeRows(PEOPLE);
  const header = rosterHeader();
  const context = makePrintContext({ printedAt: '2026-12-07T08:00:00.000Z' });
  const fonts = documentFonts();

  const cells = rows.map((row, index) => [
    index + 1,
    row.name,
    row.gender,
    rosterResidentId(row.residentId, false),
    row.householdPlace,
    row.householdType,
    row.employer,
    row.workPlace,
    row.startDate,
    row.months,
    row.standardFen / 100,
    row.amountFen / 100,
    row.note,
  ]);
  const streamBaseline: Figure = {
    name: 'register-stream-10000',
    unit: 'ms',
    samples: await timeRuns(RUNS, async () => {
      const stream = xlsxStream({ sheet: 'roster', header: [...ROSTER_COLUMNS], widths: ROSTER_COLUMNS.map(() => 12) });
      for (let start = 0; start < cells.length; start += 2000) await stream.rows(cells.slice(start, start + 2000));
      await stream.finish();
    }),
  };
  print(streamBaseline);
  let xlsxSize = 0;
  const xlsxSamples = await timeRuns(RUNS, async () => {
    xlsxSize = (await buildRosterXlsx(header, rows, context)).length;
  });
  print({ name: 'subsidy-roster-10000-xlsx', unit: 'ms', samples: xlsxSamples, baseline: streamBaseline });
  print({ name: 'subsidy-roster-10000-xlsx-size', unit: 'MB', samples: [xlsxSize / 1e6] });
  print({
    name: 'subsidy-roster-10000-xlsx-cpu',
    unit: 'ms',
    samples: await cpuRuns(RUNS, () => buildRosterXlsx(header, rows, context)),
  });

  const manifestPapers = trainPapers(PEOPLE);
  const pdfBaseline: Figure = {
    name: 'manifest-10000-node',
    unit: 'ms',
    samples: await timeRuns(RUNS, async () => {
      const sheet = new Sheet(fonts, context);
      await drawManifest(sheet, manifestPapers, {});
      sheet.finish();
    }),
  };
  print(pdfBaseline);
  let pdfSize = 0;
  const pdfSamples = await timeRuns(RUNS, () => {
    pdfSize = buildRosterPdf(header, rows, fonts, context).length;
  });
  print({ name: 'subsidy-roster-10000-pdf', unit: 'ms', samples: pdfSamples, baseline: pdfBaseline });
  print({ name: 'subsidy-roster-10000-pdf-size', unit: 'MB', samples: [pdfSize / 1e6] });
  print({
    name: 'subsidy-roster-10000-pdf-cpu',
    unit: 'ms',
    samples: await cpuRuns(RUNS, () => buildRosterPdf(header, rows, fonts, context)),
  });
}
