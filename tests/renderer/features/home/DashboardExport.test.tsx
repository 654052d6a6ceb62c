// @vitest-environment jsdom
/**
 * The dashboard's print and export buttons (issue 19, item 4): waiting while the figures are
 * counted; the PDF made from the figures on screen, with the office's county in the title and the
 * operator, each step shown, and saved under 工作情况-<from>至<to>.pdf; a cancel saves nothing.
 * The worker is the e2e test's (jsdom has none): here the file is made by a stand-in.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dashboard, type DashboardFilter } from '@shared/dashboard';
import type { DashboardPrintInput } from '@shared/dashboard/print';
import { updateSettings } from '@renderer/db';
import { DashboardExport } from '@renderer/features/home/DashboardExport';
import type { DashboardPrintStage } from '@renderer/features/home/dashboard-print.worker';
import { platform } from '@renderer/platform';
import { freshDatabaseWithOperator } from '@tests/renderer/db/test-database';
import { render } from '@tests/renderer/render';

const FILTER: DashboardFilter = { from: '2026-01-01', to: '2026-12-31' };
/** An office with nothing recorded yet: the buttons pass on whatever figures are shown. */
const BOARD = dashboard(
  {
    workers: [],
    enterprises: [],
    routes: [],
    batches: [],
    assignments: [],
    healthChecks: [],
    followUps: [],
    contacts: [],
    employmentPeriods: [],
    schemes: [],
    claims: [],
    settings: { loadFactor: 0.5, checkValidityHours: 72 },
  },
  FILTER,
  '2026-12-07T02:00:00.000Z',
);

beforeEach(async () => {
  vi.restoreAllMocks();
  await freshDatabaseWithOperator('黄丽华');
  await updateSettings({ organizationName: '田东县人力资源和社会保障局' });
});

function abortable(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => {
      const error = new Error('cancelled');
      error.name = 'AbortError';
      reject(error);
    });
  });
}

describe('printing the dashboard from the home page', () => {
  it('waits for the figures before it offers to print', () => {
    render(<DashboardExport dashboard={undefined} filter={undefined} />);
    expect(screen.getByRole('button', { name: '打印 PDF' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '导出 Excel' })).toHaveProperty('disabled', true);
  });

  it('makes the PDF of the figures on screen, shows its steps, and saves it as 工作情况-<from>至<to>.pdf', async () => {
    const saveFile = vi.spyOn(platform, 'saveFile').mockResolvedValue({ saved: true });
    let finish: (bytes: Uint8Array) => void = () => undefined;
    const given: DashboardPrintInput[] = [];
    const make = vi.fn(
      (_format: string, input: DashboardPrintInput, onStage: (stage: DashboardPrintStage) => void) =>
        new Promise<Uint8Array>((resolve) => {
          given.push(input);
          onStage('building');
          finish = resolve;
        }),
    );
    render(<DashboardExport dashboard={BOARD} filter={FILTER} make={make} />);
    await waitFor(() => expect(screen.getByRole('button', { name: '打印 PDF' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: '打印 PDF' }));
    await screen.findByText('第 2 步，共 2 步：生成文件');
    expect(make).toHaveBeenCalledWith('pdf', expect.anything(), expect.any(Function), expect.any(AbortSignal));
    expect(given[0]?.dashboard).toBe(BOARD);
    expect(given[0]?.filter).toEqual(FILTER);
    expect(given[0]?.place).toBe('田东县');
    expect(given[0]?.print).toMatchObject({ language: 'zh-CN', operator: '黄丽华', fullNumbers: false });
    finish(new Uint8Array([37, 80, 68, 70]));
    await screen.findByText('已保存：工作情况-2026-01-01至2026-12-31.pdf');
    expect(saveFile).toHaveBeenCalledWith(
      expect.objectContaining({
        suggestedName: '工作情况-2026-01-01至2026-12-31.pdf',
        data: new Uint8Array([37, 80, 68, 70]),
      }),
    );
    expect(screen.getByRole('button', { name: '导出 Excel' })).toHaveProperty('disabled', false);
  });

  it('saves nothing when cancelled', async () => {
    const saveFile = vi.spyOn(platform, 'saveFile').mockResolvedValue({ saved: true });
    const make = vi.fn((_format: string, _input: unknown, _onStage: unknown, signal: AbortSignal) => abortable(signal));
    render(<DashboardExport dashboard={BOARD} filter={FILTER} make={make} />, { language: 'en' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export Excel' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Export Excel' }));
    await screen.findByText('Step 1 of 1: Making the file');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Cancelled: no file was saved');
    expect(saveFile).not.toHaveBeenCalled();
    expect(make.mock.calls[0]?.[0]).toBe('xlsx');
  });
});
