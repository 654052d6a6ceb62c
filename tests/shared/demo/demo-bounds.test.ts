/**
 * The demo data set keeps every bound of the domain (shared/domain/field-bounds.ts, issue 16,
 * item 7): each record passes the rules the app writes and restores it with; the follow-up records
 * of issue 17 pass the rules their repository checks (no contact in the future or before its
 * handover, no period ending before it starts).
 */
import { describe, expect, it } from 'vitest';
import { makeDemoData } from '@shared/demo';
import { checkBackupRecords } from '@shared/backup/records';
import { beijingTimestamp } from '@shared/dates';
import { batchDepartureAt, legDepartureAt } from '@shared/domain/departure';
import { checkArrival, checkContact, checkEmploymentSpan, checkHandover } from '@shared/followup';

describe('the demo data set within the bounds', () => {
  // At 100,000 workers the largest opening asks for 1,750 people (measured once), far below 10,000.
  it('passes every rule', { timeout: 60_000 }, () => {
    const today = '2026-12-07';
    const demo = makeDemoData({ seed: 2020, workers: 20_000, today });
    const tables = {
      workers: demo.workers,
      enterprises: demo.enterprises,
      openings: demo.openings,
      routes: demo.routes,
      batches: demo.batches,
      assignments: demo.assignments,
      arrivals: demo.arrivals,
      handovers: demo.handovers,
      followUps: demo.followUps,
      contacts: demo.contacts,
      employmentPeriods: demo.employmentPeriods,
      agencies: demo.agencies,
      introductions: demo.introductions,
    };
    for (const [table, records] of Object.entries(tables)) {
      expect(records.length, table).toBeGreaterThan(0);
      expect(checkBackupRecords(table, records, 'id', { today }), table).toBeNull();
    }
  });

  it('writes the follow-up records as their repository would accept them', () => {
    const today = '2026-12-07';
    const now = beijingTimestamp(today, 8 * 60);
    const demo = makeDemoData({ seed: 2020, workers: 5_000, today });
    const [route] = demo.routes;
    if (!route) throw new Error('the demo has no route');
    const batches = new Map(demo.batches.map((batch) => [batch.id, batch]));
    const workers = new Map(demo.workers.map((worker) => [worker.id, worker]));
    for (const arrival of demo.arrivals) {
      const batch = batches.get(arrival.batchId);
      const leg = route.legs.find((candidate) => candidate.id === arrival.legId);
      if (!batch || !leg) throw new Error(`arrival ${arrival.id} points at nothing`);
      expect(checkArrival(arrival, { departureAt: legDepartureAt(batch, leg), now }), arrival.id).toEqual([]);
    }
    for (const handover of demo.handovers) {
      const batch = batches.get(handover.batchId);
      if (!batch) throw new Error(`handover ${handover.id} points at nothing`);
      const passengerIds = new Set(
        demo.assignments
          .filter((assignment) => assignment.batchId === batch.id)
          .map((assignment) => assignment.workerId)
          .filter((id) => workers.get(id)?.enterpriseId === handover.enterpriseId),
      );
      expect(
        checkHandover(handover, { departureAt: batchDepartureAt(batch, route), now, passengerIds }),
        handover.id,
      ).toEqual([]);
      expect(handover.workerIds.length + handover.exceptions.length).toBe(passengerIds.size);
    }
    const followUps = new Map(demo.followUps.map((followUp) => [followUp.id, followUp]));
    for (const contact of demo.contacts) {
      const followUp = followUps.get(contact.followUpId);
      if (!followUp) throw new Error(`contact ${contact.id} points at nothing`);
      expect(checkContact(contact, { today, handedOverOn: followUp.handedOverOn }), contact.id).toEqual([]);
      expect(contact.date <= today).toBe(true);
    }
    for (const period of demo.employmentPeriods) {
      expect(checkEmploymentSpan(period), period.id).toBeNull();
      expect(followUps.has(period.followUpId)).toBe(true);
    }
  });
});
