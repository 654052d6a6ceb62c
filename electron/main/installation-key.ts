/**
 * This installation's key (issue 16, items 2 and 4; shared/backup/keyring.ts): 32 random bytes made
 * once, kept in `<userData>/installation-key.json`, never sent to the renderer. The renderer gets
 * four narrow calls through the bridge: this installation's id, an HMAC-SHA-256 of a 32-byte
 * digest (the signature of a backup), and the wrap and unwrap of a 32-byte data key (AES-256-GCM).
 * Two subkeys are derived from the key (HMAC-SHA-256 with a label each), so that signing and
 * wrapping never use the same key.
 *
 * The key is stored encrypted with Electron's `safeStorage` (DPAPI on Windows, the keychain on
 * macOS, the secret service on Linux). Where that is not available, or where Linux falls back to
 * its `basic_text` store (a password written in Chromium's code), the key is stored in clear and
 * `protection` says `unprotected`: the settings card states that anyone who can read the data
 * folder can then use it. It is upgraded to safeStorage at the next start where that works.
 * A stored key that can no longer be decrypted (the system's store was reset) is set aside under
 * another name, never deleted, and a new key is made: backups signed by the old one then read as
 * another installation's.
 *
 * No Electron here: main passes `safeStorage` and the folder; tests pass fakes and a temporary folder.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { z } from 'zod';
import {
  DATA_KEY_BYTES,
  DIGEST_BYTES,
  WRAPPED_KEY_BYTES,
  WRAP_CONTEXT,
  type InstallationInfo,
  type KeyProtection,
} from '@shared/backup/keyring';

/** The file's name inside the app's data folder. */
export const INSTALLATION_KEY_FILE = 'installation-key.json';

/** The part of Electron's safeStorage this file uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?: () => string;
}

const keyFileSchema = z
  .object({
    version: z.literal(1),
    installation: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    createdAt: z.string().max(40),
    protection: z.enum(['system', 'unprotected']),
    /** Base64 of the key: as safeStorage encrypted it (`system`) or in clear (`unprotected`). */
    key: z.string().max(1000),
  })
  .strict();
type KeyFile = z.infer<typeof keyFileSchema>;

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whether safeStorage really protects what it encrypts here. */
export function systemStorageUsable(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
}

interface LoadedKey {
  installation: string;
  protection: Exclude<KeyProtection, 'browser'>;
  signing: Buffer;
  wrapping: Buffer;
}

function subkey(master: Buffer, label: string): Buffer {
  return createHmac('sha256', master).update(`POINT-TO-POINT-PLANNER ${label}`).digest();
}

export class InstallationKey {
  private readonly path: string;
  private loaded: Promise<LoadedKey> | null = null;

  constructor(
    folder: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly warn: (message: string, details?: Record<string, string>) => void = () => undefined,
  ) {
    this.path = nodePath.join(nodePath.resolve(folder), INSTALLATION_KEY_FILE);
  }

  private load(): Promise<LoadedKey> {
    this.loaded ??= this.readOrCreate().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async readFileIfAny(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The key from the file, or null when the file is unusable (then it is set aside). */
  private readStored(text: string): { file: KeyFile; master: Buffer } | null {
    let file: KeyFile;
    try {
      file = keyFileSchema.parse(JSON.parse(text));
    } catch {
      return null;
    }
    try {
      const stored = Buffer.from(file.key, 'base64');
      const master =
        file.protection === 'system' ? Buffer.from(this.safeStorage.decryptString(stored), 'base64') : stored;
      return master.byteLength === KEY_BYTES ? { file, master } : null;
    } catch {
      return null;
    }
  }

  private async write(installation: string, createdAt: string, master: Buffer): Promise<KeyFile['protection']> {
    const protection: KeyFile['protection'] = systemStorageUsable(this.safeStorage) ? 'system' : 'unprotected';
    const key =
      protection === 'system'
        ? this.safeStorage.encryptString(master.toString('base64')).toString('base64')
        : master.toString('base64');
    const file: KeyFile = { version: 1, installation, createdAt, protection, key };
    const temporary = `${this.path}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, `${JSON.stringify(file)}\n`, { flag: 'wx', mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return protection;
  }

  private async readOrCreate(): Promise<LoadedKey> {
    const text = await this.readFileIfAny();
    if (text !== null) {
      const stored = this.readStored(text);
      if (stored) {
        let protection = stored.file.protection;
        // Kept in clear because the system could not encrypt it then: encrypted now that it can.
        if (protection === 'unprotected' && systemStorageUsable(this.safeStorage)) {
          protection = await this.write(stored.file.installation, stored.file.createdAt, stored.master);
        }
        return this.keyOf(stored.file.installation, protection, stored.master);
      }
      const aside = `${this.path}.unreadable-${this.now()
        .replace(/[^0-9]/g, '')
        .slice(0, 14)}`;
      await rename(this.path, aside);
      this.warn('the installation key could not be read; set aside, a new one is made', { aside });
    }
    const master = randomBytes(KEY_BYTES);
    const installation = randomUUID();
    const protection = await this.write(installation, this.now(), master);
    return this.keyOf(installation, protection, master);
  }

  private keyOf(installation: string, protection: LoadedKey['protection'], master: Buffer): LoadedKey {
    const key = {
      installation,
      protection,
      signing: subkey(master, 'backup signature'),
      wrapping: subkey(master, 'backup key wrap'),
    };
    master.fill(0);
    return key;
  }

  /** This installation's id and how its key is kept. */
  async info(): Promise<InstallationInfo> {
    const { installation, protection } = await this.load();
    return { installation, protection };
  }

  /** HMAC-SHA-256 of a 32-byte digest with the signing subkey. */
  async sign(digest: Uint8Array): Promise<Uint8Array> {
    if (digest.byteLength !== DIGEST_BYTES) throw new RangeError(`a digest must be ${DIGEST_BYTES} bytes`);
    const { signing } = await this.load();
    return new Uint8Array(createHmac('sha256', signing).update(digest).digest());
  }

  /** A 32-byte data key sealed with AES-256-GCM under the wrapping subkey: IV, ciphertext, tag. */
  async wrap(dataKey: Uint8Array): Promise<Uint8Array> {
    if (dataKey.byteLength !== DATA_KEY_BYTES) throw new RangeError(`a data key must be ${DATA_KEY_BYTES} bytes`);
    const { wrapping } = await this.load();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', wrapping, iv);
    cipher.setAAD(WRAP_CONTEXT);
    const sealed = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return new Uint8Array(sealed);
  }

  /** The data key, or null when it was not wrapped by this installation or was changed. */
  async unwrap(wrapped: Uint8Array): Promise<Uint8Array | null> {
    if (wrapped.byteLength !== WRAPPED_KEY_BYTES) return null;
    const { wrapping } = await this.load();
    const bytes = Buffer.from(wrapped);
    try {
      const decipher = createDecipheriv('aes-256-gcm', wrapping, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(WRAP_CONTEXT);
      decipher.setAuthTag(bytes.subarray(bytes.byteLength - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.byteLength - TAG_BYTES)),
        decipher.final(),
      ]);
      return new Uint8Array(plain);
    } catch {
      return null;
    }
  }
}
