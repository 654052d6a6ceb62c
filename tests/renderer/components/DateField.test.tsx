// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DateField, parseTypedDate } from '@renderer/components/DateField';
import { render } from '@tests/renderer/render';

describe('a date field', () => {
  it('shows a date the Chinese way, never mm/dd/yyyy', () => {
    render(<DateField label="出发日期" value="2026-12-07" onChange={() => undefined} />);
    expect(screen.getByLabelText('出发日期')).toHaveProperty('value', '2026年12月7日');
  });

  it('shows it unambiguously in English', () => {
    render(<DateField label="Date" value="2026-12-07" onChange={() => undefined} />, { language: 'en' });
    expect(screen.getByLabelText('Date')).toHaveProperty('value', '7 Dec 2026');
  });

  it('gives the form the date typed as yyyy-MM-dd, and an empty string when emptied', () => {
    const onChange = vi.fn();
    render(<DateField label="出发日期" value="" onChange={onChange} />);
    const input = screen.getByLabelText('出发日期');
    fireEvent.change(input, { target: { value: '2026年3月2日' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-03-02');
    fireEvent.change(input, { target: { value: '2026-03-04' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-03-04');
  });

  it('reads the usual ways of typing a date, and refuses a day that does not exist', () => {
    expect(parseTypedDate('2026/3/2')).toBe('2026-03-02');
    expect(parseTypedDate('2026.03.02')).toBe('2026-03-02');
    expect(parseTypedDate('20260302')).toBe('2026-03-02');
    expect(parseTypedDate('2 Mar 2026')).toBe('2026-03-02');
    expect(parseTypedDate('Mar 2, 2026')).toBe('2026-03-02');
    expect(parseTypedDate('2026-02-30')).toBeNull();
    expect(parseTypedDate('03/02/2026')).toBeNull();
  });
});
