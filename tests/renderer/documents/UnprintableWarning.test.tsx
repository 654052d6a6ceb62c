// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { UnprintableEntry } from '@shared/documents';
import { UnprintableWarning } from '@renderer/features/documents/UnprintableWarning';
import { render } from '../render';

const ENTRIES: UnprintableEntry[] = [
  { role: 'passenger', name: '王\u{F0000}芳', fields: ['name', 'address'], characters: ['U+F0000'] },
  { role: 'enterprise', name: '某\u{F0001}厂', fields: ['name'], characters: ['U+F0001'] },
];

describe('the warning before characters print as □', () => {
  it('names each person and what of theirs cannot print, and lets the user go on or cancel', () => {
    const onGo = vi.fn();
    const onCancel = vi.fn();
    render(<UnprintableWarning entries={ENTRIES} onGo={onGo} onCancel={onCancel} />);
    const entries = screen.getAllByTestId('unprintable-entry').map((entry) => entry.textContent);
    expect(entries[0]).toContain('乘客“王\u{F0000}芳”的姓名、住址');
    expect(entries[0]).toContain('U+F0000');
    expect(entries[1]).toContain('接收企业“某\u{F0001}厂”的名称');
    fireEvent.click(screen.getByRole('button', { name: '取消，先去改正' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '仍然打印（这些字印成□）' }));
    expect(onGo).toHaveBeenCalledTimes(1);
  });

  it('says it in English too', () => {
    render(<UnprintableWarning entries={ENTRIES.slice(0, 1)} onGo={vi.fn()} onCancel={vi.fn()} />, {
      language: 'en',
    });
    expect(screen.getByTestId('unprintable-entry').textContent).toContain('Passenger “王\u{F0000}芳”: name, address');
    expect(screen.getByRole('button', { name: 'Print anyway (these print as □)' })).toBeTruthy();
  });

  it('shows nothing while nobody is affected', () => {
    render(<UnprintableWarning entries={null} onGo={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryByTestId('unprintable-warning')).toBeNull();
  });
});
