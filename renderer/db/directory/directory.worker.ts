/**
 * Runs the workers directory off the UI thread (see directory-feed.ts), so typing in the search
 * box never waits for IndexedDB or for a scan, and a proposal is planned from the workers in memory
 * instead of a read of the whole table.
 */
import { expose, transfer } from 'comlink';
import type { Language } from '@shared/domain/records';
import type { PlanningPoolFilter, ProposalRequest } from '@shared/planning';
import type { RosterFormat } from '@shared/roster/read';
import { workersFile } from '@shared/roster/write';
import { PlannerDatabase } from '../database';
import type { DirectoryQuery } from './directory-core';
import { DirectoryFeed } from './directory-feed';

const feed = new DirectoryFeed(new PlannerDatabase());

const api = {
  /** Resolves once every worker is loaded and indexed; answers how many there are. */
  ready: () => feed.ready(),
  sync: () => feed.sync(),
  page: (query: DirectoryQuery, offset: number, limit: number) => feed.page(query, offset, limit),
  matchingIds: (query: DirectoryQuery) => feed.matchingIds(query),
  facets: () => feed.facets(),
  planningPool: (filter: PlanningPoolFilter) => feed.planningPool(filter),
  propose: (request: ProposalRequest) => feed.propose(request),
  /**
   * The workers the list shows (its search and filters, in its order) as a file that imports
   * again, written here: 100,000 rows never cross to the screen's thread, and writing them does
   * not stop the screen.
   */
  exportFile: async (query: DirectoryQuery, format: RosterFormat, language: Language) => {
    const { total } = await feed.page(query, 0, 0);
    const { rows } = await feed.page(query, 0, total);
    const file = await workersFile(rows, format, language);
    return transfer({ ...file, count: rows.length }, [file.bytes.buffer]);
  },
};

export type DirectoryApi = typeof api;

expose(api);
