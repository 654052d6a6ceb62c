/**
 * What the dashboard (issue 19) computes from, read from the database: the fields of each table
 * `DashboardSource` names (shared/dashboard/source.ts), soft-deleted rows included (the figures skip
 * them). Every table is asked for at once, so that IndexedDB reads one while this thread copies
 * another. Runs in the dashboard's Web Worker (renderer/features/home/dashboard.worker.ts), so it
 * takes the database rather than reaching for the screen's. docs/domain.md#dashboard-figures.
 */
import { liveQuery } from 'dexie';
import {
  DEFAULT_SETTINGS,
  type Assignment,
  type Batch,
  type Contact,
  type EmploymentPeriod,
  type Enterprise,
  type FollowUp,
  type HealthCheck,
  type Route,
  type Settings,
  type SubsidyClaim,
  type SubsidySchemeRecord,
  type Worker,
} from '@shared/domain/records';
import type {
  DashboardAssignment,
  DashboardBatch,
  DashboardClaim,
  DashboardContact,
  DashboardEnterprise,
  DashboardFollowUp,
  DashboardHealthCheck,
  DashboardPeriod,
  DashboardRoute,
  DashboardScheme,
  DashboardSource,
  DashboardWorker,
} from '@shared/dashboard';
import { database, type PlannerDatabase } from '../database';

/**
 * The fields of each record the figures read (`DashboardSource`, shared/dashboard/source.ts), one
 * picker per table: the read below and the dashboard's projection (renderer/db/dashboard) keep the
 * same fields.
 */
export const DASHBOARD_FIELDS = {
  workers: ({ id, county, countyCode, township, povertyStatus, enterpriseId, deletedAt }: Worker): DashboardWorker => ({
    id,
    county,
    countyCode,
    township,
    povertyStatus,
    enterpriseId,
    deletedAt,
  }),
  enterprises: ({ id, name, city, district, deletedAt }: Enterprise): DashboardEnterprise => ({
    id,
    name,
    city,
    district,
    deletedAt,
  }),
  routes: ({ id, legs, deletedAt }: Route): DashboardRoute => ({
    id,
    legs: legs.map(({ departureMinutes }) => ({ departureMinutes })),
    deletedAt,
  }),
  batches: ({ id, name, routeId, date, status, legs, loadFactor, deletedAt }: Batch): DashboardBatch => ({
    id,
    name,
    routeId,
    date,
    status,
    legs,
    loadFactor,
    deletedAt,
  }),
  assignments: ({ batchId, workerId, seats, boarding, deletedAt }: Assignment): DashboardAssignment => ({
    batchId,
    workerId,
    seats,
    boarding,
    deletedAt,
  }),
  healthChecks: ({
    id,
    batchId,
    workerId,
    result,
    checkedAt,
    createdAt,
    deletedAt,
  }: HealthCheck): DashboardHealthCheck => ({
    id,
    batchId,
    workerId,
    result,
    checkedAt,
    createdAt,
    deletedAt,
  }),
  followUps: ({
    id,
    workerId,
    batchId,
    enterpriseId,
    handedOverOn,
    nextDue,
    deletedAt,
  }: FollowUp): DashboardFollowUp => ({
    id,
    workerId,
    batchId,
    enterpriseId,
    handedOverOn,
    nextDue,
    deletedAt,
  }),
  contacts: ({ followUpId, date, outcome, deletedAt }: Contact): DashboardContact => ({
    followUpId,
    date,
    outcome,
    deletedAt,
  }),
  employmentPeriods: ({
    id,
    followUpId,
    enterpriseId,
    start,
    end,
    endReason,
    deletedAt,
  }: EmploymentPeriod): DashboardPeriod => ({
    id,
    followUpId,
    enterpriseId,
    start,
    end,
    endReason,
    deletedAt,
  }),
  subsidySchemes: ({ id, name, deletedAt }: SubsidySchemeRecord): DashboardScheme => ({ id, name, deletedAt }),
  subsidyClaims: (claim: SubsidyClaim): DashboardClaim => ({
    id: claim.id,
    schemeId: claim.schemeId,
    workerId: claim.workerId,
    year: claim.year,
    payee: claim.payee,
    payeeId: claim.payeeId,
    status: claim.status,
    amountFen: claim.amountFen,
    paidAmountFen: claim.paidAmountFen,
    dueOn: claim.dueOn,
    noticeFrom: claim.noticeFrom,
    paidOn: claim.paidOn,
    rejectedOn: claim.rejectedOn,
    deletedAt: claim.deletedAt,
  }),
};

/** The Settings values the figures read, the defaults where Settings were never saved. */
export function dashboardSettings(settings: Settings | undefined): DashboardSource['settings'] {
  return {
    loadFactor: settings?.loadFactor ?? DEFAULT_SETTINGS.loadFactor,
    checkValidityHours: settings?.checkValidityHours ?? DEFAULT_SETTINGS.checkValidityHours,
  };
}

export async function dashboardSource(db: PlannerDatabase): Promise<DashboardSource> {
  const [
    workers,
    enterprises,
    routes,
    batches,
    assignments,
    healthChecks,
    followUps,
    contacts,
    employmentPeriods,
    schemes,
    claims,
    settings,
  ] = await Promise.all([
    db.workers.toArray(),
    db.enterprises.toArray(),
    db.routes.toArray(),
    db.batches.toArray(),
    db.assignments.toArray(),
    db.healthChecks.toArray(),
    db.followUps.toArray(),
    db.contacts.toArray(),
    db.employmentPeriods.toArray(),
    db.subsidySchemes.toArray(),
    db.subsidyClaims.toArray(),
    db.settings.get(DEFAULT_SETTINGS.id),
  ]);
  return {
    workers: workers.map(DASHBOARD_FIELDS.workers),
    enterprises: enterprises.map(DASHBOARD_FIELDS.enterprises),
    routes: routes.map(DASHBOARD_FIELDS.routes),
    batches: batches.map(DASHBOARD_FIELDS.batches),
    assignments: assignments.map(DASHBOARD_FIELDS.assignments),
    healthChecks: healthChecks.map(DASHBOARD_FIELDS.healthChecks),
    followUps: followUps.map(DASHBOARD_FIELDS.followUps),
    contacts: contacts.map(DASHBOARD_FIELDS.contacts),
    employmentPeriods: employmentPeriods.map(DASHBOARD_FIELDS.employmentPeriods),
    schemes: schemes.map(DASHBOARD_FIELDS.subsidySchemes),
    claims: claims.map(DASHBOARD_FIELDS.subsidyClaims),
    settings: dashboardSettings(settings),
  };
}

/**
 * A value that changes whenever a record or the Settings change, read from two indexes: every write
 * of a record goes through auditedWrite with its audit row, and a backup's restore replaces the
 * trail. The dashboard reads its source again when it changes.
 */
export async function dashboardChangeSignal(): Promise<string> {
  const db = database();
  const [newest, settings] = await Promise.all([db.audit.orderBy('seq').last(), db.settings.get(DEFAULT_SETTINGS.id)]);
  return `${newest?.seq ?? 0}/${newest?.id ?? ''}/${newest?.at ?? ''}/${settings?.updatedAt ?? ''}`;
}

/**
 * Calls `onChange` with the change signal now and whenever it changes, in this window or another;
 * answers the function that stops watching.
 */
export function watchDashboardChanges(
  onChange: (signal: string) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(dashboardChangeSignal).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}
