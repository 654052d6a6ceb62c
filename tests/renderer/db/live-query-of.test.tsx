// @vitest-environment jsdom
/**
 * A read of one of several things (a scheme's eligibility) answers nothing, rather than the last
 * thing's answer, while the new one is read: the subsidies page once showed, for a moment, the last
 * scheme's people under the chosen scheme's name, and a "select all" then acted on the wrong rows.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRepositoryQueryOf } from '@renderer/db';

describe('useRepositoryQueryOf', () => {
  it('answers undefined while the new key is read, then the new key’s answer', async () => {
    let release: (rows: string[]) => void = () => undefined;
    const held = new Promise<string[]>((resolve) => {
      release = resolve;
    });
    const read = (scheme: string) => (scheme === 'hiring' ? held : Promise.resolve([`${scheme}: 黄桂英`]));
    const { result, rerender } = renderHook(
      ({ scheme }: { scheme: string }) => useRepositoryQueryOf(scheme, () => read(scheme), []),
      { initialProps: { scheme: 'agency' } },
    );
    await waitFor(() => expect(result.current).toEqual(['agency: 黄桂英']));

    rerender({ scheme: 'hiring' });
    // Give the live query every chance to hand back the agency scheme's rows.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBeUndefined();

    release(['hiring: 陈秀兰']);
    await waitFor(() => expect(result.current).toEqual(['hiring: 陈秀兰']));
  });
});
