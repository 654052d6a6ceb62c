/**
 * Brings the records of a backup made at an older schema version up to the current one, step by
 * step, as Dexie's own upgrades brought the database (renderer/db/schema/). A new Dexie version
 * adds its step here: tests/renderer/db/backups.test.ts fails while the database's version has no
 * path from every older one.
 */

/** Every table of a backup, by name. */
export type BackupTables = Map<string, unknown[]>;

export interface BackupUpgradeStep {
  /** The version this step upgrades to (from the one before it). */
  to: number;
  /** What that schema version changed, and so what this step does to a backup's records. */
  change: string;
  apply: (tables: BackupTables) => BackupTables;
}

/**
 * Tables that never go into a backup: derived data the app rebuilds (schema/v3.ts), and what
 * belongs to this installation rather than to the data set (schema/v4.ts).
 */
export const UNBACKED_TABLES: ReadonlySet<string> = new Set(['caches', 'imports', 'installation']);

/** The steps, one per schema version after the first, in order. */
export const BACKUP_UPGRADES: readonly BackupUpgradeStep[] = [
  {
    to: 2,
    change: 'v2 dropped workers indexes that only search used (the directory searches in memory); records unchanged',
    apply: (tables) => tables,
  },
  {
    to: 3,
    change: 'v3 added `caches`, data rebuilt from the records and never backed up; records unchanged',
    apply: (tables) => {
      for (const name of UNBACKED_TABLES) tables.delete(name);
      return tables;
    },
  },
  {
    to: 4,
    change:
      'v4 added `imports` and `installation`, which belong to the installation and are never backed up; records unchanged',
    apply: (tables) => {
      for (const name of UNBACKED_TABLES) tables.delete(name);
      return tables;
    },
  },
  {
    to: 5,
    change:
      'v5 added `arrivals`, `handovers`, `contacts` and `employmentPeriods`, and gave `followUps` the shape of one follow-up per worker handed over; no version of the app wrote `followUps` before, so a record of the old shape is dropped',
    apply: (tables) => {
      const followUps = tables.get('followUps');
      if (followUps) {
        tables.set(
          'followUps',
          followUps.filter((record) => typeof record === 'object' && record !== null && 'handoverId' in record),
        );
      }
      return tables;
    },
  },
  {
    to: 6,
    change:
      'v6 added `subsidySchemes`, `agencies`, `introductions` and `subsidyClaims`, and gave enterprises a bank account: those of an older backup have none (null)',
    apply: (tables) => {
      const enterprises = tables.get('enterprises');
      if (enterprises) {
        tables.set(
          'enterprises',
          enterprises.map((record) =>
            typeof record === 'object' && record !== null && !('bankAccount' in record)
              ? { ...record, bankAccount: null }
              : record,
          ),
        );
      }
      return tables;
    },
  },
];

/** The newest schema version this app can upgrade a backup to. */
export function newestUpgradableVersion(): number {
  return BACKUP_UPGRADES.reduce((newest, step) => Math.max(newest, step.to), 1);
}

/**
 * The tables of a backup made at schema version `from`, as version `to` stores them. Throws a
 * RangeError when a step is missing (an app bug, caught by the test named above) or `from` > `to`.
 */
export function upgradeBackupTables(tables: BackupTables, from: number, to: number): BackupTables {
  if (from > to) throw new RangeError(`cannot downgrade a backup from schema ${from} to ${to}`);
  let current = tables;
  for (let version = from + 1; version <= to; version++) {
    const step = BACKUP_UPGRADES.find((candidate) => candidate.to === version);
    if (!step) throw new RangeError(`no backup upgrade to schema version ${version}`);
    current = step.apply(current);
  }
  return current;
}
