/**
 * Builds the follow-up register off the screen's thread (issue 17, item 7): 300,000 contacts are
 * read, put in rows and compressed here, and only the finished file crosses to the screen. Two
 * steps, so that the screen can record a full-numbers export in the audit trail between them:
 * `prepare` reads what the filter shows and says how many rows and which batches, `write` writes
 * the file, reporting progress; `cancel` stops it between two slices of rows, and nothing is kept.
 */
import { expose, transfer } from 'comlink';
import type { Language } from '@shared/domain/records';
import type { FollowUpFilter } from '@shared/followup';
// The database class alone, as the workers directory's Web Worker takes it: the index of renderer/db
// brings the screen's modules (the platform bridge reads `window`, which a Web Worker has not).
// eslint-disable-next-line no-restricted-imports
import { PlannerDatabase } from '@renderer/db/database';
import { buildRegisterFile, type RegisterProgress } from './register-file';
import { loadRegisterSource, type RegisterSourceSummary } from './register-source';

const db = new PlannerDatabase();
let prepared: Awaited<ReturnType<typeof loadRegisterSource>> | null = null;
let cancelled = false;

const api = {
  /** Reads the follow-ups `filter` shows and their contacts; answers the rows and batches the file will hold. */
  prepare: async (filter: FollowUpFilter): Promise<RegisterSourceSummary> => {
    cancelled = false;
    prepared = await loadRegisterSource(db, filter);
    return prepared.summary;
  },
  /** Writes the prepared register; null when cancelled. */
  write: async (fullNumbers: boolean, language: Language, onProgress: (progress: RegisterProgress) => void) => {
    const source = prepared;
    prepared = null;
    if (!source) throw new Error('the register was not prepared');
    const file = await buildRegisterFile(source.source, { fullNumbers, language }, onProgress, () => cancelled);
    return file ? transfer(file, [file.buffer]) : null;
  },
  cancel: () => {
    cancelled = true;
    prepared = null;
  },
};

export type RegisterWorkerApi = typeof api;

expose(api);
