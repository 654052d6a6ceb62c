import { describe, expect, it } from 'vitest';
import {
  anonymisedName,
  anonymiseWorker,
  isAnonymised,
  redactPersonalData,
  shownResidentId,
  type AnonymisedPerson,
} from '@shared/privacy/anonymise';
import { makeWorker } from '../../fixtures/factories';

describe('an anonymised name', () => {
  it.each([
    ['张三', '张*'],
    ['覃小燕', '覃*'],
    ['欧阳娜娜', '欧阳*'],
    ['司马光', '司马*'],
    ['诸葛亮', '诸葛*'],
    ['\u{20087}明', '\u{20087}*'],
    ['阿依古丽·买买提', '阿*'],
    ['阿依古丽•买买提', '阿*'],
    ['  李四 ', '李*'],
    ['李Anna', '李*'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(anonymisedName(name)).toBe(expected);
  });

  it('does not change when applied twice', () => {
    for (const name of ['张三', '欧阳娜娜', '阿依古丽·买买提']) {
      expect(anonymisedName(anonymisedName(name))).toBe(anonymisedName(name));
    }
  });

  it('reads a two-character name that looks like a compound surname as surname and given name', () => {
    // 司马 alone: one surname character and a given name, like any two-character name.
    expect(anonymisedName('司马')).toBe('司*');
  });
});

describe('an anonymised worker', () => {
  const worker = makeWorker({
    name: '欧阳娜娜',
    residentId: '45102219900307122X',
    phone: '13812345678',
    birthDate: '1990-03-07',
    emergencyContactName: '欧阳明',
    emergencyContactPhone: '13987654321',
  });
  const at = '2027-03-01T00:00:00.000Z';
  const anonymised = anonymiseWorker(worker, at);

  it('keeps the surname, the masked numbers and the year of birth, and nothing else changes', () => {
    expect(anonymised).toEqual({
      ...worker,
      name: '欧阳*',
      residentId: `anon:${worker.id}:451022********122X`,
      phone: '138****5678',
      birthDate: '1990-01-01',
      emergencyContactName: '欧阳*',
      emergencyContactPhone: '139****4321',
      anonymisedAt: at,
      updatedAt: at,
    });
    expect(isAnonymised(anonymised)).toBe(true);
    expect(isAnonymised(worker)).toBe(false);
  });

  it('shows its masked ID wherever an ID is shown', () => {
    expect(shownResidentId(anonymised.residentId)).toBe('451022********122X');
    expect(shownResidentId(worker.residentId)).toBe('45102219900307122X');
  });

  it('keeps a unique key even when two masked IDs are the same', () => {
    // Same county, same last four: the masks agree, the people do not.
    const a = anonymiseWorker({ ...worker, residentId: '451022199003071220' }, at);
    const b = anonymiseWorker({ ...makeWorker(), residentId: '451022198801011220' }, at);
    expect(shownResidentId(a.residentId)).toBe(shownResidentId(b.residentId));
    expect(a.residentId).not.toBe(b.residentId);
  });

  it('is not changed by a second anonymisation', () => {
    expect(anonymiseWorker(anonymised, '2028-01-01T00:00:00.000Z')).toEqual({
      ...anonymised,
      updatedAt: '2028-01-01T00:00:00.000Z',
    });
  });
});

describe('personal data removed from audit content', () => {
  const person = makeWorker({
    name: '张三',
    residentId: '45102219900307122X',
    phone: '13812345678',
    birthDate: '1990-03-07',
  });
  const stranger = makeWorker({ name: '张三', residentId: '451022199103071234', phone: '13700000000' });
  const people = new Map<string, AnonymisedPerson>([[person.id, person]]);

  it('reduces the person’s own records wherever they are nested, and leaves other people alone', () => {
    const row = {
      source: 'roster.xlsx',
      updated: [
        { id: person.id, before: person, after: { ...person, notes: 'x' } },
        { id: stranger.id, before: stranger, after: stranger },
      ],
      note: `called ${person.phone}`,
      phone: person.phone,
    };
    const redacted = redactPersonalData(row, people) as typeof row;
    expect(redacted.updated[0]?.before).toMatchObject({ name: '张*', phone: '138****5678', birthDate: '1990-01-01' });
    expect(redacted.updated[0]?.after).toMatchObject({ name: '张*', notes: 'x' });
    expect(redacted.updated[1]).toBe(row.updated[1]);
    expect(redacted.phone).toBe('138****5678');
    // A number inside free text is not a field of the person's: free text is kept as written.
    expect(redacted.note).toBe(row.note);
    expect(JSON.stringify(redacted)).not.toContain(person.residentId);
  });

  it('returns the same value when nothing in it was theirs', () => {
    const row = { before: stranger, after: null, ids: [stranger.id] };
    expect(redactPersonalData(row, people)).toBe(row);
  });
});
