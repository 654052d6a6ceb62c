/**
 * The sync server's password (issue 20, docs/architecture.md#the-connection), kept in
 * `<userData>/sync-password.json`, encrypted with Electron's `safeStorage` (DPAPI on Windows, the
 * keychain on macOS, the secret service on Linux). Where the system cannot encrypt it (or Linux
 * falls back to its `basic_text` store), storing is refused: the password is never written in clear,
 * and the settings card says it must be typed at each test. A file that can no longer be decrypted
 * (the system's store was reset) reads as no password.
 *
 * No Electron here: main passes `safeStorage` and the folder; tests pass fakes and a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { z } from 'zod';
import { systemStorageUsable, type SafeStorageLike } from './installation-key';

export const SYNC_PASSWORD_FILE = 'sync-password.json';

const fileSchema = z
  .object({
    version: z.literal(1),
    /** Base64 of the password as safeStorage encrypted it. */
    password: z.string().max(10_000),
  })
  .strict();

export class SyncPasswordStore {
  private readonly path: string;

  constructor(
    folder: string,
    private readonly safeStorage: SafeStorageLike,
  ) {
    this.path = nodePath.join(nodePath.resolve(folder), SYNC_PASSWORD_FILE);
  }

  /** Keeps the password, replacing any kept before; false when the system cannot encrypt it. */
  async store(password: string): Promise<{ stored: boolean }> {
    if (!systemStorageUsable(this.safeStorage)) return { stored: false };
    const encrypted = this.safeStorage.encryptString(password).toString('base64');
    const temporary = `${this.path}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, `${JSON.stringify({ version: 1, password: encrypted })}\n`, {
        flag: 'wx',
        mode: 0o600,
      });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { stored: true };
  }

  /** The kept password, or null when none is kept or it can no longer be decrypted. */
  async read(): Promise<{ password: string } | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const file = fileSchema.parse(JSON.parse(text));
      if (!this.safeStorage.isEncryptionAvailable()) return null;
      return { password: this.safeStorage.decryptString(Buffer.from(file.password, 'base64')) };
    } catch {
      return null;
    }
  }

  /** Deletes the kept password, if any. */
  async forget(): Promise<null> {
    await rm(this.path, { force: true });
    return null;
  }
}
