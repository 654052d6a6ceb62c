import { describe, expect, it, vi } from 'vitest';
import type { DocumentFonts, FontFiles } from '@shared/documents/fonts';
import { DocumentPrinter, type BuildDocument } from '@renderer/features/documents/document-printer';
import { makePapers, makePrintContext } from '../../fixtures/documents';

const FILES: FontFiles = { regular: new Uint8Array([1]), bold: new Uint8Array([2]) };
/** A stand-in for parsed fonts: the printer only hands them on to the build. */
const FONTS = { names: { normal: 'regular', bold: 'bold' }, standIns: new Map() } as unknown as DocumentFonts;

function makePrinter(build: BuildDocument = () => Promise.resolve(new Uint8Array([37, 80, 68, 70]))) {
  const readFonts = vi.fn(() => Promise.resolve(FILES));
  const convert = vi.fn((_files: FontFiles): DocumentFonts => FONTS);
  return { printer: new DocumentPrinter(readFonts, convert, build), readFonts, convert };
}

/** A build that waits for its signal between sections, as the real builders do. */
function slowBuild(sections: number): BuildDocument {
  return async (_request, _papers, _fonts, _print, options) => {
    for (let section = 0; section < sections; section += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (options.signal?.aborted) {
        const error = new Error('cancelled');
        error.name = 'AbortError';
        throw error;
      }
      options.onProgress?.(section + 1, sections);
    }
    return new Uint8Array([1, 2, 3]);
  };
}

const papers = makePapers({ passengers: 3 });
const print = makePrintContext();

describe('the document printer', () => {
  it('reads and converts the fonts once, for the first document only', async () => {
    const { printer, readFonts, convert } = makePrinter();
    const first = await printer.build(1, { kind: 'manifest' }, papers, print, {});
    const second = await printer.build(2, { kind: 'cover' }, papers, print, {});
    const third = await printer.build(3, { kind: 'all' }, papers, print, {});
    expect([first.readFonts, second.readFonts, third.readFonts]).toEqual([true, false, false]);
    expect(readFonts).toHaveBeenCalledTimes(1);
    expect(convert).toHaveBeenCalledTimes(1);
  });

  it('reads the fonts once even when two documents are asked for at the same time', async () => {
    const { printer, readFonts } = makePrinter();
    await Promise.all([
      printer.build(1, { kind: 'manifest' }, papers, print, {}),
      printer.build(2, { kind: 'cover' }, papers, print, {}),
    ]);
    expect(readFonts).toHaveBeenCalledTimes(1);
  });

  it('passes the request, the data, the fonts, the print context and the options to the builder', async () => {
    const build = vi.fn<BuildDocument>(() => Promise.resolve(new Uint8Array([1])));
    const { printer } = makePrinter(build);
    const onProgress = vi.fn();
    await printer.build(
      1,
      { kind: 'health-sheet', filled: true },
      papers,
      print,
      { manifestColumns: ['name'] },
      onProgress,
    );
    const [request, data, fonts, context, options] = build.mock.calls[0] ?? [];
    expect([request, data, fonts, context]).toEqual([{ kind: 'health-sheet', filled: true }, papers, FONTS, print]);
    expect(options?.manifestColumns).toEqual(['name']);
    expect(options?.onProgress).toBe(onProgress);
    expect(options?.signal).toBeInstanceOf(AbortSignal);
  });

  it('says the fonts are missing when they cannot be read, and tries again on the next document', async () => {
    const readFonts = vi
      .fn<() => Promise<FontFiles>>()
      .mockRejectedValueOnce(new Error('HTTP 404'))
      .mockResolvedValue(FILES);
    const printer = new DocumentPrinter(
      readFonts,
      () => FONTS,
      () => Promise.resolve(new Uint8Array([1])),
    );
    await expect(printer.build(1, { kind: 'cover' }, papers, print, {})).rejects.toMatchObject({
      name: 'DocumentFontsMissingError',
    });
    await expect(printer.build(2, { kind: 'cover' }, papers, print, {})).resolves.toMatchObject({ readFonts: true });
    expect(readFonts).toHaveBeenCalledTimes(2);
  });

  it('cancels exactly the build it is asked to, which then returns no bytes', async () => {
    const { printer } = makePrinter(slowBuild(20));
    const progress = vi.fn();
    const cancelled = printer.build(1, { kind: 'all' }, papers, print, {}, progress);
    const other = printer.build(2, { kind: 'manifest' }, papers, print, {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    printer.cancel(1);
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    await expect(other).resolves.toMatchObject({ bytes: new Uint8Array([1, 2, 3]) });
    expect(progress.mock.calls.length).toBeLessThan(20);
  });

  it('cancels a build still waiting for the fonts, and keeps the fonts for the next one', async () => {
    let release: (files: FontFiles) => void = () => undefined;
    const readFonts = vi.fn(() => new Promise<FontFiles>((resolve) => (release = resolve)));
    const build = vi.fn<BuildDocument>(() => Promise.resolve(new Uint8Array([1])));
    const printer = new DocumentPrinter(readFonts, () => FONTS, build);
    const first = printer.build(1, { kind: 'cover' }, papers, print, {});
    printer.cancel(1);
    release(FILES);
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(build).not.toHaveBeenCalled();
    await expect(printer.build(2, { kind: 'cover' }, papers, print, {})).resolves.toMatchObject({ readFonts: false });
    expect(readFonts).toHaveBeenCalledTimes(1);
  });

  it('ignores a cancel for a build that has ended', async () => {
    const { printer } = makePrinter();
    await printer.build(1, { kind: 'cover' }, papers, print, {});
    expect(() => printer.cancel(1)).not.toThrow();
  });
});

describe('the fonts for the check before printing', () => {
  it('are read once, shared with the builds that follow', async () => {
    const { printer, readFonts } = makePrinter();
    expect(await printer.withFonts((fonts) => fonts === FONTS)).toBe(true);
    await printer.build(1, { kind: 'manifest' }, papers, print, {});
    expect(await printer.withFonts((fonts) => fonts === FONTS)).toBe(true);
    expect(readFonts).toHaveBeenCalledTimes(1);
  });
});
