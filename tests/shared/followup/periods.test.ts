import { describe, expect, it } from 'vitest';
import { derivePeriods, type PeriodContact, type PeriodOrigin } from '@shared/followup';

const origin: PeriodOrigin = {
  enterpriseId: 'shenzhen-ele',
  employerName: '深圳某某电子有限公司',
  employerCity: '深圳市',
  handedOverOn: '2026-02-20',
};

function contact(overrides: Partial<PeriodContact>): PeriodContact {
  return {
    date: '2026-02-27',
    outcome: 'in-post',
    enterpriseId: null,
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    ...overrides,
  };
}

describe('employment periods from the handover and the contacts', () => {
  it('open at the handover and stay open while the worker is in post or not reached', () => {
    expect(derivePeriods(origin, [contact({}), contact({ date: '2026-03-20', outcome: 'unreachable' })])).toEqual([
      {
        enterpriseId: 'shenzhen-ele',
        employerName: '深圳某某电子有限公司',
        employerCity: '深圳市',
        start: '2026-02-20',
        startSource: 'handover',
        end: null,
        endReason: null,
        endNote: '',
      },
    ]);
  });

  it('start on the on-board date the enterprise gives for its own worker, not on one for another employer', () => {
    const own = derivePeriods(origin, [contact({ enterpriseId: 'shenzhen-ele', startedOn: '2026-02-22' })]);
    expect(own[0]).toMatchObject({ start: '2026-02-22', startSource: 'on-board' });
    const other = derivePeriods(origin, [contact({ employerName: '别的厂', startedOn: '2026-02-22' })]);
    expect(other[0]).toMatchObject({ start: '2026-02-20', startSource: 'handover' });
  });

  it('close on the leaving day at a change of job and open at the new employer, in the order the contacts happened', () => {
    const periods = derivePeriods(origin, [
      contact({
        date: '2026-05-10',
        outcome: 'changed-job',
        employerName: '东莞某某厂',
        employerCity: '东莞市',
        leftOn: '2026-04-30',
        leftReason: '加班太多',
        startedOn: '2026-05-03',
      }),
      contact({ date: '2026-03-01' }),
    ]);
    expect(periods).toMatchObject([
      {
        employerName: '深圳某某电子有限公司',
        start: '2026-02-20',
        end: '2026-04-30',
        endReason: 'changed-job',
        endNote: '加班太多',
      },
      { enterpriseId: null, employerName: '东莞某某厂', start: '2026-05-03', end: null, startSource: 'on-board' },
    ]);
  });

  it('close when the worker left or returned home, and open again when a later contact finds them in post', () => {
    const periods = derivePeriods(origin, [
      contact({ date: '2026-04-01', outcome: 'left-looking', leftOn: '2026-03-28' }),
      contact({ date: '2026-05-01', outcome: 'in-post', employerName: '广州某某制衣厂', employerCity: '广州市' }),
      contact({ date: '2026-08-01', outcome: 'returned-home' }),
    ]);
    expect(periods).toMatchObject([
      { start: '2026-02-20', end: '2026-03-28', endReason: 'left' },
      {
        employerName: '广州某某制衣厂',
        start: '2026-05-01',
        end: '2026-08-01',
        endReason: 'returned-home',
        startSource: 'contact',
      },
    ]);
  });

  it('never end a period before it starts, nor start the next before the last one ended', () => {
    const periods = derivePeriods(origin, [
      contact({
        date: '2026-03-01',
        outcome: 'changed-job',
        employerName: '新厂',
        leftOn: '2026-02-10',
        startedOn: '2026-02-01',
      }),
    ]);
    expect(periods[0]).toMatchObject({ start: '2026-02-20', end: '2026-02-20' });
    expect(periods[1]).toMatchObject({ start: '2026-02-20' });
  });
});
