import { describe, expect, it } from 'vitest';
import {
  BACKUP_HEAD_BYTES,
  BackupRefusedError,
  openBackup,
  packBackup,
  readBackupManifest,
  verifyBackup,
  type BackupRefusalReason,
} from '@shared/backup';
import { MAX_PAGE_LINE_BYTES, MAX_RECORD_TEXT, encodeBackupPage } from '@shared/backup';
import { concatBytes, gzip, utf8, type UnpackLimitError } from '@shared/backup/codec';
import { MAX_COMPRESSION_RATIO } from '@shared/backup/read';
import { makeWorker } from '../../fixtures/factories';
import {
  BACKUP_KEY_PATHS,
  makeManifestInput,
  makeSampleTables,
  rewriteBackup,
  splitBackup,
  tablesDigest,
} from '../../fixtures/backups';

const open = (bytes: Uint8Array, passphrase?: string) =>
  openBackup(bytes, { passphrase, schemaVersion: 3, keyPaths: BACKUP_KEY_PATHS });

async function refusal(promise: Promise<unknown>): Promise<BackupRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BackupRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function expectRefused(promise: Promise<unknown>, reason: BackupRefusalReason): Promise<BackupRefusedError> {
  const error = await refusal(promise);
  expect(error.reason).toBe(reason);
  return error;
}

describe('a backup file', () => {
  it('gives back every record of every table as written, Extension B names included', async () => {
    const tables = makeSampleTables(12_000);
    const { bytes, manifest } = await packBackup(makeManifestInput(), tables);
    expect(manifest.counts).toEqual({ workers: 12_000, enterprises: 1, audit: 1, settings: 0 });
    const opened = await open(bytes);
    expect(opened.manifest).toEqual(manifest);
    expect(opened.upgradedFrom).toBeNull();
    expect(await tablesDigest(opened.tables)).toBe(await tablesDigest(Object.entries(tables)));
  });

  it('reports progress by records read, up to the manifest’s total', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(12_000));
    const seen: number[] = [];
    await openBackup(bytes, { schemaVersion: 3, keyPaths: BACKUP_KEY_PATHS, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(12_002);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('shows its manifest from the first bytes alone, as the list of backups reads it', async () => {
    const { bytes, manifest } = await packBackup(makeManifestInput({ kind: 'automatic-start' }), makeSampleTables(500));
    expect(bytes.byteLength).toBeGreaterThan(BACKUP_HEAD_BYTES);
    expect(readBackupManifest(bytes.subarray(0, BACKUP_HEAD_BYTES))).toEqual(manifest);
    expect(readBackupManifest(bytes.subarray(0, 400))).toEqual(manifest);
  });

  it('is smaller than its records as JSON (gzip)', async () => {
    const tables = makeSampleTables(5000);
    const { bytes } = await packBackup(makeManifestInput(), tables);
    expect(bytes.byteLength).toBeLessThan(utf8(JSON.stringify(tables)).byteLength / 3);
  });
});

describe('refusals, each with a real bad file', () => {
  it('refuses a file that is not a backup at all (a PDF, a roster, an empty file)', async () => {
    await expectRefused(open(utf8('%PDF-1.7\n1 0 obj\n')), 'not-a-backup');
    await expectRefused(open(utf8('姓名,身份证号\n黄文光,452601198501010011\n')), 'not-a-backup');
    expect(() => readBackupManifest(utf8('PK\u0003\u0004'))).toThrow(BackupRefusedError);
  });

  it('calls an empty file empty, not incomplete', async () => {
    await expectRefused(open(new Uint8Array(0)), 'empty');
    expect(() => readBackupManifest(new Uint8Array(0))).toThrow(/empty/);
  });

  it('refuses a truncated file, wherever it was cut', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(2000));
    for (const length of [10, 60, 300, bytes.byteLength - 1, Math.floor(bytes.byteLength / 2)]) {
      await expectRefused(open(bytes.subarray(0, length)), 'truncated');
    }
  });

  it('refuses a file whose contents no longer match the checksum (one byte changed, in body or manifest)', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(200));
    const body = bytes.slice();
    const last = body.byteLength - 5;
    body[last] = (body[last] ?? 0) ^ 0x01;
    await expectRefused(open(body), 'checksum-mismatch');
    // A count raised in a text editor: the JSON is still valid, the checksum no longer fits.
    const text = new TextDecoder('latin1').decode(bytes);
    const edited = text.replace('"workers":200', '"workers":201');
    expect(edited).not.toBe(text);
    const editedBytes = Uint8Array.from(edited, (c) => c.charCodeAt(0));
    await expectRefused(open(editedBytes), 'checksum-mismatch');
  });

  it('refuses a hand-edited file whose checksum was written again but whose records disagree with the manifest', async () => {
    const tables = makeSampleTables(10);
    const { bytes } = await packBackup(makeManifestInput(), tables);
    // One worker dropped from the body, the manifest still says 10.
    const fewer = await packBackup(makeManifestInput(), { ...tables, workers: tables.workers?.slice(1) ?? [] });
    const forged = await rewriteBackup(bytes, { body: splitBackup(fewer.bytes).body });
    const error = await expectRefused(open(forged), 'contents-mismatch');
    expect(error.params).toEqual({ table: 'workers' });
    // A table this app does not have.
    const alien = await packBackup(makeManifestInput(), { ...tables, passwords: [{ id: 'x' }] });
    expect((await expectRefused(open(alien.bytes), 'contents-mismatch')).params).toEqual({ table: 'passwords' });
    // Two records with one key.
    const twice = await packBackup(makeManifestInput(), {
      ...tables,
      enterprises: [tables.enterprises?.[0], tables.enterprises?.[0]],
    });
    expect((await expectRefused(open(twice.bytes), 'duplicate-value')).params).toEqual({
      table: 'enterprises',
      field: 'id',
      first: 1,
      second: 2,
    });
  });

  it('refuses a file whose header is not JSON, or whose body is not gzip, as damaged', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(5));
    await expectRefused(
      rewriteBackup(bytes, { body: utf8('this is not gzip') }).then((forged) => open(forged)),
      'damaged',
    );
    const broken = await rewriteBackup(bytes, { body: await gzip([utf8('{"table":"workers","records":[{"id":')]) });
    await expectRefused(open(broken), 'damaged');
    const garbled = utf8('POINT-TO-POINT-PLANNER-BACKUP\n{"format":1,"manifest":\n');
    await expectRefused(open(garbled), 'damaged');
  });

  it('refuses a backup made by a newer app (a newer database schema), naming both versions', async () => {
    const { bytes } = await packBackup(makeManifestInput({ schemaVersion: 5 }), makeSampleTables(3));
    await expect(verifyBackup(bytes)).resolves.toBeDefined();
    const error = await expectRefused(open(bytes), 'newer-schema');
    expect(error.params).toEqual({ fileVersion: 5, appVersion: 3 });
    expect(error.manifest?.schemaVersion).toBe(5);
  });

  it('refuses a file layout newer than this app reads', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3));
    const future = await rewriteBackup(bytes, { header: (header) => (header['format'] = 3) });
    await expectRefused(open(future), 'unsupported-format');
  });
});

describe('a file crafted to unpack to gigabytes (a decompression bomb)', () => {
  /** 1 GiB of zeros as 256 gzip members of 4 MiB each: about 1 MB on disk. */
  async function bomb(): Promise<{ body: Uint8Array; unpacksTo: number }> {
    const size = 4 * 1024 * 1024;
    const member = await gzip([new Uint8Array(size)]);
    const members = 256;
    return { body: concatBytes(Array.from({ length: members }, () => member)), unpacksTo: members * size };
  }

  it('is refused at the first chunk beyond its bound, whatever its header declares, having unpacked a bounded amount', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3));
    const { body, unpacksTo } = await bomb();
    expect(unpacksTo / body.byteLength).toBeGreaterThan(500);
    const declarations: (number | undefined)[] = [undefined, 2000, 4 * 1024 * 1024 * 1024];
    for (const declared of declarations) {
      const forged = await rewriteBackup(bytes, {
        body,
        header: (header) => {
          const info = header['body'] as { unpackedBytes?: number };
          if (declared === undefined) delete info.unpackedBytes;
          else info.unpackedBytes = declared;
        },
      });
      const error = await expectRefused(open(forged), 'expands-too-much');
      const stopped = error.cause as UnpackLimitError;
      // Stopped within a megabyte of its bound: never more than MAX_COMPRESSION_RATIO times the file.
      expect(stopped.unpacked, String(declared)).toBeLessThanOrEqual(stopped.limit + 1024 * 1024);
      expect(stopped.limit, String(declared)).toBeLessThanOrEqual(body.byteLength * MAX_COMPRESSION_RATIO);
      if (declared === 2000) expect(stopped.limit).toBe(2000);
    }
  });

  it('is refused at the first page beyond the manifest’s counts', async () => {
    const tables = makeSampleTables(10);
    const { bytes } = await packBackup(makeManifestInput(), tables);
    const more = await packBackup(makeManifestInput(), { ...tables, workers: makeSampleTables(30).workers ?? [] });
    const { header, body } = splitBackup(more.bytes);
    const forged = await rewriteBackup(bytes, {
      body,
      header: (old) =>
        Object.assign(old['body'] as object, {
          unpackedBytes: (header['body'] as { unpackedBytes: number }).unpackedBytes,
        }),
    });
    expect((await expectRefused(open(forged), 'contents-mismatch')).params).toEqual({ table: 'workers' });
  });

  it('a page of records with long notes is written in several lines, each short enough for a reader', () => {
    const workers = Array.from({ length: 700 }, () => makeWorker({ notes: '长'.repeat(MAX_RECORD_TEXT) }));
    const encoded = encodeBackupPage('workers', workers);
    const lines = new TextDecoder()
      .decode(encoded)
      .split('\n')
      .filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(utf8(line).byteLength).toBeLessThanOrEqual(MAX_PAGE_LINE_BYTES);
    expect(
      lines.map((line) => (JSON.parse(line) as { records: unknown[] }).records.length).reduce((a, b) => a + b),
    ).toBe(700);
  });
});

describe('passphrase encryption', () => {
  it('opens with the passphrase and gives back every record', async () => {
    const tables = makeSampleTables(300);
    const { bytes, manifest } = await packBackup(makeManifestInput(), tables, '百色 2026 春风');
    expect(manifest.encrypted).toBe(true);
    const opened = await open(bytes, '百色 2026 春风');
    expect(await tablesDigest(opened.tables)).toBe(await tablesDigest(Object.entries(tables)));
  });

  it('keeps the records unreadable without it, and never writes the passphrase', async () => {
    const tables = makeSampleTables(50);
    const { bytes } = await packBackup(makeManifestInput(), tables, 'secret-passphrase');
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toContain('secret-passphrase');
    const header = splitBackup(bytes).header as { body: { encryption: Record<string, unknown> } };
    expect(header.body.encryption).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: 600_000, cipher: 'AES-GCM-256' });
    const plain = await packBackup(makeManifestInput(), tables);
    expect(splitBackup(bytes).body).not.toEqual(splitBackup(plain.bytes).body);
  });

  it('asks for the passphrase, showing the manifest, when none is given', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3), 'pass');
    const error = await expectRefused(open(bytes), 'passphrase-required');
    expect(error.manifest?.counts['workers']).toBe(3);
  });

  it('says so when the passphrase is wrong', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3), 'right one');
    await expectRefused(open(bytes, 'wrong one'), 'wrong-passphrase');
  });

  it('uses a fresh salt and IV for every file', async () => {
    const a = splitBackup((await packBackup(makeManifestInput(), makeSampleTables(1), 'p')).bytes).header;
    const b = splitBackup((await packBackup(makeManifestInput(), makeSampleTables(1), 'p')).bytes).header;
    const enc = (h: Record<string, unknown>) => (h['body'] as { encryption: { salt: string; iv: string } }).encryption;
    expect(enc(a).salt).not.toBe(enc(b).salt);
    expect(enc(a).iv).not.toBe(enc(b).iv);
  });

  it('refuses an encrypted file whose manifest was edited and its checksum written again', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(3), 'pass');
    const forged = await rewriteBackup(bytes, {
      header: (header) => ((header['manifest'] as { operator: string }).operator = '别人'),
    });
    await expectRefused(open(forged, 'pass'), 'contents-mismatch');
  });
});

describe('cancelling', () => {
  it('stops reading at once when the signal is aborted', async () => {
    const { bytes } = await packBackup(makeManifestInput(), makeSampleTables(20_000));
    const controller = new AbortController();
    const reading = openBackup(bytes, {
      schemaVersion: 3,
      keyPaths: BACKUP_KEY_PATHS,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 5000) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
