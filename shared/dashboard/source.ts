/**
 * What the dashboard (issue 19) computes from: one plain object of arrays, the fields it reads of
 * each stored record, as a repository reads them from the database (soft-deleted rows may be
 * given; they are skipped). Everything here is pure and runs off the UI thread: each array is read
 * once into maps, so that 100,000 workers, 300,000 contacts and 50,000 claims take single passes.
 * docs/domain.md#dashboard-figures says what each figure counts.
 */
import type {
  Assignment,
  Batch,
  BatchStatus,
  CalendarDate,
  Contact,
  EmploymentPeriod,
  Enterprise,
  FollowUp,
  HealthCheck,
  Route,
  SubsidyClaim,
  Timestamp,
  Worker,
} from '../domain/records';
import type { SubsidyScheme } from '../subsidy/scheme';

interface Live {
  deletedAt?: Timestamp | null;
}

export type DashboardWorker = Pick<
  Worker,
  'id' | 'county' | 'countyCode' | 'township' | 'povertyStatus' | 'enterpriseId'
> &
  Live;
export type DashboardEnterprise = Pick<Enterprise, 'id' | 'name' | 'city' | 'district'> & Live;
export type DashboardRoute = Pick<Route, 'id'> & { legs: readonly { departureMinutes: number }[] } & Live;
export type DashboardBatch = Pick<Batch, 'id' | 'name' | 'routeId' | 'date' | 'status' | 'legs'> &
  Partial<Pick<Batch, 'loadFactor'>> &
  Live;
export type DashboardAssignment = Pick<Assignment, 'batchId' | 'workerId' | 'seats' | 'boarding'> & Live;
export type DashboardHealthCheck = Pick<
  HealthCheck,
  'id' | 'batchId' | 'workerId' | 'result' | 'checkedAt' | 'createdAt'
> &
  Live;
export type DashboardFollowUp = Pick<
  FollowUp,
  'id' | 'workerId' | 'batchId' | 'enterpriseId' | 'handedOverOn' | 'nextDue'
> &
  Live;
export type DashboardContact = Pick<Contact, 'followUpId' | 'date' | 'outcome'> & Live;
export type DashboardPeriod = Pick<
  EmploymentPeriod,
  'id' | 'followUpId' | 'enterpriseId' | 'start' | 'end' | 'endReason'
> &
  Live;
export type DashboardScheme = Pick<SubsidyScheme, 'name'> & { id: string } & Live;
export type DashboardClaim = Pick<
  SubsidyClaim,
  | 'id'
  | 'schemeId'
  | 'workerId'
  | 'year'
  | 'payee'
  | 'payeeId'
  | 'status'
  | 'amountFen'
  | 'paidAmountFen'
  | 'dueOn'
  | 'noticeFrom'
  | 'paidOn'
  | 'rejectedOn'
> &
  Live;

export interface DashboardSource {
  workers: readonly DashboardWorker[];
  enterprises: readonly DashboardEnterprise[];
  routes: readonly DashboardRoute[];
  batches: readonly DashboardBatch[];
  assignments: readonly DashboardAssignment[];
  healthChecks: readonly DashboardHealthCheck[];
  followUps: readonly DashboardFollowUp[];
  contacts: readonly DashboardContact[];
  employmentPeriods: readonly DashboardPeriod[];
  schemes: readonly DashboardScheme[];
  claims: readonly DashboardClaim[];
  /** The Settings values the figures read: the load factor (seats) and the health-check window. */
  settings: { loadFactor: number; checkValidityHours: number };
}

/** From `departed` on, a batch has left: its passengers were sent. */
export const SENT_STATUSES: ReadonlySet<BatchStatus> = new Set<BatchStatus>([
  'departed',
  'arrived',
  'handed-over',
  'closed',
]);
/** A batch not yet departed: a draft, planned or ready. */
export const PLANNED_STATUSES: ReadonlySet<BatchStatus> = new Set<BatchStatus>(['draft', 'planned', 'ready']);

/** The months (`yyyy-MM`) from the one of `from` to the one of `to`, both included. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

export function isLive(record: Live): boolean {
  return !record.deletedAt;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!isLive(item as Live)) continue;
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function byId<T extends { id: string } & Live>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (isLive(item)) map.set(item.id, item);
  return map;
}
