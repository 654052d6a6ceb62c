import { describe, expect, it } from 'vitest';
import {
  checkContact,
  checkHandover,
  contactDaysProblem,
  type ContactInput,
  type HandoverInput,
} from '@shared/followup';

const input = (overrides: Partial<ContactInput> = {}): ContactInput => ({
  date: '2026-03-01',
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
  ...overrides,
});
const context = { today: '2026-03-10', handedOverOn: '2026-02-20' };
const codes = (overrides: Partial<ContactInput>) =>
  checkContact(input(overrides), context).map((p) => `${p.field}:${p.code}`);

describe('a contact', () => {
  it('is accepted as an office logs it', () => {
    expect(codes({ monthlyIncome: 5200, needs: ['rights'], nextDate: '2026-03-08' })).toEqual([]);
  });

  it('can not be dated after today or before the handover', () => {
    expect(codes({ date: '2026-03-11' })).toEqual(['date:date-in-future']);
    expect(codes({ date: '2026-02-19' })).toEqual(['date:date-before-handover']);
    expect(codes({ date: '2026-02-30' })).toEqual(['date:date-invalid']);
  });

  it('names the new employer at a change of job, and takes a leaving date only when the worker left', () => {
    expect(codes({ outcome: 'changed-job' })).toEqual(['employerName:new-employer-required']);
    expect(codes({ leftOn: '2026-03-01' })).toEqual(['leftOn:left-date-without-leaving']);
    expect(codes({ outcome: 'left-looking', leftOn: '2026-02-25', startedOn: '2026-02-27' })).toEqual([
      'leftOn:end-before-start',
    ]);
  });

  it('refuses an income that is a typo, a next contact not after it, and a need listed twice', () => {
    expect(codes({ monthlyIncome: 45000000 })).toEqual(['monthlyIncome:income-range']);
    expect(codes({ monthlyIncome: 4500.5 })).toEqual(['monthlyIncome:income-range']);
    expect(codes({ nextDate: '2026-03-01' })).toEqual(['nextDate:next-contact-not-after']);
    expect(codes({ needs: ['training', 'training'] })).toEqual(['needs:invalid']);
  });
});

describe('a handover', () => {
  const handover = (overrides: Partial<HandoverInput> = {}): HandoverInput => ({
    receiverName: '李主管',
    receiverPhone: '0755-12345678',
    handedOverAt: '2026-02-20T02:00:00.000Z',
    place: '',
    exceptions: [],
    note: '',
    ...overrides,
  });
  const rules = {
    departureAt: '2026-02-18T00:00:00.000Z',
    now: '2026-03-01T00:00:00.000Z',
    passengerIds: new Set(['a', 'b']),
  };
  const problems = (overrides: Partial<HandoverInput>) =>
    checkHandover(handover(overrides), rules).map((p) => `${p.field}:${p.code}`);

  it('needs who received the passengers, and a time after departure and not in the future', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ receiverName: ' ', receiverPhone: '' })).toEqual([
      'receiverName:required',
      'receiverPhone:required',
    ]);
    expect(problems({ handedOverAt: '2026-02-17T00:00:00.000Z' })).toEqual(['handedOverAt:time-before-departure']);
    expect(problems({ handedOverAt: '2026-03-02T00:00:00.000Z' })).toEqual(['handedOverAt:time-in-future']);
  });

  it('takes exceptions only for its own passengers, each once, with a note for "other"', () => {
    expect(problems({ exceptions: [{ workerId: 'z', reason: 'refused', note: '' }] })).toEqual([
      'exceptions:exception-not-passenger',
    ]);
    expect(
      problems({
        exceptions: [
          { workerId: 'a', reason: 'refused', note: '' },
          { workerId: 'a', reason: 'refused', note: '' },
        ],
      }),
    ).toEqual(['exceptions:exception-not-passenger']);
    expect(problems({ exceptions: [{ workerId: 'b', reason: 'other', note: '' }] })).toEqual([
      'exceptions:exception-note-required',
    ]);
  });
});

describe('the contact points of the settings', () => {
  it('are whole days after the handover, increasing, at most 20', () => {
    expect(contactDaysProblem([7, 30, 90, 180])).toBeNull();
    expect(contactDaysProblem([])).toBe('contact-days-count');
    expect(contactDaysProblem([0, 30])).toBe('contact-days-range');
    expect(contactDaysProblem([7, 7.5])).toBe('contact-days-range');
    expect(contactDaysProblem([30, 7])).toBe('contact-days-order');
  });
});
