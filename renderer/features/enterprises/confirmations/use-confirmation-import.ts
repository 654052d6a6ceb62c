/**
 * The steps of an enterprise confirmation list's import (issue 17, item 6): choose the file, read it
 * with the roster reader, map its columns, see the report, confirm, and watch the contacts written
 * with a cancel. A step that fails goes back to where it was asked from with what failed in the
 * user's language; nothing is written before the coordinator confirms.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIDGE_ERRORS } from '@shared/bridge';
import { todayCalendarDate } from '@shared/dates';
import type { RosterTable } from '@shared/roster';
import {
  listDateProblem,
  listedRows,
  recognizeConfirmationColumns,
  withConfirmationHeader,
  type ConfirmationMapping,
  type ConfirmationVerdict,
} from '@shared/followup/confirmation';
import {
  confirmationReport,
  rememberedColumns,
  writeConfirmations,
  type ConfirmationProgress,
  type ConfirmationWriteResult,
} from '@renderer/db';
import { platform } from '@renderer/platform';
import { logger } from '@renderer/logger';
import { writeFailureMessage } from '@renderer/components/write-failure';

/** As the roster import: an enterprise's list is far smaller, but a workbook may carry pictures. */
const MAX_LIST_BYTES = 50 * 1024 * 1024;
/** A file read whose header has no row under it. */
const EMPTY_LIST = 'empty-list';
const READ_ERRORS = ['unsupported-format', 'legacy-xls', 'empty', 'no-header', 'damaged', 'sheet-not-found'];

interface FileRead {
  fileName: string;
  table: RosterTable;
  mapping: ConfirmationMapping;
}

export type ConfirmationStep =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string }
  | ({ kind: 'map' } & FileRead)
  | ({ kind: 'checking' } & FileRead)
  | ({ kind: 'report'; verdicts: ConfirmationVerdict[] } & FileRead)
  | { kind: 'writing'; fileName: string; progress: ConfirmationProgress }
  | { kind: 'done'; fileName: string; result: ConfirmationWriteResult };

/** Whether a row is written on confirming: matched, or contradicting and ticked; repeats go too, to be skipped. */
export function isAccepted(verdict: ConfirmationVerdict, forced: ReadonlySet<number>): boolean {
  if (verdict.category === 'matched' || verdict.category === 'already-recorded') return true;
  return verdict.category === 'contradicts' && verdict.forcible && forced.has(verdict.line);
}

export function useConfirmationImport(enterpriseId: string) {
  const { t } = useTranslation();
  const [step, setStep] = useState<ConfirmationStep>({ kind: 'pick' });
  const [problem, setProblem] = useState<string | null>(null);
  const [listDate, setListDate] = useState(todayCalendarDate());
  const [forced, setForced] = useState<ReadonlySet<number>>(new Set());
  const bytes = useRef<Uint8Array | null>(null);
  const stop = useRef(false);

  const readFailure = (error: unknown) => {
    // A RosterReadError's message is its code (shared/roster/read.ts).
    const message = error instanceof Error ? error.message : '';
    if (message === EMPTY_LIST) {
      setProblem(t('confirmations.emptyList'));
      return;
    }
    const code = READ_ERRORS.includes(message) || message === BRIDGE_ERRORS.fileTooLarge ? message : 'damaged';
    if (code !== message) logger.warn('confirmation list could not be read', error);
    setProblem(t('confirmations.readFailed', { reason: t(`rosterImport.readErrors.${code}`) }));
  };

  /** Reads the file (or another sheet of it) and finds its columns. */
  const read = async (fileName: string, data: Uint8Array, sheet?: string) => {
    // The reader (and its XLSX and CSV libraries) loads when a list is first read, not with the page.
    const { readRoster } = await import('@shared/roster/read');
    const table = withConfirmationHeader(await readRoster(fileName, data, sheet === undefined ? {} : { sheet }));
    if (table.rows.every((row) => row.every((cell) => cell.trim() === ''))) throw new Error(EMPTY_LIST);
    const mapping = recognizeConfirmationColumns(table.headers, await rememberedColumns());
    return { fileName, table, mapping };
  };

  const choose = async () => {
    setProblem(null);
    let file;
    try {
      file = await platform.openFile({
        // .xls is offered too, so that an old workbook gets the message that says how to convert it.
        filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'xls'] }],
        maxBytes: MAX_LIST_BYTES,
      });
    } catch (error) {
      readFailure(error);
      return;
    }
    if (!file) return;
    setStep({ kind: 'reading', fileName: file.fileName });
    try {
      bytes.current = file.data;
      const found = await read(file.fileName, file.data);
      setForced(new Set());
      setStep({ kind: 'map', ...found });
    } catch (error) {
      readFailure(error);
      setStep({ kind: 'pick' });
    }
  };

  const chooseSheet = async (sheet: string) => {
    if (step.kind !== 'map' || !bytes.current || sheet === step.table.sheet) return;
    const before = step;
    setProblem(null);
    try {
      setStep({ kind: 'map', ...(await read(before.fileName, bytes.current, sheet)) });
    } catch (error) {
      readFailure(error);
      setStep(before);
    }
  };

  const check = async () => {
    if (step.kind !== 'map') return;
    const dateProblem = listDateProblem(listDate, todayCalendarDate());
    if (dateProblem) {
      setProblem(
        t(dateProblem === 'date-in-future' ? 'confirmations.listDateInFuture' : 'confirmations.listDateInvalid'),
      );
      return;
    }
    const { fileName, table, mapping } = step;
    const rows = listedRows(table, mapping);
    if (rows.length === 0) {
      setProblem(t('confirmations.emptyList'));
      return;
    }
    setProblem(null);
    setStep({ kind: 'checking', fileName, table, mapping });
    try {
      const verdicts = await confirmationReport(enterpriseId, {
        rows,
        listDate,
        hasStatusColumn: mapping.status !== undefined,
      });
      setForced(new Set());
      setStep({ kind: 'report', fileName, table, mapping, verdicts });
    } catch (error) {
      logger.error('checking a confirmation list failed', error);
      setProblem(writeFailureMessage(error, t));
      setStep({ kind: 'map', fileName, table, mapping });
    }
  };

  const write = async () => {
    if (step.kind !== 'report') return;
    const { fileName } = step;
    const accepted = step.verdicts.filter((verdict) => isAccepted(verdict, forced));
    setProblem(null);
    stop.current = false;
    setStep({ kind: 'writing', fileName, progress: { done: 0, total: accepted.length } });
    try {
      const result = await writeConfirmations(accepted, listDate, {
        onProgress: (progress) =>
          setStep((current) => (current.kind === 'writing' ? { ...current, progress } : current)),
        shouldStop: () => stop.current,
      });
      if (result.failure) logger.error('writing a confirmation list stopped', result.failure);
      setStep({ kind: 'done', fileName, result });
    } catch (error) {
      // Refused before the first chunk (the operator, the list's date): nothing was written.
      logger.error('writing a confirmation list failed', error);
      setProblem(writeFailureMessage(error, t));
      setStep(step);
    }
  };

  return {
    step,
    problem,
    listDate,
    setListDate,
    forced,
    /** Ticks or unticks a contradicting row. */
    force: (line: number, on: boolean) =>
      setForced((current) => {
        const next = new Set(current);
        if (on) next.add(line);
        else next.delete(line);
        return next;
      }),
    setMapping: (mapping: ConfirmationMapping) =>
      setStep((current) => (current.kind === 'map' ? { ...current, mapping } : current)),
    choose: () => void choose(),
    chooseSheet: (sheet: string) => void chooseSheet(sheet),
    check: () => void check(),
    write: () => void write(),
    /** Stops the writing after the chunk under way. */
    cancel: () => {
      stop.current = true;
    },
    backToColumns: () =>
      setStep((current) =>
        current.kind === 'report'
          ? { kind: 'map', fileName: current.fileName, table: current.table, mapping: current.mapping }
          : current,
      ),
    restart: () => {
      bytes.current = null;
      setProblem(null);
      setForced(new Set());
      setStep({ kind: 'pick' });
    },
  };
}
