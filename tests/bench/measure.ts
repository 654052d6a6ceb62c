import type { Page } from 'playwright-core';

/** One figure of `npm run bench`, in the line format of docs/architecture.md#tests-e2e-and-bench. */
export interface Figure {
  name: string;
  unit: 'ms' | 's' | 'MB' | 'x';
  samples: number[];
  baseline?: Figure;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const fmt = (value: number): string =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

export function benchLine(figure: Figure): string {
  const { name, unit, samples, baseline } = figure;
  const parts = [
    `BENCH ${name}`,
    `median=${fmt(median(samples))}${unit}`,
    `min=${fmt(Math.min(...samples))}${unit}`,
    `max=${fmt(Math.max(...samples))}${unit}`,
    `runs=${samples.length}`,
  ];
  if (baseline)
    parts.push(`baseline=${baseline.name}`, `ratio=${(median(samples) / median(baseline.samples)).toFixed(2)}`);
  return parts.join(' ');
}

/** Runs `work` `runs` times and returns the wall time of each run in ms. */
export async function timeRuns(runs: number, work: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * A full garbage collection in the page (through the DevTools protocol), so that a measured step
 * does not pay for the garbage of the bench's own setup.
 */
export async function collectGarbage(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
}

/** Runs `work` while sampling the page's JavaScript heap; returns its result and the most heap seen, in MB. */
export async function withHeapPeak<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const session = await page.context().newCDPSession(page);
  let peak = 0;
  let sampling = true;
  const sample = async (): Promise<void> => {
    while (sampling) {
      const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usedSize);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const sampler = sample();
  try {
    const result = await work();
    return { result, peakMb: peak / 1e6 };
  } finally {
    sampling = false;
    await sampler;
    await session.detach();
  }
}
