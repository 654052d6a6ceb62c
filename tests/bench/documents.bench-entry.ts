/**
 * What the documents benchmark runs inside Chromium, bundled by `documents.ts` into one script for
 * the bench page: the real builders of `shared/documents`, and the baseline, jspdf-autotable with
 * jsPDF's built-in Helvetica writing the same rows' Latin fields (no CJK font, no wrapping of ours).
 */
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import { buildDocument, loadDocumentFonts } from '@shared/documents';
import type { BatchPapers, DocumentFonts, PrintContext } from '@shared/documents';

let fonts: DocumentFonts | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Reads the font files and makes a one-row manifest, as the first document after start does; ms. */
async function fontLoad(
  regularUrl: string,
  boldUrl: string,
  fallbackUrl: string,
  papers: BatchPapers,
  print: PrintContext,
): Promise<number> {
  const start = performance.now();
  const [regular, bold, fallback] = await Promise.all([
    fetchBytes(regularUrl),
    fetchBytes(boldUrl),
    fetchBytes(fallbackUrl),
  ]);
  fonts = loadDocumentFonts({ regular, bold, fallbacks: [fallback] });
  await buildDocument({ kind: 'manifest' }, papers, fonts, print);
  return performance.now() - start;
}

/** Builds the manifest of `papers` with the fonts already loaded; ms and size in bytes. */
async function manifest(papers: BatchPapers, print: PrintContext): Promise<{ ms: number; bytes: number }> {
  if (!fonts) throw new Error('fonts not loaded');
  const start = performance.now();
  const pdf = await buildDocument({ kind: 'manifest' }, papers, fonts, print);
  return { ms: performance.now() - start, bytes: pdf.byteLength };
}

/** The baseline: the same rows' Latin fields in one Helvetica table, compressed; ms. */
function helvetica(papers: BatchPapers): number {
  const start = performance.now();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'landscape', compress: true });
  autoTable(doc, {
    head: [['No.', 'Age', 'Resident ID', 'Phone', 'Seat', 'Checked at', 'Boarded', 'Remarks']],
    body: papers.legs.flatMap((leg) =>
      leg.vehicles.flatMap((vehicle) =>
        vehicle.seats.map(({ workerId, seat }, index) => [
          String(index + 1),
          workerId,
          workerId.padEnd(18, '*'),
          '139****0000',
          `${vehicle.label}-${seat}`,
          leg.departureAt,
          '',
          '',
        ]),
      ),
    ),
    styles: { fontSize: 8 },
  });
  doc.output('arraybuffer');
  return performance.now() - start;
}

Object.assign(globalThis, { plannerDocumentsBench: { fontLoad, manifest, helvetica } });
