/**
 * Version 4 adds two tables that belong to this installation, not to the data set, and are never
 * backed up as records (shared/backup/upgrade.ts):
 * - `imports`: the journal of roster imports (issue 16, item 6): which file, how many rows, which
 *   chunks are committed, so that an import cut off half-way is reported on the next start;
 * - `installation`: facts about this installation, one record per fact by `id`: where the audit
 *   chain began and its newest anchor (issue 16, item 1), and in the browser preview the key that
 *   signs its backups (item 2). What a backup must carry of them goes into its manifest.
 */
export const SCHEMA_V4 = {
  imports: 'id, startedAt',
  installation: 'id',
} as const;
