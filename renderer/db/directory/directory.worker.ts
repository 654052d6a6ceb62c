/**
 * Runs the workers directory off the UI thread (see directory-feed.ts), so typing in the search
 * box never waits for IndexedDB or for a scan, and a proposal is planned from the workers in memory
 * instead of a read of the whole table.
 */
import { expose } from 'comlink';
import type { PlanningPoolFilter, ProposalRequest } from '@shared/planning';
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
};

export type DirectoryApi = typeof api;

expose(api);
