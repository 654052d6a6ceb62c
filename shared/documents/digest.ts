/**
 * What the QR codes on the printed papers say, and the content hash that lets a printed copy be
 * checked against the data later (ISSUE 6).
 *
 * The manifest digest is the SHA-256 of a canonical serialisation of what the manifest states: the
 * batch id and date, and for each leg, vehicle and seat the passenger in it (worker id, name, full
 * resident ID), plus who has no seat yet. It leaves out everything that varies between prints of the
 * same data (the language, the printing time, the operator, masking), and it sorts legs, vehicles and
 * seats by their ids, so that the order in which a caller happens to gather them cannot change it.
 *
 * Payloads (one line of ASCII each; fields are percent-encoded so that an id holding `:` still parses):
 * - cover sheet: `P2P-MANIFEST:1:<batchId>:<sha256 hex, lowercase>`
 * - boarding card: `P2P-SEAT:1:<batchId>:<workerId>:<legId>:<seat>`, the passenger's seat on the batch's
 *   first leg as stored on the assignment (`05-12F`, `12`), empty when they have no seat there yet (and
 *   the leg id empty too when the batch has no legs).
 */
import type { BatchPapers } from './model';

/** Bumped whenever the serialisation below changes, so an old printed code is never misread. */
const DIGEST_VERSION = 1;
const MANIFEST_PREFIX = 'P2P-MANIFEST';
const SEAT_PREFIX = 'P2P-SEAT';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(text: string): string {
  return text.normalize('NFC');
}

/**
 * The manifest as plain nested arrays, in a fixed order. Every string is NFC-normalised, so a name
 * typed with a decomposed character hashes as the same name.
 */
function manifestContent(papers: BatchPapers): unknown[] {
  const people = new Map(papers.passengers.map((passenger) => [passenger.workerId, passenger]));
  const person = (workerId: string): [string, string, string] => {
    const passenger = people.get(workerId);
    return [canonical(workerId), canonical(passenger?.name ?? ''), canonical(passenger?.residentId ?? '')];
  };
  const legs = [...papers.legs]
    .sort((a, b) => byText(a.id, b.id))
    .map((leg) => [
      canonical(leg.id),
      [...leg.vehicles]
        .sort((a, b) => byText(a.id, b.id))
        .map((vehicle) => [
          canonical(vehicle.id),
          canonical(vehicle.label),
          [...vehicle.seats]
            .sort((a, b) => byText(a.seat, b.seat) || byText(a.workerId, b.workerId))
            .map((seat) => [canonical(seat.seat), ...person(seat.workerId)]),
        ]),
      [...leg.unseated].sort(byText).map(person),
    ]);
  return [MANIFEST_PREFIX, DIGEST_VERSION, canonical(papers.batch.id), canonical(papers.batch.date), legs];
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 (lowercase hex) of what the batch's manifest states. The same data gives the same digest
 * in either language, at any time, masked or not; a changed seat, name, resident ID, vehicle or
 * passenger gives another.
 */
export async function manifestDigest(papers: BatchPapers): Promise<string> {
  const text = JSON.stringify(manifestContent(papers));
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** The digest as people compare it by eye: its first 8 characters, `3F2A-91C0`. */
export function shortDigest(digest: string): string {
  const head = digest.slice(0, 8).toUpperCase();
  return `${head.slice(0, 4)}-${head.slice(4)}`;
}

function encodeField(value: string): string {
  return encodeURIComponent(value);
}

function decodeField(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The fields of a `PREFIX:VERSION:...` payload, decoded; null when it is not one of `count` fields. */
function payloadFields(text: string, prefix: string, count: number): string[] | null {
  const parts = text.trim().split(':');
  if (parts.length !== count + 2 || parts[0] !== prefix || parts[1] !== String(DIGEST_VERSION)) return null;
  const fields = parts.slice(2).map(decodeField);
  return fields.every((field): field is string => field !== null) ? fields : null;
}

/** What the cover sheet's QR code says: `P2P-MANIFEST:1:<batchId>:<digest>`. */
export function qrPayload(batchId: string, digest: string): string {
  return [MANIFEST_PREFIX, DIGEST_VERSION, encodeField(batchId), digest.toLowerCase()].join(':');
}

/** Reads a scanned cover-sheet code; null for anything that is not one (another code, a damaged scan). */
export function parseQrPayload(text: string): { batchId: string; digest: string } | null {
  const fields = payloadFields(text, MANIFEST_PREFIX, 2);
  if (!fields) return null;
  const [batchId, digest] = fields as [string, string];
  const normalized = digest.toLowerCase();
  if (batchId === '' || !SHA256_HEX.test(normalized)) return null;
  return { batchId, digest: normalized };
}

/**
 * How a scanned cover sheet compares with the data now: `current` (the printed manifest still says
 * what the data says), `changed` (same batch, the manifest has changed since it was printed),
 * `other-batch`, or `unreadable` (not a cover-sheet code).
 */
export type PrintedCopyCheck = 'current' | 'changed' | 'other-batch' | 'unreadable';

/** Compares a scanned cover-sheet code with the batch's papers as they are now. */
export async function checkPrintedCopy(scanned: string, papers: BatchPapers): Promise<PrintedCopyCheck> {
  const payload = parseQrPayload(scanned);
  if (!payload) return 'unreadable';
  if (payload.batchId !== papers.batch.id) return 'other-batch';
  return payload.digest === (await manifestDigest(papers)) ? 'current' : 'changed';
}

/** A passenger's seat reference, as the boarding card's QR code says it. */
export interface SeatReference {
  batchId: string;
  workerId: string;
  legId: string;
  /** As stored on the assignment (`05-12F`, `12`); empty when the passenger has no seat on that leg. */
  seat: string;
}

/** What a boarding card's QR code says: `P2P-SEAT:1:<batchId>:<workerId>:<legId>:<seat>`. */
export function seatPayload(reference: SeatReference): string {
  return [
    SEAT_PREFIX,
    DIGEST_VERSION,
    encodeField(reference.batchId),
    encodeField(reference.workerId),
    encodeField(reference.legId),
    encodeField(reference.seat),
  ].join(':');
}

/** Reads a scanned boarding-card code; null for anything that is not one. */
export function parseSeatPayload(text: string): SeatReference | null {
  const fields = payloadFields(text, SEAT_PREFIX, 4);
  if (!fields) return null;
  const [batchId, workerId, legId, seat] = fields as [string, string, string, string];
  if (batchId === '' || workerId === '') return null;
  return { batchId, workerId, legId, seat };
}
