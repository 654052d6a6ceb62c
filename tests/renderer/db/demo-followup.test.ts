/**
 * The demo's past batches and their follow-up (issue 17, item 8): a new user who loads the demo
 * today sees contacts due today and overdue, every outcome, the staff and liaison stations in the
 * settings, and follow-ups whose kept fields and periods agree with what the repository computes;
 * clearing the demo takes all of it away again, the settings' demo entries too.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDemoData } from '@shared/demo';
import { CONTACT_OUTCOMES, dueState, derivePeriods } from '@shared/followup';
import { todayCalendarDate } from '@shared/dates';
import {
  clearDemoData,
  countRecords,
  getSettings,
  loadDemoData,
  scheduleFields,
  updateSettings,
  type PlannerDatabase,
} from '@renderer/db';
import { freshDatabaseWithOperator } from './test-database';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();
const demo = () => makeDemoData({ seed: 20200218, workers: 2000, today });

describe('the demo’s follow-up', () => {
  it('gives a new user contacts due today and overdue, every outcome, and staff to call', async () => {
    await loadDemoData(demo());
    const followUps = await db.followUps.toArray();
    const states = followUps.map((followUp) => dueState(followUp.nextDue, today));
    expect(states.filter((state) => state === 'due').length).toBeGreaterThan(5);
    expect(states.filter((state) => state === 'overdue').length).toBeGreaterThan(5);
    const contacts = await db.contacts.toArray();
    expect(new Set(contacts.map((contact) => contact.outcome))).toEqual(new Set(CONTACT_OUTCOMES));
    expect(contacts.every((contact) => contact.date <= today)).toBe(true);
    expect(contacts.some((contact) => contact.correctsId)).toBe(true);
    const settings = await getSettings();
    expect(settings.staff.length).toBeGreaterThan(1);
    expect(settings.liaisonStations.map((station) => station.city).sort()).toEqual(['广州市', '深圳市']);
    const staffIds = new Set(settings.staff.map((member) => member.id));
    const assigned = followUps.filter((followUp) => followUp.staffId !== null);
    expect(assigned.length).toBeGreaterThan(followUps.length / 2);
    expect(assigned.every((followUp) => staffIds.has(followUp.staffId ?? ''))).toBe(true);
    const handovers = await db.handovers.toArray();
    expect(handovers.flatMap((handover) => handover.exceptions).length).toBeGreaterThan(0);
    const batches = await db.batches.toArray();
    expect(batches.filter((batch) => batch.status === 'handed-over').length).toBeGreaterThan(1);
  });

  it('keeps each follow-up’s next due date, last contact and periods as the repository computes them', async () => {
    await loadDemoData(demo());
    const { contactDays } = await getSettings();
    const enterprises = new Map((await db.enterprises.toArray()).map((enterprise) => [enterprise.id, enterprise]));
    for (const followUp of await db.followUps.toArray()) {
      const contacts = (await db.contacts.where('followUpId').equals(followUp.id).toArray()).filter(
        (c) => !c.deletedAt,
      );
      expect(followUp, followUp.id).toMatchObject(scheduleFields(followUp.handedOverOn, contacts, contactDays));
      const enterprise = enterprises.get(followUp.enterpriseId);
      const periods = (await db.employmentPeriods.where('followUpId').equals(followUp.id).toArray()).sort((a, b) =>
        a.id.localeCompare(b.id, 'en', { numeric: true }),
      );
      expect(periods, followUp.id).toMatchObject(
        derivePeriods(
          {
            enterpriseId: followUp.enterpriseId,
            employerName: enterprise?.name ?? '',
            employerCity: enterprise?.city ?? '',
            handedOverOn: followUp.handedOverOn,
          },
          contacts,
        ),
      );
    }
  });

  it('gives the follow-ups the office’s own staff member of the same name, and keeps the office’s lists', async () => {
    const data = demo();
    const [first] = data.office.staff;
    if (!first) throw new Error('the demo has no staff');
    await updateSettings({ staff: [{ id: 'mine', name: first.name, phone: '13800000000', active: true }] });
    await loadDemoData(data);
    const settings = await getSettings();
    expect(settings.staff.filter((member) => member.name === first.name)).toEqual([
      { id: 'mine', name: first.name, phone: '13800000000', active: true },
    ]);
    const theirs = (await db.followUps.toArray()).filter((followUp) => followUp.staffId === 'mine');
    expect(theirs.length).toBeGreaterThan(0);

    await clearDemoData();
    expect((await getSettings()).staff).toEqual([{ id: 'mine', name: first.name, phone: '13800000000', active: true }]);
  });

  it('clears every arrival, handover, follow-up, contact and period, and the demo’s staff and stations', async () => {
    await loadDemoData(demo());
    await clearDemoData();
    const counts = await countRecords();
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    for (const table of ['arrivals', 'handovers', 'followUps', 'contacts', 'employmentPeriods'] as const) {
      await expect(db.table(table).count(), table).resolves.toBe(0);
    }
    const settings = await getSettings();
    expect(settings.staff).toEqual([]);
    expect(settings.liaisonStations).toEqual([]);
    expect(settings.operatorName).toBe('韦小燕');
  });
});
