/**
 * Byte helpers of the backup file, on web platform APIs that Node and the browsers share
 * (CompressionStream, crypto.subtle, TextEncoder): shared/ stays pure, and the same code seals a
 * backup in the renderer and builds test files in Node.
 */

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** One array holding every part in order. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** The bytes on a plain ArrayBuffer of their own length, as Blob and crypto.subtle take them. */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return new Uint8Array(buffer);
  }
  return new Uint8Array(bytes);
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Throws on text that is not base64 (the header's schema checks the alphabet first). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** SHA-256 of the parts, as if they were one array. */
export async function sha256(parts: readonly Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const joined = parts.length === 1 && parts[0] ? ownBytes(parts[0]) : concatBytes(parts);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

/** Gzip of the parts, one after the other. */
export async function gzip(parts: readonly Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob(parts.map(ownBytes)).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Most text a body may unpack to: far above 100,000 workers (63 MB), far below what a tab survives. */
export const MAX_BODY_TEXT_BYTES = 1024 * 1024 * 1024;

/** Thrown by gunzipLines when the text outgrows its bound: the stream was cancelled there. */
export class UnpackLimitError extends RangeError {
  /** Bytes unpacked when the reading stopped: the bound and at most one chunk of the stream more. */
  readonly unpacked: number;
  readonly limit: number;

  constructor(unpacked: number, limit: number) {
    super(`the body unpacks to more than ${limit} bytes`);
    this.name = 'UnpackLimitError';
    this.unpacked = unpacked;
    this.limit = limit;
  }
}

/**
 * Gunzips `bytes` and hands over each complete line of its UTF-8 text, decoded strictly (a byte
 * sequence that is not UTF-8 throws). A multi-byte character split between two chunks of the
 * stream is decoded whole: a Chinese name is never cut in half at a chunk boundary.
 * The stream is read chunk by chunk (each read gives the page's event loop a turn) and cancelled
 * at the first chunk that takes the text past `limit` bytes (at most MAX_BODY_TEXT_BYTES): a file
 * crafted to unpack to gigabytes costs no more than its bound; and at the first line longer than
 * `maxLineBytes`, so that a line with no end is not gathered in memory. Throws an UnpackLimitError
 * then, and another error when the gzip stream is damaged.
 */
export async function gunzipLines(
  bytes: Uint8Array,
  onLine: (line: string) => void,
  limit: number = MAX_BODY_TEXT_BYTES,
  maxLineBytes: number = Number.POSITIVE_INFINITY,
): Promise<void> {
  const bound = Math.min(limit, MAX_BODY_TEXT_BYTES);
  const reader = new Blob([ownBytes(bytes)])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The unfinished line, in pieces: a line (a page of records) is megabytes long and arrives in
  // 64 kB chunks, so only each new chunk is searched for the newline, and a line is joined once.
  let pending: string[] = [];
  // Characters of the unfinished line: never more than its UTF-8 bytes, so a bound on bytes holds.
  let pendingLength = 0;
  let unpacked = 0;
  const take = (text: string): void => {
    let start = 0;
    let end = text.indexOf('\n');
    while (end >= 0) {
      if (pendingLength + end - start > maxLineBytes) throw new UnpackLimitError(unpacked, maxLineBytes);
      pending.push(text.slice(start, end));
      onLine(pending.join(''));
      pending = [];
      pendingLength = 0;
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    if (start < text.length) {
      pending.push(text.slice(start));
      pendingLength += text.length - start;
      if (pendingLength > maxLineBytes) throw new UnpackLimitError(unpacked, maxLineBytes);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      unpacked += value.byteLength;
      if (unpacked > bound) throw new UnpackLimitError(unpacked, bound);
      take(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    // Stops the decompression where it is (a bomb's next gigabyte is never unpacked).
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  take(decoder.decode());
  if (pending.length > 0) onLine(pending.join(''));
}
