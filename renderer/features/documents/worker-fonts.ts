/**
 * The document font as a Web Worker that makes PDFs reads it (the papers' worker and the printed
 * dashboard's): the page says where the fonts are served (FONT_FILES in documents-client.ts, from
 * the page's base URL, since a worker's own URL lies elsewhere); the worker fetches them on its
 * first PDF and keeps them while it lives; a failed read is tried again next time.
 */
import { loadDocumentFonts, type DocumentFonts } from '@shared/documents/fonts';

/** Where the fonts are served, as absolute URLs. */
export interface FontSources {
  regular: string;
  bold: string;
  /** Fonts for the characters Noto Sans SC lacks, tried in order. */
  fallbacks: string[];
}

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Reads the fonts from `sources()` on the first call and keeps them; a failed read is tried again. */
export function fontReader(sources: () => FontSources | null): () => Promise<DocumentFonts> {
  let fonts: Promise<DocumentFonts> | null = null;
  const read = async (): Promise<DocumentFonts> => {
    const given = sources();
    if (!given) throw new Error('no font sources given');
    const [regular, bold, ...fallbacks] = await Promise.all(
      [given.regular, given.bold, ...given.fallbacks].map((url) => fontBytes(url)),
    );
    if (!regular || !bold) throw new Error('no document font');
    return loadDocumentFonts({ regular, bold, fallbacks });
  };
  return () => {
    if (!fonts) {
      const reading = read();
      fonts = reading;
      reading.catch(() => {
        if (fonts === reading) fonts = null;
      });
    }
    return fonts;
  };
}
