/**
 * Where the document fonts are served, as a worker that makes PDFs is told (worker-fonts.ts): the
 * files the build copies beside index.html (FONT_FILES), from the page's base URL, which the page
 * knows and a worker does not.
 */
import { FONT_FILES } from './documents-client';
import type { FontSources } from './worker-fonts';

export function pageFontSources(): FontSources {
  return {
    regular: new URL(FONT_FILES.regular, document.baseURI).href,
    bold: new URL(FONT_FILES.bold, document.baseURI).href,
    fallbacks: FONT_FILES.fallbacks.map((file) => new URL(file, document.baseURI).href),
  };
}
