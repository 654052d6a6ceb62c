export type { DemoData, DemoDataOptions } from './make-demo-data';
export { DEFAULT_DEMO_TODAY, DEMO_MAX_AGE, DEMO_MIN_AGE, demoEnterpriseCount, makeDemoData } from './make-demo-data';
export type { Seed, SeededRandom } from './random';
export { createRandom, hashSeed } from './random';
