/**
 * The steps of a roster import and the calls to its worker: pick a file, read it, map its columns,
 * check its rows, store them, and save the rows not imported. A call that fails takes the page back
 * to the step it was asked from, with what failed in the user's language, so that it can be asked
 * again (or the import started over); it never leaves the page waiting on a progress step.
 */
import { useEffect, useRef, useState } from 'react';
import { proxy, transfer } from 'comlink';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { normalizeHeader, type ColumnMapping, type RosterField } from '@shared/roster';
import { BRIDGE_ERRORS, type OpenFileResult } from '@shared/bridge';
import {
  abandonImport,
  findInterruptedImports,
  importJournalEntry,
  interruptedImports,
  rememberColumns,
  rememberedColumns,
  startRosterSession,
  useRepositoryQuery,
  workerCheckOptions,
  type ExistingChoice,
  type ImportJournalEntry,
  type ImportProgress,
  type ImportReport,
  type RosterSession,
  type RosterSummary,
  type VerdictCounts,
} from '@renderer/db';
import { platform } from '@renderer/platform';
import { whileBusy } from '@renderer/platform/shell';
import { logger } from '@renderer/logger';
import { writeFailureMessage } from '@renderer/components/write-failure';
import { saveRosterFile } from './roster-files';
import { problemText } from './roster-texts';

const MAX_ROSTER_BYTES = 50 * 1024 * 1024;

export type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'map'; fileName: string; summary: RosterSummary; mapping: ColumnMapping }
  | { kind: 'checking'; fileName: string; summary: RosterSummary; mapping: ColumnMapping }
  | { kind: 'preview'; fileName: string; summary: RosterSummary; mapping: ColumnMapping; counts: VerdictCounts }
  | {
      kind: 'importing';
      fileName: string;
      summary: RosterSummary;
      mapping: ColumnMapping;
      counts: VerdictCounts;
      progress: ImportProgress;
    }
  | {
      kind: 'done';
      fileName: string;
      summary: RosterSummary;
      report: ImportReport;
      counts: VerdictCounts;
      failure?: string;
    };

/** A method of the worker as the window calls it: the answer comes later, as comlink gives it. */
type Asked<Method> = Method extends (...args: infer Args) => infer Answer ? (...args: Args) => Answer : never;

/** What the page asks of the roster worker (in the app, a comlink proxy of the worker's API). */
export type RosterWorkerApi = {
  [Name in 'read' | 'readSheet' | 'check' | 'verdicts' | 'store' | 'cancel' | 'errorRows' | 'rejectedFile']: Asked<
    RosterSession['api'][Name]
  >;
};

/** One file's worker: ending it drops the file's rows. */
export interface RosterImportSession {
  api: RosterWorkerApi;
  end: () => void;
}

/** Where the import gets its worker and its file; tests pass their own. */
export interface RosterImportClient {
  /** Starts the worker that reads, checks and stores one file. */
  startSession: () => RosterImportSession;
  /** Asks the user for the roster file; null when they give up. */
  openFile: () => Promise<OpenFileResult>;
}

export const rosterImportClient: RosterImportClient = {
  startSession: startRosterSession,
  openFile: () =>
    // .xls is offered too, so that an old workbook gets the message that says how to convert it.
    platform.openFile({
      filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'xls'] }],
      maxBytes: MAX_ROSTER_BYTES,
    }),
};

const READ_ERRORS = ['unsupported-format', 'legacy-xls', 'empty', 'no-header', 'damaged', 'sheet-not-found'];

export function useRosterImport(client: RosterImportClient = rosterImportClient) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  /** The interrupted import being finished with this file; null for a new import. */
  const [resuming, setResuming] = useState<ImportJournalEntry | null>(null);
  // An import left running with no window storing it (the window was closed mid-import) is
  // found interrupted when the page opens, as at start (ImportNotices.tsx).
  useEffect(() => {
    void findInterruptedImports().catch((error: unknown) => logger.error('finding interrupted imports failed', error));
  }, []);
  const interrupted = useRepositoryQuery(interruptedImports, []) ?? [];
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingChoice>('skip');
  const [registered, setRegistered] = useState<number | null>(null);
  const [changed, setChanged] = useState(0);
  const [session, setSession] = useState<RosterImportSession | null>(null);

  // A session ends when another replaces it and when the page is left: the file's rows go with it.
  useEffect(() => () => session?.end(), [session]);

  // The next file's worker starts while the user picks the file, so that its code is loaded and
  // ready when the file arrives; a worker never used ends with the page.
  const spare = useRef<RosterImportSession | null>(null);
  useEffect(() => {
    if (session === null) spare.current ??= client.startSession();
  }, [session, client]);
  useEffect(
    () => () => {
      spare.current?.end();
      spare.current = null;
    },
    [],
  );

  const restart = () => {
    setResuming(null);
    setSession(null);
    setProblem(null);
    setRegistered(null);
    setChanged(0);
    setStep({ kind: 'pick' });
  };

  const restartKeepingProblem = () => {
    setResuming(null);
    setSession(null);
    setStep({ kind: 'pick' });
  };

  /** Says what failed; `action` names it in the log. */
  const fail = (action: string, error: unknown, message = writeFailureMessage(error, t)) => {
    logger.error(`${action} failed`, error);
    setProblem(message);
  };

  /** Says why a file (or a sheet of it) could not be read. */
  const readFailure = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const known = READ_ERRORS.includes(message) ? message : 'damaged';
    if (known !== message) logger.warn('roster could not be read', error);
    setProblem(t('rosterImport.readFailed', { reason: t(`rosterImport.readErrors.${known}`) }));
  };

  /**
   * Asks for a file and reads it. To finish an interrupted import (`resume`), the file must be the
   * one that import read (the same SHA-256), read with its sheet and columns, and its rows are
   * checked at once: the user sees the counts before anything is stored.
   */
  const choose = async (resume: ImportJournalEntry | null = null) => {
    setProblem(null);
    let file;
    try {
      file = await client.openFile();
    } catch (error) {
      const code =
        error instanceof Error && error.message === BRIDGE_ERRORS.fileTooLarge ? 'file-too-large' : 'damaged';
      setProblem(t('rosterImport.readFailed', { reason: t(`rosterImport.readErrors.${code}`) }));
      return;
    }
    if (!file) return;
    const current = spare.current ?? client.startSession();
    spare.current = null;
    setSession(current);
    setStep({ kind: 'reading', fileName: file.fileName });
    try {
      // Handed over, not copied: the window has no more use for the bytes.
      const bytes = file.data.buffer instanceof ArrayBuffer ? transfer(file.data, [file.data.buffer]) : file.data;
      const [remembered, checkOptions] = await Promise.all([rememberedColumns(), workerCheckOptions()]);
      const summary = await current.api.read(
        file.fileName,
        bytes,
        remembered,
        checkOptions,
        ...(resume ? [{ sheet: resume.sheet, mapping: resume.mapping }] : []),
      );
      if (!resume) {
        setStep({ kind: 'map', fileName: file.fileName, summary, mapping: summary.mapping });
        return;
      }
      if (summary.fileHash !== resume.fileHash) {
        setProblem(t('rosterImport.interrupted.differentFile', { file: file.fileName, original: resume.fileName }));
        restartKeepingProblem();
        return;
      }
      setResuming(resume);
      await checkWith(current.api, file.fileName, summary, resume.mapping);
    } catch (error) {
      readFailure(error);
      restartKeepingProblem();
    }
  };

  /**
   * Reads another sheet of the workbook shown in the columns step. A sheet that can not be read
   * (it is empty, or has no header) leaves the sheet read before, with the reason.
   */
  const chooseSheet = async (sheet: string) => {
    const api = session?.api;
    if (!api || step.kind !== 'map' || sheet === step.summary.sheet) return;
    const before = step;
    setProblem(null);
    setStep({ kind: 'reading', fileName: before.fileName });
    try {
      const [remembered, checkOptions] = await Promise.all([rememberedColumns(), workerCheckOptions()]);
      const summary = await api.readSheet(sheet, remembered, checkOptions);
      setStep((current) =>
        current.kind === 'reading'
          ? { kind: 'map', fileName: before.fileName, summary, mapping: summary.mapping }
          : current,
      );
    } catch (error) {
      readFailure(error);
      setStep((current) => (current.kind === 'reading' ? before : current));
    }
  };

  const check = async (fileName: string, summary: RosterSummary, mapping: ColumnMapping) => {
    const api = session?.api;
    if (api) await checkWith(api, fileName, summary, mapping);
  };

  const checkWith = async (api: RosterWorkerApi, fileName: string, summary: RosterSummary, mapping: ColumnMapping) => {
    setProblem(null);
    setStep({ kind: 'checking', fileName, summary, mapping });
    try {
      const remembered = rememberColumns(
        Object.fromEntries(
          Object.entries(mapping).map(([field, column]) => [normalizeHeader(summary.headers[column] ?? ''), field]),
        ) as Record<string, RosterField>,
      );
      const [{ counts, registered, changed }] = await Promise.all([
        api.check(mapping, await workerCheckOptions()),
        remembered,
      ]);
      setStep({ kind: 'preview', fileName, summary, mapping, counts });
      setRegistered(registered);
      setChanged(changed);
    } catch (error) {
      fail('checking the roster', error);
      // Back to the columns, unless the user has left the check meanwhile.
      setStep((current) => (current.kind === 'checking' ? { ...current, kind: 'map' } : current));
    }
  };

  const runImport = async (fileName: string, summary: RosterSummary, mapping: ColumnMapping, counts: VerdictCounts) => {
    const api = session?.api;
    if (!api) return;
    setProblem(null);
    const total = counts.valid + counts.warning;
    setStep({ kind: 'importing', fileName, summary, mapping, counts, progress: { done: 0, total } });
    try {
      // Closing the window mid-import asks first (issue 21).
      const { report, failure } = await whileBusy('import', () =>
        api.store(
          resuming
            ? { onExisting: resuming.onExisting, source: fileName, resume: resuming.id }
            : { onExisting: existing, source: fileName },
          // Progress comes on the proxy's own message channel, so a last report of it can arrive after
          // the import's answer: it must not take the page back from the report to the progress bar.
          proxy((progress: ImportProgress) =>
            setStep((current) => (current.kind === 'importing' ? { ...current, progress } : current)),
          ),
        ),
      );
      if (failure) logger.error('import interrupted', failure);
      setStep({ kind: 'done', fileName, summary, report, counts, ...(failure ? { failure } : {}) });
    } catch (error) {
      // The worker stores whole chunks or none, and a failed chunk comes back as `failure` above:
      // an import that fails here has stored nothing, and can be started again from the preview.
      const message = error instanceof Error ? error.message : String(error);
      const refused =
        message === 'import-file-mismatch' && resuming
          ? t('rosterImport.interrupted.differentFile', { file: fileName, original: resuming.fileName })
          : message === 'import-not-interrupted'
            ? t('rosterImport.interrupted.notInterrupted')
            : null;
      fail('importing the roster', error, refused ?? t('rosterImport.failed', { message }));
      setStep((current) =>
        current.kind === 'importing' ? { kind: 'preview', fileName, summary, mapping, counts } : current,
      );
    }
  };

  const saveRejected = async (fileName: string, summary: RosterSummary, report: ImportReport) => {
    const api = session?.api;
    if (!api) return;
    setProblem(null);
    try {
      const errors = await api.errorRows();
      const rejected = [
        ...errors.map((row) => ({ line: row.line, reason: problemText(row, t) })),
        ...report.notReached.map((line) => ({ line, reason: t('rosterImport.notReached') })),
      ].sort((a, b) => a.line - b.line);
      const file = await api.rejectedFile(rejected, t('rosterImport.reasonHeader'));
      const base = fileName.replace(/\.[^.]+$/, '');
      const saved = await saveRosterFile(file.bytes, `${base}-${t('rosterImport.reasonHeader')}`, summary.format);
      if (saved) notifications.show({ color: 'teal', message: t('rosterImport.rejectedSaved', { file: saved }) });
    } catch (error) {
      fail('saving the rows not imported', error);
    }
  };

  /** Gives up finishing an interrupted import: the rows stored stay, the journal keeps it as abandoned. */
  const abandon = async (entry: ImportJournalEntry) => {
    setProblem(null);
    try {
      await abandonImport(entry.id);
      const kept = await importJournalEntry(entry.id);
      notifications.show({
        color: 'teal',
        message: t('rosterImport.interrupted.abandoned', { file: entry.fileName, count: kept?.rowsStored ?? 0 }),
      });
    } catch (error) {
      fail('abandoning an interrupted import', error);
    }
  };

  return {
    /** Where the import stands. */
    step,
    /** Imports cut off half-way, the newest first: each can be finished with its file, or abandoned. */
    interrupted,
    /** The interrupted import this file finishes; null for a new import. */
    resuming,
    /** Asks for the file of an interrupted import, to finish it. */
    finish: (entry: ImportJournalEntry) => choose(entry),
    abandon,
    /** What went wrong last, in the user's language; null when nothing did. */
    problem,
    /** What the import does with people registered already. */
    existing,
    setExisting,
    /** Storable rows whose person is registered already; null until the rows are checked. */
    registered,
    /** Storable rows that the checks changed (an ID upgraded, a name's dot), shown in the preview. */
    changed,
    /** The worker of the file being imported. */
    session,
    /** Changes the column choices while they are shown. */
    setMapping: (mapping: ColumnMapping) =>
      setStep((current) => (current.kind === 'map' ? { ...current, mapping } : current)),
    /** From the preview back to the columns. */
    backToColumns: () => setStep((current) => (current.kind === 'preview' ? { ...current, kind: 'map' } : current)),
    choose: () => choose(),
    chooseSheet,
    check,
    runImport,
    saveRejected,
    restart,
    /** Stops the import under way after the chunk being written. */
    cancelImport: () => void session?.api.cancel(),
  };
}
