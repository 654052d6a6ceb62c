import { describe, expect, it } from 'vitest';
import { checkBatch, normalizeBatchInput } from '@shared/domain/batch-rules';
import { SETTINGS_BOUNDS } from '@shared/domain/settings-rules';
import { makeBatchInput, makeRouteInput } from '../../fixtures/batches';

describe("a batch's own load factor", () => {
  const route = { id: 'route-1', ...makeRouteInput() };

  it('may be left blank (the Settings value applies) or set within the bounds Settings accept', () => {
    expect(checkBatch(makeBatchInput(route, { loadFactor: null }), route)).toEqual([]);
    expect(checkBatch(makeBatchInput(route), route)).toEqual([]);
    const { min, max } = SETTINGS_BOUNDS.loadFactor;
    for (const loadFactor of [min, 0.6, max]) {
      expect(checkBatch(makeBatchInput(route, { loadFactor }), route)).toEqual([]);
    }
  });

  it('is refused outside 10 %–100 % or when not a number, with the Settings message', () => {
    for (const loadFactor of [0, 0.05, 1.2, 60, Number.NaN]) {
      expect(checkBatch(makeBatchInput(route, { loadFactor }), route)).toEqual([
        { field: 'loadFactor', code: 'load-factor-range' },
      ]);
    }
  });

  it('left out of an edit keeps what the batch has; null clears it', () => {
    const { loadFactor: _left, ...withoutField } = makeBatchInput(route);
    expect('loadFactor' in normalizeBatchInput(withoutField)).toBe(false);
    expect(normalizeBatchInput(makeBatchInput(route, { loadFactor: null })).loadFactor).toBeNull();
    expect(normalizeBatchInput(makeBatchInput(route, { loadFactor: 0.6 })).loadFactor).toBe(0.6);
  });
});
