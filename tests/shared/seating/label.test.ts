import { describe, expect, it } from 'vitest';

import { carriageLabel, seatLabel } from '@shared/seating/label';
import { makeVehicle } from '../../fixtures/vehicles';

describe('seatLabel writes a seat as on a ticket', () => {
  it('second and first class: carriage and seat', () => {
    const carriage = makeVehicle({ kind: 'train-second-class', label: '05' });
    expect(seatLabel(carriage, '12F', 'zh-CN')).toBe('05车12F');
    expect(seatLabel(carriage, '12F', 'en')).toBe('Car 05 Seat 12F');
    const first = makeVehicle({ kind: 'train-first-class', label: '03' });
    expect(seatLabel(first, '2A', 'zh-CN')).toBe('03车2A');
  });

  it('hard seat: carriage and seat number', () => {
    const carriage = makeVehicle({ kind: 'train-hard-seat', label: '05' });
    expect(seatLabel(carriage, '57', 'zh-CN')).toBe('05车57号');
    expect(seatLabel(carriage, '57', 'en')).toBe('Car 05 Seat 57');
  });

  it('coach: the seat alone', () => {
    const coach = makeVehicle({ kind: 'coach', label: '粤A·12345' });
    expect(seatLabel(coach, '3', 'zh-CN')).toBe('3号座');
    expect(seatLabel(coach, '3', 'en')).toBe('Seat 3');
  });

  it('writes a one-digit carriage number with two digits, as the ticket does', () => {
    expect(seatLabel(makeVehicle({ label: '5' }), '1A', 'zh-CN')).toBe('05车1A');
    expect(carriageLabel(' １２ ')).toBe('12');
    expect(carriageLabel('粤A·12345')).toBe('粤A·12345');
  });
});
