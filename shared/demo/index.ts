export type { DemoData, DemoDataOptions } from './make-demo-data';
export type { DemoOffice } from './make-follow-ups';
export { DEMO_OFFICE_ID_PREFIX, PAST_BATCH_DAYS } from './make-follow-ups';
export { DEFAULT_DEMO_TODAY, DEMO_MAX_AGE, DEMO_MIN_AGE, demoEnterpriseCount, makeDemoData } from './make-demo-data';
export type { Seed, SeededRandom } from './random';
export { createRandom, hashSeed } from './random';
