import { describe, expect, it } from 'vitest';
import {
  checkPrintedCopy,
  manifestDigest,
  parseQrPayload,
  parseSeatPayload,
  qrPayload,
  seatPayload,
  shortDigest,
} from '@shared/documents/digest';
import type { BatchPapers } from '@shared/documents/model';
import { makePapers } from '../../fixtures/documents';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the fixture lacks what the test needs');
  return value;
}

function withSeat(
  papers: BatchPapers,
  legIndex: number,
  vehicleIndex: number,
  seatIndex: number,
  seat: string,
): BatchPapers {
  const copy = structuredClone(papers);
  const target = copy.legs[legIndex]?.vehicles[vehicleIndex]?.seats[seatIndex];
  if (!target) throw new Error('no such seat in the fixture');
  target.seat = seat;
  return copy;
}

describe('manifestDigest', () => {
  it('is a SHA-256 in hex and the same for the same manifest', async () => {
    const papers = makePapers({ passengers: 12 });
    const digest = await manifestDigest(papers);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await manifestDigest(structuredClone(papers))).toBe(digest);
  });

  it('changes when a seat, a name, a resident ID or the roster changes', async () => {
    const papers = makePapers({ passengers: 12 });
    const digest = await manifestDigest(papers);

    expect(await manifestDigest(withSeat(papers, 1, 0, 0, '09F'))).not.toBe(digest);

    const renamed = structuredClone(papers);
    renamed.passengers[3] = { ...must(papers.passengers[3]), name: '黄新燊' };
    expect(await manifestDigest(renamed)).not.toBe(digest);

    const newId = structuredClone(papers);
    newId.passengers[3] = { ...must(papers.passengers[3]), residentId: '45102219900101123X' };
    expect(await manifestDigest(newId)).not.toBe(digest);

    const unseated = structuredClone(papers);
    const firstLeg = must(unseated.legs[0]);
    const moved = must(must(firstLeg.vehicles[0]).seats.splice(0, 1)[0]);
    firstLeg.unseated.push(moved.workerId);
    expect(await manifestDigest(unseated)).not.toBe(digest);

    const swapped = structuredClone(papers);
    const seats = must(must(swapped.legs[1]).vehicles[0]).seats;
    const [first, second] = [must(seats[0]), must(seats[1])];
    [first.workerId, second.workerId] = [second.workerId, first.workerId];
    expect(await manifestDigest(swapped)).not.toBe(digest);
  });

  it('does not depend on the order the papers list vehicles, seats or legs in', async () => {
    const papers = makePapers({ passengers: 30, perCoach: 10 });
    const shuffled = structuredClone(papers);
    shuffled.legs.reverse();
    for (const leg of shuffled.legs) {
      leg.vehicles.reverse();
      for (const vehicle of leg.vehicles) vehicle.seats.reverse();
    }
    shuffled.passengers.reverse();
    expect(await manifestDigest(shuffled)).toBe(await manifestDigest(papers));
  });

  it('ignores what the manifest does not state (status, contacts, the gate, health)', async () => {
    const papers = makePapers({ passengers: 8 });
    const other = structuredClone(papers);
    other.batch.status = 'departed';
    other.batch.escorts = [];
    other.gate = [];
    other.passengers = other.passengers.map((passenger) => ({ ...passenger, health: null }));
    expect(await manifestDigest(other)).toBe(await manifestDigest(papers));
  });

  it('reads a name typed with a decomposed character as the same name', async () => {
    const papers = makePapers({ passengers: 3 });
    const composed = structuredClone(papers);
    composed.passengers[0] = { ...must(papers.passengers[0]), name: 'Ren\u00e9' };
    const decomposed = structuredClone(papers);
    decomposed.passengers[0] = { ...must(papers.passengers[0]), name: 'Rene\u0301' };
    expect(await manifestDigest(decomposed)).toBe(await manifestDigest(composed));
  });
});

describe('cover-sheet QR payload', () => {
  const digest = 'ab'.repeat(32);

  it('carries the batch id and the digest, and reads back', () => {
    expect(qrPayload('batch-1', digest)).toBe(`P2P-MANIFEST:1:batch-1:${digest}`);
    expect(parseQrPayload(qrPayload('batch-1', digest))).toEqual({ batchId: 'batch-1', digest });
  });

  it('keeps a batch id with colons or Chinese intact', () => {
    expect(parseQrPayload(qrPayload('田东:2026:第1批', digest))).toEqual({ batchId: '田东:2026:第1批', digest });
  });

  it('accepts surrounding whitespace and upper-case hex from a scanner', () => {
    expect(parseQrPayload(`  P2P-MANIFEST:1:b:${digest.toUpperCase()}\n`)).toEqual({ batchId: 'b', digest });
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      'hello',
      `P2P-MANIFEST:2:b:${digest}`,
      `P2P-MANIFEST:1::${digest}`,
      'P2P-MANIFEST:1:b:abc',
      `P2P-MANIFEST:1:b:${digest}:extra`,
      `P2P-MANIFEST:1:%E0%A4%A:${digest}`,
      `P2P-SEAT:1:b:w:l:1`,
    ]) {
      expect(parseQrPayload(text), text).toBeNull();
    }
  });

  it('writes the short form as two groups of four', () => {
    expect(shortDigest('3f2a91c0' + '0'.repeat(56))).toBe('3F2A-91C0');
  });
});

describe('checkPrintedCopy', () => {
  it('says whether a scanned cover sheet still matches the data', async () => {
    const papers = makePapers({ passengers: 6 });
    const scanned = qrPayload(papers.batch.id, await manifestDigest(papers));
    expect(await checkPrintedCopy(scanned, papers)).toBe('current');
    expect(await checkPrintedCopy(scanned, withSeat(papers, 0, 0, 0, '40'))).toBe('changed');
    expect(await checkPrintedCopy(scanned, { ...papers, batch: { ...papers.batch, id: 'other' } })).toBe('other-batch');
    expect(await checkPrintedCopy('https://example.com', papers)).toBe('unreadable');
  });
});

describe('boarding-card seat payload', () => {
  it('reads back what it wrote, including ids with colons and an empty seat', () => {
    const reference = { batchId: 'b:1', workerId: 'w-00001', legId: 'leg:1', seat: '05-12F' };
    expect(seatPayload(reference)).toBe('P2P-SEAT:1:b%3A1:w-00001:leg%3A1:05-12F');
    expect(parseSeatPayload(seatPayload(reference))).toEqual(reference);
    const unseated = { ...reference, seat: '' };
    expect(parseSeatPayload(seatPayload(unseated))).toEqual(unseated);
  });

  it('refuses other codes', () => {
    expect(parseSeatPayload(qrPayload('b', 'a'.repeat(64)))).toBeNull();
    expect(parseSeatPayload('P2P-SEAT:1::w:l:1')).toBeNull();
    expect(parseSeatPayload('P2P-SEAT:1:b:w:l')).toBeNull();
  });
});
