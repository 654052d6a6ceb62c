/**
 * The installation key (issue 16, items 2 and 4): a secret that one installation of the app keeps
 * and never writes into a backup. It signs every backup the installation makes (HMAC-SHA-256 over
 * the file's SHA-256), and it wraps the random key that encrypts an automatic backup, so that such
 * a backup restores on this PC without a question and opens nowhere else.
 *
 * Where the key lives is the platform's business: inside Electron in the main process, stored with
 * the system's `safeStorage` (electron/main/installation-key.ts), reached through four narrow calls
 * of the bridge; in the browser preview in IndexedDB as non-extractable WebCrypto keys
 * (renderer/db/installation-key.ts), which anyone using that browser profile can use. This file
 * holds the interface both offer, and the WebCrypto implementation the browser and the tests use.
 */
import { concatBytes, ownBytes, utf8 } from './codec';

/** Bytes of the digest a signature covers (a SHA-256), of a signature (an HMAC-SHA-256) and of a data key (AES-256). */
export const DIGEST_BYTES = 32;
export const SIGNATURE_BYTES = 32;
export const DATA_KEY_BYTES = 32;
/** A wrapped data key: the 12-byte IV, the 32 encrypted bytes and AES-GCM's 16-byte tag. */
export const WRAPPED_KEY_BYTES = 12 + DATA_KEY_BYTES + 16;

/** Additional data of every wrap: a wrapped key opens only as a backup's data key. */
export const WRAP_CONTEXT = utf8('POINT-TO-POINT-PLANNER-BACKUP data key');

/**
 * How the key is kept, as the settings card states it:
 * - `system`: encrypted by the operating system for this user (Electron safeStorage: DPAPI on Windows,
 *   the keychain on macOS, the secret service on Linux);
 * - `unprotected`: the system offers no such encryption: the key file in the data folder is in clear,
 *   and anyone who can read that folder can sign backups as this installation;
 * - `browser`: the browser preview keeps it in this browser profile's IndexedDB, unreadable as bytes
 *   but usable by anyone who opens the app in that profile.
 */
export const KEY_PROTECTIONS = ['system', 'unprotected', 'browser'] as const;
export type KeyProtection = (typeof KEY_PROTECTIONS)[number];

export interface InstallationInfo {
  /** A random UUID made with the key: not a secret, it names the installation in each backup. */
  installation: string;
  protection: KeyProtection;
}

/** What an installation's key does; the key itself never leaves its keeper. */
export interface InstallationKeyring {
  info(): Promise<InstallationInfo>;
  /** HMAC-SHA-256 of a 32-byte digest with the installation's signing key. */
  sign(digest: Uint8Array): Promise<Uint8Array>;
  /** A 32-byte data key encrypted with the installation's wrapping key (WRAPPED_KEY_BYTES). */
  wrap(dataKey: Uint8Array): Promise<Uint8Array>;
  /** The data key, or null when it was not wrapped by this installation (or was changed). */
  unwrap(wrapped: Uint8Array): Promise<Uint8Array | null>;
}

/** WebCrypto's key type, named through the API: Node's types and the DOM's call it differently. */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** The two keys of a WebCrypto keyring: one signs, one wraps; neither can be read out. */
export interface WebCryptoKeys {
  signing: CryptoKey;
  wrapping: CryptoKey;
}

/** New non-extractable keys: an HMAC-SHA-256 key and an AES-GCM-256 key. */
export async function generateWebCryptoKeys(): Promise<WebCryptoKeys> {
  const signing = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const wrapping = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { signing, wrapping };
}

function requireLength(bytes: Uint8Array, length: number, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength !== length)
    throw new RangeError(`${what} must be ${length} bytes`);
}

/** A keyring on WebCrypto keys held by the caller (the browser preview keeps them in IndexedDB). */
export function webCryptoKeyring(info: InstallationInfo, keys: () => Promise<WebCryptoKeys>): InstallationKeyring {
  return {
    info: () => Promise.resolve(info),
    async sign(digest) {
      requireLength(digest, DIGEST_BYTES, 'a digest');
      return new Uint8Array(await crypto.subtle.sign('HMAC', (await keys()).signing, ownBytes(digest)));
    },
    async wrap(dataKey) {
      requireLength(dataKey, DATA_KEY_BYTES, 'a data key');
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: WRAP_CONTEXT },
        (await keys()).wrapping,
        ownBytes(dataKey),
      );
      return concatBytes([iv, new Uint8Array(sealed)]);
    },
    async unwrap(wrapped) {
      if (wrapped.byteLength !== WRAPPED_KEY_BYTES) return null;
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: ownBytes(wrapped.slice(0, 12)), additionalData: WRAP_CONTEXT },
          (await keys()).wrapping,
          ownBytes(wrapped.slice(12)),
        );
        return new Uint8Array(plain);
      } catch {
        return null;
      }
    },
  };
}

/** Equal bytes, compared without stopping at the first difference. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
