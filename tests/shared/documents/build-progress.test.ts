import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDocument } from '@shared/documents';
import { Sheet } from '@shared/documents/sheet';
import { documentFonts, makePapers, makePrintContext } from '../../fixtures/documents';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the progress of a build', () => {
  it('"print all" rises step by step and reaches its total only once the file is written', async () => {
    const events: string[] = [];
    const progress: number[] = [];
    const spy = vi.spyOn(Sheet.prototype, 'finish');
    spy.mockImplementation(function (this: Sheet) {
      events.push('file written');
      spy.mockRestore();
      return this.finish();
    });
    const bytes = await buildDocument(
      { kind: 'all' },
      makePapers({ passengers: 40 }),
      documentFonts(),
      makePrintContext(),
      {
        onProgress: (done, total) => {
          progress.push(done / total);
          if (done >= total) events.push('full');
        },
      },
    );
    expect(bytes.byteLength).toBeGreaterThan(0);
    // A full bar while the file is still being written would say "done" too early.
    expect(events).toEqual(['file written', 'full']);
    // Drawing the five documents fills most of the bar, never all of it, and never goes back.
    const drawing = progress.slice(0, -1);
    expect(Math.max(...drawing)).toBeGreaterThan(0.8);
    expect(Math.max(...drawing)).toBeLessThan(1);
    expect(drawing).toEqual([...drawing].sort((a, b) => a - b));
  });
});
