// @vitest-environment jsdom
/**
 * The batch's status control after departure (issue 17, item 1): arrived and handed over follow
 * from the facts, so no button offers them and the control says how they come; closing a
 * handed-over batch stays a button a person presses.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { evaluateGate } from '@shared/gate';
import type { BatchStatus } from '@shared/domain/records';
import { StatusControl } from '@renderer/features/batches/gate/StatusControl';
import { render } from '@tests/renderer/render';
import { makeBatch, makeGateInput } from '@tests/fixtures/batches';

function showIn(status: BatchStatus, language: 'zh-CN' | 'en' = 'zh-CN') {
  const batch = makeBatch({ status });
  render(<StatusControl batch={batch} report={evaluateGate(makeGateInput({ batch }))} language={language} />, {
    language,
  });
}

describe('the next status of a departed batch', () => {
  it('is no button while it waits for the arrivals, and says the batch arrives by itself', () => {
    showIn('departed');
    expect(screen.queryByTestId('next-status')).toBeNull();
    expect(screen.getByTestId('next-by-facts').textContent).toBe('每段行程都登记到达时间后，批次自动变为“已到达”');
  });

  it('is no button while it waits for the handovers', () => {
    showIn('arrived', 'en');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByTestId('next-by-facts').textContent).toBe(
      'The batch becomes “Handed over” by itself once every receiving enterprise has signed',
    );
  });

  it('is the button to close once handed over', () => {
    showIn('handed-over');
    expect(screen.getByRole('button', { name: '标记为已结束' })).toBeTruthy();
    expect(screen.queryByTestId('next-by-facts')).toBeNull();
  });

  it('is still the button to the next step before departure', () => {
    showIn('ready');
    expect(screen.getByRole('button', { name: '标记为已出发' })).toBeTruthy();
  });
});
