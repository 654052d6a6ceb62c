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
export type {
  BackupEncryption,
  BackupHeader,
  BackupKeyEncryption,
  BackupKind,
  BackupManifest,
  BackupPage,
} from './format';
export { BACKUP_REFUSALS, BackupRefusedError } from './refusal';
export type { BackupRefusalReason } from './refusal';
export { encodeBackupPage, packBackup, sealBackup } from './pack';
export type { BackupManifestInput, SealedBackup, SealInput } from './pack';
export {
  BACKUP_HEAD_BYTES,
  BACKUP_ORIGINS,
  backupOrigin,
  openBackup,
  readBackupHead,
  readBackupManifest,
  verifyBackup,
} from './read';
export type {
  BackupHead,
  BackupOrigin,
  BackupOriginStatus,
  BackupSealing,
  OpenBackupOptions,
  OpenedBackup,
  VerifiedBackup,
} from './read';
export {
  DATA_KEY_BYTES,
  DIGEST_BYTES,
  KEY_PROTECTIONS,
  SIGNATURE_BYTES,
  WRAPPED_KEY_BYTES,
  generateWebCryptoKeys,
  sameBytes,
  webCryptoKeyring,
} from './keyring';
export type { InstallationInfo, InstallationKeyring, KeyProtection, WebCryptoKeys } from './keyring';
export { BACKUP_UPGRADES, UNBACKED_TABLES, newestUpgradableVersion, upgradeBackupTables } from './upgrade';
export type { BackupTables, BackupUpgradeStep } from './upgrade';
export { backupFileName, parseBackupFileName } from './file-name';
export { ROTATION, backupsToDelete } from './rotation';
export type { RotationPolicy, StoredBackup } from './rotation';
export { BACKUP_RECORD_SCHEMAS, MAX_RECORD_TEXT, checkBackupRecords } from './records';
export type { RecordProblem, RecordProblemCode } from './records';
