// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Language } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import type { ImportJournalEntry } from '@shared/roster/import-journal';
import { importJournalEntry, type PlannerDatabase, type RosterSummary } from '@renderer/db';
import { createI18n } from '@renderer/i18n';
import { ImportPage } from '@renderer/features/workers/import/ImportPage';
import type { RosterImportClient, RosterWorkerApi } from '@renderer/features/workers/import/use-roster-import';
import { render } from '@tests/renderer/render';
import { freshDatabase } from '@tests/renderer/db/test-database';

const HASH = 'a'.repeat(64);

/** An import of 50,000 rows cut off after its first chunk, as the next start finds it. */
const INTERRUPTED: ImportJournalEntry = {
  id: 'import-1',
  fileName: '田东县花名册.csv',
  fileHash: HASH,
  sheet: null,
  mapping: { residentId: 0, name: 1, phone: 2 },
  rowsTotal: 50_003,
  startedAt: '2026-02-10T01:30:00.000Z',
  operator: '王调度',
  onExisting: 'update',
  rowsToStore: 50_000,
  chunkSize: 25_000,
  chunksTotal: 2,
  chunksCommitted: 1,
  rowsStored: 25_000,
  state: 'interrupted',
  endedAt: null,
  resumedAt: null,
  abandonedBy: null,
  failure: null,
};

const SUMMARY: RosterSummary = {
  format: 'csv',
  encoding: 'utf-8',
  headerLine: 1,
  headers: ['身份证号', '姓名', '手机号'],
  rowCount: 50_003,
  mapping: INTERRUPTED.mapping,
  samples: [],
  footer: [],
  fileHash: HASH,
};

function workerThat(changes: Partial<RosterWorkerApi>): RosterImportClient {
  const api: RosterWorkerApi = {
    read: () => Promise.resolve(SUMMARY),
    readSheet: () => Promise.reject(new Error('a CSV file has no sheets')),
    check: () => Promise.resolve({ counts: { valid: 50_000, warning: 0, error: 3 }, registered: 25_000, changed: 0 }),
    verdicts: () => Promise.resolve({ total: 0, rows: [] }),
    store: () =>
      Promise.resolve({
        report: { created: [3], updated: [], unchanged: [2], notReached: [], cancelled: false },
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

let db: PlannerDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await db.imports.add(INTERRUPTED);
});

const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

describe.each(LANGUAGES)('an interrupted import on the import page (%s)', { timeout: 60_000 }, (language) => {
  const { t } = createI18n(language);

  /** Opens the page and waits for the interrupted import's card. */
  async function openPage(client: RosterImportClient): Promise<HTMLElement> {
    render(<ImportPage client={client} />, { language });
    return screen.findByTestId('import-interrupted', {}, { timeout: 10_000 });
  }

  it('says which file stopped where, in Beijing time, and refuses another file in words', async () => {
    const store = vi.fn<RosterWorkerApi['store']>();
    const card = await openPage(
      workerThat({ read: () => Promise.resolve({ ...SUMMARY, fileHash: 'b'.repeat(64) }), store }),
    );
    expect(card.textContent).toContain(
      t('rosterImport.interrupted.summary', {
        file: '田东县花名册.csv',
        time: formatTimestamp(INTERRUPTED.startedAt, language),
        stored: 25_000,
        total: 50_000,
      }),
    );
    // 01:30 UTC is 09:30 in Beijing.
    expect(card.textContent).toMatch(language === 'en' ? /Feb 10, 2026, 9:30 AM/ : /2026年2月10日 09:30/);
    expect(card.textContent).toContain(t('rosterImport.interrupted.operator', { name: '王调度' }));

    fireEvent.click(screen.getByRole('button', { name: t('rosterImport.interrupted.finish') }));

    expect((await screen.findByTestId('import-problem', {}, { timeout: 10_000 })).textContent).toBe(
      t('rosterImport.interrupted.differentFile', { file: '田东县花名册.csv', original: '田东县花名册.csv' }),
    );
    expect(screen.queryByTestId('import-counts')).toBeNull();
    expect(store).not.toHaveBeenCalled();
    await expect(importJournalEntry(INTERRUPTED.id)).resolves.toMatchObject({ state: 'interrupted' });
  });

  it('finishes with the same file, its sheet, its columns and its choice for registered people', async () => {
    const read = vi.fn<RosterWorkerApi['read']>().mockResolvedValue(SUMMARY);
    const store = vi.fn<RosterWorkerApi['store']>().mockResolvedValue({
      report: { created: [3], updated: [], unchanged: [2], notReached: [], cancelled: false },
    });
    await openPage(workerThat({ read, store }));

    fireEvent.click(screen.getByRole('button', { name: t('rosterImport.interrupted.finish') }));

    expect((await screen.findByTestId('import-resuming', {}, { timeout: 10_000 })).textContent).toBe(
      t('rosterImport.interrupted.resuming', { file: '田东县花名册.csv', stored: 25_000 }),
    );
    expect(read).toHaveBeenCalledWith('田东县花名册.csv', expect.anything(), expect.anything(), expect.anything(), {
      sheet: null,
      mapping: INTERRUPTED.mapping,
    });
    // The choice for registered people is the one made then, not asked again.
    expect(screen.queryByRole('radio', { name: t('rosterImport.existingSkip') })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: t('rosterImport.start', { count: 50_000 }) }));

    const report = await screen.findByTestId('import-report', {}, { timeout: 10_000 });
    expect(report.textContent).toContain(t('rosterImport.interrupted.finished'));
    expect(store).toHaveBeenCalledWith(
      { onExisting: 'update', source: '田东县花名册.csv', resume: INTERRUPTED.id },
      expect.anything(),
    );
  });

  it('is kept, marked abandoned, when the user does not finish it', async () => {
    await openPage(workerThat({}));

    fireEvent.click(screen.getByRole('button', { name: t('rosterImport.interrupted.abandon') }));

    await waitFor(() => expect(screen.queryByTestId('import-interrupted')).toBeNull(), { timeout: 10_000 });
    await expect(importJournalEntry(INTERRUPTED.id)).resolves.toMatchObject({ state: 'abandoned', rowsStored: 25_000 });
    expect(
      await screen.findByText(
        t('rosterImport.interrupted.abandoned', { file: '田东县花名册.csv', count: 25_000 }),
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
  });
});
