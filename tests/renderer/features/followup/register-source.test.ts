/**
 * What the follow-up register is built from (issue 17, item 7): the whole register, read with all its
 * tables at once, and a filtered one, read by key, hold the same contacts for the same follow-ups.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { logContact, type PlannerDatabase } from '@renderer/db';
import { loadRegisterSource } from '@renderer/features/followup/register/register-source';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import type { ContactInput } from '@shared/followup';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { seedHandedOver } from '@tests/renderer/db/followup-desk-seed';

let db: PlannerDatabase;
beforeEach(async () => {
  db = await freshDatabaseWithOperator('韦小燕');
});

const today = todayCalendarDate();

function contact(date: string): ContactInput {
  return {
    date,
    method: 'phone',
    by: '韦小燕',
    outcome: 'in-post',
    enterpriseId: null,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: null,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
  };
}

describe('the register’s source', () => {
  it('holds every live contact with its worker for the whole register, and the same ones for a filter', async () => {
    const shenzhen = await seedHandedOver(db, [addCalendarDays(today, -20), addCalendarDays(today, -15)]);
    const dongguan = await seedHandedOver(db, [addCalendarDays(today, -12)], {
      enterprise: { name: '东莞市长安五金厂', city: '东莞市' },
    });
    for (const followUp of [...shenzhen.followUps, ...dongguan.followUps]) {
      await logContact(followUp.id, contact(addCalendarDays(today, -2)));
    }

    const whole = await loadRegisterSource(db, {});
    expect(whole.source.contacts).toHaveLength(3);
    expect(whole.summary.rows).toBe(3);
    expect(whole.source.workers.size).toBe(3);
    expect(whole.source.followUps).toHaveLength(3);
    expect(whole.source.periods.length).toBeGreaterThanOrEqual(3);

    const one = await loadRegisterSource(db, { enterpriseId: dongguan.enterprise.id });
    expect(one.source.contacts.map((row) => row.followUpId)).toEqual(dongguan.followUps.map((row) => row.id));
    expect(one.summary.rows).toBe(1);
    const fromWhole = whole.source.contacts.filter((row) => row.followUpId === dongguan.followUps[0]?.id);
    expect(one.source.contacts).toEqual(fromWhole);
  });
});
