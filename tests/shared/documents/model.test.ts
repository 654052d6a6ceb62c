import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, nothingToPrint } from '@shared/documents/model';

describe('what a batch has to print', () => {
  it('has nothing but its cover to print while it has no passengers', () => {
    expect(DOCUMENT_KINDS.filter((kind) => nothingToPrint(kind, 0))).toEqual([
      'manifest',
      'health-sheet',
      'handover',
      'boarding-cards',
    ]);
    expect(nothingToPrint('all', 0)).toBe(true);
    expect(nothingToPrint('cover', 0)).toBe(false);
  });

  it('prints every document once it has a passenger', () => {
    expect([...DOCUMENT_KINDS, 'all' as const].filter((kind) => nothingToPrint(kind, 1))).toEqual([]);
  });
});
