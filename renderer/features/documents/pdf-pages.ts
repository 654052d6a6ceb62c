/**
 * Page images of a PDF for the preview, drawn with pdf.js. This module is loaded on demand (a
 * dynamic import from PreviewModal), so pdf.js stays out of the app's start-up bundle; its parser
 * runs in its own worker, served from the app's origin as the CSP asks.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';

let workerStarted = false;

function startWorker(): void {
  if (workerStarted) return;
  GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), {
    type: 'module',
  });
  workerStarted = true;
}

/** An open PDF whose pages can be drawn as images. */
export interface PdfPages {
  pageCount: number;
  /** Draws page `number` (from 1) `width` CSS pixels wide, sharp on the screen it shows on; an object URL. */
  render: (number: number, width: number) => Promise<string>;
  /** Frees the document and every image it drew. */
  close: () => void;
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the page could not be drawn'))), 'image/png');
  });
}

async function drawPage(document: PDFDocumentProxy, number: number, width: number): Promise<Blob> {
  const page = await document.getPage(number);
  try {
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (width / unscaled.width) * Math.min(window.devicePixelRatio || 1, 2) });
    const canvas = window.document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport, background: 'white' }).promise;
    return await canvasBlob(canvas);
  } finally {
    page.cleanup();
  }
}

/** Opens the PDF's bytes (a copy: pdf.js takes over the buffer it is given). */
export async function openPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  startWorker();
  // No WebAssembly (the CSP has no 'wasm-unsafe-eval') and no fetches: the documents need neither.
  const task = getDocument({ data: bytes.slice(), useWasm: false, useSystemFonts: false });
  const document = await task.promise;
  const urls: string[] = [];
  return {
    pageCount: document.numPages,
    render: async (number, width) => {
      const url = URL.createObjectURL(await drawPage(document, number, width));
      urls.push(url);
      return url;
    },
    close: () => {
      for (const url of urls) URL.revokeObjectURL(url);
      void task.destroy();
    },
  };
}
