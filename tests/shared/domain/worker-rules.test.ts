import { describe, expect, it } from 'vitest';

import { addCalendarDays, ageOn } from '@shared/dates';
import { residentIdCheckChar } from '@shared/domain/resident-id';
import { WORKER_PROBLEM_CODES, checkWorker, normalizePersonName, sameCounty } from '@shared/domain/worker-rules';
import type { WorkerProblem } from '@shared/domain/worker-rules';
import { MAX_RECORD_TEXT } from '@shared/domain/text-bounds';
import { makeResidentId, makeWorker, makeWorkerInput } from '../../fixtures/factories';

const OPTIONS = { today: '2026-02-10', workingAge: { min: 16, max: 65 } };

function idFor(region: string, birth: string, sequence = '123'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

function subtractYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`.replace('-02-29', '-02-28');
}

function codes(problems: readonly WorkerProblem[]): string[] {
  return problems.map((problem) => `${problem.field}:${problem.code}:${problem.severity}`);
}

describe('checkWorker accepts a valid worker', () => {
  it('stores gender, birth date and region code from the ID, and no problems', () => {
    const worker = makeWorker({ gender: 'female', birthDate: '1992-03-04', countyCode: '451022' });
    const { worker: fields, problems } = checkWorker(makeWorkerInput({}, worker), OPTIONS);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      residentId: worker.residentId,
      gender: 'female',
      birthDate: '1992-03-04',
      countyCode: '451022',
      county: '田东县',
      status: 'registered',
    });
  });

  it('trims every text and normalizes phones and the ID', () => {
    const worker = makeWorker();
    const { worker: fields } = checkWorker(
      makeWorkerInput(
        {
          name: ' 黄 文光 ',
          residentId: ` ${worker.residentId.slice(0, 6)} ${worker.residentId.slice(6)} `,
          phone: '+86 138-0013-8000',
          emergencyContactPhone: '(+86) 139 0013 8000',
          township: ' 平马镇 ',
          skills: [' 电工 ', '', '焊工', '电工'],
          notes: '  ',
        },
        worker,
      ),
      OPTIONS,
    );
    expect(fields).toMatchObject({
      name: '黄文光',
      residentId: worker.residentId,
      phone: '13800138000',
      emergencyContactPhone: '13900138000',
      township: '平马镇',
      skills: ['电工', '焊工'],
      notes: '',
    });
  });

  it('takes the county name from the ID when none is typed', () => {
    const input = makeWorkerInput({ residentId: idFor('451031', '19900101'), county: '' });
    expect(checkWorker(input, OPTIONS).worker?.county).toBe('隆林各族自治县');
  });

  it('stores the table’s name for a county typed with or without its suffix, without a warning', () => {
    for (const county of ['田东', '田东县', ' 田东县 ', '百色市田东县']) {
      const input = makeWorkerInput({ residentId: idFor('451022', '19900101'), county });
      const result = checkWorker(input, OPTIONS);
      expect(result.problems, county).toEqual([]);
      expect(result.worker?.county).toBe('田东县');
    }
  });

  it('upgrades a 15-digit legacy ID', () => {
    const result = checkWorker(makeWorkerInput({ residentId: '451022700101123', county: '' }), OPTIONS);
    expect(result.worker).toMatchObject({ residentId: idFor('451022', '19700101'), birthDate: '1970-01-01' });
  });
});

describe('checkWorker refuses', () => {
  it('a text longer than a backup restores (a pasted village or note), naming the field', () => {
    const input = makeWorkerInput({ village: '村'.repeat(MAX_RECORD_TEXT + 1) });
    const result = checkWorker(input, OPTIONS);
    expect(result.worker).toBeNull();
    expect(codes(result.problems)).toEqual(['village:label-too-long:error']);
    // Tighter still, every text has its bound from the domain (shared/domain/field-bounds.ts).
    expect(checkWorker(makeWorkerInput({ village: '村'.repeat(MAX_RECORD_TEXT) }), OPTIONS).worker).toBeNull();
  });

  it('a text over its bound from the domain: a 10,000-character village, a long note, a skill, too many skills', () => {
    const problemsOf = (overrides: Parameters<typeof makeWorkerInput>[0]) =>
      checkWorker(makeWorkerInput(overrides), OPTIONS).problems.map(({ field, code, params }) => ({
        field,
        code,
        params,
      }));
    expect(problemsOf({ village: '那'.repeat(10_000) })).toEqual([
      { field: 'village', code: 'label-too-long', params: { max: 50 } },
    ]);
    expect(problemsOf({ village: '𠮷'.repeat(50) })).toEqual([]);
    expect(problemsOf({ village: ` ${'屯'.repeat(50)} ` })).toEqual([]);
    expect(problemsOf({ village: '屯'.repeat(51) })).toEqual([
      { field: 'village', code: 'label-too-long', params: { max: 50 } },
    ]);
    expect(problemsOf({ notes: '注'.repeat(2_000) })).toEqual([]);
    expect(problemsOf({ notes: '注'.repeat(2_001), township: '镇'.repeat(51) })).toEqual([
      { field: 'township', code: 'label-too-long', params: { max: 50 } },
      { field: 'notes', code: 'label-too-long', params: { max: 2_000 } },
    ]);
    expect(problemsOf({ skills: ['电工', '技'.repeat(51)] })).toEqual([
      { field: 'skills', code: 'label-too-long', params: { max: 50 } },
    ]);
    expect(problemsOf({ skills: Array.from({ length: 21 }, (_, index) => `技能${index}`) })).toEqual([
      { field: 'skills', code: 'skills-too-many', params: { max: 20 } },
    ]);
  });

  it('an empty name, ID or phone as required', () => {
    const result = checkWorker(makeWorkerInput({ name: ' ', residentId: '', phone: '' }), OPTIONS);
    expect(result.worker).toBeNull();
    expect(codes(result.problems)).toEqual([
      'name:required:error',
      'residentId:required:error',
      'phone:required:error',
    ]);
  });

  it('a name of more than 40 characters, counting a surrogate pair as one', () => {
    expect(checkWorker(makeWorkerInput({ name: '𠮷'.repeat(40) }), OPTIONS).problems).toEqual([]);
    expect(codes(checkWorker(makeWorkerInput({ name: '张'.repeat(41) }), OPTIONS).problems)).toEqual([
      'name:name-too-long:error',
    ]);
  });

  it.each([
    ['45260119900101123', 'resident-id-length'],
    ['45260119900101A234', 'resident-id-characters'],
    [idFor('452601', '19990229'), 'resident-id-birth-date'],
    ['452601199001011235', 'resident-id-check-digit'],
    ['4.52601E+17', 'resident-id-precision-lost'],
    [idFor('992601', '19900101'), 'resident-id-region'],
  ])('the ID %s with %s', (residentId, code) => {
    const result = checkWorker(makeWorkerInput({ residentId }), OPTIONS);
    expect(result.worker).toBeNull();
    expect(codes(result.problems)).toEqual([`residentId:${code}:error`]);
  });

  it.each([
    ['1380013800', 'phone-length'],
    ['1380013800a', 'phone-characters'],
    ['12800138000', 'phone-prefix'],
  ])('the phone %s with %s', (phone, code) => {
    const result = checkWorker(makeWorkerInput({ phone }), OPTIONS);
    expect(result.worker).toBeNull();
    expect(codes(result.problems)).toEqual([`phone:${code}:error`]);
  });
});

describe('checkWorker warns but stores', () => {
  it('when the typed gender contradicts the ID, and the ID wins', () => {
    const worker = makeWorker({ gender: 'male' });
    const result = checkWorker(makeWorkerInput({ gender: 'female' }, worker), OPTIONS);
    expect(codes(result.problems)).toEqual(['gender:gender-mismatch:warning']);
    expect(result.worker?.gender).toBe('male');
  });

  it('when the age on today is outside the working range', () => {
    const old = makeWorkerInput({ residentId: makeResidentId('451022', '1955-06-01', 'male') });
    const young = makeWorkerInput({ residentId: makeResidentId('451022', '2011-06-01', 'male') });
    expect(checkWorker(old, OPTIONS).problems).toEqual([
      { field: 'residentId', code: 'age-outside-range', severity: 'warning', params: { age: 70, min: 16, max: 65 } },
    ]);
    expect(codes(checkWorker(young, OPTIONS).problems)).toEqual(['residentId:age-outside-range:warning']);
    expect(checkWorker(old, { ...OPTIONS, workingAge: { min: 16, max: 75 } }).problems).toEqual([]);
  });

  it('counts the age the way ageOn does, on birthdays and around 29 February', () => {
    const workingAge = { min: 16, max: 65 };
    for (const today of ['2024-02-28', '2024-02-29', '2024-03-01', '2025-02-28', '2025-03-01', '2026-02-10']) {
      for (const edge of [
        subtractYears(today, 16),
        subtractYears(today, 66),
        '2008-02-29',
        '1958-02-28',
        '1959-02-28',
      ]) {
        for (let shift = -2; shift <= 2; shift += 1) {
          const birth = addCalendarDays(edge, shift);
          const id = idFor('451022', birth.replaceAll('-', ''));
          const age = ageOn(birth, today);
          const flagged = checkWorker(makeWorkerInput({ residentId: id }), { today, workingAge }).problems.some(
            (problem) => problem.code === 'age-outside-range',
          );
          expect(flagged, `${birth} on ${today} (age ${age})`).toBe(age < workingAge.min || age > workingAge.max);
        }
      }
    }
  });

  it('when the region code is not in today’s table (old 田阳县 451021)', () => {
    const result = checkWorker(makeWorkerInput({ residentId: idFor('451021', '19900101'), county: '' }), OPTIONS);
    expect(codes(result.problems)).toEqual(['residentId:region-unknown:warning']);
    expect(result.worker).toMatchObject({ countyCode: '451021', county: '' });
  });

  it('when the typed county is another county than the ID’s, keeping what was typed', () => {
    const result = checkWorker(makeWorkerInput({ residentId: idFor('451022', '19900101'), county: '德保县' }), OPTIONS);
    expect(result.problems).toEqual([
      { field: 'county', code: 'county-mismatch', severity: 'warning', params: { county: '田东县' } },
    ]);
    expect(result.worker?.county).toBe('德保县');
  });

  it('when the emergency phone is not a mobile number, keeping it as typed', () => {
    const result = checkWorker(makeWorkerInput({ emergencyContactPhone: ' 0776-1234567 ' }), OPTIONS);
    expect(codes(result.problems)).toEqual(['emergencyContactPhone:emergency-phone-invalid:warning']);
    expect(result.worker?.emergencyContactPhone).toBe('0776-1234567');
  });

  it('and allows an empty emergency phone', () => {
    expect(checkWorker(makeWorkerInput({ emergencyContactPhone: '' }), OPTIONS).problems).toEqual([]);
  });
});

describe('normalizePersonName', () => {
  it('folds every typed middle dot to U+00B7 and drops the spaces around it', () => {
    for (const dot of ['•', '・', '．', '‧', '･', '.', '·', '∙']) {
      expect(normalizePersonName(`阿依古丽 ${dot} 买买提`), dot).toBe('阿依古丽·买买提');
    }
  });

  it('removes spaces inside a Chinese name, including the ideographic space', () => {
    expect(normalizePersonName('张\u3000三')).toBe('张三');
    expect(normalizePersonName(' 黄 文 光 ')).toBe('黄文光');
  });

  it('keeps rare characters and surrogate pairs intact', () => {
    expect(normalizePersonName(' 刘 䶮 ')).toBe('刘䶮');
    expect(normalizePersonName('𠮷 田 堃')).toBe('𠮷田堃');
    expect(normalizePersonName('吉𠮷·喆燊')).toBe('吉𠮷·喆燊');
  });

  it('leaves a name in Latin letters with single spaces', () => {
    expect(normalizePersonName('  Ayguli   Mamat ')).toBe('Ayguli Mamat');
  });
});

describe('sameCounty', () => {
  it.each([
    ['田东', '田东县'],
    ['田东县', '田东县'],
    ['田阳县', '田阳区'],
    ['平果县', '平果市'],
    ['隆林', '隆林各族自治县'],
    ['隆林县', '隆林各族自治县'],
    ['百色市田东县', '田东县'],
    ['田　东', '田东县'],
  ])('%s is %s', (typed, official) => {
    expect(sameCounty(typed, official)).toBe(true);
  });

  it.each([
    ['德保县', '田东县'],
    ['田', '田东县'],
    ['东县', '田东县'],
  ])('%s is not %s', (typed, official) => {
    expect(sameCounty(typed, official)).toBe(false);
  });
});

describe('WORKER_PROBLEM_CODES', () => {
  it('lists each code once', () => {
    expect(new Set(WORKER_PROBLEM_CODES).size).toBe(WORKER_PROBLEM_CODES.length);
  });

  it('holds every code for every reason of the ID and phone parsers', () => {
    expect(WORKER_PROBLEM_CODES).toEqual(
      expect.arrayContaining([
        'resident-id-length',
        'resident-id-characters',
        'resident-id-birth-date',
        'resident-id-check-digit',
        'resident-id-precision-lost',
        'resident-id-region',
        'phone-length',
        'phone-characters',
        'phone-prefix',
      ]),
    );
  });
});
