/**
 * Version 2: the workers table keeps only the indexes that queries use. Search, filters and sorting
 * run in the in-memory directory (renderer/db/directory), and every index costs import time: raw
 * puts of 100,000 workers took about 16 s with no index and 35 s with five (issue 3). Kept:
 * resident ID (one person per ID, import look-ups), enterprise (handover lists), updatedAt (the
 * directory follows changes by it). No data changes, so no upgrade function.
 */
export const SCHEMA_V2 = {
  workers: 'id, &residentId, enterpriseId, updatedAt',
} as const;
