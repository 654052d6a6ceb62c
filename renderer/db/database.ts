import { Dexie, type EntityTable } from 'dexie';
import type {
  Agency,
  Arrival,
  Assignment,
  AuditEntry,
  Batch,
  ChecklistTick,
  Contact,
  EmploymentPeriod,
  Enterprise,
  FollowUp,
  Handover,
  HealthCheck,
  Introduction,
  Opening,
  Route,
  Settings,
  SubsidyClaim,
  SubsidySchemeRecord,
  Worker,
} from '@shared/domain/records';
import type { ImportJournalEntry } from '@shared/roster/import-journal';
import { SCHEMA_V1 } from './schema/v1';
import { SCHEMA_V2 } from './schema/v2';
import { SCHEMA_V3 } from './schema/v3';
import { SCHEMA_V4 } from './schema/v4';
import { SCHEMA_V5, isUnwrittenFollowUp } from './schema/v5';
import { SCHEMA_V6, withBankAccountField } from './schema/v6';
import { anchorTrailOnUpgrade } from './audit';

/** One entry of the `caches` table: what it holds is up to the part of the app that wrote it. */
export interface CacheEntry {
  id: string;
}

/** One entry of the import journal (schema/v4.ts), as shared/roster/import-journal.ts describes it. */
export type { ImportJournalEntry };

/** One fact about this installation (schema/v4.ts); what it holds is up to the part that wrote it. */
export interface InstallationFact {
  id: string;
}

export const DATABASE_NAME = 'point-to-point-planner';

export class PlannerDatabase extends Dexie {
  workers!: EntityTable<Worker, 'id'>;
  enterprises!: EntityTable<Enterprise, 'id'>;
  openings!: EntityTable<Opening, 'id'>;
  routes!: EntityTable<Route, 'id'>;
  batches!: EntityTable<Batch, 'id'>;
  assignments!: EntityTable<Assignment, 'id'>;
  healthChecks!: EntityTable<HealthCheck, 'id'>;
  checklistTicks!: EntityTable<ChecklistTick, 'id'>;
  /** One per worker handed over (schema/v5.ts). */
  followUps!: EntityTable<FollowUp, 'id'>;
  arrivals!: EntityTable<Arrival, 'id'>;
  handovers!: EntityTable<Handover, 'id'>;
  /** The contact log: append-only, a correction is a new record (schema/v5.ts). */
  contacts!: EntityTable<Contact, 'id'>;
  employmentPeriods!: EntityTable<EmploymentPeriod, 'id'>;
  /** The subsidies (schema/v6.ts). */
  subsidySchemes!: EntityTable<SubsidySchemeRecord, 'id'>;
  agencies!: EntityTable<Agency, 'id'>;
  introductions!: EntityTable<Introduction, 'id'>;
  subsidyClaims!: EntityTable<SubsidyClaim, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: EntityTable<Settings, 'id'>;
  /** Derived data kept to start faster (schema/v3.ts); safe to clear, never backed up. */
  caches!: EntityTable<CacheEntry, 'id'>;
  /** The roster imports' journal (schema/v4.ts); never backed up. */
  imports!: EntityTable<ImportJournalEntry, 'id'>;
  /** Facts about this installation (schema/v4.ts); never backed up as records. */
  installation!: EntityTable<InstallationFact, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(anchorTrailOnUpgrade);
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade((transaction) => transaction.table('followUps').filter(isUnwrittenFollowUp).delete());
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade((transaction) => transaction.table('enterprises').toCollection().modify(withBankAccountField));
  }
}

/** The tables that hold business records (everything but the audit trail and settings). */
export const RECORD_TABLES = [
  'workers',
  'enterprises',
  'openings',
  'routes',
  'batches',
  'assignments',
  'healthChecks',
  'checklistTicks',
  'followUps',
  'arrivals',
  'handovers',
  'contacts',
  'employmentPeriods',
  'subsidySchemes',
  'agencies',
  'introductions',
  'subsidyClaims',
] as const;
export type RecordTableName = (typeof RECORD_TABLES)[number];

let current: PlannerDatabase | null = null;

/** The app's one database; tests swap in their own with `setDatabase`. */
export function database(): PlannerDatabase {
  current ??= new PlannerDatabase();
  return current;
}

/** Points the repositories at another database (tests, and later the restore of a backup). */
export function setDatabase(db: PlannerDatabase): void {
  current = db;
}
