// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Language } from '@shared/domain/records';
import type { RosterSummary, VerdictCounts } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { logger } from '@renderer/logger';
import { ImportPage } from '@renderer/features/workers/import/ImportPage';
import type { RosterImportClient, RosterWorkerApi } from '@renderer/features/workers/import/use-roster-import';
import { render } from '@tests/renderer/render';

const SUMMARY: RosterSummary = {
  format: 'csv',
  encoding: 'utf-8',
  headerLine: 1,
  headers: ['姓名', '身份证号', '手机号'],
  rowCount: 3,
  mapping: { name: 0, residentId: 1, phone: 2 },
  samples: [],
};

const COUNTS: VerdictCounts = { valid: 2, warning: 0, error: 1 };

/** A roster worker that answers as the real one does for a small file, but for what a test changes. */
function workerThat(changes: Partial<RosterWorkerApi>): RosterImportClient {
  const api: RosterWorkerApi = {
    read: () => Promise.resolve(SUMMARY),
    check: () => Promise.resolve({ counts: COUNTS, registered: 0 }),
    verdicts: () => Promise.resolve({ total: 0, rows: [] }),
    store: () =>
      Promise.resolve({
        report: { created: [2, 3], updated: [], unchanged: [], notReached: [], cancelled: false },
      }),
    cancel: () => Promise.resolve(),
    errorRows: () => Promise.resolve([]),
    rejectedFile: () => Promise.resolve({ bytes: new Uint8Array(), extension: 'csv', mimeType: 'text/csv' }),
    ...changes,
  };
  return {
    startSession: () => ({ api, end: () => undefined }),
    openFile: () => Promise.resolve({ fileName: '田东县花名册.csv', data: new Uint8Array([0x41]) }),
  };
}

/** Opens the page with `client`, chooses the file and waits for its columns. */
async function openColumns(client: RosterImportClient, language: Language) {
  const { t } = createI18n(language);
  render(<ImportPage client={client} />, { language });
  fireEvent.click(screen.getByRole('button', { name: t('rosterImport.chooseFile') }));
  return { t, checkButton: await screen.findByRole('button', { name: t('rosterImport.check') }) };
}

const enabled = (element: HTMLElement): boolean => element instanceof HTMLButtonElement && !element.disabled;

const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

afterEach(() => vi.restoreAllMocks());

// Rendering the page in jsdom takes seconds on a busy machine; the tests wait for outcomes, never time them.
describe.each(LANGUAGES)('the roster import when its worker fails (%s)', { timeout: 30_000 }, (language) => {
  it('a failed check goes back to the columns, says what failed, and can be asked again', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const check = vi
      .fn<RosterWorkerApi['check']>()
      .mockRejectedValueOnce(new Error('worker lost'))
      .mockResolvedValue({ counts: COUNTS, registered: 0 });
    const { t, checkButton } = await openColumns(workerThat({ check }), language);

    fireEvent.click(checkButton);

    expect((await screen.findByTestId('import-problem')).textContent).toBe(
      t('app.unexpectedError', { message: 'worker lost' }),
    );
    expect(screen.queryByText(t('rosterImport.checking'))).toBeNull();
    expect(logged).toHaveBeenCalledWith('checking the roster failed', expect.any(Error));

    fireEvent.click(screen.getByRole('button', { name: t('rosterImport.check') }));

    expect(await screen.findByTestId('import-counts')).toBeTruthy();
    expect(screen.queryByTestId('import-problem')).toBeNull();
  });

  it('a failed import goes back from the progress bar to the checked rows, says what failed, and can be started again', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const store = vi.fn<RosterWorkerApi['store']>().mockRejectedValue(new Error('worker lost'));
    const { t, checkButton } = await openColumns(workerThat({ store }), language);
    fireEvent.click(checkButton);
    const start = await screen.findByRole('button', { name: t('rosterImport.start', { count: 2 }) });

    fireEvent.click(start);

    expect((await screen.findByTestId('import-problem')).textContent).toBe(
      t('rosterImport.failed', { message: 'worker lost' }),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByTestId('import-report')).toBeNull();
    expect(enabled(screen.getByRole('button', { name: t('rosterImport.start', { count: 2 }) }))).toBe(true);
    expect(enabled(screen.getByRole('button', { name: t('rosterImport.back') }))).toBe(true);
    expect(store).toHaveBeenCalledTimes(1);
  });

  it('a failed save of the rows not imported says what failed and keeps the report', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const errorRows = vi.fn<RosterWorkerApi['errorRows']>().mockRejectedValue(new Error('worker lost'));
    const { t, checkButton } = await openColumns(workerThat({ errorRows }), language);
    fireEvent.click(checkButton);
    fireEvent.click(await screen.findByRole('button', { name: t('rosterImport.start', { count: 2 }) }));
    const save = await screen.findByRole('button', { name: t('rosterImport.saveRejected') });

    fireEvent.click(save);

    expect((await screen.findByTestId('import-problem')).textContent).toBe(
      t('app.unexpectedError', { message: 'worker lost' }),
    );
    expect(screen.getByTestId('import-report')).toBeTruthy();
    expect(enabled(screen.getByRole('button', { name: t('rosterImport.saveRejected') }))).toBe(true);
  });
});
