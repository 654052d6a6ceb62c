// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
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
  footer: [],
  fileHash: 'a'.repeat(64),
};

const COUNTS: VerdictCounts = { valid: 2, warning: 0, error: 1 };

/** A roster worker that answers as the real one does for a small file, but for what a test changes. */
function workerThat(changes: Partial<RosterWorkerApi>): RosterImportClient {
  const api: RosterWorkerApi = {
    read: () => Promise.resolve(SUMMARY),
    readSheet: () => Promise.reject(new Error('a CSV file has no sheets')),
    check: () => Promise.resolve({ counts: COUNTS, registered: 0, changed: 0 }),
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
  // A busy machine can take seconds to render the columns: waited for, not timed.
  return {
    t,
    checkButton: await screen.findByRole('button', { name: t('rosterImport.check') }, { timeout: 10_000 }),
  };
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
      .mockResolvedValue({ counts: COUNTS, registered: 0, changed: 0 });
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

/** A workbook with its instructions first and its roster on the second sheet, as the worker reads it. */
const WORKBOOK: RosterSummary = {
  ...SUMMARY,
  format: 'xlsx',
  encoding: undefined,
  headerLine: 2,
  sheet: '花名册',
  sheets: ['填表说明', '花名册'],
  footer: [{ line: 6, cells: ['填表人：韦某某', '审核人：黄某'] }],
};

describe.each(LANGUAGES)('the sheets of a workbook (%s)', { timeout: 60_000 }, (language) => {
  it('shows the sheet read, reads another when chosen, and keeps the first when the other can not be read', async () => {
    const readSheet = vi
      .fn<RosterWorkerApi['readSheet']>()
      .mockResolvedValueOnce({
        ...WORKBOOK,
        sheet: '填表说明',
        headerLine: 1,
        headers: ['填表说明'],
        mapping: {},
        rowCount: 2,
        footer: [],
      })
      .mockRejectedValueOnce(new Error('no-header'));
    const client = workerThat({ read: () => Promise.resolve(WORKBOOK), readSheet });
    client.openFile = () => Promise.resolve({ fileName: '花名册.xlsx', data: new Uint8Array([0x50]) });
    const { t } = await openColumns(client, language);

    const picker = screen.getByRole<HTMLInputElement>('combobox', { name: t('rosterImport.sheet') });
    expect(picker.value).toBe('花名册');
    expect(screen.getByText(t('rosterImport.sheetHint', { count: 2 }))).toBeTruthy();
    // The footer row is shown as left out, with its line and text.
    expect(screen.getByTestId('import-footer').textContent).toContain(
      t('rosterImport.footerLine', { line: 6, text: '填表人：韦某某 / 审核人：黄某' }),
    );

    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole('option', { name: '填表说明', hidden: true }, { timeout: 10_000 }));

    await waitFor(
      () =>
        expect(screen.getByRole<HTMLInputElement>('combobox', { name: t('rosterImport.sheet') }).value).toBe(
          '填表说明',
        ),
      { timeout: 10_000 },
    );
    expect(readSheet).toHaveBeenCalledWith('填表说明', expect.anything(), expect.anything());
    // The instructions name no column: the check can not be asked for until the roster sheet is chosen.
    expect(enabled(screen.getByRole('button', { name: t('rosterImport.check') }))).toBe(false);
    expect(screen.queryByTestId('import-footer')).toBeNull();

    vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('combobox', { name: t('rosterImport.sheet') }));
    fireEvent.click(await screen.findByRole('option', { name: '花名册', hidden: true }, { timeout: 10_000 }));

    expect((await screen.findByTestId('import-problem', {}, { timeout: 10_000 })).textContent).toBe(
      t('rosterImport.readFailed', { reason: t('rosterImport.readErrors.no-header') }),
    );
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: t('rosterImport.sheet') }).value).toBe('填表说明');
    expect(screen.getByRole('button', { name: t('rosterImport.check') })).toBeTruthy();
  });
});
