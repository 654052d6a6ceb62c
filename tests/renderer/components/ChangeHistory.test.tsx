// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain/records';
import { ChangeHistory } from '@renderer/components/ChangeHistory';
import { render } from '@tests/renderer/render';

const created: AuditEntry = {
  id: 'a1',
  // 22:30 UTC is 06:30 the next morning in Beijing.
  at: '2026-02-16T22:30:00.000Z',
  operator: '王调度',
  table: 'workers',
  recordId: 'w1',
  action: 'create',
  before: null,
  after: { name: '张三' },
};

describe('the change history of a record', () => {
  it('says there are no changes yet rather than showing nothing, in both languages', async () => {
    render(<ChangeHistory entries={[]} />);
    expect((await screen.findByTestId('history-empty')).textContent).toBe('还没有修改记录');
  });

  it('says it in English too', async () => {
    render(<ChangeHistory entries={[]} />, { language: 'en' });
    expect((await screen.findByTestId('history-empty')).textContent).toBe('No changes recorded yet');
  });

  it('shows who changed the record and when, in Beijing time', async () => {
    render(<ChangeHistory entries={[created]} />);
    expect(await screen.findByText(/2026年2月17日 06:30 · 王调度/)).toBeTruthy();
    expect(screen.queryByTestId('history-empty')).toBeNull();
  });
});

describe('the changes a history lists', () => {
  const step: AuditEntry = {
    id: 'a2',
    at: '2026-02-17T01:00:00.000Z',
    operator: '王调度',
    table: 'batches',
    recordId: 'b1',
    action: 'update',
    before: { name: '第一批', status: 'draft', updatedAt: '2026-02-16T22:30:00.000Z' },
    after: { name: '第一批', status: 'planned', updatedAt: '2026-02-17T01:00:00.000Z' },
  };

  it('says a status step with the screen’s words, not the stored ones', async () => {
    render(<ChangeHistory entries={[step]} />);
    expect((await screen.findByTestId('history-changes')).textContent).toBe('状态 草稿 → 已编排');
  });

  it('in English too', async () => {
    render(<ChangeHistory entries={[step]} />, { language: 'en' });
    expect((await screen.findByTestId('history-changes')).textContent).toBe('Status: Draft → Planned');
  });
});
