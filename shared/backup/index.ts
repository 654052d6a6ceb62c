export {
  BACKUP_EXTENSION,
  BACKUP_FORMAT,
  BACKUP_KINDS,
  BACKUP_MAGIC,
  BACKUP_PAGE_SIZE,
  MAX_HEADER_BYTES,
  MAX_PAGE_LINE_BYTES,
  PBKDF2_ITERATIONS,
} from './format';
export type { BackupEncryption, BackupHeader, BackupKind, BackupManifest, BackupPage } from './format';
export { BACKUP_REFUSALS, BackupRefusedError } from './refusal';
export type { BackupRefusalReason } from './refusal';
export { encodeBackupPage, packBackup, sealBackup } from './pack';
export type { BackupManifestInput, SealedBackup, SealInput } from './pack';
export { BACKUP_HEAD_BYTES, openBackup, readBackupManifest, verifyBackup } from './read';
export type { OpenBackupOptions, OpenedBackup, VerifiedBackup } from './read';
export { BACKUP_UPGRADES, UNBACKED_TABLES, newestUpgradableVersion, upgradeBackupTables } from './upgrade';
export type { BackupTables, BackupUpgradeStep } from './upgrade';
export { backupFileName, parseBackupFileName } from './file-name';
export { ROTATION, backupsToDelete } from './rotation';
export type { RotationPolicy, StoredBackup } from './rotation';
export { BACKUP_RECORD_SCHEMAS, MAX_RECORD_TEXT, checkBackupRecords } from './records';
export type { RecordProblem, RecordProblemCode } from './records';
