/**
 * Version 1 of the local database: every table of docs/architecture.md#data, declared from the start so that
 * later issues add indexes with new versions instead of new tables in a hurry. Append-only: a
 * later schema is a new file and a new `version(n)`, never an edit of this one.
 */
export const SCHEMA_V1 = {
  workers: 'id, &residentId, name, countyCode, village, household, enterpriseId, status, updatedAt',
  enterprises: 'id, name, city, creditCode, updatedAt',
  openings: 'id, enterpriseId, updatedAt',
  routes: 'id, name, updatedAt',
  batches: 'id, routeId, date, status, updatedAt',
  assignments: 'id, batchId, workerId, [batchId+workerId], updatedAt',
  healthChecks: 'id, batchId, workerId, [batchId+workerId], checkedAt, updatedAt',
  checklistTicks: 'id, batchId, [batchId+item], updatedAt',
  followUps: 'id, workerId, batchId, enterpriseId, updatedAt',
  audit: '++seq, id, at, [table+recordId], operator',
  settings: 'id',
} as const;
