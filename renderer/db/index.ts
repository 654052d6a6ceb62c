export { database, setDatabase, PlannerDatabase, RECORD_TABLES, DATABASE_NAME } from './database';
export type { RecordTableName } from './database';
export { historyOf } from './audit';
export { RecordNotFoundError, RecordRejectedError } from './problems';
export { useRepositoryQuery } from './live';
export * from './repositories/enterprises';
export * from './repositories/settings';
export * from './repositories/demo';
