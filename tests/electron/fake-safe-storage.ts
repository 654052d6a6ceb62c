import type { SafeStorageLike } from '@electron/main/installation-key';

/** A stand-in for safeStorage: "encrypts" by tagging and hex-encoding, so the stored text is not the key. */
export function fakeSafeStorage(available = true, backend?: string): SafeStorageLike & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      encrypted.push(text);
      return Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`);
    },
    decryptString: (buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('sealed:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
    },
    ...(backend !== undefined && { getSelectedStorageBackend: () => backend }),
  };
}
