/**
 * The installation key as the backups use it (issue 16, items 2 and 4; shared/backup/keyring.ts).
 *
 * Inside Electron the key stays in the main process and the app sets the bridge's keyring at start
 * (`setInstallationKeyring`, renderer/main.tsx). In the browser preview there is no main process:
 * the key is two non-extractable WebCrypto keys (HMAC-SHA-256 and AES-GCM) kept in the
 * `installation` table, one record `backup-key`. A page can use them but never read their bytes;
 * still, anyone who opens the app in this browser profile can sign and open backups as this
 * installation, which is weaker than the desktop's safeStorage (the settings card says so).
 *
 * The record is made on first use. Before a schema upgrade the database must not be opened
 * (backupBeforeUpgrade reads it raw), so there the keys are read from the raw connection, or,
 * when the stored database has no `installation` table yet, made in memory and stored on first use.
 */
import {
  generateWebCryptoKeys,
  webCryptoKeyring,
  type InstallationInfo,
  type InstallationKeyring,
  type WebCryptoKeys,
} from '@shared/backup';
import { database, type PlannerDatabase } from './database';
import { now } from './clock';

/** The id of the key's record in the `installation` table. */
export const BACKUP_KEY_FACT = 'backup-key';

/** The stored record: the installation's id and its two keys (structured-cloned by IndexedDB). */
export interface BackupKeyFact extends WebCryptoKeys {
  id: typeof BACKUP_KEY_FACT;
  installation: string;
  createdAt: string;
}

function isKeyFact(value: unknown): value is BackupKeyFact {
  const fact = value as Partial<BackupKeyFact> | undefined;
  return (
    typeof fact?.installation === 'string' && typeof fact.signing === 'object' && typeof fact.wrapping === 'object'
  );
}

async function newKeyFact(): Promise<BackupKeyFact> {
  return {
    id: BACKUP_KEY_FACT,
    installation: crypto.randomUUID(),
    createdAt: now(),
    ...(await generateWebCryptoKeys()),
  };
}

/** Keys made before the database could be opened (an upgrade from before schema v4), stored on first use. */
let unstored: BackupKeyFact | null = null;

/** The stored key record, made (or the unstored one saved) when there is none. */
async function storedKeyFact(db: PlannerDatabase): Promise<BackupKeyFact> {
  const found: unknown = await db.installation.get(BACKUP_KEY_FACT);
  if (isKeyFact(found)) return found;
  // Made outside the transaction: WebCrypto's promises are not IndexedDB's and would end it early.
  const candidate = unstored ?? (await newKeyFact());
  return db.transaction('rw', db.installation, async () => {
    // Another window may have stored one meanwhile: the first stored key is the installation's.
    const again: unknown = await db.installation.get(BACKUP_KEY_FACT);
    if (isKeyFact(again)) return again;
    await db.installation.put(candidate);
    unstored = null;
    return candidate;
  });
}

function keyringOf(fact: () => Promise<BackupKeyFact>): InstallationKeyring {
  let loaded: Promise<BackupKeyFact> | null = null;
  const load = (): Promise<BackupKeyFact> => {
    loaded ??= fact().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
  const inner = (info: InstallationInfo, keys: WebCryptoKeys) => webCryptoKeyring(info, () => Promise.resolve(keys));
  const withKeys = async () => {
    const found = await load();
    return inner({ installation: found.installation, protection: 'browser' }, found);
  };
  return {
    info: async () => (await withKeys()).info(),
    sign: async (digest) => (await withKeys()).sign(digest),
    wrap: async (dataKey) => (await withKeys()).wrap(dataKey),
    unwrap: async (wrapped) => (await withKeys()).unwrap(wrapped),
  };
}

/** The browser preview's keyring, on the `installation` table of the database (`database()` when absent). */
export function browserInstallationKeyring(db?: PlannerDatabase): InstallationKeyring {
  return keyringOf(() => storedKeyFact(db ?? database()));
}

/** Resolves with a request's result, rejects with its error. */
function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The browser keyring read from a raw connection to the stored database, before Dexie opens (and
 * upgrades) it: its `installation` table's key, or new keys that are stored once the database opens.
 */
export function rawInstallationKeyring(raw: IDBDatabase): InstallationKeyring {
  return keyringOf(async () => {
    if (raw.objectStoreNames.contains('installation')) {
      const found: unknown = await requested(
        raw.transaction('installation', 'readonly').objectStore('installation').get(BACKUP_KEY_FACT),
      );
      if (isKeyFact(found)) return found;
    }
    if (!unstored) {
      unstored = await newKeyFact();
      // Stored as the database opens (after its upgrade), before anything else reads it: a
      // before-upgrade backup sealed with these keys must still open after the page closes.
      const db = database();
      db.on('ready', () => storedKeyFact(db).then(() => undefined));
    }
    return unstored;
  });
}

let current: InstallationKeyring | null = null;

/** Sets the keyring of this installation (the desktop bridge's, at start). */
export function setInstallationKeyring(keyring: InstallationKeyring | null): void {
  current = keyring;
}

/** True when a keyring other than the browser preview's was set (the desktop's). */
export function hasPlatformKeyring(): boolean {
  return current !== null;
}

/** One browser keyring per database, so its record is read once. */
const browserKeyrings = new WeakMap<PlannerDatabase, InstallationKeyring>();

/** The keyring backups are signed and sealed with: the one set at start, else the browser preview's. */
export function installationKeyring(): InstallationKeyring {
  if (current) return current;
  const db = database();
  let keyring = browserKeyrings.get(db);
  if (!keyring) {
    keyring = browserInstallationKeyring(db);
    browserKeyrings.set(db, keyring);
  }
  return keyring;
}

/** This installation's id and how its key is kept, for the settings card. */
export function installationInfo(): Promise<InstallationInfo> {
  return installationKeyring().info();
}
