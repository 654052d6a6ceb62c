import { describe, expect, it } from 'vitest';
import type { Language, Vehicle } from '@shared/domain/records';
import {
  SEATING_NOTE_CODES,
  SEAT_CHANGE_PROBLEM_CODES,
  UNSEATED_REASONS,
  defaultReservedSeats,
  type SeatChangeProblem,
  type SeatingNote,
} from '@shared/seating';
import { createI18n } from '@renderer/i18n';
import { en } from '@renderer/i18n/en';
import { zhCN } from '@renderer/i18n/zh-CN';
import {
  seatChangeProblemText,
  seatingNoteText,
  type SeatingLookups,
} from '@renderer/features/batches/seating/seating-text';

const LANGUAGES = [
  ['zh-CN', zhCN.seating],
  ['en', en.seating],
] as const;

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');

const carriage: Vehicle = {
  id: 'car-5',
  kind: 'train-second-class',
  label: '5',
  seatCount: 90,
  reserved: defaultReservedSeats('train-second-class', 90),
  escortId: null,
};

function lookups(language: Language): SeatingLookups {
  const names: Record<string, string> = { w1: '黄文光', w2: '覃丽' };
  return {
    language,
    vehicles: [carriage],
    nameOf: (workerId) => names[workerId] ?? '',
    enterpriseNameOf: (id) => (id === 'e1' ? '广州百色电子有限公司' : ''),
    householdNames: (household) => (household === '451022000001' ? ['黄文光', '黄丽'] : []),
  };
}

/** A note of each code with the params allocate.ts documents. */
const NOTES: Record<(typeof SEATING_NOTE_CODES)[number], SeatingNote['params']> = {
  'no-capacity': { passengers: 300, capacity: 270 },
  'household-split-vehicles': { household: '451022000001', vehicles: 2 },
  'household-split-rows': { household: '451022000001', vehicle: '5', rows: 2 },
  'household-partly-unseated': { household: '451022000001', unseated: 1 },
  'enterprise-split': { enterpriseId: 'e1', passengers: 80, vehicles: 3, minimum: 2 },
  'spacing-not-possible': { kind: 'train-second-class', loadFactor: 0.75, density: 0.6 },
  'kept-seat-dropped': { workerId: 'w1', reason: 'seat-not-open' },
  'vehicle-skipped': { vehicleId: 'car-5', vehicle: '5', reason: 'seat-count-range' },
  'passenger-duplicate': { workerId: 'w1' },
};

/** A problem of each code with the params seat-change.ts documents. */
const PROBLEMS: Record<(typeof SEAT_CHANGE_PROBLEM_CODES)[number], SeatChangeProblem['params']> = {
  'passenger-unknown': { workerId: 'w9' },
  'passenger-not-seated': { workerId: 'w1' },
  'same-passenger': { workerId: 'w1' },
  'vehicle-unknown': { vehicleId: 'car-9' },
  'seat-unknown': { vehicle: '5', seat: '40F' },
  'seat-unchanged': { vehicle: '5', seat: '12F' },
  'seat-reserved': { vehicle: '5', seat: '1D', role: 'escort' },
  'seat-taken': { vehicle: '5', seat: '12F', workerId: 'w2' },
  'vehicle-full': { vehicle: '5', capacity: 52 },
  'seat-not-open': { vehicle: '5', seat: '12B', workerId: 'w1' },
  'strangers-side-by-side': { vehicle: '5', seat: '12C', workerId: 'w1', otherSeat: '12B', otherWorkerId: 'w2' },
  'next-to-reserved': { vehicle: '5', seat: '1F', workerId: 'w1', otherSeat: '1D', role: 'escort' },
};

describe('the seating messages', () => {
  it('have a Chinese and an English text for every note, unseated reason and seat-change problem', () => {
    for (const [language, seating] of LANGUAGES) {
      for (const code of SEATING_NOTE_CODES) expect(seating.notes[code], `${language} ${code}`).toMatch(/\S/);
      for (const reason of UNSEATED_REASONS) expect(seating.unseated[reason], `${language} ${reason}`).toMatch(/\S/);
      for (const code of SEAT_CHANGE_PROBLEM_CODES) {
        expect(seating.problems[code], `${language} ${code}`).toMatch(/\S/);
        expect(seating.reasons[code], `${language} reason ${code}`).toMatch(/\S/);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const part of ['notes', 'unseated', 'problems', 'seatName'] as const) {
      for (const [key, text] of Object.entries(zhCN.seating[part])) {
        const english = (en.seating[part] as Record<string, string>)[key] ?? '';
        expect(placeholders(english).sort(), `${part}.${key}`).toEqual(placeholders(text).sort());
      }
    }
  });

  it('fill every placeholder with names and ticket seats, never ids', () => {
    for (const [language] of LANGUAGES) {
      const { t } = createI18n(language);
      const texts = [
        ...SEATING_NOTE_CODES.map((code) => seatingNoteText(t, { code, params: NOTES[code] }, lookups(language))),
        ...SEAT_CHANGE_PROBLEM_CODES.map((code) =>
          seatChangeProblemText(t, { code, params: PROBLEMS[code] }, lookups(language)),
        ),
      ];
      for (const text of texts) {
        expect(text, text).not.toMatch(/\{\{|seating\.|\bw[12]\b|\be1\b|451022000001/);
      }
    }
  });

  it('write a refused move as on a ticket, with the passengers’ names', () => {
    const problem: SeatChangeProblem = { code: 'strangers-side-by-side', params: PROBLEMS['strangers-side-by-side'] };
    expect(seatChangeProblemText(createI18n('zh-CN').t, problem, lookups('zh-CN'))).toBe(
      '黄文光（05车12C）和覃丽（05车12B）不是一家人，不能挨着坐。',
    );
    expect(seatChangeProblemText(createI18n('en').t, problem, lookups('en'))).toBe(
      '黄文光 (Car 05 Seat 12C) and 覃丽 (Car 05 Seat 12B) are not of one household and cannot sit side by side.',
    );
  });

  it('explain a leg short of seats with how many got none', () => {
    const note: SeatingNote = { code: 'no-capacity', params: NOTES['no-capacity'] };
    expect(seatingNoteText(createI18n('zh-CN').t, note, lookups('zh-CN'))).toBe(
      '本段 300 人，满载率下只有 270 个座位：30 人没有座位。',
    );
    expect(seatingNoteText(createI18n('en').t, note, lookups('en'))).toBe(
      'This leg has 300 passengers but only 270 seats at the load factor: 30 got no seat.',
    );
  });
});
