import { describe, expect, it } from 'vitest';
import { chunkCount, fileHash, rowsAfterChunks } from '@shared/roster/import-journal';

describe('the import journal’s rules', () => {
  it('hashes a file’s bytes with SHA-256, as lowercase hex, whatever part of a buffer they sit in', async () => {
    const abc = new TextEncoder().encode('abc');
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    await expect(fileHash(abc)).resolves.toBe(expected);
    const inside = new Uint8Array([0x78, 0x61, 0x62, 0x63, 0x79]).subarray(1, 4);
    await expect(fileHash(inside)).resolves.toBe(expected);
    // One byte more is another file.
    await expect(fileHash(new TextEncoder().encode('abc\n'))).resolves.not.toBe(expected);
  });

  it('counts the chunks of an import and the rows they hold', () => {
    expect(chunkCount(50_000, 25_000)).toBe(2);
    expect(chunkCount(50_001, 25_000)).toBe(3);
    expect(chunkCount(0, 25_000)).toBe(0);
    expect(rowsAfterChunks(1, 25_000, 50_000)).toBe(25_000);
    expect(rowsAfterChunks(3, 25_000, 50_001)).toBe(50_001);
    expect(rowsAfterChunks(0, 25_000, 50_000)).toBe(0);
  });
});
