/**
 * Version 3 adds `caches`: data derived from the other tables and kept only to start faster, such
 * as the workers directory's snapshot (renderer/db/directory). Anything in it may be deleted at any
 * time, and is never backed up: the app rebuilds it from the records.
 */
export const SCHEMA_V3 = {
  caches: 'id',
} as const;
