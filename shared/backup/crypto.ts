/**
 * Passphrase encryption of a backup's body with WebCrypto: PBKDF2-HMAC-SHA-256 (600,000 rounds,
 * OWASP's 2023 figure) over a random 16-byte salt derives 512 bits; the first 256 are the AES-GCM
 * key, the hash of the other 256 is stored as `check`. AES-GCM seals the gzip body under a random
 * 12-byte IV, with the header line as additional data, so a changed manifest no longer opens.
 * The passphrase itself is never stored, and not kept after the call.
 */
import { fromBase64, ownBytes, sha256, toBase64, toHex, utf8 } from './codec';
import { PBKDF2_ITERATIONS, type BackupEncryption, type BackupKeyEncryption } from './format';
import { DATA_KEY_BYTES, type InstallationKeyring } from './keyring';

/** WebCrypto's key type, named through the API: Node's types and the DOM's call it differently. */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const SALT_BYTES = 16;
const IV_BYTES = 12;

interface DerivedKeys {
  key: CryptoKey;
  check: string;
}

/** Passphrases typed with different input methods (composed or decomposed characters) match. */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return utf8(passphrase.normalize('NFC'));
}

async function deriveKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<DerivedKeys> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: ownBytes(salt), iterations },
      material,
      512,
    ),
  );
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  const check = toHex(await sha256([bits.slice(32)]));
  bits.fill(0);
  return { key, check };
}

/** New random salt and IV, and the key they derive from `passphrase`. */
export async function newEncryption(
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<{ encryption: BackupEncryption; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const { key, check } = await deriveKeys(passphrase, salt, iterations);
  return {
    key,
    encryption: {
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: toBase64(salt),
      cipher: 'AES-GCM-256',
      iv: toBase64(iv),
      check,
    },
  };
}

/**
 * (format 2) A random data key for an automatic backup, and its wrap by the installation key: the
 * body opens only where that key is (issue 16, item 4). The data key's bytes are wiped once imported.
 */
export async function newKeyEncryption(
  keyring: InstallationKeyring,
): Promise<{ encryption: BackupKeyEncryption; key: CryptoKey }> {
  const dataKey = crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const wrapped = await keyring.wrap(dataKey);
  const key = await crypto.subtle.importKey('raw', dataKey, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  dataKey.fill(0);
  return {
    key,
    encryption: { kdf: 'installation-key', cipher: 'AES-GCM-256', iv: toBase64(iv), wrappedKey: toBase64(wrapped) },
  };
}

/** The data key of a body sealed by `keyring`'s installation, or null when that key does not unwrap it. */
export async function keyFromInstallation(
  keyring: InstallationKeyring,
  encryption: BackupKeyEncryption,
): Promise<CryptoKey | null> {
  const dataKey = await keyring.unwrap(fromBase64(encryption.wrappedKey));
  if (!dataKey || dataKey.byteLength !== DATA_KEY_BYTES) return null;
  const key = await crypto.subtle.importKey('raw', ownBytes(dataKey), { name: 'AES-GCM' }, false, ['decrypt']);
  dataKey.fill(0);
  return key;
}

export async function encryptBody(
  key: CryptoKey,
  encryption: { iv: string },
  plain: Uint8Array,
  headerLine: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: fromBase64(encryption.iv), additionalData: ownBytes(headerLine) },
      key,
      ownBytes(plain),
    ),
  );
}

/** The key for `passphrase`, or null when it is not the passphrase the body was sealed with. */
export async function keyFor(passphrase: string, encryption: BackupEncryption): Promise<CryptoKey | null> {
  const { key, check } = await deriveKeys(passphrase, fromBase64(encryption.salt), encryption.iterations);
  return check === encryption.check ? key : null;
}

/** The plain body; throws when the ciphertext or the header was changed (the tag does not verify). */
export async function decryptBody(
  key: CryptoKey,
  encryption: { iv: string },
  sealed: Uint8Array,
  headerLine: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(encryption.iv), additionalData: ownBytes(headerLine) },
      key,
      ownBytes(sealed),
    ),
  );
}
